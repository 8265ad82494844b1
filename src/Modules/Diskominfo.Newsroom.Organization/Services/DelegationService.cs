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

/// <summary>The Kadis or an admin appoints and revokes acting officials (Plh/Plt); everyone on the desk may see them.</summary>
internal sealed class DelegationService(
    OrganizationDbContext db, OrgChart chart, IUserDirectory directory, NewsroomDatabase database, IEventPublisher events, TimeProvider clock)
{
    private const string LockKey = "organization.delegations";

    public static bool MayManage(Actor actor) => actor.IsInRole(NewsroomRoles.Kadis) || actor.IsInRole(NewsroomRoles.Admin);

    /// <summary>Every appointment (or only those in force today), the latest period first.</summary>
    public async Task<IReadOnlyList<DelegationView>> ListAsync(bool inForceOnly, CancellationToken cancellationToken)
    {
        var today = WibDates.Of(clock.GetUtcNow());
        var rows = await db.Delegations.AsNoTracking().ToListAsync(cancellationToken);
        var structure = await chart.LoadAsync(cancellationToken);
        return [.. rows.Where(d => !inForceOnly || d.InForceOn(today))
            .OrderByDescending(d => d.From).ThenByDescending(d => d.CreatedAt)
            .Select(d => View(d, structure, today))];
    }

    public async Task<Outcome<DelegationView>> AppointAsync(DelegationInput input, Actor actor, CancellationToken cancellationToken)
    {
        if (!MayManage(actor))
        {
            return Outcome<DelegationView>.From(Outcome.Forbidden("Hanya Kepala Dinas atau admin sistem yang dapat menunjuk Plh/Plt."));
        }

        var structure = await chart.LoadAsync(cancellationToken);
        var today = WibDates.Of(clock.GetUtcNow());
        var errors = new Dictionary<string, string[]>();

        var kind = string.IsNullOrWhiteSpace(input.Kind) ? DelegationKinds.Plh : input.Kind.Trim().ToLowerInvariant();
        if (!DelegationKinds.IsKnown(kind))
        {
            errors["kind"] = ["Jenis penunjukan harus \"plh\" (Pelaksana Harian) atau \"plt\" (Pelaksana Tugas)."];
        }

        var role = input.Role?.Trim().ToLowerInvariant();
        Guid? scope = null;
        if (role is null || !Delegation.Roles.Contains(role))
        {
            errors["role"] = ["Jabatan harus \"kadis\" (Kepala Dinas), \"kabid\" (Kepala Bidang), atau \"kasi\" (Kepala Seksi)."];
        }
        else
        {
            scope = CheckScope(role, input.Scope, structure, errors);
        }

        DirectoryUser? delegateUser = null;
        if (string.IsNullOrWhiteSpace(input.DelegateUserId))
        {
            errors["delegateUserId"] = ["Pilih pegawai yang ditunjuk."];
        }
        else if ((delegateUser = await directory.GetAsync(input.DelegateUserId.Trim(), cancellationToken)) is null)
        {
            errors["delegateUserId"] = ["Akun yang ditunjuk tidak ada atau tidak aktif."];
        }
        else if (role is not null && !errors.ContainsKey("role") && !errors.ContainsKey("scope")
            && delegateUser.IsInRole(role) && structure.ScopeOf(role, delegateUser.SectionId) == scope)
        {
            errors["delegateUserId"] = [$"{delegateUser.DisplayName} adalah {structure.Title(role, scope)} sendiri; Plh/Plt ditunjuk dari pegawai lain."];
        }

        var from = ReadDate(input.From, "from", "mulai", errors);
        var to = ReadDate(input.To, "to", "selesai", errors);
        if (from is not null && to is not null)
        {
            if (to < from)
            {
                errors["to"] = ["Tanggal selesai tidak boleh sebelum tanggal mulai."];
            }
            else if (to > from.Value.AddYears(1))
            {
                errors["to"] = ["Masa penunjukan paling lama satu tahun sejak tanggal mulai."];
            }
            else if (to < today)
            {
                errors["to"] = [$"Tanggal selesai sudah lewat (hari ini {WibDates.Long(today)})."];
            }
        }

        var reference = input.Reference?.Trim();
        if (string.IsNullOrEmpty(reference))
        {
            errors["reference"] = ["Nomor surat penunjukan wajib diisi."];
        }
        else if (reference.Length > Delegation.ReferenceMaxLength)
        {
            errors["reference"] = [$"Nomor surat paling panjang {Delegation.ReferenceMaxLength} karakter."];
        }

        if (errors.Count > 0)
        {
            return Outcome<DelegationView>.From(Outcome.Invalid(errors));
        }

        var delegation = new Delegation
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            Role = role!,
            ScopeId = scope,
            DelegateUserId = delegateUser!.Id,
            DelegateName = delegateUser.DisplayName,
            From = from!.Value,
            To = to!.Value,
            Reference = reference!,
            CreatedById = actor.UserId,
            CreatedByName = actor.DisplayName,
            CreatedAt = clock.GetUtcNow(),
        };
        var title = structure.DelegatedPosition(delegation).LegalForm;
        var outcome = await database.InTransactionAsync(async ct =>
        {
            // One acting official per post at a time: the letter of a second one would contradict the first.
            await database.LockAsync(LockKey, ct);
            var clash = (await db.Delegations.Where(d => d.Role == delegation.Role && d.RevokedAt == null).ToListAsync(ct))
                .FirstOrDefault(d => d.Overlaps(delegation.Role, delegation.ScopeId, delegation.From, delegation.To));
            if (clash is not null)
            {
                return Outcome.Conflict(
                    $"{clash.DelegateName} sudah ditunjuk sebagai {structure.DelegatedPosition(clash).LegalForm} (surat {clash.Reference}) "
                    + $"untuk {WibDates.Range(clash.From, clash.To)}. Cabut penunjukan itu lebih dulu, atau pilih tanggal lain.");
            }

            db.Delegations.Add(delegation);
            await db.SaveChangesAsync(ct);
            await events.PublishAsync(
                new AuditEvent(AuditActions.DelegationCreated, actor.UserId, actor.DisplayName, "delegation", delegation.Id.ToString(),
                    $"{delegation.DelegateName} ditunjuk sebagai {title} (surat {delegation.Reference}), {WibDates.Range(delegation.From, delegation.To)}.",
                    delegation.CreatedAt, After: delegation.AuditValues()),
                ct);
            return Outcome.Ok();
        }, cancellationToken);
        return outcome.Succeeded ? Outcome<DelegationView>.Ok(View(delegation, structure, today)) : Outcome<DelegationView>.From(outcome);
    }

    /// <summary>Ends an appointment at once; the record stays. Revoking one already revoked changes nothing.</summary>
    public async Task<Outcome> RevokeAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        if (!MayManage(actor))
        {
            return Outcome.Forbidden("Hanya Kepala Dinas atau admin sistem yang dapat mencabut penunjukan Plh/Plt.");
        }

        var structure = await chart.LoadAsync(cancellationToken);
        return await database.InTransactionAsync(async ct =>
        {
            var delegation = await db.Delegations.SingleOrDefaultAsync(d => d.Id == id, ct);
            if (delegation is null)
            {
                return Outcome.NotFound("Penunjukan Plh/Plt tidak ditemukan.");
            }

            var before = delegation.AuditValues();
            var now = clock.GetUtcNow();
            if (!delegation.Revoke(actor, now))
            {
                return Outcome.Ok();
            }

            await db.SaveChangesAsync(ct);
            await events.PublishAsync(
                new AuditEvent(AuditActions.DelegationRevoked, actor.UserId, actor.DisplayName, "delegation", delegation.Id.ToString(),
                    $"Penunjukan {delegation.DelegateName} sebagai {structure.DelegatedPosition(delegation).LegalForm} (surat {delegation.Reference}) dicabut.",
                    now, Before: new Dictionary<string, string?> { ["revokedAt"] = before["revokedAt"] },
                    After: new Dictionary<string, string?> { ["revokedAt"] = delegation.AuditValues()["revokedAt"] }),
                ct);
            return Outcome.Ok();
        }, cancellationToken);
    }

    private static Guid? CheckScope(string role, string? text, Chart structure, Dictionary<string, string[]> errors)
    {
        var given = !string.IsNullOrWhiteSpace(text);
        if (role == NewsroomRoles.Kadis)
        {
            if (given)
            {
                errors["scope"] = ["Jabatan Kepala Dinas tidak berada di bidang atau seksi; kosongkan scope."];
            }

            return null;
        }

        var (kind, label) = role == NewsroomRoles.Kabid ? (SectionKinds.Bidang, "bidang") : (SectionKinds.Seksi, "seksi");
        if (!given)
        {
            errors["scope"] = [$"Pilih {label} yang {NewsroomRoles.Title(role)}-nya diwakili."];
            return null;
        }

        if (!Guid.TryParse(text!.Trim(), out var id) || structure.Find(id) is not { } section || section.Kind != kind || !section.Active)
        {
            errors["scope"] = [$"Scope harus {label} yang ada dan aktif."];
            return null;
        }

        return id;
    }

    private static DateOnly? ReadDate(string? text, string field, string label, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = [$"Tanggal {label} wajib diisi."];
            return null;
        }

        if (!WibDates.TryParse(text, out var day))
        {
            errors[field] = [$"Tanggal {label} tidak dapat dibaca; tulis sebagai tahun-bulan-tanggal, misalnya 2026-12-03."];
            return null;
        }

        return day;
    }

    private static DelegationView View(Delegation d, Chart structure, DateOnly today)
        => new(d.Id, d.Kind, d.Role, d.ScopeId, structure.Find(d.ScopeId)?.Name, d.DelegateUserId, d.DelegateName, d.From, d.To, d.Reference,
            structure.DelegatedPosition(d).LegalForm, d.CreatedByName, d.CreatedById, d.CreatedAt, d.RevokedAt, d.RevokedByName,
            d.InForceOn(today), d.StatusOn(today));
}
