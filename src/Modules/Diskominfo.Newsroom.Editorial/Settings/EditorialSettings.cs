using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Data;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Editorial.Settings;

/// <summary>
/// The approval chains and standard times in force: an admin's choices over the SOP defaults. Each change is written
/// to the audit log (before and after) in the same transaction.
/// </summary>
internal sealed class EditorialSettings(
    EditorialDbContext db, NewsroomDatabase database, IEventPublisher events, IWorkingCalendar workingCalendar, TimeProvider clock)
{
    public async Task<IReadOnlyList<string>> ChainAsync(string contentType, string kind, CancellationToken cancellationToken)
    {
        var setting = await db.Chains.AsNoTracking()
            .SingleOrDefaultAsync(c => c.ContentType == contentType && c.Kind == kind, cancellationToken);
        return setting is not null
            ? Split(setting.Roles)
            : kind == ChainKinds.Correction ? SopDefaults.CorrectionChain(contentType) : SopDefaults.Chain(contentType);
    }

    /// <summary>Standard times for every content type and step (admin's values, else the SOP's).</summary>
    public async Task<StandardTable> StandardsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Standards.AsNoTracking().ToListAsync(cancellationToken);
        return new StandardTable(rows.ToDictionary(r => (r.ContentType, r.Step), r => new StandardTime(r.Amount, r.Unit)));
    }

    /// <summary>Every content type's chains and standard times per step, as in force now (minutes: the working minutes they allow).</summary>
    public async Task<IReadOnlyList<Endpoints.DeskToolEndpoints.TypeSettings>> OverviewAsync(CancellationToken cancellationToken)
    {
        var standards = await StandardsAsync(cancellationToken);
        var calendar = await workingCalendar.CurrentAsync(cancellationToken);
        var result = new List<Endpoints.DeskToolEndpoints.TypeSettings>();
        foreach (var type in ContentTypes.All)
        {
            var chain = await ChainAsync(type, ChainKinds.Standard, cancellationToken);
            var correction = await ChainAsync(type, ChainKinds.Correction, cancellationToken);
            var steps = Steps.For(SopDefaults.ApproverRoles, type)
                .Select(step => Setting(type, step, standards.For(type, step), calendar))
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

    private static Endpoints.DeskToolEndpoints.StepSetting Setting(string type, string step, StandardTime standard, WorkingCalendar calendar)
        => new(step, Steps.Label(step, type), (int)Math.Round(standard.WorkingTime(calendar).TotalMinutes), standard.Amount, standard.Unit, standard.ToString());

    /// <summary>The most a standard time may be in each unit: thirty days' worth.</summary>
    private static int MaxAmount(string unit) => unit switch
    {
        StandardTimeUnits.Hours => 30 * 24,
        StandardTimeUnits.Days => 30,
        _ => 30 * 24 * 60,
    };

    public async Task<Outcome> SaveStandardAsync(string contentType, string step, StandardTime standard, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(NewsroomRoles.Admin))
        {
            return Outcome.Forbidden("Hanya admin sistem yang dapat mengubah mutu baku waktu.");
        }

        if (!ContentTypes.All.Contains(contentType) || !Steps.For(SopDefaults.ApproverRoles, contentType).Contains(step))
        {
            return Outcome.NotFound("Jenis konten atau langkah tidak dikenal.");
        }

        if (!StandardTimeUnits.IsKnown(standard.Unit))
        {
            return Outcome.Invalid($"{contentType}.{step}", "Satuan waktu baku harus \"minutes\" (menit), \"hours\" (jam), atau \"days\" (hari kerja).");
        }

        if (standard.Amount < 1 || standard.Amount > MaxAmount(standard.Unit))
        {
            return Outcome.Invalid($"{contentType}.{step}", standard.Unit switch
            {
                StandardTimeUnits.Hours => "Waktu baku harus antara 1 dan 720 jam.",
                StandardTimeUnits.Days => "Waktu baku harus antara 1 dan 30 hari kerja.",
                _ => "Waktu baku harus antara 1 menit dan 30 hari (43200 menit).",
            });
        }

        return await database.InTransactionAsync(async ct =>
        {
            var row = await db.Standards.SingleOrDefaultAsync(s => s.ContentType == contentType && s.Step == step, ct);
            var before = row is null ? SopDefaults.Standard(contentType, step) : new StandardTime(row.Amount, row.Unit);
            if (row is null)
            {
                row = new StepStandard { ContentType = contentType, Step = step };
                db.Standards.Add(row);
            }

            var now = clock.GetUtcNow();
            row.Amount = standard.Amount;
            row.Unit = standard.Unit;
            row.UpdatedAt = now;
            row.UpdatedBy = actor.DisplayName;
            await db.SaveChangesAsync(ct);
            if (before != standard)
            {
                await events.PublishAsync(new AuditEvent(
                    AuditActions.SettingsChanged, actor.UserId, actor.DisplayName, "editorial.standard", $"{contentType}.{step}",
                    $"Waktu baku {ContentTypes.Label(contentType)}, langkah {Steps.Label(step, contentType)}: {Change(before, standard)}.", now,
                    Before: AuditValues(before), After: AuditValues(standard)), ct);
            }

            return Outcome.Ok();
        }, cancellationToken);
    }

    /// <summary>"5 menjadi 12 menit", "15 menit menjadi 1 jam".</summary>
    private static string Change(StandardTime before, StandardTime after)
        => before.Unit == after.Unit ? $"{before.Amount} menjadi {after}" : $"{before} menjadi {after}";

    /// <summary>The audit log's values: <c>minutes</c> as before units were kept, else <c>amount</c> and <c>unit</c>.</summary>
    private static Dictionary<string, string?> AuditValues(StandardTime standard)
        => standard.Unit == StandardTimeUnits.Minutes
            ? new() { ["minutes"] = standard.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            : new() { ["amount"] = standard.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), ["unit"] = standard.Unit };

    /// <summary>A chain as people read it: "Kepala Seksi, Kepala Bidang, Kepala Dinas".</summary>
    private static string Describe(IEnumerable<string> roles) => string.Join(", ", roles.Select(NewsroomRoles.Title));

    public static IReadOnlyList<string> Split(string roles) => roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Standard times looked up by content type and step.</summary>
internal sealed class StandardTable(IReadOnlyDictionary<(string ContentType, string Step), StandardTime> overrides)
{
    public StandardTime For(string contentType, string step)
        => overrides.TryGetValue((contentType, step), out var standard) ? standard : SopDefaults.Standard(contentType, step);
}
