using System.Net.Mail;
using System.Text.RegularExpressions;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Users.Data;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// Checks what an admin (or the person, for their own contact details) sends for an account, field by field, in
/// Indonesian: the user name's form and uniqueness, the NIP's 18 digits, a valid unique e-mail address, the roles, and a
/// section that exists, is active and fits the roles (a Kasi's a seksi, a Kabid's a bidang, a reporter's a seksi; a Kasi who is also Kabid stays in his seksi).
/// </summary>
internal sealed partial class AccountValidator(UsersDbContext db, IOrganization organization)
{
    public async Task<Outcome<ValidAccount>> ValidateAsync(AccountInput input, string? existingId, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        string? userName = null;
        if (existingId is null)
        {
            userName = input.UserName?.Trim() ?? "";
            var normalizedUserName = userName.ToUpperInvariant();
            if (userName.Length is < 3 or > 50 || !UserNamePattern().IsMatch(userName))
            {
                errors["userName"] = ["Nama pengguna 3 sampai 50 karakter: huruf kecil, angka, titik, garis bawah, atau tanda hubung."];
            }
            else if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalizedUserName, cancellationToken))
            {
                errors["userName"] = [$"Nama pengguna '{userName}' sudah dipakai."];
            }
        }

        // Shown on every page, in feeds, workbooks and the trail: without control characters or bidirectional overrides.
        var fullName = Infrastructure.Text.UntrustedText.Clean(input.FullName)?.Trim() ?? "";
        if (fullName.Length == 0)
        {
            errors["fullName"] = ["Nama lengkap wajib diisi."];
        }
        else if (fullName.Length > 200)
        {
            errors["fullName"] = ["Nama lengkap paling panjang 200 karakter."];
        }

        var nip = Blank(input.Nip);
        if (nip is not null)
        {
            if (!NipPattern().IsMatch(nip))
            {
                errors["nip"] = ["NIP harus 18 angka."];
            }
            else if (await db.Users.AnyAsync(u => u.Nip == nip && u.Id != existingId, cancellationToken))
            {
                errors["nip"] = ["NIP ini sudah dipakai akun lain."];
            }
        }

        var email = await CheckEmailAsync(input.Email, existingId, errors, cancellationToken);
        var phone = CheckPhone(input.Phone, errors);
        var photoCredit = CheckPhotoCredit(input.PhotoCredit, errors);

        var roles = (input.Roles ?? []).Select(r => r?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (roles.Count == 0)
        {
            errors["roles"] = ["Pilih sedikitnya satu peran."];
        }
        else if (roles.FirstOrDefault(r => !NewsroomRoles.All.Contains(r)) is { } unknown)
        {
            errors["roles"] = [$"Peran '{unknown}' tidak dikenal. Peran yang ada: {string.Join(", ", NewsroomRoles.All)}."];
        }

        var section = await CheckSectionAsync(input.Section, roles, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome<ValidAccount>.From(Outcome.Invalid(errors));
        }

        return Outcome<ValidAccount>.Ok(new ValidAccount(
            userName, fullName, nip, email!, phone, [.. NewsroomRoles.All.Where(roles.Contains)], section, photoCredit));
    }

    /// <summary>A valid e-mail address (required: reset mails go there), not used by another account; null when refused.</summary>
    public async Task<string?> CheckEmailAsync(string? value, string? existingId, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var email = value?.Trim() ?? "";
        if (email.Length == 0)
        {
            errors["email"] = ["Surel wajib diisi: tautan atur ulang kata sandi dikirim ke sana."];
            return null;
        }

        if (email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            errors["email"] = [$"Surel '{email}' tidak valid."];
            return null;
        }

        var normalized = email.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized && u.Id != existingId, cancellationToken))
        {
            errors["email"] = [$"Surel '{email}' sudah dipakai akun lain."];
            return null;
        }

        return email;
    }

    public static string? CheckPhone(string? value, Dictionary<string, string[]> errors)
    {
        var phone = Blank(value);
        if (phone is not null && (phone.Length > 20 || !PhonePattern().IsMatch(phone) || phone.Count(char.IsAsciiDigit) < 6))
        {
            errors["phone"] = ["Nomor telepon hanya berisi angka, spasi, dan + di depan (paling panjang 20 karakter)."];
        }

        return phone;
    }

    public static string? CheckPhotoCredit(string? value, Dictionary<string, string[]> errors)
    {
        var credit = Blank(value);
        if (credit is { Length: > 200 })
        {
            errors["photoCredit"] = ["Nama kredit foto paling panjang 200 karakter."];
        }

        return credit;
    }

    private async Task<Guid?> CheckSectionAsync(string? value, IReadOnlyList<string> roles, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var text = Blank(value);
        if (text is null)
        {
            return null;
        }

        if (!Guid.TryParse(text, out var id))
        {
            errors["section"] = ["Bidang/seksi tidak valid."];
            return null;
        }

        var section = (await organization.ListSectionsAsync(cancellationToken)).FirstOrDefault(s => s.Id == id);
        if (section is null)
        {
            errors["section"] = ["Bidang/seksi tidak ditemukan."];
            return null;
        }

        if (!section.Active)
        {
            errors["section"] = [$"{Kind(section.Kind)} {section.Name} tidak aktif lagi."];
            return null;
        }

        // A Kasi who is also Kabid is placed in his seksi and heads its bidang as Kabid (one person, one step per item).
        var kasi = roles.Contains(NewsroomRoles.Kasi);
        var needsSeksi = kasi || roles.Contains(NewsroomRoles.Reporter);
        var needsBidang = roles.Contains(NewsroomRoles.Kabid) && !kasi;
        if (needsSeksi && needsBidang)
        {
            errors["section"] = ["Kepala Bidang ditempatkan di bidang, petugas peliput di seksi: peran ini tidak dapat digabung dalam satu bagian."];
        }
        else if (needsSeksi && section.Kind != SectionKinds.Seksi)
        {
            var role = kasi ? "Kepala Seksi" : "Petugas peliput";
            errors["section"] = [$"{role} ditempatkan di seksi, bukan di bidang."];
        }
        else if (needsBidang && section.Kind != SectionKinds.Bidang)
        {
            errors["section"] = ["Kepala Bidang ditempatkan di bidang, bukan di seksi."];
        }

        return id;
    }

    private static string Kind(string kind) => kind == SectionKinds.Bidang ? "Bidang" : "Seksi";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[a-z0-9._-]+$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex("^[0-9]{18}$")]
    private static partial Regex NipPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 ]*$")]
    private static partial Regex PhonePattern();
}
