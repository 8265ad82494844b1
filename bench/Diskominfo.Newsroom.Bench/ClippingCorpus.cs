/// <summary>
/// The words the generated clippings of the search benchmarks are made of: nouns, their affixed forms (for the
/// Indonesian stemmer), stop words, places (also in the outlets' names), tones and media types. Two kinds of text:
/// <see cref="Sentence"/> draws only from these 150 words (every query word is then in most clippings: the worst case
/// for a search engine, and no language's text), and <see cref="NaturalSentence"/> draws from a vocabulary of 40,000
/// words by Zipf's law, as news text does, with the domain words spread over the ranks 20 to 1,500.
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

    private const int VocabularySize = 40_000;

    private static readonly Lazy<(string[] Words, double[] Cumulative)> Zipf = new(BuildZipf);

    /// <summary>
    /// A sentence of natural frequencies: word of rank r drawn with probability proportional to 1/r (Zipf's law, s = 1)
    /// over 40,000 words. The stop words hold the first ranks; the domain words (nouns, their forms, places) sit at
    /// fixed ranks spread log-uniformly from 20 to 1,500, so a query word is in roughly 0.7 % to 40 % of the clippings;
    /// the rest are generated words of Indonesian syllables.
    /// </summary>
    public static string NaturalSentence(Random random, int words)
    {
        var (vocabulary, cumulative) = Zipf.Value;
        var parts = new string[words];
        for (var i = 0; i < words; i++)
        {
            var at = Array.BinarySearch(cumulative, random.NextDouble());
            parts[i] = vocabulary[Math.Min(at < 0 ? ~at : at, vocabulary.Length - 1)];
        }

        parts[0] = char.ToUpperInvariant(parts[0][0]) + parts[0][1..];
        return string.Join(' ', parts) + ".";
    }

    private static (string[] Words, double[] Cumulative) BuildZipf()
    {
        var random = new Random(7);
        var words = new string?[VocabularySize];
        for (var i = 0; i < Stop.Length; i++)
        {
            words[i] = Stop[i];
        }

        var domain = Nouns.Concat(Forms.SelectMany(f => f)).Concat(Places.Select(p => p.ToLowerInvariant())).ToArray();
        random.Shuffle(domain);
        foreach (var word in domain)
        {
            var rank = (int)Math.Exp(Math.Log(20) + (random.NextDouble() * (Math.Log(1500) - Math.Log(20))));
            while (words[rank] is not null)
            {
                rank++;
            }

            words[rank] = word;
        }

        string[] onsets = ["b", "c", "d", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "w", "y", "ng", "ny"];
        string[] vowels = ["a", "i", "u", "e", "o"];
        // No generated word is one of the query roots of the search bench (a stem of the domain words).
        var taken = new HashSet<string>(words.OfType<string>().Concat(["bangun", "jalan", "sehat", "didik", "tani", "kelola", "bantu", "atur", "layan", "baik", "tingkat", "usaha", "resmi", "tinjau", "tangan", "periksa"]));
        for (var i = 0; i < words.Length; i++)
        {
            while (words[i] is null)
            {
                var syllables = 2 + random.Next(3);
                var word = string.Concat(Enumerable.Range(0, syllables).Select(_ => onsets[random.Next(onsets.Length)] + vowels[random.Next(vowels.Length)]));
                word += random.Next(3) == 0 ? "n" : "";
                if (taken.Add(word))
                {
                    words[i] = word;
                }
            }
        }

        var cumulative = new double[words.Length];
        var sum = 0.0;
        for (var i = 0; i < words.Length; i++)
        {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }

        for (var i = 0; i < cumulative.Length; i++)
        {
            cumulative[i] /= sum;
        }

        return (words.Select(w => w!).ToArray(), cumulative);
    }
}
