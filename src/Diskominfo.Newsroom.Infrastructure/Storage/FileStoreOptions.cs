namespace Diskominfo.Newsroom.Infrastructure.Storage;

/// <summary>Where the files live: <c>Newsroom:Storage</c>.</summary>
public sealed class FileStoreOptions
{
    public const string Section = "Newsroom:Storage";

    /// <summary><c>Local</c> (the data folder, the default) or <c>S3</c>.</summary>
    public string Provider { get; set; } = "Local";

    public S3StoreOptions S3 { get; set; } = new();

    public bool UsesS3 => string.Equals(Provider?.Trim(), "S3", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why these settings cannot be used (in Indonesian, naming the setting), or null when they can.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Provider) || string.Equals(Provider.Trim(), "Local", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!UsesS3)
        {
            return $"Situs tidak dijalankan: penyimpanan berkas '{Provider}' (Newsroom:Storage:Provider) tidak dikenal; pilih Local atau S3.";
        }

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(S3.ServiceUrl))
        {
            missing.Add("Newsroom:Storage:S3:ServiceUrl");
        }

        if (string.IsNullOrWhiteSpace(S3.Bucket))
        {
            missing.Add("Newsroom:Storage:S3:Bucket");
        }

        if (string.IsNullOrWhiteSpace(S3.AccessKey))
        {
            missing.Add("Newsroom:Storage:S3:AccessKey");
        }

        if (string.IsNullOrWhiteSpace(S3.SecretKey))
        {
            missing.Add("Newsroom:Storage:S3:SecretKey");
        }

        if (missing.Count > 0)
        {
            return $"Situs tidak dijalankan: penyimpanan berkas S3 dipilih tetapi pengaturan berikut belum diisi: {string.Join(", ", missing)}.";
        }

        if (!Uri.TryCreate(S3.ServiceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return $"Situs tidak dijalankan: alamat penyimpanan S3 '{S3.ServiceUrl}' (Newsroom:Storage:S3:ServiceUrl) bukan alamat http(s) yang utuh, mis. https://s3.example.go.id.";
        }

        return null;
    }
}

/// <summary>An S3-compatible object store: <c>Newsroom:Storage:S3</c>.</summary>
public sealed class S3StoreOptions
{
    public string? ServiceUrl { get; set; }

    public string? Bucket { get; set; }

    /// <summary>Put before every key (e.g. <c>kabupaten/</c>), so that several sites can share one bucket.</summary>
    public string? Prefix { get; set; }

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    public string? Region { get; set; }

    /// <summary>Addresses like <c>https://host/bucket/key</c> rather than <c>https://bucket.host/key</c> (MinIO, s3rver, Garage).</summary>
    public bool ForcePathStyle { get; set; }
}
