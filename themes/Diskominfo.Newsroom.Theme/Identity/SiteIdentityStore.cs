using System.Net.Mail;
using System.Text.RegularExpressions;
using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Theme.Identity;

/// <summary>
/// Reads the identity (kept in memory until it changes) and saves it for admins: checked field by field, in
/// Indonesian, the logo by content; every node reads it again and renders every public page anew afterwards. What changed is written to the audit log
/// in the same transaction.
/// </summary>
/// <remarks>
/// Every public page asks for the identity, nearly always answered from memory: the DbContext is resolved only when
/// the database is read or written, so that a page builds no context it does not use.
/// </remarks>
internal sealed partial class SiteIdentityStore(
    IServiceProvider services, NewsroomDatabase database, IEventPublisher events, IMemoryCache cache, SiteCacheSignals signals, ILogoMaker logos,
    IOptions<SiteOptions> defaults, TimeProvider clock)
{
    /// <summary>The identity's entry in <see cref="IMemoryCache"/>, dropped on every node by <see cref="SiteCacheSignals"/>.</summary>
    internal const string CacheKey = "site-identity";

    private SiteDbContext Db => services.GetRequiredService<SiteDbContext>();

    public sealed record Changes(
        string? Name, string? Publisher, string? Address, string? Phone, string? Email,
        string? Facebook, string? Instagram, string? YouTube, string? BrandColor, byte[]? Logo, bool RemoveLogo);

    /// <summary>
    /// The identity, from memory once read. While the database cannot be reached the configured defaults stand in (not
    /// kept), so that the error page saying so can still be shown.
    /// </summary>
    public async Task<SiteIdentity> GetAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(CacheKey, out SiteIdentity? known) && known is not null)
        {
            return known;
        }

        SiteIdentityRecord? record;
        try
        {
            record = await Db.Identity.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        }
        catch (Exception e) when (NewsroomExceptionHandler.DatabaseUnreachable(e))
        {
            return Defaults();
        }

        // Every node drops it when the identity changes (a node signal); the hour only bounds what a lost signal leaves.
        return cache.Set(CacheKey, Of(record), TimeSpan.FromHours(1));
    }

    private SiteIdentity Of(SiteIdentityRecord? record)
        => record is null
            ? Defaults()
            : new SiteIdentity(record.Name, record.Publisher, record.Address, record.Phone, record.Email, record.Facebook, record.Instagram, record.YouTube,
                record.BrandColor, record.Logo is null ? null : SiteIdentity.Version(record.Logo));

    private SiteIdentity Defaults()
        => new(defaults.Value.Name, defaults.Value.Publisher, null, null, null, null, null, null, SiteIdentity.DefaultBrandColor, null);

    public Task<byte[]?> LogoAsync(CancellationToken cancellationToken)
        => Db.Identity.AsNoTracking().Select(i => i.Logo).SingleOrDefaultAsync(cancellationToken);

    public async Task<Outcome> SaveAsync(Changes changes, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(NewsroomRoles.Admin))
        {
            return Outcome.Forbidden("Identitas situs hanya dapat diubah oleh admin.");
        }

        var errors = new Dictionary<string, string[]>();
        var name = Required(changes.Name, "name", "Nama situs", 100, errors);
        var publisher = Required(changes.Publisher, "publisher", "Nama instansi", 200, errors);
        var address = Optional(changes.Address, "address", "Alamat", 300, errors);
        var phone = Optional(changes.Phone, "phone", "Telepon", 40, errors);
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            errors["phone"] = ["Telepon hanya boleh berisi angka, spasi, tanda +, - dan kurung, misalnya (0274) 123456."];
        }

        var email = Optional(changes.Email, "email", "Surel", 200, errors);
        if (email is not null && !MailAddress.TryCreate(email, out _))
        {
            errors["email"] = ["Alamat surel tidak sah, misalnya diskominfo@contohkab.go.id."];
        }

        var facebook = Link(changes.Facebook, "facebook", "facebook.com", errors);
        var instagram = Link(changes.Instagram, "instagram", "instagram.com", errors);
        var youtube = Link(changes.YouTube, "youtube", "youtube.com", errors);
        var color = (changes.BrandColor ?? SiteIdentity.DefaultBrandColor).Trim().ToLowerInvariant();
        if (!ColorPattern().IsMatch(color))
        {
            errors["brandColor"] = ["Warna utama ditulis sebagai #rrggbb, misalnya #0b4f8a."];
        }
        else if (SiteIdentity.ContrastWithWhite(color) is var contrast && contrast < 4.5)
        {
            errors["brandColor"] = [$"Warna {color} terlalu terang: teks putih di atasnya hanya berkontras {contrast:0.0}:1, padahal WCAG AA meminta paling sedikit 4,5:1. Pilih warna yang lebih gelap."];
        }

        byte[]? logo = null;
        if (changes.Logo is { Length: > 0 } upload)
        {
            var made = logos.MakeLogo(upload);
            if (made.Succeeded)
            {
                logo = made.Value;
            }
            else
            {
                errors["logo"] = [.. made.Errors?.Values.SelectMany(e => e) ?? [made.Message ?? "Logo tidak dapat dipakai."]];
            }
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors, "Identitas situs belum disimpan: periksa isian yang ditandai.");
        }

        await database.InTransactionAsync(async ct =>
        {
            var record = await Db.Identity.SingleOrDefaultAsync(ct);
            var before = AuditValues(Of(record));
            if (record is null)
            {
                record = new SiteIdentityRecord();
                Db.Identity.Add(record);
            }

            var now = clock.GetUtcNow();
            (record.Name, record.Publisher, record.Address, record.Phone, record.Email) = (name!, publisher!, address, phone, email);
            (record.Facebook, record.Instagram, record.YouTube, record.BrandColor) = (facebook, instagram, youtube, color);
            record.Logo = changes.RemoveLogo ? null : logo ?? record.Logo;
            (record.UpdatedAt, record.UpdatedBy) = (now, actor.UserName);
            await Db.SaveChangesAsync(ct);

            // Only what changed goes to the log.
            var after = AuditValues(Of(record));
            var changed = after.Keys.Where(k => before[k] != after[k]).ToList();
            if (changed.Count > 0)
            {
                await events.PublishAsync(new AuditEvent(
                    AuditActions.SettingsChanged, actor.UserId, actor.DisplayName, "site.identity", null,
                    $"Identitas situs diubah: {string.Join(", ", changed)}.", now,
                    changed.ToDictionary(k => k, k => before[k]),
                    changed.ToDictionary(k => k, k => after[k])), ct);
            }
        }, cancellationToken);
        await signals.IdentityChangedAsync(CancellationToken.None);
        return Outcome.Ok();
    }

    /// <summary>The identity as the audit log keeps it; the logo by its version (a hash of the file).</summary>
    private static Dictionary<string, string?> AuditValues(SiteIdentity identity) => new()
    {
        ["name"] = identity.Name,
        ["publisher"] = identity.Publisher,
        ["address"] = identity.Address,
        ["phone"] = identity.Phone,
        ["email"] = identity.Email,
        ["facebook"] = identity.Facebook,
        ["instagram"] = identity.Instagram,
        ["youtube"] = identity.YouTube,
        ["brandColor"] = identity.BrandColor,
        ["logo"] = identity.LogoVersion,
    };

    private static string? Required(string? value, string field, string label, int max, Dictionary<string, string[]> errors)
    {
        var text = Optional(value, field, label, max, errors);
        if (text is null)
        {
            errors[field] = [$"{label} wajib diisi."];
        }

        return text;
    }

    private static string? Optional(string? value, string field, string label, int max, Dictionary<string, string[]> errors)
    {
        // Shown on every page and in the feeds: without control characters or bidirectional overrides.
        var clean = Infrastructure.Text.UntrustedText.Clean(value);
        var text = string.IsNullOrWhiteSpace(clean) ? null : clean.Trim();
        if (text?.Length > max)
        {
            errors[field] = [$"{label} paling panjang {max} karakter."];
        }

        return text;
    }

    private static string? Link(string? value, string field, string host, Dictionary<string, string[]> errors)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is not null && !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
                                  && (uri.Host == host || uri.Host.EndsWith("." + host, StringComparison.OrdinalIgnoreCase))))
        {
            errors[field] = [$"Tautan harus alamat https:// di {host}, misalnya https://www.{host}/diskominfo.contoh."];
        }

        return text;
    }

    [GeneratedRegex("^#[0-9a-f]{6}$")]
    private static partial Regex ColorPattern();

    [GeneratedRegex(@"^[0-9+\-() ]{5,40}$")]
    private static partial Regex PhonePattern();
}
