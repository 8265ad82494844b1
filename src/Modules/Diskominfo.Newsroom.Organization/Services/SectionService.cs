using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Organization.Data;
using Diskominfo.Newsroom.Organization.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Organization.Services;

/// <summary>The admin keeps the office's bidang and seksi: list, add, change, deactivate (never delete).</summary>
internal sealed class SectionService(
    OrganizationDbContext db, OrgChart chart, StaffDirectory staff, NewsroomDatabase database, IEventPublisher events, TimeProvider clock)
{
    private const string LockKey = "organization.sections";

    /// <summary>Every bidang followed by its seksi, by name; active ones first.</summary>
    public async Task<IReadOnlyList<SectionView>> ListAsync(CancellationToken cancellationToken)
    {
        var structure = await chart.LoadAsync(cancellationToken);
        var people = await staff.AllAsync(cancellationToken);
        var ordered = structure.Sections.Where(s => s.IsBidang).OrderByDescending(b => b.Active)
            .SelectMany(b => structure.SeksiOf(b.Id).OrderByDescending(s => s.Active).Prepend(b))
            .ToList();

        // A seksi whose parent is missing cannot be made through the API; show it all the same.
        ordered.AddRange(structure.Sections.Except(ordered));
        return [.. ordered.Select(s => View(s, structure, people))];
    }

    public async Task<SectionView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var structure = await chart.LoadAsync(cancellationToken);
        return structure.Find(id) is { } section ? View(section, structure, await staff.AllAsync(cancellationToken)) : null;
    }

    public async Task<Outcome<SectionView>> CreateAsync(SectionInput input, Actor actor, CancellationToken cancellationToken)
    {
        if (Refusal(actor) is { } refused)
        {
            return Outcome<SectionView>.From(refused);
        }

        var kind = input.Kind?.Trim().ToLowerInvariant();
        var (name, code) = (Clean(input.Name), Clean(input.Code));
        var outcome = await database.InTransactionAsync(async ct =>
        {
            await database.LockAsync(LockKey, ct);
            var all = await db.Sections.ToListAsync(ct);
            var errors = new Dictionary<string, string[]>();
            var parentId = ParseParent(input.ParentId, errors);
            foreach (var (field, messages) in Section.Check(null, kind, name, code, parentId, input.Active ?? true, all))
            {
                errors.TryAdd(field, messages);
            }

            if (errors.Count > 0)
            {
                return Outcome.Invalid(errors);
            }

            var now = clock.GetUtcNow();
            var section = new Section { Id = Guid.NewGuid(), Kind = kind!, CreatedAt = now };
            section.Apply(name!, code, parentId, input.Active ?? true, now);
            db.Sections.Add(section);
            await db.SaveChangesAsync(ct);
            await events.PublishAsync(
                new AuditEvent(AuditActions.SectionCreated, actor.UserId, actor.DisplayName, "section", section.Id.ToString(),
                    $"{section.FullName} dibuat.", now, After: section.AuditValues()),
                ct);
            return Outcome<Guid>.Ok(section.Id);
        }, cancellationToken);
        return await ResultAsync(outcome, cancellationToken);
    }

    public async Task<Outcome<SectionView>> UpdateAsync(Guid id, SectionInput input, Actor actor, CancellationToken cancellationToken)
    {
        if (Refusal(actor) is { } refused)
        {
            return Outcome<SectionView>.From(refused);
        }

        var (name, code) = (Clean(input.Name), Clean(input.Code));
        var outcome = await database.InTransactionAsync(async ct =>
        {
            await database.LockAsync(LockKey, ct);
            var all = await db.Sections.ToListAsync(ct);
            var section = all.FirstOrDefault(s => s.Id == id);
            if (section is null)
            {
                return Outcome.NotFound("Bidang atau seksi tidak ditemukan.");
            }

            var errors = new Dictionary<string, string[]>();
            // A seksi always has a bidang: one sent without it keeps its own.
            var parentId = section.IsSeksi && string.IsNullOrWhiteSpace(input.ParentId) ? section.ParentId : ParseParent(input.ParentId, errors);
            var active = input.Active ?? section.Active;
            if (parentId == section.Id)
            {
                errors["parentId"] = ["Sebuah bagian tidak dapat menjadi induk dirinya sendiri."];
            }

            foreach (var (field, messages) in Section.Check(section, section.Kind, name, code, parentId, active, all))
            {
                errors.TryAdd(field, messages);
            }

            if (errors.Count > 0)
            {
                return Outcome.Invalid(errors);
            }

            var before = section.AuditValues();
            var now = clock.GetUtcNow();
            section.Apply(name!, code, parentId, active, now);
            var after = section.AuditValues();
            if (before.All(kv => after[kv.Key] == kv.Value))
            {
                return Outcome<Guid>.Ok(section.Id); // nothing changed: nothing to audit
            }

            await db.SaveChangesAsync(ct);
            await events.PublishAsync(
                new AuditEvent(AuditActions.SectionUpdated, actor.UserId, actor.DisplayName, "section", section.Id.ToString(),
                    $"{section.FullName} diubah{(before["active"] != after["active"] ? active ? " (diaktifkan kembali)" : " (dinonaktifkan)" : "")}.",
                    now, Before: Changed(before, after), After: Changed(after, before)),
                ct);
            return Outcome<Guid>.Ok(section.Id);
        }, cancellationToken);
        return await ResultAsync(outcome, cancellationToken);
    }

    private static Outcome? Refusal(Actor actor)
        => actor.IsInRole(NewsroomRoles.Admin) ? null : Outcome.Forbidden("Hanya admin sistem yang dapat mengubah susunan bidang dan seksi.");

    private async Task<Outcome<SectionView>> ResultAsync(Outcome outcome, CancellationToken cancellationToken)
    {
        chart.Invalidate();
        if (outcome is not Outcome<Guid> { Succeeded: true } saved)
        {
            return Outcome<SectionView>.From(outcome);
        }

        return Outcome<SectionView>.Ok((await GetAsync(saved.Value, cancellationToken))!);
    }

    private static Guid? ParseParent(string? parentId, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(parentId))
        {
            return null;
        }

        if (Guid.TryParse(parentId.Trim(), out var id))
        {
            return id;
        }

        errors["parentId"] = ["Induk tidak dikenal: isikan id bidang."];
        return null;
    }

    /// <summary>Trimmed, without control characters or bidirectional overrides; null when empty.</summary>
    private static string? Clean(string? text) => Infrastructure.Text.UntrustedText.Clean(text) is { } clean && !string.IsNullOrWhiteSpace(clean) ? clean.Trim() : null;

    /// <summary>Only the values that differ, so the log says what changed.</summary>
    private static Dictionary<string, string?> Changed(Dictionary<string, string?> values, Dictionary<string, string?> other)
        => values.Where(kv => other[kv.Key] != kv.Value).ToDictionary(kv => kv.Key, kv => kv.Value);

    private static SectionView View(Section section, Chart structure, IReadOnlyList<DirectoryUser> people)
    {
        var headRole = section.IsBidang ? NewsroomRoles.Kabid : NewsroomRoles.Kasi;
        var heads = people.Where(p => p.IsInRole(headRole) && structure.ScopeOf(headRole, p.SectionId) == section.Id)
            .Select(p => new PersonRef(p.Id, p.DisplayName))
            .ToList();
        var members = people.Count(p => p.SectionId == section.Id);
        var parent = structure.Find(section.ParentId);
        return new SectionView(section.Id, section.Kind, section.Name, section.Code, section.ParentId, parent?.Name, section.Active, heads, members);
    }
}
