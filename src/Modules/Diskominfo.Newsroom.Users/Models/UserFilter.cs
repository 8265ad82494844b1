using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.Users.Models;

/// <summary>The account list's search and filters: text (user name, full name, e-mail, NIP), role, section, disabled; one page.</summary>
public sealed record UserFilter(string? Q, string? Role, Guid? Section, bool? Disabled, int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The list's query string, with a 400 per field for what does not parse or is out of bounds.</summary>
    public static Outcome<UserFilter> Parse(string? q, string? role, string? section, string? disabled, string? page, string? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        role = string.IsNullOrWhiteSpace(role) ? null : role.Trim();
        if (role is not null && !NewsroomRoles.All.Contains(role))
        {
            errors["role"] = [$"Peran '{role}' tidak dikenal."];
        }

        Guid? sectionId = null;
        if (!string.IsNullOrWhiteSpace(section))
        {
            if (Guid.TryParse(section, out var parsedSection))
            {
                sectionId = parsedSection;
            }
            else
            {
                errors["section"] = ["Bidang/seksi tidak valid."];
            }
        }

        bool? isDisabled = null;
        if (!string.IsNullOrWhiteSpace(disabled))
        {
            if (bool.TryParse(disabled, out var parsedDisabled))
            {
                isDisabled = parsedDisabled;
            }
            else
            {
                errors["disabled"] = ["Nilai disabled harus true atau false."];
            }
        }

        var pageNumber = Number(page, 1, 1, 100_000, "page", "Halaman harus bilangan 1 atau lebih.", errors);
        var size = Number(pageSize, DefaultPageSize, 1, MaxPageSize, "pageSize",
            $"Jumlah per halaman harus bilangan 1 sampai {MaxPageSize}.", errors);
        if (q is { Length: > 200 })
        {
            errors["q"] = ["Kata pencarian paling panjang 200 karakter."];
        }

        return errors.Count > 0
            ? Outcome<UserFilter>.From(Outcome.Invalid(errors))
            : Outcome<UserFilter>.Ok(new UserFilter(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), role, sectionId, isDisabled, pageNumber, size));
    }

    private static int Number(string? value, int fallback, int min, int max, string field, string message, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors[field] = [message];
        return fallback;
    }
}
