namespace Diskominfo.Newsroom.Users.Services;

/// <summary>The Indonesian answers of the sign-in form and the API login (the English ones are in DeskText.en.resx).</summary>
public static class SignInMessages
{
    /// <summary>The one answer for an unknown user and a wrong password.</summary>
    public const string InvalidCredentials = "Nama pengguna atau kata sandi salah.";

    public const string LockedOut = "Terlalu banyak percobaan masuk yang gagal. Akun dikunci sementara; coba lagi nanti atau minta admin membuka kuncinya.";

    public const string Disabled = SignInRecorder.DisabledMessage;

    public const string CodeRequired = "Akun ini memakai verifikasi dua langkah. Masukkan kode 6 angka dari aplikasi autentikator atau salah satu kode pemulihan.";

    public const string InvalidCode = "Kode verifikasi salah atau sudah kedaluwarsa.";

    public const string SetupRequired = "Peran Anda wajib memakai verifikasi dua langkah. Aktifkan dulu di halaman /akun/2fa.";
}
