namespace Diskominfo.Newsroom.Organization.Data;

/// <summary>
/// The days off of 2026 as the joint decree set them (SKB Menteri Agama, Menteri Ketenagakerjaan and Menteri PANRB
/// Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025): 17 national holidays and 8 days of cuti bersama.
/// The migration that created the table put them in; from then on they are the admin's to edit.
/// </summary>
internal static class SkbDaysOff2026
{
    public const string Source = "SKB 3 Menteri tentang hari libur nasional dan cuti bersama 2026";

    public static readonly string[] Columns = ["Date", "Name", "Kind", "UpdatedAt", "UpdatedBy"];

    /// <summary>The rows as a migration inserts them; <paramref name="stored"/> gives the provider's value of the time written.</summary>
    public static object[,] Rows(Func<DateTimeOffset, object> stored)
    {
        var at = stored(new DateTimeOffset(2025, 11, 19, 0, 0, 0, TimeSpan.Zero));
        var rows = new object[Days.Count, Columns.Length];
        for (var i = 0; i < Days.Count; i++)
        {
            rows[i, 0] = Days[i].Date;
            rows[i, 1] = Days[i].Name;
            rows[i, 2] = Days[i].Kind;
            rows[i, 3] = at;
            rows[i, 4] = Source;
        }

        return rows;
    }

    public static IReadOnlyList<(DateOnly Date, string Name, string Kind)> Days { get; } =
    [
        (new(2026, 1, 1), "Tahun Baru 2026 Masehi", "holiday"),
        (new(2026, 1, 16), "Isra Mikraj Nabi Muhammad SAW", "holiday"),
        (new(2026, 2, 16), "Cuti bersama Tahun Baru Imlek 2577 Kongzili", "cuti-bersama"),
        (new(2026, 2, 17), "Tahun Baru Imlek 2577 Kongzili", "holiday"),
        (new(2026, 3, 18), "Cuti bersama Hari Suci Nyepi (Tahun Baru Saka 1948)", "cuti-bersama"),
        (new(2026, 3, 19), "Hari Suci Nyepi (Tahun Baru Saka 1948)", "holiday"),
        (new(2026, 3, 20), "Cuti bersama Idulfitri 1447 Hijriah", "cuti-bersama"),
        (new(2026, 3, 21), "Idulfitri 1447 Hijriah", "holiday"),
        (new(2026, 3, 22), "Idulfitri 1447 Hijriah", "holiday"),
        (new(2026, 3, 23), "Cuti bersama Idulfitri 1447 Hijriah", "cuti-bersama"),
        (new(2026, 3, 24), "Cuti bersama Idulfitri 1447 Hijriah", "cuti-bersama"),
        (new(2026, 4, 3), "Wafat Yesus Kristus", "holiday"),
        (new(2026, 4, 5), "Kebangkitan Yesus Kristus (Paskah)", "holiday"),
        (new(2026, 5, 1), "Hari Buruh Internasional", "holiday"),
        (new(2026, 5, 14), "Kenaikan Yesus Kristus", "holiday"),
        (new(2026, 5, 15), "Cuti bersama Kenaikan Yesus Kristus", "cuti-bersama"),
        (new(2026, 5, 27), "Iduladha 1447 Hijriah", "holiday"),
        (new(2026, 5, 28), "Cuti bersama Iduladha 1447 Hijriah", "cuti-bersama"),
        (new(2026, 5, 31), "Hari Raya Waisak 2570 BE", "holiday"),
        (new(2026, 6, 1), "Hari Lahir Pancasila", "holiday"),
        (new(2026, 6, 16), "1 Muharam Tahun Baru Islam 1448 Hijriah", "holiday"),
        (new(2026, 8, 17), "Hari Proklamasi Kemerdekaan Republik Indonesia", "holiday"),
        (new(2026, 8, 25), "Maulid Nabi Muhammad SAW", "holiday"),
        (new(2026, 12, 24), "Cuti bersama Hari Raya Natal", "cuti-bersama"),
        (new(2026, 12, 25), "Kelahiran Yesus Kristus (Hari Raya Natal)", "holiday"),
    ];
}
