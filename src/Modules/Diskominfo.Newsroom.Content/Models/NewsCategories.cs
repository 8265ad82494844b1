namespace Diskominfo.Newsroom.Content.Models;

/// <summary>Jenis berita: the news categories of the office.</summary>
public static class NewsCategories
{
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["pemerintahan"] = "Pemerintahan",
        ["pembangunan"] = "Pembangunan",
        ["kesehatan"] = "Kesehatan",
        ["pendidikan"] = "Pendidikan",
        ["ekonomi"] = "Ekonomi",
        ["sosial"] = "Sosial",
        ["pariwisata"] = "Pariwisata dan Budaya",
        ["lingkungan"] = "Lingkungan",
        ["olahraga"] = "Olahraga",
        ["keamanan"] = "Keamanan dan Ketertiban",
        ["umum"] = "Umum",
    };
}
