using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Diskominfo.Newsroom.Abstractions.Content;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Every endpoint and every page handler of the site, listed from its route table at test time, must have a rule here:
/// whether an anonymous caller may use it, which roles may, and, for a route about one item (or one of its files),
/// what the caller gets for his own unpublished item, another person's unpublished item and another person's published
/// (and archived) item. Each rule is then tried by an anonymous caller and by a signed-in person of each role (cookie
/// for pages and files, bearer token for the API). A route added without a rule fails the test.
/// <para>
/// The rule is about the door, not the business behind it: "refused" is 401 or a redirect to sign in for strangers,
/// 403 or the "access denied" page for the wrong role, "hidden" is the 404 of an item one may not see; "open" is any
/// other answer (a page, a 400 for an empty form, a 409 for the wrong state). Where the answer beyond the door depends
/// on the item's state (another test may have moved it), the rule says "not hidden". What each role may do with an
/// item in each state is <see cref="AuthorizationMatrixTests"/> and <see cref="SectionAuthorizationMatrixTests"/>.
/// </para>
/// </summary>
public sealed class RouteAuthorizationMatrixTests
{
    private const string Anonymous = "anonim";
    private static readonly string[] Roles = ["reporter", "kasi", "kabid", "kadis", "arsiparis", "operator", "admin"];
    private static readonly string[] Authors = ["reporter", "kasi", "kabid", "kadis"];
    private static readonly string[] Approvers = ["kasi", "kabid", "kadis"];
    private static readonly string[] Controllers = ["operator", "admin"];
    private static readonly string[] ReportReaders = ["kasi", "kabid", "kadis", "admin"];

    public enum Gate
    {
        /// <summary>401, or sent to the sign-in page.</summary>
        Unauth,

        /// <summary>403, or sent to the "access denied" page.</summary>
        Refused,

        /// <summary>404: the item is not there for this caller.</summary>
        Hidden,

        /// <summary>Through the door: any other answer.</summary>
        Open,

        /// <summary>Refused or open, as the item's current state decides; never hidden nor unauthenticated.</summary>
        NotHidden,
    }

    public enum Kind
    {
        /// <summary>Not a route about an item.</summary>
        None,

        /// <summary>An unpublished draft the caller wrote himself (only roles that write).</summary>
        Own,

        /// <summary>An unpublished draft of another reporter (of the Kasi's own seksi).</summary>
        Other,

        /// <summary>Another reporter's item, published and archived.</summary>
        Published,
    }

    /// <summary>
    /// What a route is about: nothing in particular, an item (<c>{id}</c> is its id), a photo of an item, or a photo in its
    /// item (<c>{item}</c> and <c>{id}</c>; for one's own, a fresh draft with a fresh photo, since the call may remove it).
    /// </summary>
    public enum Target
    {
        None,
        Item,
        Photo,
        ItemPhoto,
    }

    public sealed record Cell(string Caller, Kind Kind)
    {
        public bool IsAnonymous => Caller == Anonymous;

        /// <summary>What the caller may see of the item (the rule of <see cref="IItemAccess"/>).</summary>
        public ItemSight Sight => (Caller, Kind) switch
        {
            (Anonymous, Kind.Published) => ItemSight.Published,
            (Anonymous, _) => ItemSight.None,
            ("reporter", Kind.Other) => ItemSight.None,
            ("reporter", Kind.Published) => ItemSight.Published,
            _ => ItemSight.Work,
        };

        public bool In(params string[] roles) => roles.Contains(Caller);
    }

    /// <summary>
    /// A route's rule. <paramref name="Path"/> is the address to call, <c>{id}</c> standing for the item's or photo's id;
    /// <paramref name="Expect"/> says what each caller gets; <paramref name="Body"/> what is sent (JSON for the API, form
    /// fields for pages). <paramref name="EndsSession"/>: the call signs the caller out, so it is made last, with a session
    /// of its own.
    /// </summary>
    public sealed record Rule(
        string Method, string Pattern, string? Handler, string Path, Target Target, Func<Cell, Gate> Expect, object? Body = null, bool EndsSession = false)
    {
        public string Key => Key(Method, Pattern, Handler);
    }

    private static string Key(string method, string pattern, string? handler) => $"{method} {pattern}{(string.IsNullOrEmpty(handler) ? "" : "#" + handler)}";

    // ---- rule builders ----

    private static Rule Public(string method, string pattern, string path, string? handler = null, object? body = null)
        => new(method, pattern, handler, path, Target.None, _ => Gate.Open, body);

    private static Rule Staff(string method, string pattern, string path, string? handler = null, object? body = null, bool endsSession = false)
        => new(method, pattern, handler, path, Target.None, c => c.IsAnonymous ? Gate.Unauth : Gate.Open, body, endsSession);

    private static Rule Only(string method, string pattern, string path, string[] roles, string? handler = null, object? body = null)
        => new(method, pattern, handler, path, Target.None, c => c.IsAnonymous ? Gate.Unauth : c.In(roles) ? Gate.Open : Gate.Refused, body);

    /// <summary>
    /// A route about one item or photo: strangers are sent to sign in unless <paramref name="anonymous"/>; a caller who may
    /// see less of the item than <paramref name="least"/> gets 404; the others get what <paramref name="then"/> says.
    /// </summary>
    private static Rule About(
        string method, string pattern, string path, ItemSight least, Func<Cell, Gate> then, string? handler = null, object? body = null,
        bool anonymous = false, Target target = Target.Item)
        => new(method, pattern, handler, path, target, c => !anonymous && c.IsAnonymous ? Gate.Unauth : c.Sight < least ? Gate.Hidden : then(c), body);

    private static readonly object Edit = new { title = "Judul yang diubah", lead = "Teras yang diubah.", body = "Isi yang diubah.", category = "umum" };
    private static readonly object Note = new { note = "Catatan uji matriks." };
    private static readonly Dictionary<string, string> NoteForm = new() { ["Note"] = "Catatan uji matriks." };

    /// <summary>An action of the approval chain on an item, by API or by the desk's form: the state decides beyond the door.</summary>
    private static Func<Cell, Gate> Chain(Func<Cell, Gate>? draft = null)
        => c => c.Kind == Kind.Published ? Gate.NotHidden : draft?.Invoke(c) ?? Gate.Open;

