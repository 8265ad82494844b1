using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>The office's bidang and seksi: data an admin keeps, read by everyone on the desk, never deleted.</summary>
public sealed class OrganizationTests
{
    [Fact]
    public Task Sections_AdminCreatesUpdatesDeactivates_EveryRuleRefusedPerField_Sqlite() => SectionsAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task Sections_AdminCreatesUpdatesDeactivates_EveryRuleRefusedPerField_Postgres() => SectionsAsync(TestDatabase.PostgresAsync);

    private static async Task SectionsAsync(Func<Task<TestDatabase>> provider)
    {
        await using var database = await provider();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        await Org.PlaceDemoAsync(database, app);
        using var reporter = await app.LoginAsync("reporter");
        using var admin = await app.LoginAsync("admin");

        // The demo structure is there, with its heads and people, for any member of staff.
        var sections = await Org.SectionsAsync(reporter);
        Assert.Equal(3, sections.GetArrayLength());
        var bidang = Org.Section(sections, Org.Bidang);
        Assert.Equal("bidang", bidang.GetProperty("kind").GetString());
        Assert.Equal("Informasi dan Komunikasi Publik", bidang.GetProperty("name").GetString());
        Assert.Equal("IKP", bidang.GetProperty("code").GetString());
        Assert.Equal("Sari Kepala Bidang", bidang.GetProperty("heads").EnumerateArray().Single().GetProperty("fullName").GetString());
        Assert.Equal(1, bidang.GetProperty("members").GetInt32());
        var media = Org.Section(sections, Org.SeksiMedia);
        Assert.Equal(Org.Bidang, media.GetProperty("parentId").GetGuid());
        Assert.Equal("Informasi dan Komunikasi Publik", media.GetProperty("parentName").GetString());
        Assert.Equal("Budi Kepala Seksi", media.GetProperty("heads").EnumerateArray().Single().GetProperty("fullName").GetString());
        Assert.Equal(3, media.GetProperty("members").GetInt32()); // reporter, reporter2, kasi
        Assert.True(media.GetProperty("active").GetBoolean());
        Assert.Empty(Org.Section(sections, Org.SeksiKomunikasi).GetProperty("heads").EnumerateArray());

        // Only an admin changes it.
        var refused = await reporter.PostAsJsonAsync("/api/v1/org/sections", new { kind = "bidang", name = "Aplikasi Informatika" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Hanya admin", await Org.DetailAsync(refused), StringComparison.Ordinal);
        using var kadis = await app.LoginAsync("kadis");
        Assert.Equal(HttpStatusCode.Forbidden, (await kadis.PutAsJsonAsync($"/api/v1/org/sections/{Org.SeksiMedia}", new { name = "Media", parentId = Org.Bidang })).StatusCode);

        var created = await admin.PostAsJsonAsync("/api/v1/org/sections", new { kind = "bidang", name = "  Aplikasi Informatika ", code = "APTIKA" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var aptika = await created.Content.ReadFromJsonAsync<JsonElement>();
        var aptikaId = aptika.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/org/sections/{aptikaId}", created.Headers.Location?.OriginalString);
        Assert.Equal("Aplikasi Informatika", aptika.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, aptika.GetProperty("parentId").ValueKind);
        Assert.Equal(0, aptika.GetProperty("members").GetInt32());

        var seksi = await admin.PostAsJsonAsync("/api/v1/org/sections", new { kind = "seksi", name = "Persandian", parentId = aptikaId });
        Assert.Equal(HttpStatusCode.Created, seksi.StatusCode);
        var persandianId = (await seksi.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var persandian = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/org/sections/{persandianId}");
        Assert.Equal("Aplikasi Informatika", persandian.GetProperty("parentName").GetString());
        Assert.Equal(JsonValueKind.Null, persandian.GetProperty("code").ValueKind);

        // A seksi may share a bidang's name: uniqueness is per kind.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/org/sections", new { kind = "seksi", name = "Aplikasi Informatika", parentId = aptikaId })).StatusCode);

        // A seksi renamed without its bidang keeps it; an omitted code is cleared.
        var renamedSeksi = await admin.PutAsJsonAsync($"/api/v1/org/sections/{Org.SeksiKomunikasi}", new { name = "Layanan Informasi Publik" });
        Assert.Equal(HttpStatusCode.OK, renamedSeksi.StatusCode);
        var lip = await renamedSeksi.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Org.Bidang, lip.GetProperty("parentId").GetGuid());
        Assert.Equal(JsonValueKind.Null, lip.GetProperty("code").ValueKind);
        Assert.True(lip.GetProperty("active").GetBoolean());

        // Every rule, refused with a 400 naming the field.
        async Task RefusedAsync(object body, string field, string? method = null, Guid? id = null)
        {
            var response = method == "PUT"
                ? await admin.PutAsJsonAsync($"/api/v1/org/sections/{id}", body)
                : await admin.PostAsJsonAsync("/api/v1/org/sections", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, await Org.ErrorFieldsAsync(response));
        }

        await RefusedAsync(new { kind = "dinas", name = "Sekretariat" }, "kind");
        await RefusedAsync(new { kind = "bidang", name = " " }, "name");
        await RefusedAsync(new { kind = "bidang", name = new string('a', 151) }, "name");
        await RefusedAsync(new { kind = "bidang", name = "aplikasi informatika" }, "name"); // taken, whatever the case
        await RefusedAsync(new { kind = "bidang", name = "Statistik", code = new string('S', 21) }, "code");
        await RefusedAsync(new { kind = "bidang", name = "Statistik", parentId = Org.Bidang }, "parentId");
        await RefusedAsync(new { kind = "seksi", name = "Statistik Sektoral" }, "parentId");
        await RefusedAsync(new { kind = "seksi", name = "Statistik Sektoral", parentId = Org.SeksiMedia }, "parentId");
        await RefusedAsync(new { kind = "seksi", name = "Statistik Sektoral", parentId = "bukan-id" }, "parentId");
        await RefusedAsync(new { kind = "seksi", name = "Statistik Sektoral", parentId = Guid.NewGuid() }, "parentId");
        await RefusedAsync(new { name = "Penyiaran", parentId = Org.SeksiMedia }, "parentId", "PUT", persandianId);
        await RefusedAsync(new { name = "Pengelolaan Media dan Penyiaran" }, "name", "PUT", Org.SeksiKomunikasi);
        var both = await admin.PostAsJsonAsync("/api/v1/org/sections", new { kind = "seksi", name = "", parentId = "x" });
        var problem = await both.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("name,parentId", string.Join(',', problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
        Assert.Equal("Nama wajib diisi.", problem.GetProperty("errors").GetProperty("name")[0].GetString());

        // No deletion; a bidang is deactivated only once none of its seksi is active.
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.DeleteAsync($"/api/v1/org/sections/{persandianId}")).StatusCode);
        await RefusedAsync(new { name = "Aplikasi Informatika", active = false }, "active", "PUT", aptikaId);
        var seksiOfAptika = (await Org.SectionsAsync(admin)).EnumerateArray().Where(s => s.GetProperty("parentId").ValueKind == JsonValueKind.String && s.GetProperty("parentId").GetGuid() == aptikaId).ToList();
        foreach (var s in seksiOfAptika)
        {
            var off = await admin.PutAsJsonAsync($"/api/v1/org/sections/{s.GetProperty("id").GetGuid()}", new { name = s.GetProperty("name").GetString(), parentId = aptikaId, active = false });
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        }

        var renamed = await admin.PutAsJsonAsync($"/api/v1/org/sections/{aptikaId}", new { name = "Aplikasi dan Informatika", code = "APTIKA", active = false });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var inactive = await renamed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(inactive.GetProperty("active").GetBoolean());
        Assert.Equal("Aplikasi dan Informatika", inactive.GetProperty("name").GetString());

        // A seksi cannot come back, nor be made, under an inactive bidang; an inactive name is free again.
        await RefusedAsync(new { name = "Persandian", parentId = aptikaId, active = true }, "parentId", "PUT", persandianId);
        await RefusedAsync(new { kind = "seksi", name = "Keamanan Informasi", parentId = aptikaId }, "parentId");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/org/sections", new { kind = "bidang", name = "Aplikasi dan Informatika" })).StatusCode);

        // Still listed, inactive, with its name: people and items placed in it keep it.
        var after = Org.Section(await Org.SectionsAsync(reporter), persandianId);
        Assert.False(after.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"/api/v1/org/sections/{Guid.NewGuid()}", new { name = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync($"/api/v1/org/sections/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/org/sections")).StatusCode);
    }

    [Fact]
    public async Task DemoStructure_WithoutDemoMode_IsNotCreated()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, extraSettings: new Dictionary<string, string?> { ["Newsroom:DemoAccounts"] = "false" });
        using var scope = app.Services.CreateScope();
        var sections = await scope.ServiceProvider.GetRequiredService<Abstractions.Organization.IOrganization>().ListSectionsAsync(CancellationToken.None);
        Assert.Empty(sections);
    }

    [Fact]
    public async Task SectionAndDelegationChanges_PublishAuditEvents_InsideTheirTransaction()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        var sink = new AuditSink();

        // A second site on the same database, with a handler that collects the audit events (and a search index of its own).
        using var site = app.WithWebHostBuilder(b => b
            .UseSetting("Newsroom:DataDir", Directory.CreateTempSubdirectory("newsroom-test-").FullName)
            .ConfigureTestServices(s => s.AddScoped<IEventHandler<AuditEvent>>(sp => new AuditSink.Handler(sink, sp.GetRequiredService<NewsroomDatabase>()))));
        using var admin = await LoginAsync(site, "admin");

        var created = await admin.PostAsJsonAsync("/api/v1/org/sections", new { kind = "seksi", name = "Statistik", parentId = Org.Bidang });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/org/sections/{id}", new { name = "Statistik Sektoral", parentId = Org.Bidang })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/org/sections/{id}", new { name = "Statistik Sektoral", parentId = Org.Bidang })).StatusCode);
        var delegate_ = await Org.UserAsync(app, "reporter2");
        var appointed = await admin.PostAsJsonAsync("/api/v1/delegations", new { role = "kasi", scope = id, delegateUserId = delegate_.Id, from = "2099-01-01", to = "2099-01-31", reference = "800/1/2099" });
        Assert.Equal(HttpStatusCode.Created, appointed.StatusCode);
        var delegationId = (await appointed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/delegations/{delegationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/delegations/{delegationId}")).StatusCode);

        var events = sink.Events.Where(e => e.Event.Action.StartsWith("org.", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { AuditActions.SectionCreated, AuditActions.SectionUpdated, AuditActions.DelegationCreated, AuditActions.DelegationRevoked }, events.Select(e => e.Event.Action));
        Assert.All(events, e => Assert.True(e.InTransaction));
        Assert.All(events, e => Assert.Equal("Admin Sistem", e.Event.ActorName));
        Assert.Equal("Statistik", events[0].Event.After!["name"]);
        Assert.Equal(id.ToString(), events[0].Event.TargetId);
        Assert.Equal("Statistik", events[1].Event.Before!["name"]);
        Assert.Equal("Statistik Sektoral", events[1].Event.After!["name"]);
        Assert.False(events[1].Event.After!.ContainsKey("parentId")); // only what changed
        Assert.Equal("800/1/2099", events[2].Event.After!["reference"]);
        Assert.Contains("Plh. Kepala Seksi Statistik", events[2].Event.Summary, StringComparison.Ordinal);
        Assert.Null(events[3].Event.Before!["revokedAt"]);
        Assert.NotNull(events[3].Event.After!["revokedAt"]);
    }

    [Fact]
    public async Task StructurePage_StaffRead_AdminsAddAndDeactivate_OthersRefused()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        await Org.PlaceDemoAsync(database, app);

        using var reporter = await app.SignInAsync("reporter");
        var read = WebUtility.HtmlDecode(await reporter.Http.GetStringAsync("/admin/organisasi"));
        Assert.Contains("Bidang Informasi dan Komunikasi Publik", read, StringComparison.Ordinal);
        Assert.Contains("Layanan Informasi dan Komunikasi Publik", read, StringComparison.Ordinal);
        Assert.Contains("Budi Kepala Seksi", read, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/organisasi\">Organisasi</a>", read, StringComparison.Ordinal); // the menu
        Assert.DoesNotContain("Tambah seksi", read, StringComparison.Ordinal);
        using (var doorRefusal = await reporter.Http.GetAsync($"/admin/organisasi/{Org.SeksiMedia}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, doorRefusal.StatusCode);
            Assert.StartsWith("/ditolak", doorRefusal.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
        // He has no form here; a crafted post (with the token of a form he does have) is refused.
        var forbidden = await reporter.PostFormAsync("/admin/naskah/baru", new() { ["Name"] = "Penyusup" }, "/admin/organisasi?handler=bidang");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var admin = await app.SignInAsync("admin");
        var duplicate = await admin.PostFormAsync("/admin/organisasi", new() { ["Name"] = "Pengelolaan Media dan Penyiaran", ["ParentId"] = Org.Bidang.ToString() }, "/admin/organisasi?handler=seksi");
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("Sudah ada seksi aktif bernama", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var added = await admin.PostFormAsync("/admin/organisasi", new() { ["Name"] = "Statistik Sektoral", ["Code"] = "STAT", ["ParentId"] = Org.Bidang.ToString() }, "/admin/organisasi?handler=seksi");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = WebUtility.HtmlDecode(await admin.Http.GetStringAsync("/admin/organisasi"));
        Assert.Contains("Seksi Statistik Sektoral ditambahkan.", page, StringComparison.Ordinal);
        Assert.Contains("STAT", page, StringComparison.Ordinal);

        var sections = await Org.SectionsAsync(await app.LoginAsync("admin"));
        var statistik = sections.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Statistik Sektoral").GetProperty("id").GetGuid();
        var editPage = $"/admin/organisasi/{statistik}";
        var refusedBidang = await admin.PostFormAsync($"/admin/organisasi/{Org.Bidang}", new() { ["Name"] = "Informasi dan Komunikasi Publik", ["Active"] = "false" });
        Assert.Equal(HttpStatusCode.BadRequest, refusedBidang.StatusCode);
        Assert.Contains("masih membawahi seksi yang aktif", WebUtility.HtmlDecode(await refusedBidang.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var deactivated = await admin.PostFormAsync(editPage, new() { ["Name"] = "Statistik Sektoral", ["Code"] = "STAT", ["ParentId"] = Org.Bidang.ToString(), ["Active"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.False(Org.Section(await Org.SectionsAsync(await app.LoginAsync("reporter")), statistik).GetProperty("active").GetBoolean());

        // In English.
        await admin.Http.GetAsync("/bahasa?c=en&r=%2Fadmin");
        var english = await admin.Http.GetStringAsync("/admin/organisasi");
        Assert.Contains("<h1>Organisational structure</h1>", english, StringComparison.Ordinal);
        Assert.Contains(">Add section</button>", english, StringComparison.Ordinal);
    }

    private static async Task<HttpClient> LoginAsync(WebApplicationFactory<Program> site, string userName)
    {
        var client = site.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = NewsroomApp.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Collects the audit events the site publishes, and whether each came inside a transaction.</summary>
    private sealed class AuditSink
    {
        private readonly List<(AuditEvent Event, bool InTransaction)> _events = [];

        public IReadOnlyList<(AuditEvent Event, bool InTransaction)> Events
        {
            get
            {
                lock (_events)
                {
                    return [.. _events];
                }
            }
        }

        public sealed class Handler(AuditSink sink, NewsroomDatabase database) : IEventHandler<AuditEvent>
        {
            public Task HandleAsync(AuditEvent @event, CancellationToken cancellationToken)
            {
                lock (sink._events)
                {
                    sink._events.Add((@event, database.InTransaction));
                }

                return Task.CompletedTask;
            }
        }
    }
}
