using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Coordination.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Diskominfo.Newsroom.Coordination.Pages.Activities;

/// <summary>Registering an invitation with its scanned letter: one column, for a phone as well as a desk.</summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
[EnableRateLimiting(MediaRateLimits.Upload)]
[RequestSizeLimit(MaxBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes, ValueCountLimit = 32)]
internal sealed class NewModel(ActivityRegistration registration, ActivityQueries queries) : PageModel
{
    /// <summary>The letter at most (the Media module's default limit for any file).</summary>
    public const long MaxBytes = 25L * 1024 * 1024;

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Organizer { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? Start { get; set; }
    [BindProperty] public string? End { get; set; }
    [BindProperty] public string? Contact { get; set; }
    [BindProperty] public string? LetterNumber { get; set; }
    [BindProperty] public string? LetterDate { get; set; }
    [BindProperty] public string? SectionId { get; set; }
    [BindProperty] public string? ReceivedAt { get; set; }
    [BindProperty] public IFormFile? Letter { get; set; }

    public IReadOnlyList<OrgSection> Sections { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Sections = await queries.SeksiChoicesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        byte[]? bytes = null;
        if (Letter is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await Letter.CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }

        var outcome = await registration.RegisterAsync(
            new RegisterActivityInput(Title, Organizer, Place, Start, End, Contact, LetterNumber, LetterDate, SectionId, ReceivedAt, bytes, Letter?.FileName),
            Actor.FromPrincipal(User)!, cancellationToken);
        if (outcome.Succeeded)
        {
            TempData[DeskPaths.FlashKey] = $"Undangan dicatat di buku agenda dengan nomor {outcome.Value!.AgendaNumber}.";
            return Redirect(CoordinationPaths.Details(outcome.Value.Id));
        }

        Errors = outcome.Errors ?? new Dictionary<string, string[]>();
        Message = outcome.Message;
        Sections = await queries.SeksiChoicesAsync(cancellationToken);
        return Page().WithStatusOf(outcome);
    }

    public IEnumerable<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];
}
