using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Coordination.Data;
using Diskominfo.Newsroom.Coordination.Models;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Coordination.Services;

/// <summary>
/// A step of the chain on one activity: the post is checked by the office's structure (a Plh/Plt in force acts for the
/// holder), the activity guards its own rules, and the step, its notice and its audit entry commit together. One step
/// on an activity at a time: the second of two at once finds the status already moved.
/// </summary>
internal sealed class ActivityChain(
    CoordinationDbContext db, NewsroomDatabase database, IOrganization organization, IEventPublisher events, TimeProvider clock,
    ILogger<ActivityChain> logger)
{
    public async Task<Outcome> TakeAsync(Guid id, string actionName, string? note, Actor actor, CancellationToken cancellationToken)
    {
        if (note?.Length > ActivityLimits.Note)
        {
            return Outcome.Invalid("note", $"Catatan paling panjang {ActivityLimits.Note} karakter.");
        }

        return await database.InTransactionAsync(async ct =>
        {
            await database.LockAsync($"coordination-activity:{id}", ct);
            var activity = await db.Activities.Include(a => a.Trail).SingleOrDefaultAsync(a => a.Id == id, ct);
            if (activity is null)
            {
                return Outcome.NotFound("Kegiatan tidak ditemukan.");
            }

            var action = ActivityAction.Find(actionName, activity.Status);
            if (action is null)
            {
                return Outcome.NotFound("Langkah tidak dikenal.");
            }

            var now = clock.GetUtcNow();
            var post = await organization.AuthorizeStepAsync(actor, action.Role, activity.SectionId, now, ct);
            if (!post.Succeeded)
            {
                return Outcome.Forbidden($"Langkah '{action.Label}' hanya untuk {NewsroomRoles.Title(action.Role)} yang berwenang. {post.Message}".TrimEnd());
            }

            if (action.NoteRequired && action.AppliesTo(activity.Status) && string.IsNullOrWhiteSpace(note))
            {
                return Outcome.Invalid("note", $"Catatan wajib diisi untuk '{action.Label}'.");
            }

            var from = activity.Status;
            if (activity.Take(action, actor.UserId, actor.DisplayName, post.Value!.LegalForm, note, now) is { } refusal)
            {
                return Outcome.Conflict(refusal);
            }

            await db.SaveChangesAsync(ct);
            if (ActivityNotices.After(activity, action, actor, note, now) is { } notice)
            {
                await events.PublishAsync(notice, ct);
            }

            await events.PublishAsync(new AuditEvent(
                AuditActions.ActivityStepTaken, actor.UserId, actor.DisplayName, "activity", activity.Id.ToString(),
                $"Undangan {activity.AgendaNumber}: {action.TrailLabel} oleh {actor.DisplayName} ({post.Value.LegalForm}).", now,
                Before: new Dictionary<string, string?> { ["status"] = from },
                After: new Dictionary<string, string?> { ["status"] = activity.Status, ["action"] = action.Name, ["note"] = note?.Trim() }), ct);
            Log.StepTaken(logger, activity.Id, action.Name, actor.UserId, activity.Status);
            return Outcome.Ok();
        }, cancellationToken);
    }
}
