using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Results;
using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Editorial.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Editorial.Pages.Workflow;

/// <summary>
/// The approval panel's buttons: submit, paraf / tandatangan, return. Done, it goes back to the item page with a
/// message; refused, it says why under the refusal's HTTP status (403 wrong role, 409 wrong state or changed copy).
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
[ItemSight(ItemSight.Published)]
internal sealed class ActModel(EditorialService editorial) : PageModel
{
    public Guid Id { get; private set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? ContentHash { get; set; }

    public string? Message { get; private set; }

    public IReadOnlyDictionary<string, string[]>? Errors { get; private set; }

    public IActionResult OnGet(Guid id) => Redirect(DeskPaths.Item(id));

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken)
        => RespondAsync(id, editorial.SubmitAsync(id, Actor.FromPrincipal(User)!, cancellationToken), "Naskah diajukan ke Kasi.");

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken)
        => RespondAsync(id, editorial.ApproveAsync(id, Actor.FromPrincipal(User)!, Note, ContentHash, cancellationToken), "Persetujuan Anda tercatat.");

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken cancellationToken)
        => RespondAsync(id, editorial.ReturnAsync(id, Actor.FromPrincipal(User)!, Note, cancellationToken), "Naskah dikembalikan dengan catatan Anda.");

    [BindProperty]
    public string? UserId { get; set; }

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken cancellationToken)
        => RespondAsync(id, editorial.RejectAsync(id, Actor.FromPrincipal(User)!, Note, cancellationToken), "Kliping dicatat tidak dipilih.");

    public Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken cancellationToken)
        => RespondAsync(id, editorial.AssignAsync(id, Actor.FromPrincipal(User)!, UserId, Note, cancellationToken), "PPTK ditugaskan; ia akan diberi tahu.");

    public Task<IActionResult> OnPostCorrectAsync(Guid id, CancellationToken cancellationToken)
        => RespondAsync(id, editorial.StartCorrectionAsync(id, Actor.FromPrincipal(User)!, Note, cancellationToken),
            "Ralat dimulai. Ubah naskah, lalu ajukan ke alur ralat; berita yang terbit tetap tayang sampai ralat ditandatangani.");

    /// <summary>The form's local date and time is WIB; empty means "as soon as it is signed".</summary>
    [BindProperty]
    public string? PublishAt { get; set; }

    public Task<IActionResult> OnPostScheduleAsync(Guid id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(PublishAt))
        {
            return RespondAsync(id, editorial.ScheduleAsync(id, Actor.FromPrincipal(User)!, null, cancellationToken), "Naskah akan terbit segera setelah ditandatangani.");
        }

        if (Wib(PublishAt) is not { } at)
        {
            return RespondAsync(id, Task.FromResult(Outcome.Invalid("publishAt", "Waktu terbit tidak dikenali; isi tanggal dan jam.")), "");
        }

        return RespondAsync(id, editorial.ScheduleAsync(id, Actor.FromPrincipal(User)!, at, cancellationToken), $"Naskah dijadwalkan terbit {IndonesianTime.Short(at)}.");
    }

    /// <summary>The embargo's local date and time is WIB.</summary>
    [BindProperty]
    public string? NotBefore { get; set; }

    public Task<IActionResult> OnPostEmbargoAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Wib(NotBefore) is not { } at)
        {
            return RespondAsync(id, Task.FromResult(Outcome.Invalid("notBefore", "Waktu embargo tidak dikenali; isi tanggal dan jam.")), "");
        }

        return RespondAsync(id, editorial.SetEmbargoAsync(id, Actor.FromPrincipal(User)!, at, cancellationToken), $"Embargo diatur: tidak terbit sebelum {IndonesianTime.Short(at)}.");
    }

    public Task<IActionResult> OnPostLiftEmbargoAsync(Guid id, CancellationToken cancellationToken)
        => RespondAsync(id, editorial.SetEmbargoAsync(id, Actor.FromPrincipal(User)!, null, cancellationToken), "Embargo dicabut.");

    /// <summary>A <c>datetime-local</c> field's value, read as WIB.</summary>
    private static DateTimeOffset? Wib(string? value)
        => DateTime.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, IndonesianTime.WibOffset)
            : null;

    private async Task<IActionResult> RespondAsync(Guid id, Task<Outcome> action, string done)
    {
        Id = id;
        var outcome = await action;
        if (outcome.Succeeded)
        {
            TempData[DeskPaths.FlashKey] = done;
            return Redirect(DeskPaths.Item(id));
        }

        Message = outcome.Message;
        Errors = outcome.Errors;
        if (outcome is ChecklistRefusal)
        {
            // The checklist's refusal: 422 with the list of what is missing, as the API answers it.
            var page = Page();
            page.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return page;
        }

        return Page().WithStatusOf(outcome);
    }
}