    private static IEnumerable<Rule> Rules()
    {
        // The public site, its feeds and files, the API's description.
        yield return Public("GET", "/openapi/{documentName}.json", "/openapi/v1.json");
        yield return Public("GET", "/rss.xml", "/rss.xml");
        yield return Public("GET", "/atom.xml", "/atom.xml");
        yield return Public("GET", "/kategori/{slug}/rss.xml", "/kategori/pembangunan/rss.xml");
        yield return Public("GET", "/kategori/{slug}/atom.xml", "/kategori/pembangunan/atom.xml");
        yield return Public("GET", "/sitemap.xml", "/sitemap.xml");
        yield return Public("GET", "/robots.txt", "/robots.txt");
        yield return Public("GET", "/situs/tema.css", "/situs/tema.css");
        yield return Public("GET", "/situs/logo.png", "/situs/logo.png");
        yield return Public("GET", "/", "/");
        yield return Public("GET", "/arsip", "/arsip");
        yield return Public("GET", "/arsip/{year:int}/{month:int}", "/arsip/2026/11");
        yield return Public("GET", "/berita/{slug}", "/berita/tidak-ada");
        yield return Public("GET", "/cari", "/cari?q=jembatan");
        yield return Public("GET", "/kategori/{slug}", "/kategori/pembangunan");
        yield return Public("GET", "/galat/{status:int?}", "/galat/404");
        yield return Public("POST", "/galat/{status:int?}", "/galat/404", body: new Dictionary<string, string>());
        yield return Public("GET", "/ditolak", "/ditolak");

        // Signing in and out, and recovering a password: open to strangers.
        yield return Public("POST", "/api/v1/auth/login", "/api/v1/auth/login", body: new { });
        yield return Public("POST", "/api/v1/auth/forgot-password", "/api/v1/auth/forgot-password", body: new { email = "tidak.ada@contoh.go.id" });
        yield return Public("POST", "/api/v1/auth/reset-password", "/api/v1/auth/reset-password", body: new { token = "palsu", newPassword = "Sandi-Baru-12345" });
        yield return Public("GET", "/masuk", "/masuk");
        yield return Public("POST", "/masuk", "/masuk", body: new Dictionary<string, string>());
        yield return Public("GET", "/lupa-kata-sandi", "/lupa-kata-sandi");
        yield return Public("POST", "/lupa-kata-sandi", "/lupa-kata-sandi", body: new Dictionary<string, string> { ["Email"] = "tidak.ada@contoh.go.id" });
        yield return Public("GET", "/atur-ulang-kata-sandi", "/atur-ulang-kata-sandi?token=palsu");
        yield return Public("POST", "/atur-ulang-kata-sandi", "/atur-ulang-kata-sandi?token=palsu", body: new Dictionary<string, string>());

        // The second step of signing in belongs to someone between the two steps: everyone else is sent to sign in.
        yield return new("GET", "/masuk/2fa", null, "/masuk/2fa", Target.None, _ => Gate.Unauth);
        yield return new("POST", "/masuk/2fa", null, "/masuk/2fa", Target.None, _ => Gate.Unauth, new Dictionary<string, string>());
        yield return Public("GET", "/keluar", "/keluar");
        yield return new("POST", "/keluar", null, "/keluar", Target.None, _ => Gate.Open, new Dictionary<string, string>(), EndsSession: true);

        // One's own account.
        yield return Staff("GET", "/api/v1/auth/me", "/api/v1/auth/me");
        yield return Staff("POST", "/api/v1/auth/change-password", "/api/v1/auth/change-password", body: new { });
        yield return Staff("POST", "/api/v1/auth/sign-out-everywhere", "/api/v1/auth/sign-out-everywhere", body: new { }, endsSession: true);
        yield return Staff("GET", "/api/v1/auth/2fa/", "/api/v1/auth/2fa");
        yield return Staff("POST", "/api/v1/auth/2fa/enable", "/api/v1/auth/2fa/enable", body: new { code = "000000" });
        yield return Staff("POST", "/api/v1/auth/2fa/recovery-codes", "/api/v1/auth/2fa/recovery-codes", body: new { });
        yield return Staff("POST", "/api/v1/auth/2fa/disable", "/api/v1/auth/2fa/disable", body: new { code = "000000" });
        yield return Staff("GET", "/akun", "/akun");
        yield return Staff("POST", "/akun", "/akun", body: new Dictionary<string, string>());
        // Signed out everywhere, the person is sent to sign in again.
        yield return new("POST", "/akun", "SignOutEverywhere", "/akun", Target.None, _ => Gate.Unauth, new Dictionary<string, string>(), EndsSession: true);
        yield return Staff("GET", "/akun/kata-sandi", "/akun/kata-sandi");
        yield return Staff("POST", "/akun/kata-sandi", "/akun/kata-sandi", body: new Dictionary<string, string>());
        yield return Staff("GET", "/akun/2fa", "/akun/2fa");
        yield return Staff("POST", "/akun/2fa", "/akun/2fa", handler: "Enable", body: new Dictionary<string, string> { ["Code"] = "000000" });
        yield return Staff("POST", "/akun/2fa", "/akun/2fa", handler: "RecoveryCodes", body: new Dictionary<string, string>());
        yield return Staff("POST", "/akun/2fa", "/akun/2fa", handler: "Disable", body: new Dictionary<string, string> { ["Code"] = "000000" });

        // Accounts: admins only (an unknown account: 404 past the door).
        yield return Only("GET", "/api/v1/users/", "/api/v1/users", ["admin"]);
        yield return Only("POST", "/api/v1/users/", "/api/v1/users", ["admin"], body: new { });
        yield return Only("GET", "/api/v1/users/{id}", "/api/v1/users/tidak-ada", ["admin"]);
        yield return Only("PUT", "/api/v1/users/{id}", "/api/v1/users/tidak-ada", ["admin"], body: new { });
        foreach (var action in new[] { "disable", "enable", "unlock", "reset-password" })
        {
            yield return Only("POST", $"/api/v1/users/{{id}}/{action}", $"/api/v1/users/tidak-ada/{action}", ["admin"], body: new { });
        }

        yield return Only("GET", "/admin/pengguna", "/admin/pengguna", ["admin"]);
        yield return Only("GET", "/admin/pengguna/baru", "/admin/pengguna/baru", ["admin"]);
        yield return Only("POST", "/admin/pengguna/baru", "/admin/pengguna/baru", ["admin"], body: new Dictionary<string, string>());
        yield return Only("GET", "/admin/pengguna/{id}", "/admin/pengguna/tidak-ada", ["admin"]);
        foreach (var handler in new[] { "", "Disable", "Enable", "Unlock", "Reset" })
        {
            yield return Only("POST", "/admin/pengguna/{id}", "/admin/pengguna/tidak-ada", ["admin"], handler: handler, body: new Dictionary<string, string>());
        }

        // The office's structure and acting officials: every member of staff reads them, admins (and the Kadis for Plh/Plt) change them.
        yield return Staff("GET", "/api/v1/org/sections/", "/api/v1/org/sections");
        yield return Staff("GET", "/api/v1/org/sections/{id:guid}", $"/api/v1/org/sections/{Office.SeksiMedia}");
        yield return Only("POST", "/api/v1/org/sections/", "/api/v1/org/sections", ["admin"], body: new { });
        yield return Only("PUT", "/api/v1/org/sections/{id:guid}", $"/api/v1/org/sections/{Guid.Empty}", ["admin"], body: new { });
        yield return Staff("GET", "/api/v1/delegations/", "/api/v1/delegations");
        yield return Only("POST", "/api/v1/delegations/", "/api/v1/delegations", ["kadis", "admin"], body: new { });
        yield return Only("DELETE", "/api/v1/delegations/{id:guid}", $"/api/v1/delegations/{Guid.Empty}", ["kadis", "admin"]);
        yield return Staff("GET", "/admin/organisasi", "/admin/organisasi");
        yield return Only("POST", "/admin/organisasi", "/admin/organisasi", ["admin"], handler: "Bidang", body: new Dictionary<string, string>());
        yield return Only("POST", "/admin/organisasi", "/admin/organisasi", ["admin"], handler: "Seksi", body: new Dictionary<string, string>());
        yield return Only("GET", "/admin/organisasi/{id:guid}", $"/admin/organisasi/{Office.SeksiMedia}", ["admin"]);
        yield return Only("POST", "/admin/organisasi/{id:guid}", $"/admin/organisasi/{Office.SeksiMedia}", ["admin"], body: new Dictionary<string, string>());
        yield return Staff("GET", "/api/v1/working-calendar/", "/api/v1/working-calendar?year=2026");
        yield return Only("PUT", "/api/v1/working-calendar/", "/api/v1/working-calendar", ["admin"], body: new { });
        yield return Only("POST", "/api/v1/working-calendar/days-off", "/api/v1/working-calendar/days-off", ["admin"], body: new { });
        yield return Only("PUT", "/api/v1/working-calendar/days-off/{date}", "/api/v1/working-calendar/days-off/2099-01-01", ["admin"], body: new { });
        yield return Only("DELETE", "/api/v1/working-calendar/days-off/{date}", "/api/v1/working-calendar/days-off/2099-01-01", ["admin"]);
        yield return Only("GET", "/admin/pengaturan/hari-kerja", "/admin/pengaturan/hari-kerja", ["admin"]);
        yield return Only("POST", "/admin/pengaturan/hari-kerja", "/admin/pengaturan/hari-kerja", ["admin"], body: new Dictionary<string, string>());
        foreach (var handler in new[] { "Add", "Rename", "Remove" })
        {
            yield return Only("POST", "/admin/pengaturan/hari-kerja", "/admin/pengaturan/hari-kerja?date=2099-01-01", ["admin"], handler: handler, body: new Dictionary<string, string>());
        }

        yield return Staff("GET", "/admin/plh", "/admin/plh");
        yield return Only("POST", "/admin/plh", "/admin/plh", ["kadis", "admin"], body: new Dictionary<string, string>());
        yield return Only("POST", "/admin/plh", $"/admin/plh?id={Guid.Empty}", ["kadis", "admin"], handler: "Revoke", body: new Dictionary<string, string>());

        // The desk: lists, search, reports, inbox.
        yield return Staff("GET", "/api/v1/desk", "/api/v1/desk");
        yield return Staff("GET", "/api/v1/items/", "/api/v1/items");
        yield return Only("POST", "/api/v1/items/", "/api/v1/items", Authors, body: new { });
        yield return Staff("GET", "/api/v1/search", "/api/v1/search?q=jembatan");
        yield return Staff("GET", "/api/v1/inbox/", "/api/v1/inbox");
        yield return Staff("POST", "/api/v1/inbox/read", "/api/v1/inbox/read", body: new { });
        yield return Staff("GET", "/admin", "/admin");
        yield return Only("GET", "/admin/naskah/baru", "/admin/naskah/baru", Authors);
        yield return Only("POST", "/admin/naskah/baru", "/admin/naskah/baru", Authors, body: new Dictionary<string, string>());
        yield return Only("POST", "/admin/naskah/baru", "/admin/naskah/baru", Authors, handler: "Preview", body: new Dictionary<string, string>());
        yield return Staff("GET", "/admin/kliping", "/admin/kliping");
        yield return Only("GET", "/admin/kliping/unggah", "/admin/kliping/unggah", Authors);
        yield return Only("POST", "/admin/kliping/unggah", "/admin/kliping/unggah", Authors, body: new Dictionary<string, string>());
        yield return Staff("GET", "/admin/kliping/laporan", "/admin/kliping/laporan");
        yield return Staff("GET", "/admin/kliping/laporan", "/admin/kliping/laporan?handler=Xlsx", handler: "Xlsx");
        yield return Staff("GET", "/admin/cari", "/admin/cari?q=jembatan");
        yield return Only("GET", "/admin/cari/indeks", "/admin/cari/indeks", ["arsiparis", "admin"]);
        yield return Only("POST", "/admin/cari/indeks", "/admin/cari/indeks", ["arsiparis", "admin"], body: new Dictionary<string, string>());
        yield return Staff("GET", "/admin/kotak-masuk", "/admin/kotak-masuk");
        yield return Staff("POST", "/admin/kotak-masuk", "/admin/kotak-masuk", handler: "Read", body: new Dictionary<string, string>());
        yield return Only("GET", "/api/v1/reports/service-times", "/api/v1/reports/service-times", ReportReaders);
        yield return Only("GET", "/api/v1/reports/service-times.xlsx", "/api/v1/reports/service-times.xlsx", ReportReaders);
        yield return Only("GET", "/admin/laporan/waktu-layanan", "/admin/laporan/waktu-layanan", ReportReaders);
        yield return Only("GET", "/admin/laporan/waktu-layanan", "/admin/laporan/waktu-layanan?handler=Xlsx", ReportReaders, handler: "Xlsx");

        // Invitations and the activity schedule: every member of staff registers and reads them; the step's post is checked
        // past the door (an unknown activity: 404); admins set the standard times.
        yield return Staff("GET", "/api/v1/activities/", "/api/v1/activities");
        yield return Staff("POST", "/api/v1/activities/", "/api/v1/activities", body: new { });
        yield return Staff("GET", "/api/v1/activities/{id:guid}", $"/api/v1/activities/{Guid.Empty}");
        yield return Staff("GET", "/api/v1/activities/{id:guid}/letter", $"/api/v1/activities/{Guid.Empty}/letter");
        foreach (var action in new[] { "propose", "initial", "approve", "decline", "return", "file" })
        {
            yield return Staff("POST", $"/api/v1/activities/{{id:guid}}/{action}", $"/api/v1/activities/{Guid.Empty}/{action}", body: Note);
        }

        yield return Staff("GET", "/admin/kegiatan", "/admin/kegiatan");
        yield return Staff("GET", "/admin/kegiatan/baru", "/admin/kegiatan/baru");
        yield return Staff("POST", "/admin/kegiatan/baru", "/admin/kegiatan/baru", body: new Dictionary<string, string>());
        yield return Staff("GET", "/admin/kegiatan/{id:guid}", $"/admin/kegiatan/{Guid.Empty}");
        yield return Staff("GET", "/admin/kegiatan/{id:guid}", $"/admin/kegiatan/{Guid.Empty}", handler: "Surat");
        yield return Staff("POST", "/admin/kegiatan/{id:guid}", $"/admin/kegiatan/{Guid.Empty}", handler: "Act", body: NoteForm);
        yield return Only("GET", "/admin/pengaturan/kegiatan", "/admin/pengaturan/kegiatan", ["admin"]);
        yield return Only("POST", "/admin/pengaturan/kegiatan", "/admin/pengaturan/kegiatan", ["admin"], body: new Dictionary<string, string>());
        // The office's calendar: every member of staff (each sees what his sources let him); an unknown entry is 404 past
        // the door, an empty move 400. The feed by token is open to strangers (a phone's calendar has no cookie): the door
        // takes anyone, and a token that names nobody answers 404.
        yield return Staff("GET", "/api/v1/calendar", "/api/v1/calendar?from=2026-12-01&to=2026-12-31");
        yield return Staff("GET", "/api/v1/calendar.ics", "/api/v1/calendar.ics?from=2026-12-01&to=2026-12-31");
        yield return Staff("POST", "/api/v1/calendar/reschedule", "/api/v1/calendar/reschedule", body: new { });
        yield return Public("GET", "/kalender/{token}.ics", "/kalender/bukan-token.ics");
        yield return Staff("GET", "/admin/kalender", "/admin/kalender");
        yield return Staff("POST", "/admin/kalender", "/admin/kalender", handler: "Pindahkan", body: new Dictionary<string, string>());
        yield return Staff("GET", "/admin/kalender/langganan", "/admin/kalender/langganan");
        yield return Staff("POST", "/admin/kalender/langganan", "/admin/kalender/langganan", handler: "Buat", body: new Dictionary<string, string>());
        yield return Staff("POST", "/admin/kalender/langganan", "/admin/kalender/langganan", handler: "Cabut", body: new Dictionary<string, string>());

        // Settings: admins.
        yield return Staff("GET", "/api/v1/settings/editorial/", "/api/v1/settings/editorial");
        yield return Only("PUT", "/api/v1/settings/editorial/chains/{type}", "/api/v1/settings/editorial/chains/tidak-ada", ["admin"], body: new { roles = Array.Empty<string>() });
        yield return Only("PUT", "/api/v1/settings/editorial/standards/{type}/{step}", "/api/v1/settings/editorial/standards/tidak-ada/kasi", ["admin"], body: new { minutes = 5 });
        yield return Staff("GET", "/api/v1/settings/editorial/checklists", "/api/v1/settings/editorial/checklists");
        yield return Only("PUT", "/api/v1/settings/editorial/checklists/{type}/{channel}", "/api/v1/settings/editorial/checklists/tidak-ada/instagram", ["admin"], body: new { checks = Array.Empty<string>() });
        yield return Only("PUT", "/api/v1/settings/editorial/returns/{type}", "/api/v1/settings/editorial/returns/tidak-ada", ["admin"], body: new { returnTo = "writer" });
        yield return Only("GET", "/admin/pengaturan/daftar-periksa", "/admin/pengaturan/daftar-periksa", ["admin"]);
        yield return Only("POST", "/admin/pengaturan/daftar-periksa", "/admin/pengaturan/daftar-periksa", ["admin"], body: new Dictionary<string, string>());
        yield return Only("GET", "/admin/pengaturan/alur", "/admin/pengaturan/alur", ["admin"]);
        yield return Only("POST", "/admin/pengaturan/alur", "/admin/pengaturan/alur", ["admin"], body: new Dictionary<string, string>());
        yield return Only("GET", "/api/v1/settings/channels/", "/api/v1/settings/channels", ["admin"]);
        yield return Only("PUT", "/api/v1/settings/channels/{channel}", "/api/v1/settings/channels/tidak-ada", ["admin"], body: new { });
        yield return Only("POST", "/api/v1/settings/channels/{channel}/test", "/api/v1/settings/channels/tidak-ada/test", ["admin"], body: new { });
        yield return Only("DELETE", "/api/v1/settings/channels/{channel}", "/api/v1/settings/channels/tidak-ada", ["admin"]);
        yield return Only("GET", "/admin/pengaturan/kanal", "/admin/pengaturan/kanal", ["admin"]);
        foreach (var handler in new[] { "Connect", "Test", "Remove" })
        {
            yield return Only("POST", "/admin/pengaturan/kanal", "/admin/pengaturan/kanal", ["admin"], handler: handler, body: new Dictionary<string, string> { ["Channel"] = "tidak-ada" });
        }

        yield return Only("GET", "/admin/pengaturan/situs", "/admin/pengaturan/situs", ["admin"]);
        yield return Only("POST", "/admin/pengaturan/situs", "/admin/pengaturan/situs", ["admin"], body: new Dictionary<string, string>());

        // Coverage assignments: the whole desk reads and acts on what it may (the use cases refuse the rest past the door);
        // the head dispositions, the heads and the archivist print the bulletin, admins set the standard times.
        var assignment = $"/api/v1/assignments/{Guid.Empty}";
        var coverageDesk = $"/admin/liputan/{Guid.Empty}";
        string[] bulletinReaders = ["kasi", "kabid", "kadis", "arsiparis"];
        yield return Staff("GET", "/api/v1/assignments/", "/api/v1/assignments?mine=true");
        yield return Staff("POST", "/api/v1/assignments/", "/api/v1/assignments", body: new { });
        yield return Staff("GET", "/api/v1/assignments/{id:guid}", assignment);
        yield return Staff("POST", "/api/v1/assignments/{id:guid}/assign", assignment + "/assign", body: new { });
        yield return Staff("POST", "/api/v1/assignments/{id:guid}/report", assignment + "/report", body: new { });
        yield return Staff("POST", "/api/v1/assignments/{id:guid}/report/forward", assignment + "/report/forward", body: Note);
        yield return Staff("POST", "/api/v1/assignments/{id:guid}/report/approve", assignment + "/report/approve", body: Note);
        yield return Staff("POST", "/api/v1/assignments/{id:guid}/report/return", assignment + "/report/return", body: Note);
        yield return Staff("POST", "/api/v1/assignments/{id:guid}/press-release", assignment + "/press-release", body: new { });
        yield return Staff("GET", "/api/v1/assignments/{id:guid}/photos/{photoId:guid}", $"{assignment}/photos/{Guid.Empty}");
        yield return Only("GET", "/api/v1/assignments/bulletin", "/api/v1/assignments/bulletin?month=2026-01", bulletinReaders);
        yield return Staff("GET", "/admin/liputan", "/admin/liputan");
        yield return Only("GET", "/admin/liputan/baru", $"/admin/liputan/baru?activity={Guid.Empty}", ["kabid", "kadis"]);
        yield return Only("POST", "/admin/liputan/baru", "/admin/liputan/baru", ["kabid", "kadis"], body: new Dictionary<string, string>());
        yield return Staff("GET", "/admin/liputan/{id:guid}", coverageDesk);
        foreach (var handler in new[] { "Assign", "Report", "Forward", "Approve", "Return", "PressRelease" })
        {
            yield return Staff("POST", "/admin/liputan/{id:guid}", coverageDesk, handler: handler, body: new Dictionary<string, string>());
        }

        yield return Only("GET", "/admin/liputan/buletin", "/admin/liputan/buletin", bulletinReaders);
        yield return Only("GET", "/admin/pengaturan/liputan", "/admin/pengaturan/liputan", ["admin"]);
        yield return Only("POST", "/admin/pengaturan/liputan", "/admin/pengaturan/liputan", ["admin"], body: new Dictionary<string, string>());
        // Reports: the adventorial spend for the heads and the admins, the clipping book for the heads and the archivist
        // (as the bulletin), the yearly budgets for the admins.
        yield return Only("GET", "/api/v1/reports/adventorial-spend", "/api/v1/reports/adventorial-spend?year=2026", ReportReaders);
        yield return Only("GET", "/api/v1/reports/adventorial-spend.xlsx", "/api/v1/reports/adventorial-spend.xlsx?year=2026", ReportReaders);
        yield return Only("GET", "/api/v1/reports/clipping-book.pdf", "/api/v1/reports/clipping-book.pdf?month=2026-01", bulletinReaders);
        yield return Only("GET", "/admin/laporan/adventorial", "/admin/laporan/adventorial?tahun=2026", ReportReaders);
        yield return Only("GET", "/admin/laporan/adventorial", "/admin/laporan/adventorial?handler=Xlsx&tahun=2026", ReportReaders, handler: "Xlsx");
        yield return Only("GET", "/admin/laporan/buku-kliping", "/admin/laporan/buku-kliping", bulletinReaders);
        yield return Only("GET", "/admin/pengaturan/anggaran-adventorial", "/admin/pengaturan/anggaran-adventorial?tahun=2026", ["admin"]);
        yield return Only("POST", "/admin/pengaturan/anggaran-adventorial", "/admin/pengaturan/anggaran-adventorial?tahun=2026", ["admin"],
            body: new Dictionary<string, string> { ["Total"] = "x" });
        yield return Only("GET", "/api/v1/audit/", "/api/v1/audit", ["admin"]);
        yield return Only("GET", "/api/v1/audit/export.xlsx", "/api/v1/audit/export.xlsx", ["admin"]);
        yield return Only("GET", "/admin/audit", "/admin/audit", ["admin"]);
        yield return Only("GET", "/admin/audit", "/admin/audit?handler=Xlsx", ["admin"], handler: "Xlsx");
        yield return Only("GET", "/admin/cadangan", "/admin/cadangan", ["admin"]);
        yield return Only("POST", "/admin/cadangan", "/admin/cadangan", ["admin"], body: new Dictionary<string, string>());
        yield return Only("GET", "/admin/pekerjaan/{**path}", "/admin/pekerjaan", ["admin"]);
        yield return Only("GET", "/admin/status", "/admin/status", ["admin"]);

        // Publications by their own id: the operator and admins (an unknown one: 404 past the door).
        yield return Only("POST", "/api/v1/publications/{id:guid}/retry", $"/api/v1/publications/{Guid.Empty}/retry", Controllers, body: new { });
        yield return Only("POST", "/api/v1/publications/{id:guid}/cancel", $"/api/v1/publications/{Guid.Empty}/cancel", Controllers, body: new { });
        yield return Only("GET", "/admin/publikasi/{id:guid}", $"/admin/publikasi/{Guid.Empty}", Controllers);
        yield return Only("POST", "/admin/publikasi/{id:guid}", $"/admin/publikasi/{Guid.Empty}", Controllers, handler: "Retry", body: new Dictionary<string, string>());
        yield return Only("POST", "/admin/publikasi/{id:guid}", $"/admin/publikasi/{Guid.Empty}", Controllers, handler: "Cancel", body: new Dictionary<string, string>());
        yield return Only("POST", "/api/v1/publications/{id:guid}/mark-published", $"/api/v1/publications/{Guid.Empty}/mark-published", Controllers,
            body: new { reference = "104857600123456_1" });
        yield return Only("POST", "/admin/publikasi/{id:guid}", $"/admin/publikasi/{Guid.Empty}", Controllers, handler: "MarkPublished",
            body: new Dictionary<string, string> { ["Reference"] = "104857600123456_1" });

        // ---- one item ----
        // Reading: the work for those who see it, the public shape of a published item for everyone else.
        yield return About("GET", "/api/v1/items/{id:guid}", "/api/v1/items/{id}", ItemSight.Published, _ => Gate.Open, anonymous: true);
        yield return About("GET", "/admin/naskah/{id:guid}", "/admin/naskah/{id}", ItemSight.Work, _ => Gate.Open);
        yield return About("GET", "/api/v1/items/{id:guid}/history/verify", "/api/v1/items/{id}/history/verify", ItemSight.Work, _ => Gate.Open);
        yield return About("GET", "/api/v1/items/{id:guid}/checklist", "/api/v1/items/{id}/checklist", ItemSight.Work, _ => Gate.Open);

        // The archive sheet exists once the item is filed: the drafts have none (404 for everyone who may see them).
        yield return About("GET", "/api/v1/items/{id:guid}/archive-sheet.pdf", "/api/v1/items/{id}/archive-sheet.pdf", ItemSight.Work,
            c => c.Kind == Kind.Published ? Gate.Open : Gate.Hidden);

        // Changing the copy: its writer while it is a draft; nobody else (the writer of the published one is not among the callers).
        yield return About("PUT", "/api/v1/items/{id:guid}", "/api/v1/items/{id}", ItemSight.Published,
            Chain(c => c.Kind == Kind.Own ? Gate.Open : Gate.Refused), body: Edit);
        yield return About("GET", "/admin/naskah/{id:guid}/ubah", "/admin/naskah/{id}/ubah", ItemSight.Work,
            Chain(c => c.Kind == Kind.Own ? Gate.Open : Gate.Refused));
        foreach (var handler in new[] { "", "Preview" })
        {
            yield return About("POST", "/admin/naskah/{id:guid}/ubah", "/admin/naskah/{id}/ubah", ItemSight.Work,
                Chain(c => c.Kind == Kind.Own ? Gate.Open : Gate.Refused), handler: handler, body: new Dictionary<string, string>());
        }

        // Version history: those who see the work read and compare; restoring is an edit (the writer of a draft).
        yield return About("GET", "/api/v1/items/{id:guid}/versions/", "/api/v1/items/{id}/versions", ItemSight.Work, _ => Gate.Open);
        yield return About("GET", "/api/v1/items/{id:guid}/versions/compare", "/api/v1/items/{id}/versions/compare?a=1&b=1", ItemSight.Work, _ => Gate.Open);
        yield return About("POST", "/api/v1/items/{id:guid}/versions/{number:int}/restore", "/api/v1/items/{id}/versions/1/restore", ItemSight.Work,
            Chain(c => c.Kind == Kind.Own ? Gate.Open : Gate.Refused));
        yield return About("GET", "/admin/naskah/{id:guid}/versi", "/admin/naskah/{id}/versi", ItemSight.Work, _ => Gate.Open);
        yield return About("POST", "/admin/naskah/{id:guid}/versi", "/admin/naskah/{id}/versi", ItemSight.Work,
            Chain(c => c.Kind == Kind.Own ? Gate.Open : Gate.Refused), handler: "Restore", body: new Dictionary<string, string> { ["number"] = "1" });

        // Comments: the thread is for those who see the item's work, and any of them may add to it.
        yield return About("GET", "/api/v1/items/{id:guid}/comments/", "/api/v1/items/{id}/comments", ItemSight.Work, _ => Gate.Open);
        yield return About("POST", "/api/v1/items/{id:guid}/comments/", "/api/v1/items/{id}/comments", ItemSight.Work, _ => Gate.Open,
            body: new { body = "Komentar uji matriks" });
        yield return About("GET", "/admin/naskah/{id:guid}/komentar", "/admin/naskah/{id}/komentar", ItemSight.Work, _ => Gate.Open);
        yield return About("POST", "/admin/naskah/{id:guid}/komentar", "/admin/naskah/{id}/komentar", ItemSight.Work, _ => Gate.Open,
            body: new Dictionary<string, string> { ["Body"] = "Komentar uji matriks" });

        yield return About("POST", "/api/v1/items/{id:guid}/media", "/api/v1/items/{id}/media", ItemSight.Published,
            Chain(c => c.Kind == Kind.Own ? Gate.Open : Gate.Refused), body: Upload.Photo);
        // Recognising a clipping's scans again changes its text: as editing (a press release past the door is a 409).
        yield return About("POST", "/api/v1/items/{id:guid}/ocr", "/api/v1/items/{id}/ocr", ItemSight.Published,
            Chain(c => c.Kind == Kind.Own ? Gate.Open : Gate.Refused), body: new { });
        yield return About("GET", "/admin/naskah/{id:guid}/ocr", "/admin/naskah/{id}/ocr", ItemSight.Published, _ => Gate.Open);
        yield return About("POST", "/admin/naskah/{id:guid}/ocr", "/admin/naskah/{id}/ocr", ItemSight.Published,
            Chain(c => c.Kind == Kind.Own ? Gate.Open : Gate.Refused), body: new Dictionary<string, string>());
        yield return About("GET", "/admin/naskah/{id:guid}/foto", "/admin/naskah/{id}/foto", ItemSight.Published, _ => Gate.Open);
        yield return About("POST", "/admin/naskah/{id:guid}/foto", "/admin/naskah/{id}/foto", ItemSight.Published, _ => Gate.Open,
            body: new Dictionary<string, string>());

        // Photos sent in pieces (tus): any member of staff may start one (the item's edit right is checked with the
        // metadata, beyond the door); the API with a bearer token, the desk's script with the cookie. The server's
        // capabilities (OPTIONS) are open to all.
        foreach (var root in new[] { "/api/v1/uploads", "/admin/unggahan" })
        {
            yield return Public("OPTIONS", root, root);
            yield return Staff("POST", root + "/", root);
            foreach (var method in new[] { "HEAD", "PATCH", "DELETE" })
            {
                yield return Staff(method, root + "/{id:guid}", $"{root}/{Guid.Empty}");
            }
        }

        // The approval chain on a draft: its writer submits; the approvers' steps find no step awaited (409); only the
        // Kadis sets a publication time before the signature.
        yield return About("POST", "/api/v1/items/{id:guid}/submit", "/api/v1/items/{id}/submit", ItemSight.Published,
            c => c.Kind == Kind.Own ? Gate.Open : Gate.Refused, body: new { });
        foreach (var action in new[] { "approve", "return", "reject", "assign", "correction" })
        {
            yield return About("POST", $"/api/v1/items/{{id:guid}}/{action}", $"/api/v1/items/{{id}}/{action}", ItemSight.Published, Chain(), body: Note);
        }

        yield return About("POST", "/api/v1/items/{id:guid}/schedule", "/api/v1/items/{id}/schedule", ItemSight.Published,
            Chain(c => c.In("kadis") ? Gate.Open : Gate.Refused), body: new { publishAt = DateTimeOffset.UtcNow.AddDays(30) });
        // The embargo: set by the writer or an approver in the chain, lifted only by the Kadis.
        yield return About("PUT", "/api/v1/items/{id:guid}/embargo/", "/api/v1/items/{id}/embargo", ItemSight.Published,
            Chain(c => c.Kind == Kind.Own || c.In(Approvers) ? Gate.Open : Gate.Refused), body: new { notBefore = DateTimeOffset.UtcNow.AddDays(30) });
        yield return About("DELETE", "/api/v1/items/{id:guid}/embargo/", "/api/v1/items/{id}/embargo", ItemSight.Published,
            Chain(c => c.In("kadis") ? Gate.Open : Gate.Refused));
        yield return About("POST", "/admin/naskah/{id:guid}/alur", "/admin/naskah/{id}/alur", ItemSight.Published, Chain(), handler: "Embargo",
            body: new Dictionary<string, string>());
        yield return About("POST", "/admin/naskah/{id:guid}/alur", "/admin/naskah/{id}/alur", ItemSight.Published,
            Chain(c => c.In("kadis") ? Gate.Open : Gate.Refused), handler: "LiftEmbargo", body: new Dictionary<string, string>());
        yield return About("GET", "/admin/naskah/{id:guid}/alur", "/admin/naskah/{id}/alur", ItemSight.Published, _ => Gate.Open);
        yield return About("POST", "/admin/naskah/{id:guid}/alur", "/admin/naskah/{id}/alur", ItemSight.Published,
            Chain(c => c.Kind == Kind.Own ? Gate.Open : Gate.Refused), handler: "Submit", body: NoteForm);
        foreach (var handler in new[] { "Approve", "Return", "Reject", "Assign", "Correct" })
        {
            yield return About("POST", "/admin/naskah/{id:guid}/alur", "/admin/naskah/{id}/alur", ItemSight.Published, Chain(), handler: handler, body: NoteForm);
        }

        yield return About("POST", "/admin/naskah/{id:guid}/alur", "/admin/naskah/{id}/alur", ItemSight.Published,
            Chain(c => c.In("kadis") ? Gate.Open : Gate.Refused), handler: "Schedule", body: new Dictionary<string, string>());

        // What the social channels will get: the editors, the operator and admins see it; the operator and admins change it.
        yield return About("GET", "/api/v1/items/{id:guid}/captions/", "/api/v1/items/{id}/captions", ItemSight.Work,
            c => c.In("reporter") ? Gate.Refused : Gate.Open);
        yield return About("PUT", "/api/v1/items/{id:guid}/captions/{channel}", "/api/v1/items/{id}/captions/facebook", ItemSight.Work,
            c => c.In(Controllers) ? Gate.NotHidden : Gate.Refused, body: new { text = "Takarir uji matriks" });
        yield return About("GET", "/admin/naskah/{id:guid}/takarir", "/admin/naskah/{id}/takarir", ItemSight.Work,
            c => c.In("reporter") ? Gate.Refused : Gate.Open);
        foreach (var handler in new[] { "Save", "Reset" })
        {
            yield return About("POST", "/admin/naskah/{id:guid}/takarir", "/admin/naskah/{id}/takarir", ItemSight.Work,
                c => c.In(Controllers) ? Gate.NotHidden : Gate.Refused, handler: handler,
                body: new Dictionary<string, string> { ["Channel"] = "facebook", ["Text"] = "Takarir uji matriks" });
        }

        // ---- one photo of an item ----
        // The original: for those who see the item's work. A rendition: also for anyone once the photo is published.
        yield return About("GET", "/media/{id:guid}", "/media/{id}", ItemSight.Work, _ => Gate.Open, anonymous: true, target: Target.Photo);
        yield return About("GET", "/media/{id:guid}/{kind}.{format}", "/media/{id}/w480.jpg", ItemSight.Published, _ => Gate.Open, anonymous: true, target: Target.Photo);

        // The focal point: the editors, the operator and admins; the writer while he may edit.
        static Gate Focus(Cell c) => c.In("kasi", "kabid", "kadis", "operator", "admin") || c.Kind == Kind.Own ? Gate.Open : Gate.Refused;
        yield return About("PUT", "/api/v1/media/{id:guid}/focus", "/api/v1/media/{id}/focus", ItemSight.Work, Focus, body: new { x = 0.5, y = 0.5 }, target: Target.Photo);
        yield return About("GET", "/admin/media/{id:guid}/fokus", "/admin/media/{id}/fokus", ItemSight.Work, Focus, target: Target.Photo);
        yield return About("POST", "/admin/media/{id:guid}/fokus", "/admin/media/{id}/fokus", ItemSight.Work, Focus,
            body: new Dictionary<string, string> { ["X"] = "50", ["Y"] = "50" }, target: Target.Photo);

        // The media library: staff (a reporter sees his own uploads); deleting a file needs its item's work in sight and
        // is refused (409) while an item uses it.
        yield return Staff("GET", "/api/v1/media", "/api/v1/media?q=foto&page=1");
        yield return Staff("GET", "/admin/media", "/admin/media?q=foto");
        yield return Staff("POST", "/admin/media", "/admin/media", handler: "Reuse", body: new Dictionary<string, string>());
        yield return Staff("POST", "/admin/media", "/admin/media", handler: "Delete", body: new Dictionary<string, string>());
        yield return About("DELETE", "/api/v1/media/{mediaId:guid}", "/api/v1/media/{id}", ItemSight.Work, _ => Gate.Open, target: Target.ItemPhoto);

        // An item's photos: whoever may edit the item (its writer while it is a draft).
        static Gate Writer(Cell c) => c.Kind == Kind.Own ? Gate.Open : Gate.Refused;
        yield return About("PUT", "/api/v1/items/{id:guid}/media/order", "/api/v1/items/{id}/media/order", ItemSight.Published, Chain(Writer),
            body: new { mediaIds = Array.Empty<Guid>() });
        yield return About("POST", "/api/v1/items/{id:guid}/media/{mediaId:guid}", "/api/v1/items/{item}/media/{id}", ItemSight.Published, Chain(Writer),
            target: Target.ItemPhoto);
        yield return About("POST", "/api/v1/items/{id:guid}/media/{mediaId:guid}/lead", "/api/v1/items/{item}/media/{id}/lead", ItemSight.Published,
            Chain(Writer), target: Target.ItemPhoto);
        yield return About("PUT", "/api/v1/items/{id:guid}/media/{mediaId:guid}", "/api/v1/items/{item}/media/{id}", ItemSight.Published, Chain(Writer),
            body: new { caption = "Keterangan matriks" }, target: Target.ItemPhoto);
        yield return About("DELETE", "/api/v1/items/{id:guid}/media/{mediaId:guid}", "/api/v1/items/{item}/media/{id}", ItemSight.Published,
            Chain(Writer), target: Target.ItemPhoto);
        yield return About("GET", "/admin/media/naskah/{itemId:guid}", "/admin/media/naskah/{id}", ItemSight.Work, _ => Gate.Open);
        foreach (var handler in new[] { "Edit", "Lead", "Move", "Remove" })
        {
            yield return About("POST", "/admin/media/naskah/{itemId:guid}", "/admin/media/naskah/{item}?mediaId={id}", ItemSight.Work, Chain(Writer),
                handler: handler, body: new Dictionary<string, string> { ["by"] = "0" }, target: Target.ItemPhoto);
        }
    }

