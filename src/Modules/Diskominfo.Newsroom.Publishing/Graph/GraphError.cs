namespace Diskominfo.Newsroom.Publishing.Graph;

/// <summary>The <c>error</c> object of a Graph API answer.</summary>
internal sealed record GraphError(int Code, int? Subcode, string Message, string? UserMessage, bool IsTransient)
{
    /// <summary>What the client does about an error: decided on code and subcode, never on status or text (graph-api.md).</summary>
    public GraphErrorKind Kind => (Code, Subcode) switch
    {
        (4, 2207051) => GraphErrorKind.Refused,
        (9, 2207042) => GraphErrorKind.QuotaReached,
        (9007, _) => GraphErrorKind.NotReady,
        (24, _) or (-2, 2207020) => GraphErrorKind.ContainerGone,
        (-2, _) or (-1, _) or (1, _) or (2, _) => GraphErrorKind.Transient,
        (4, _) or (17, _) or (32, _) or (613, _) or (80001, _) or (80002, _) => GraphErrorKind.RateLimited,
        (368, 1390008) => GraphErrorKind.RateLimited,
        (368, _) or (506, _) => GraphErrorKind.Duplicate,
        (190, _) or (25, _) => GraphErrorKind.Disconnected,
        (10, _) => GraphErrorKind.Disconnected,
        ( >= 200 and <= 299, _) => GraphErrorKind.Disconnected,
        (36000, _) or (36001, _) or (36003, _) or (36004, _) or (100, 2207040) => GraphErrorKind.OurBug,
        (9004, _) => GraphErrorKind.ImageUnreachable,
        _ => IsTransient ? GraphErrorKind.Transient : GraphErrorKind.Refused,
    };

    public string Describe() => Kind switch
    {
        GraphErrorKind.Disconnected => $"Token atau izin kanal tidak berlaku lagi (kode {Code}{Sub}). Admin perlu menyambungkan ulang kanal. Pesan Meta: {Message}",
        GraphErrorKind.RateLimited => $"Dibatasi sementara oleh Meta (kode {Code}{Sub}); dicoba lagi nanti. Pesan Meta: {Message}",
        GraphErrorKind.QuotaReached => $"Kuota publikasi Instagram 24 jam habis (kode {Code}{Sub}); menunggu kuota pulih.",
        GraphErrorKind.ImageUnreachable => $"Meta tidak dapat mengambil foto dari alamat publik situs (kode {Code}{Sub}). Pastikan Newsroom:PublicBaseUrl dapat diakses dari internet.",
        GraphErrorKind.Transient => $"Gangguan sementara di Meta (kode {Code}{Sub}); dicoba lagi. Pesan Meta: {Message}",
        GraphErrorKind.Duplicate => $"Meta menolak karena konten sama sudah ada (kode {Code}{Sub}).",
        GraphErrorKind.OurBug => $"Meta menolak isi kiriman (kode {Code}{Sub}: {OurBugReason}). Ini kesalahan Newsroom, bukan Meta; laporkan ke pengelola sistem. Pesan Meta: {Message}",
        GraphErrorKind.NotReady => $"Kontainer Instagram belum siap (kode {Code}{Sub}); diperiksa lagi.",
        GraphErrorKind.ContainerGone => $"Kontainer Instagram kedaluwarsa atau tidak ditemukan (kode {Code}{Sub}); dibuat ulang.",
        _ => $"Ditolak Meta (kode {Code}{Sub}): {UserMessage ?? Message}",
    };

    private string OurBugReason => Code switch
    {
        36000 => "foto lebih dari 8 MiB",
        36001 => "format foto tidak didukung",
        36003 => "rasio foto tidak didukung",
        36004 => "takarir terlalu panjang",
        _ => "terlalu banyak @-sebutan",
    };

    /// <summary>Code and subcode as the operator sees them: <c>190/463</c>.</summary>
    public string CodeText => Code.ToString(System.Globalization.CultureInfo.InvariantCulture) + Sub;

    private string Sub => Subcode is null ? "" : $"/{Subcode}";
}

internal enum GraphErrorKind
{
    Transient,
    RateLimited,
    QuotaReached,
    NotReady,
    ContainerGone,
    Duplicate,
    Disconnected,
    ImageUnreachable,
    Refused,

    /// <summary>Meta refused what we sent (image size, format, ratio, caption): a fault of ours, never retried.</summary>
    OurBug,
}
