using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Data;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Editorial.Settings;

/// <summary>
/// The approval chains and standard minutes in force: an admin's choices over the SOP defaults. Each change is written
/// to the audit log (before and after) in the same transaction.
/// </summary>
internal sealed class EditorialSettings(EditorialDbContext db, NewsroomDatabase database, IEventPublisher events, TimeProvider clock)
{
    public async Task<IReadOnlyList<string>> ChainAsync(string contentType, string kind, CancellationToken cancellationToken)
    {
        var setting = await db.Chains.AsNoTracking()
            .SingleOrDefaultAsync(c => c.ContentType == contentType && c.Kind == kind, cancellationToken);
        return setting is not null
            ? Split(setting.Roles)
            : kind == ChainKinds.Correction ? SopDefaults.CorrectionChain(contentType) : SopDefaults.Chain(contentType);
    }

    /// <summary>Standard minutes for every content type and step (admin's values, else the SOP's).</summary>
    public async Task<StandardTable> StandardsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Standards.AsNoTracking().ToListAsync(cancellationToken);
        return new StandardTable(rows.ToDictionary(r => (r.ContentType, r.Step), r => r.Minutes));
    }

    /// <summary>Every content type's chains and standard minutes per step, as in force now.</summary>
    public async Task<IReadOnlyList<Endpoints.DeskToolEndpoints.TypeSettings>> OverviewAsync(CancellationToken cancellationToken)
    {
        var standards = await StandardsAsync(cancellationToken);
        var result = new List<Endpoints.DeskToolEndpoints.TypeSettings>();
        foreach (var type in ContentTypes.All)
        {
            var chain = await ChainAsync(type, ChainKinds.Standard, cancellationToken);
            var correction = await ChainAsync(type, ChainKinds.Correction, cancellationToken);
            var steps = Steps.For(SopDefaults.ApproverRoles, type)
                .Select(step => new Endpoints.DeskToolEndpoints.StepSetting(step, Steps.Label(step, type), standards.Minutes(type, step)))
                .ToList();
            result.Add(new Endpoints.DeskToolEndpoints.TypeSettings(type, chain, correction, steps));
        }

        return result;
    }

    public async Task<Outcome> SaveChainAsync(string contentType, string kind, IReadOnlyList<string> roles, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(NewsroomRoles.Admin))
        {
            return Outcome.Forbidden("Hanya admin sistem yang dapat mengubah alur persetujuan.");
        }

        if (!ContentTypes.All.Contains(contentType) || kind is not (ChainKinds.Standard or ChainKinds.Correction))
        {
            return Outcome.NotFound("Jenis konten tidak dikenal.");
        }

        var field = kind == ChainKinds.Correction ? $"{contentType}.correction" : contentType;
        if (roles.Count == 0)
        {
            return Outcome.Invalid(field, "Alur harus memuat paling sedikit satu penyetuju; yang terakhir menandatangani.");
        }

        if (roles.Any(r => !SopDefaults.ApproverRoles.Contains(r)))
        {
            return Outcome.Invalid(field, $"Penyetuju hanya boleh: {string.Join(", ", SopDefaults.ApproverRoles.Select(NewsroomRoles.Title))}.");
        }

        if (roles.Distinct().Count() != roles.Count)
        {
            return Outcome.Invalid(field, "Satu peran tidak boleh muncul dua kali dalam alur.");
        }

        return await database.InTransactionAsync(async ct =>
        {
            var before = await ChainAsync(contentType, kind, ct);
            var setting = await db.Chains.SingleOrDefaultAsync(c => c.ContentType == contentType && c.Kind == kind, ct);
            if (setting is null)
            {
                setting = new ChainSetting { ContentType = contentType, Kind = kind };
                db.Chains.Add(setting);
            }

            var now = clock.GetUtcNow();
            setting.Roles = string.Join(',', roles);
            setting.UpdatedAt = now;
            setting.UpdatedBy = actor.DisplayName;
            await db.SaveChangesAsync(ct);
            if (!before.SequenceEqual(roles, StringComparer.Ordinal))
            {
                var name = $"{ContentTypes.Label(contentType)}{(kind == ChainKinds.Correction ? " (ralat)" : "")}";
                await events.PublishAsync(new AuditEvent(
                    AuditActions.SettingsChanged, actor.UserId, actor.DisplayName, "editorial.chain", $"{contentType}.{kind}",
                    $"Alur persetujuan {name} diubah: {Describe(before)} menjadi {Describe(roles)}.", now,
                    Before: new Dictionary<string, string?> { ["approvers"] = Describe(before) },
                    After: new Dictionary<string, string?> { ["approvers"] = Describe(roles) }), ct);
            }

            return Outcome.Ok();
        }, cancellationToken);
    }

    public async Task<Outcome> SaveStandardAsync(string contentType, string step, int minutes, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(NewsroomRoles.Admin))
        {
            return Outcome.Forbidden("Hanya admin sistem yang dapat mengubah mutu baku waktu.");
        }

        if (!ContentTypes.All.Contains(contentType) || !Steps.For(SopDefaults.ApproverRoles, contentType).Contains(step))
        {
            return Outcome.NotFound("Jenis konten atau langkah tidak dikenal.");
        }

        if (minutes is < 1 or > 60 * 24 * 30)
        {
            return Outcome.Invalid($"{contentType}.{step}", "Waktu baku harus antara 1 menit dan 30 hari (43200 menit).");
        }

        return await database.InTransactionAsync(async ct =>
        {
            var row = await db.Standards.SingleOrDefaultAsync(s => s.ContentType == contentType && s.Step == step, ct);
            var before = row?.Minutes ?? SopDefaults.StandardMinutes(contentType, step);
            if (row is null)
            {
                row = new StepStandard { ContentType = contentType, Step = step };
                db.Standards.Add(row);
            }

            var now = clock.GetUtcNow();
            row.Minutes = minutes;
            row.UpdatedAt = now;
            row.UpdatedBy = actor.DisplayName;
            await db.SaveChangesAsync(ct);
            if (before != minutes)
            {
                await events.PublishAsync(new AuditEvent(
                    AuditActions.SettingsChanged, actor.UserId, actor.DisplayName, "editorial.standard", $"{contentType}.{step}",
                    $"Waktu baku {ContentTypes.Label(contentType)}, langkah {Steps.Label(step, contentType)}: {before} menjadi {minutes} menit.", now,
                    Before: new Dictionary<string, string?> { ["minutes"] = before.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    After: new Dictionary<string, string?> { ["minutes"] = minutes.ToString(System.Globalization.CultureInfo.InvariantCulture) }), ct);
            }

            return Outcome.Ok();
        }, cancellationToken);
    }

    /// <summary>A chain as people read it: "Kepala Seksi, Kepala Bidang, Kepala Dinas".</summary>
    private static string Describe(IEnumerable<string> roles) => string.Join(", ", roles.Select(NewsroomRoles.Title));

    public static IReadOnlyList<string> Split(string roles) => roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Standard minutes looked up by content type and step.</summary>
internal sealed class StandardTable(IReadOnlyDictionary<(string ContentType, string Step), int> overrides)
{
    public int Minutes(string contentType, string step)
        => overrides.TryGetValue((contentType, step), out var minutes) ? minutes : SopDefaults.StandardMinutes(contentType, step);
}