    /// <summary>A multipart upload of a small photo (a marker: built per call, since a content is sent once).</summary>
    private sealed class Upload
    {
        public static readonly Upload Photo = new();

        private static readonly Lazy<byte[]> Bytes = new(() => Api.Jpeg(320, 240));

        public static MultipartFormDataContent Content()
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Bytes.Value);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "file", "matriks.jpg");
            return form;
        }
    }

    /// <summary>The site's routes as its route table lists them: method, pattern and, for pages, the handler.</summary>
    private static async Task<IReadOnlyList<string>> RouteTableAsync(NewsroomApp app)
    {
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var keys = new List<string>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                var handlers = compiled.HandlerMethods.Select(h => Key(h.HttpMethod.ToUpperInvariant(), pattern, h.Name)).ToList();
                keys.AddRange(handlers.Count > 0 ? handlers : [Key("GET", pattern, null)]);
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            keys.AddRange(methods.Select(m => Key(m, pattern, null)));
        }

        return keys;
    }

    [Fact]
    public async Task EveryRoute_HasARule_AndEveryCallerGetsWhatItSays()
    {
        await using var database = await TestDatabase.SqliteAsync();
        // Dozens of sign-ins from one address: more than the office's default budget, which is not under test here.
        await using var app = await NewsroomApp.StartAsync(database, extraSettings: new Dictionary<string, string?>
        {
            ["Newsroom:RateLimits:SignIn:PermitLimit"] = "10000",
            ["Newsroom:RateLimits:PasswordReset:PermitLimit"] = "10000",
        });
        var rules = Rules().ToList();

        // The route table and the rules name the same routes: none without a rule, no rule for a route that is gone.
        var routes = (await RouteTableAsync(app)).Distinct().ToList();
        var ruled = rules.Select(r => r.Key).ToList();
        Assert.True(ruled.Count == ruled.Distinct().Count(), "two rules for one route: " + string.Join(", ", ruled.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key)));
        var unruled = routes.Except(ruled).ToList();
        Assert.True(unruled.Count == 0, "routes without a rule in this test (add one):\n" + string.Join("\n", unruled));
        var stale = ruled.Except(routes).ToList();
        Assert.True(stale.Count == 0, "rules for routes the site no longer has:\n" + string.Join("\n", stale));

        var world = await World.BuildAsync(app);
        var mismatches = new List<string>();
        var tried = 0;
        foreach (var rule in rules.OrderBy(r => r.EndsSession))
        {
            foreach (var cell in Cells(rule))
            {
                Answer actual;
                try
                {
                    actual = await world.CallAsync(rule, cell);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    throw new InvalidOperationException($"{rule.Key} by {cell.Caller} on {cell.Kind} failed (mismatches so far: {string.Join("; ", mismatches)})", ex);
                }

                tried++;
                if (!Matches(rule.Expect(cell), actual.Gate, rule.Target))
                {
                    mismatches.Add($"{rule.Key} by {cell.Caller}{(cell.Kind == Kind.None ? "" : $" on {cell.Kind}")}: expected {rule.Expect(cell)}, got {actual.Gate} ({actual.Detail})");
                }
            }
        }

        world.Dispose();
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {tried} calls answered otherwise:\n" + string.Join("\n", mismatches));
        Assert.True(tried > 1000, $"only {tried} calls were tried");
    }

    private static IEnumerable<Cell> Cells(Rule rule)
    {
        foreach (var caller in Roles.Prepend(Anonymous))
        {
            if (rule.Target == Target.None)
            {
                yield return new Cell(caller, Kind.None);
                continue;
            }

            foreach (var kind in new[] { Kind.Own, Kind.Other, Kind.Published })
            {
                if (kind != Kind.Own || Authors.Contains(caller))
                {
                    yield return new Cell(caller, kind);
                }
            }
        }
    }

    private static bool Matches(Gate expected, Gate actual, Target target) => expected switch
    {
        Gate.NotHidden => actual is Gate.Open or Gate.Refused,

        // Past the door a route about no item may still find nothing (an unknown account, publication, slug).
        Gate.Open when target == Target.None => actual is Gate.Open or Gate.Hidden,
        _ => expected == actual,
    };

    private sealed record Answer(Gate Gate, string Detail);

    /// <summary>The callers and the items of the matrix.</summary>
    private sealed class World : IDisposable
    {
        private readonly NewsroomApp _app;
        private readonly Dictionary<string, HttpClient> _api = [];
        private readonly Dictionary<string, HttpClient> _desk = [];
        private readonly Dictionary<string, string> _tokens = [];
        private readonly Dictionary<string, Guid> _ownPhotoItems = [];
        private readonly Dictionary<Guid, Guid> _photos = [];
        private Guid _other;
        private Guid _published;

        private World(NewsroomApp app) => _app = app;

        public static async Task<World> BuildAsync(NewsroomApp app)
        {
            // The first look at two-step enrolment makes the person's authenticator key, and Identity renews his security
            // stamp with it, ending his sessions (and, for half a minute, the API's cached stamp refuses new tokens). Done
            // here, before the callers sign in, so that the rules for those pages find the key made.
            foreach (var role in Roles)
            {
                using var first = await app.SignInAsync(role);
                Assert.Equal(HttpStatusCode.OK, (await first.Http.GetAsync("/akun/2fa")).StatusCode);
            }

            var world = new World(app);
            world._api[Anonymous] = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            world._desk[Anonymous] = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            world._tokens[Anonymous] = await TokenAsync(world._desk[Anonymous], "/masuk");
            foreach (var role in Roles)
            {
                world._api[role] = await BearerAsync(app, role);
                world._desk[role] = (await app.SignInAsync(role)).Http;
                world._tokens[role] = await TokenAsync(world._desk[role], "/akun");
            }

            // Another reporter of the Kasi's seksi: one draft, one item published and archived, each with a photo.
            using var other = await BearerAsync(app, "reporter2");
            world._other = await Api.CreatePressReleaseAsync(other, "Draf reporter lain", section: Office.SeksiMedia);
            world._photos[world._other] = await PhotoAsync(other, world._other);
            var published = await Api.CreatePressReleaseAsync(other, "Berita reporter lain yang terbit", section: Office.SeksiMedia);
            world._photos[published] = await PhotoAsync(other, published);
            Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(other, published, "submit")).StatusCode);
            await Api.SignAsync(app, published);
            await Api.WaitForStatusAsync(other, published, "archived");
            world._published = published;

            // Each writer's own draft with a photo, for the routes about photos.
            foreach (var author in Authors)
            {
                var own = await Api.CreatePressReleaseAsync(world._api[author], $"Draf foto {author}", section: Office.SeksiMedia);
                world._photos[own] = await PhotoAsync(world._api[author], own);
                world._ownPhotoItems[author] = own;
            }

            return world;
        }

        public async Task<Answer> CallAsync(Rule rule, Cell cell)
        {
            var path = rule.Path;
            if (rule.Target != Target.None)
            {
                var item = cell.Kind switch
                {
                    Kind.Other => _other,
                    Kind.Published => _published,

                    // A route about the item itself gets a fresh draft: an earlier call (a submission) must not have moved it.
                    _ when rule.Target is Target.Item or Target.ItemPhoto => await Api.CreatePressReleaseAsync(_api[cell.Caller], $"Draf {rule.Key} {cell.Caller}", section: Office.SeksiMedia),
                    _ => _ownPhotoItems[cell.Caller],
                };
                if (rule.Target == Target.ItemPhoto && !_photos.ContainsKey(item))
                {
                    _photos[item] = await PhotoAsync(_api[cell.Caller], item);
                }

                path = path.Replace("{item}", item.ToString(), StringComparison.Ordinal);
                path = path.Replace("{id}", (rule.Target is Target.Photo or Target.ItemPhoto ? _photos[item] : item).ToString(), StringComparison.Ordinal);
            }

            var isApi = path.StartsWith("/api/", StringComparison.Ordinal);
            var client = isApi ? _api[cell.Caller] : _desk[cell.Caller];
            var token = _tokens[cell.Caller];
            var fresh = rule.EndsSession && !cell.IsAnonymous;
            if (fresh)
            {
                client = isApi ? await BearerAsync(_app, cell.Caller) : (await _app.SignInAsync(cell.Caller)).Http;
                token = isApi ? token : await TokenAsync(client, "/akun");
            }

            try
            {
                using var request = new HttpRequestMessage(new HttpMethod(rule.Method), rule.Handler is { Length: > 0 } handler ? With(path, "handler", handler) : path);
                request.Content = rule.Body switch
                {
                    null => null,
                    Upload => Upload.Content(),
                    Dictionary<string, string> form => new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = token }),
                    var json => JsonContent.Create(json),
                };
                using var response = await client.SendAsync(request);
                return Classify(response);
            }
            finally
            {
                if (fresh)
                {
                    client.Dispose();
                }
            }
        }

        private static Answer Classify(HttpResponseMessage response)
        {
            var status = (int)response.StatusCode;
            var location = response.Headers.Location?.OriginalString ?? "";
            var detail = location.Length > 0 ? $"{status} -> {location}" : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (status is 401 || (status is >= 300 and < 400 && location.Contains("/masuk", StringComparison.Ordinal) && !location.Contains("/masuk/2fa", StringComparison.Ordinal)))
            {
                return new(Gate.Unauth, detail);
            }

            if (status is 403 || (status is >= 300 and < 400 && location.Contains("/ditolak", StringComparison.Ordinal)))
            {
                return new(Gate.Refused, detail);
            }

            return new(status == 404 ? Gate.Hidden : Gate.Open, detail);
        }

        private static string With(string path, string name, string value)
            => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"{name}={Uri.EscapeDataString(value)}";

        private static async Task<Guid> PhotoAsync(HttpClient owner, Guid itemId)
        {
            var response = await Api.UploadAsync(owner, itemId, Api.Jpeg(640, 480), "foto.jpg");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mediaId").GetGuid();
        }

        /// <summary>A bearer client that does not follow redirects.</summary>
        private static async Task<HttpClient> BearerAsync(NewsroomApp app, string userName)
        {
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = NewsroomApp.Password });
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        /// <summary>An antiforgery token of this client's session, from a page with a form.</summary>
        private static async Task<string> TokenAsync(HttpClient client, string formPage)
        {
            var page = await client.GetStringAsync(formPage);
            var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            Assert.False(string.IsNullOrEmpty(token), $"no antiforgery token on {formPage}");
            return token;
        }

        public void Dispose()
        {
            foreach (var client in _api.Values.Concat(_desk.Values))
            {
                client.Dispose();
            }
        }
    }
}
