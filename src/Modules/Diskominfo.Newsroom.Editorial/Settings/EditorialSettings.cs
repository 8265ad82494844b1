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
            result.Add(new Endpoints.DeskToolEndpoints.TypeSettings(type, chain, correction, steps, await ReturnModeAsync(type, cancellationToken)));
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

    /// <summary>Where a return goes for the content type: the admin's choice, else the SOPs' (<see cref="ReturnModes.Default"/>).</summary>
    public async Task<string> ReturnModeAsync(string contentType, CancellationToken cancellationToken)
        => await db.ReturnSettings.AsNoTracking().Where(r => r.ContentType == contentType).Select(r => r.ReturnTo).SingleOrDefaultAsync(cancellationToken)
           ?? ReturnModes.Default;

    public async Task<Outcome> SaveReturnModeAsync(string contentType, string? returnTo, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(NewsroomRoles.Admin))
        {
            return Outcome.Forbidden("Hanya admin sistem yang dapat mengubah arah pengembalian naskah.");
        }

        if (!ContentTypes.All.Contains(contentType))
        {
            return Outcome.NotFound("Jenis konten tidak dikenal.");
        }

        if (returnTo is null || !ReturnModes.All.Contains(returnTo))
        {
            return Outcome.Invalid("returnTo", "Arah pengembalian harus \"previous\" (ke langkah sebelumnya, sesuai SOP) atau \"writer\" (selalu ke penulis).");
        }

        return await database.InTransactionAsync(async ct =>
        {
            var row = await db.ReturnSettings.SingleOrDefaultAsync(r => r.ContentType == contentType, ct);
            var before = row?.ReturnTo ?? ReturnModes.Default;
            if (row is null)
            {
                row = new ReturnSetting { ContentType = contentType };
                db.ReturnSettings.Add(row);
            }

            var now = clock.GetUtcNow();
            row.ReturnTo = returnTo;
            row.UpdatedAt = now;
            row.UpdatedBy = actor.DisplayName;
            await db.SaveChangesAsync(ct);
            if (before != returnTo)
            {
                await events.PublishAsync(new AuditEvent(
                    AuditActions.SettingsChanged, actor.UserId, actor.DisplayName, "editorial.return", contentType,
                    $"Arah pengembalian {ContentTypes.Label(contentType)} diubah: {ReturnModes.Label(before)} menjadi {ReturnModes.Label(returnTo)}.", now,
                    Before: new Dictionary<string, string?> { ["returnTo"] = before },
                    After: new Dictionary<string, string?> { ["returnTo"] = returnTo }), ct);
            }

            return Outcome.Ok();
        }, cancellationToken);
    }

    /// <summary>The checklist of every channel for the content type: the admin's, else the defaults.</summary>
    public async Task<IReadOnlyList<Models.ChannelChecks>> ChecklistAsync(string contentType, CancellationToken cancellationToken)
    {
        var rows = await db.Checklists.AsNoTracking().Where(c => c.ContentType == contentType).ToListAsync(cancellationToken);
        return [.. ChecklistChecks.Channels.Select(channel => rows.FirstOrDefault(r => r.Channel == channel) is { } row
            ? new Models.ChannelChecks(channel, Split(row.Checks), row.MinCropPercent)
            : new Models.ChannelChecks(channel, ChecklistChecks.Defaults(contentType, channel)))];
    }

    public async Task<Outcome> SaveChecklistAsync(
        string contentType, string channel, IReadOnlyCollection<string> checks, int minCropPercent, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(NewsroomRoles.Admin))
        {
            return Outcome.Forbidden("Hanya admin sistem yang dapat mengubah daftar periksa.");
        }

        if (!ContentTypes.All.Contains(contentType) || !ChecklistChecks.Channels.Contains(channel))
        {
            return Outcome.NotFound("Jenis konten atau kanal tidak dikenal.");
        }

        if (checks.FirstOrDefault(c => !ChecklistChecks.For(channel).Contains(c)) is { } unknown)
        {
            return Outcome.Invalid($"{contentType}.{channel}", $"Pemeriksaan '{(unknown.Length > 40 ? unknown[..40] : unknown)}' tidak dikenal untuk kanal {Abstractions.Publishing.PublicationChannels.Label(channel)}.");
        }

        if (minCropPercent is < 1 or > 100)
        {
            return Outcome.Invalid($"{contentType}.{channel}.minCropPercent", "Bagian foto yang harus tersisa dalam potongan Instagram harus antara 1 dan 100 persen.");
        }

        return await database.InTransactionAsync(async ct =>
        {
            var before = (await ChecklistAsync(contentType, ct)).Single(c => c.Channel == channel);
            var row = await db.Checklists.SingleOrDefaultAsync(c => c.ContentType == contentType && c.Channel == channel, ct);
            if (row is null)
            {
                row = new ChecklistSetting { ContentType = contentType, Channel = channel };
                db.Checklists.Add(row);
            }

            var now = clock.GetUtcNow();
            var ordered = ChecklistChecks.All.Where(checks.Contains).ToList();
            row.Checks = string.Join(',', ordered);
            row.MinCropPercent = minCropPercent;
            row.UpdatedAt = now;
            row.UpdatedBy = actor.DisplayName;
            await db.SaveChangesAsync(ct);
            var was = string.Join(',', ChecklistChecks.All.Where(before.Checks.Contains));
            if (was != row.Checks || before.MinCropPercent != minCropPercent)
            {
                await events.PublishAsync(new AuditEvent(
                    AuditActions.SettingsChanged, actor.UserId, actor.DisplayName, "editorial.checklist", $"{contentType}.{channel}",
                    $"Daftar periksa {ContentTypes.Label(contentType)} untuk {Abstractions.Publishing.PublicationChannels.Label(channel)} diubah.", now,
                    Before: new Dictionary<string, string?> { ["checks"] = was, ["minCropPercent"] = before.MinCropPercent.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    After: new Dictionary<string, string?> { ["checks"] = row.Checks, ["minCropPercent"] = minCropPercent.ToString(System.Globalization.CultureInfo.InvariantCulture) }), ct);
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
