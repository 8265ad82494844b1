using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Search.Index;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Search.Pages.Admin;

/// <summary>The index's state (items, size, last rebuild, last error) and the button that rebuilds it.</summary>
[Authorize(Policy = NewsroomPolicies.Staff, Roles = NewsroomRoles.Admin + "," + NewsroomRoles.Archivist)]
internal sealed class MaintenanceModel(SearchIndex index, SearchIndexer indexer) : PageModel
{
    public int Documents { get; private set; }

    public long Bytes { get; private set; }

    public IndexerStatus Status { get; private set; } = null!;

    [TempData]
    public string? Flash { get; set; }

    public void OnGet()
    {
        (Documents, Bytes) = index.Stats(Fields.StaffScope);
        Status = indexer.Status;
    }

    public IActionResult OnPost()
    {
        indexer.RequestRebuild();
        Flash = "Indeks sedang dibangun ulang dari basis data. Pencarian tetap memakai indeks lama sampai selesai.";
        return RedirectToPage();
    }
}
