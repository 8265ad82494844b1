using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Coordination.Data;
using Diskominfo.Newsroom.Coordination.Models;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Coordination.Services;

/// <summary>
/// The standard times of the coordination flow in force: an admin's choices over the SOP's. Each change is written to
/// the audit log (before and after) in the same transaction.
/// </summary>
internal sealed class CoordinationStandards(CoordinationDbContext db, NewsroomDatabase database, IEventPublisher events, TimeProvider clock)
{
    /// <summary>Every step's standard time (admin's value, else the SOP's), in the order of <see cref="CoordinationSteps.All"/>.</summary>
    public async Task<IReadOnlyDictionary<string, StandardTime>> CurrentAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Standards.AsNoTracking().ToDictionaryAsync(s => s.Step, cancellationToken);
        return CoordinationSteps.All.ToDictionary(
            step => step,
            step => rows.TryGetValue(step, out var row) ? new StandardTime(row.Amount, row.Unit) : CoordinationSteps.SopDefault(step));
    }

    /// <summary>Saves the given steps' standard times, all or none.</summary>
    public async Task<Outcome> SaveAsync(IReadOnlyDictionary<string, StandardTime> values, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(NewsroomRoles.Admin))
        {
            return Outcome.Forbidden("Hanya admin sistem yang dapat mengubah waktu baku koordinasi.");
        }

        var errors = new Dictionary<string, string[]>();
        foreach (var (step, value) in values)
        {
            if (!CoordinationSteps.All.Contains(step))
            {
                errors[step] = ["Langkah tidak dikenal."];
            }
            else if (Problem(value) is { } problem)
            {
                errors[step] = [$"{CoordinationSteps.Label(step)}: {problem}"];
            }
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        return await database.InTransactionAsync(async ct =>
        {
            var before = await CurrentAsync(ct);
            var now = clock.GetUtcNow();
            foreach (var (step, value) in values.Where(v => before[v.Key] != v.Value))
            {
                var row = await db.Standards.SingleOrDefaultAsync(s => s.Step == step, ct);
                if (row is null)
                {
                    row = new StandardSetting { Step = step };
                    db.Standards.Add(row);
                }

                row.Amount = value.Amount;
                row.Unit = value.Unit;
                row.UpdatedAt = now;
                row.UpdatedBy = actor.DisplayName;
                await db.SaveChangesAsync(ct);
                await events.PublishAsync(new AuditEvent(
                    AuditActions.SettingsChanged, actor.UserId, actor.DisplayName, "coordination.standard", step,
                    $"Waktu baku koordinasi, langkah {CoordinationSteps.Label(step)}: {before[step]} menjadi {value}.", now,
                    Before: Describe(before[step]), After: Describe(value)), ct);
            }

            return Outcome.Ok();
        }, cancellationToken);
    }

    /// <summary>Why a standard time cannot be used, or null: a known unit, at least 1 and at most 30 working days' worth.</summary>
    public static string? Problem(StandardTime value) => value.Unit switch
    {
        _ when !StandardTimeUnits.IsKnown(value.Unit) => "satuan harus menit, jam, atau hari kerja.",
        StandardTimeUnits.Minutes when value.Amount is < 1 or > 43200 => "antara 1 dan 43200 menit.",
        StandardTimeUnits.Hours when value.Amount is < 1 or > 720 => "antara 1 dan 720 jam.",
        StandardTimeUnits.Days when value.Amount is < 1 or > 30 => "antara 1 dan 30 hari kerja.",
        _ => null,
    };

    private static Dictionary<string, string?> Describe(StandardTime value) => new()
    {
        ["amount"] = value.Amount.ToString(CultureInfo.InvariantCulture),
        ["unit"] = value.Unit,
    };
}
