using System.Text;
using Diskominfo.Newsroom.Abstractions.Notifications;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// Password-reset links: <c>{DeskBaseUrl}/atur-ulang-kata-sandi?token=...</c>, the token being base64url of
/// "userId:identityToken"; valid one hour and once (see <see cref="ResetLinkTokenProvider"/>), mailed through the outbox.
/// </summary>
internal sealed class ResetLinks(UserManager<NewsroomUser> users, IMailOutbox mail)
{
    public const string PagePath = "/atur-ulang-kata-sandi";

    public async Task SendAsync(NewsroomUser user, CancellationToken cancellationToken)
    {
        var identityToken = await users.GeneratePasswordResetTokenAsync(user);
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{user.Id}:{identityToken}"));
        var link = $"{mail.DeskBaseUrl}{PagePath}?token={token}";
        var body = $"""
            Yth. {user.DisplayName},

            Ada permintaan untuk mengatur ulang kata sandi akun Newsroom Anda ({user.UserName}).
            Buka tautan berikut dalam satu jam untuk memilih kata sandi baru (tautan hanya dapat dipakai sekali):

            {link}

            Jika Anda tidak meminta ini, abaikan surel ini; kata sandi Anda tidak berubah.

            -- Newsroom Diskominfo
            """;
        await mail.QueueAsync(user.Email!, user.DisplayName, "Atur ulang kata sandi Newsroom", body, cancellationToken);
    }

    /// <summary>The user id and Identity's token inside a link's token, or null when it is not one of ours.</summary>
    public static (string UserId, string IdentityToken)? Decode(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 4000)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token.Trim()));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && colon < text.Length - 1 ? (text[..colon], text[(colon + 1)..]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
