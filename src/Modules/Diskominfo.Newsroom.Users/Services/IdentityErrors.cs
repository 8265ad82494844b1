using Diskominfo.Newsroom.Abstractions.Results;
using Microsoft.AspNetCore.Identity;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>Identity's refusals as per-field validation errors (in Indonesian, from <see cref="IndonesianIdentityErrorDescriber"/>).</summary>
internal static class IdentityErrors
{
    public static Outcome ToOutcome(IdentityResult result, string passwordField = "password")
    {
        var errors = result.Errors
            .GroupBy(e => FieldOf(e.Code, passwordField))
            .ToDictionary(g => g.Key, g => g.Select(Describe).Distinct(StringComparer.Ordinal).ToArray());
        return Outcome.Invalid(errors);
    }

    public const string InvalidResetToken = "Tautan atur ulang kata sandi tidak berlaku: salah, sudah dipakai, atau sudah lewat satu jam. Minta tautan baru.";

    private static string Describe(IdentityError error) => error.Code switch
    {
        "PasswordMismatch" => "Kata sandi sekarang salah.",
        "InvalidToken" => InvalidResetToken,
        "ConcurrencyFailure" => "Akun baru saja diubah orang lain; muat ulang dan coba lagi.",
        "PasswordRequiresUniqueChars" => "Kata sandi terlalu sedikit memuat karakter yang berbeda.",
        _ => error.Description,
    };

    private static string FieldOf(string code, string passwordField) => code switch
    {
        "DuplicateUserName" or "InvalidUserName" => "userName",
        "DuplicateEmail" or "InvalidEmail" => "email",
        "PasswordMismatch" => "currentPassword",
        "InvalidToken" => "token",
        "DuplicateRoleName" or "InvalidRoleName" or "UserAlreadyInRole" or "UserNotInRole" => "roles",
        "ConcurrencyFailure" => "account",
        _ when code.StartsWith("Password", StringComparison.Ordinal) || code == "DemoPassword" => passwordField,
        _ => "account",
    };
}
