using Diskominfo.Newsroom.Abstractions.Coordination;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Coverage.Models;

namespace Diskominfo.Newsroom.Coverage.Services;

/// <summary>The desk notices (inbox and e-mail) of the coverage flow, worded in Indonesian.</summary>
internal sealed class CoverageNotices(IEventPublisher events)
{
    public static string Link(Guid assignmentId) => $"/admin/liputan/{assignmentId}";

    public static string When(ScheduledActivity? activity)
        => activity is null ? "" : $" di {activity.Place}, {IndonesianTime.Short(activity.Start)}";

    /// <summary>A disposition arrived: the Kasi of the seksi (and whoever acts for him) assigns staff.</summary>
    public Task DispositionedAsync(Assignment assignment, ScheduledActivity activity, Actor actor, DateTimeOffset at, CancellationToken cancellationToken)
        => events.PublishAsync(
            new DeskNotice(
                "coverage-dispositioned", $"Disposisi peliputan: {activity.Title}",
                $"{actor.DisplayName} mendisposisikan peliputan \"{activity.Title}\"{When(activity)} kepada seksi Anda. Tugaskan peliput dan fotografer." +
                Note(assignment.DispositionNote),
                Link(assignment.Id), actor.UserId, at, Role: NewsroomRoles.Kasi, SectionId: assignment.SectionId),
            cancellationToken);

    /// <summary>The assignees are told what, where, when.</summary>
    public Task AssignedAsync(Assignment assignment, ScheduledActivity? activity, Actor actor, DateTimeOffset at, CancellationToken cancellationToken)
        => ToMembersAsync(
            assignment, "coverage-assigned", $"Tugas liputan: {Title(activity)}",
            $"{actor.DisplayName} menugaskan Anda meliput \"{Title(activity)}\"{When(activity)}." + Note(assignment.AssignNote), actor, at, cancellationToken);

    public Task ReportFiledAsync(Assignment assignment, ScheduledActivity? activity, Actor actor, DateTimeOffset at, CancellationToken cancellationToken)
        => events.PublishAsync(
            new DeskNotice(
                "coverage-reported", $"Laporan liputan: {Title(activity)}",
                $"{actor.DisplayName} menyampaikan laporan liputan \"{Title(activity)}\". Periksa dan teruskan kepada pimpinan, atau kembalikan.",
                Link(assignment.Id), actor.UserId, at, Role: NewsroomRoles.Kasi, SectionId: assignment.SectionId),
            cancellationToken);

    public Task ForwardedAsync(Assignment assignment, ScheduledActivity? activity, Actor actor, DateTimeOffset at, CancellationToken cancellationToken)
        => events.PublishAsync(
            new DeskNotice(
                "coverage-forwarded", $"Laporan liputan menunggu persetujuan: {Title(activity)}",
                $"{actor.DisplayName} meneruskan laporan liputan \"{Title(activity)}\" untuk disetujui." + Note(assignment.ForwardNote),
                Link(assignment.Id), actor.UserId, at, Role: assignment.DispositionRole, SectionId: assignment.SectionId),
            cancellationToken);

    public Task ReturnedAsync(Assignment assignment, ScheduledActivity? activity, Actor actor, DateTimeOffset at, CancellationToken cancellationToken)
        => ToMembersAsync(
            assignment, "coverage-returned", $"Laporan liputan dikembalikan: {Title(activity)}",
            $"{actor.DisplayName} mengembalikan laporan liputan \"{Title(activity)}\"." + Note(assignment.ReturnNote), actor, at, cancellationToken);

    public Task ApprovedAsync(Assignment assignment, ScheduledActivity? activity, Actor actor, DateTimeOffset at, CancellationToken cancellationToken)
        => ToMembersAsync(
            assignment, "coverage-approved", $"Laporan liputan disahkan: {Title(activity)}",
            $"{actor.DisplayName} mengesahkan laporan liputan \"{Title(activity)}\"." + Note(assignment.ApprovalNote), actor, at, cancellationToken);

    public static string Title(ScheduledActivity? activity) => activity?.Title ?? "(kegiatan tidak ditemukan)";

    private Task ToMembersAsync(
        Assignment assignment, string reason, string subject, string message, Actor actor, DateTimeOffset at, CancellationToken cancellationToken)
        => events.PublishAsync(
            new DeskNotice(reason, subject, message, Link(assignment.Id), actor.UserId, at, UserIds: [.. assignment.Members.Select(m => m.UserId)]),
            cancellationToken);

    private static string Note(string? note) => string.IsNullOrWhiteSpace(note) ? "" : $" Catatan: {note}";
}
