using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Coverage.Data;
using Diskominfo.Newsroom.Coverage.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Coverage.Services;

/// <summary>The standard times of the coverage steps: the admin's settings, else the SOP's.</summary>
internal sealed class CoverageStandards(CoverageDbContext db)
{
    public const int MaxAmount = 10_000;

    public async Task<IReadOnlyDictionary<string, StandardTime>> GetAsync(CancellationToken cancellationToken)
    {
        var stored = await db.Standards.AsNoTracking().ToDictionaryAsync(s => s.Step, cancellationToken);
        return CoverageSteps.All.ToDictionary(
            d => d.Step,
            d => stored.TryGetValue(d.Step, out var s) ? new StandardTime(s.Amount, s.Unit) : d.Default);
    }

    /// <summary>Saves every step's standard, or refuses the lot with the fields in error (Indonesian).</summary>
    public async Task<Outcome> SaveAsync(IReadOnlyDictionary<string, StandardTime> standards, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (step, time) in standards)
        {
            if (CoverageSteps.Find(step) is null)
            {
                errors[step] = ["Langkah tidak dikenal."];
            }
            else if (time.Amount is < 1 or > MaxAmount)
            {
                errors[step] = [$"Waktu baku harus antara 1 dan {MaxAmount}."];
            }
            else if (!StandardTimeUnits.IsKnown(time.Unit))
            {
                errors[step] = ["Satuan harus menit, jam atau hari kerja."];
            }
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var stored = await db.Standards.ToDictionaryAsync(s => s.Step, cancellationToken);
        foreach (var (step, time) in standards)
        {
            if (!stored.TryGetValue(step, out var row))
            {
                row = new StandardSetting { Step = step };
                db.Standards.Add(row);
            }

            row.Amount = time.Amount;
            row.Unit = time.Unit;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok();
    }
}
