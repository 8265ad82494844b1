namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>
/// What a request over a limit is told, in Indonesian: a title, the sentence saying what was limited (the wait is
/// added to it), and for pages where to go back to.
/// </summary>
public sealed record RateLimitNotice(string Title, string Sentence, string BackPath, string BackLabel)
{
    /// <summary>Sign-in and password reset: the words the first limits used.</summary>
    public static RateLimitNotice SignIn { get; } = new(
        "Terlalu banyak percobaan", "Terlalu banyak percobaan dari alamat Anda dalam waktu singkat.", "/masuk", "Kembali ke halaman masuk");
}
