/// <summary>
/// The words the generated clippings of the search benchmarks are made of: nouns, their affixed forms (for the
/// Indonesian stemmer), stop words, places (also in the outlets' names), tones and media types.
/// </summary>
internal static class ClippingCorpus
{
    public static readonly string[] Nouns =
    [
        "jembatan", "sekolah", "puskesmas", "pasar", "bupati", "camat", "desa", "kecamatan", "warga", "anggaran", "program", "kegiatan",
        "gantung", "irigasi", "sawah", "banjir", "sampah", "air", "bersih", "listrik", "internet", "wisata", "festival", "budaya", "lomba",
        "olahraga", "stunting", "vaksin", "beras", "harga", "stok", "gudang", "terminal", "bus", "angkutan", "rumah", "sakit", "dokter",
        "guru", "murid", "kantor", "dinas", "pegawai", "jalan", "tol", "lampu", "taman", "masjid", "gereja", "nelayan", "kapal", "pelabuhan",
    ];

    public static readonly string[][] Forms =
    [
        ["pembangunan", "membangun", "dibangun", "bangunan"], ["perjalanan", "menjalankan", "dijalankan"], ["kesehatan", "menyehatkan", "sehat"],
        ["pendidikan", "mendidik", "pendidik"], ["petani", "pertanian"], ["pengelolaan", "mengelola", "dikelola"], ["bantuan", "membantu", "dibantu"],
        ["peraturan", "mengatur", "diatur"], ["pelayanan", "melayani", "dilayani"], ["perbaikan", "memperbaiki", "diperbaiki"],
        ["peningkatan", "meningkatkan", "ditingkatkan"], ["pengusaha", "berusaha", "usaha"], ["peresmian", "meresmikan", "diresmikan"],
        ["peninjauan", "meninjau", "ditinjau"], ["penanganan", "menangani", "ditangani"], ["pemeriksaan", "memeriksa", "diperiksa"],
    ];

    public static readonly string[] Stop = ["yang", "di", "dan", "untuk", "dengan", "pada", "ke", "dari", "ini", "itu", "akan", "telah", "oleh", "dalam"];

    public static readonly string[] Places = ["Raya", "Makmur", "Sari", "Jaya", "Indah", "Sejahtera", "Mulya", "Asri", "Lestari", "Bahagia"];

    public static readonly string[] Tones = ["positif", "netral", "negatif"];

    public static readonly string[] MediaTypes = ["koran", "majalah", "tabloid"];

    /// <summary>The 40 outlets, named after the places.</summary>
    public static string[] Outlets() => Enumerable.Range(0, 40).Select(i => i switch
    {
        < 20 => $"Harian {Places[i % 10]} {(i < 10 ? "Pos" : "Ekspres")}",
        < 30 => $"Radar {Places[i % 10]}",
        _ => $"Tabloid {Places[i % 10]}",
    }).ToArray();

    public static string Sentence(Random random, int words)
    {
        var parts = new string[words];
        for (var i = 0; i < words; i++)
        {
            var roll = random.Next(100);
            parts[i] = roll switch
            {
                < 40 => Nouns[random.Next(Nouns.Length)],
                < 70 => Forms[random.Next(Forms.Length)] is var f ? f[random.Next(f.Length)] : "",
                < 90 => Stop[random.Next(Stop.Length)],
                _ => Places[random.Next(Places.Length)],
            };
        }

        parts[0] = char.ToUpperInvariant(parts[0][0]) + parts[0][1..];
        return string.Join(' ', parts) + ".";
    }
}
