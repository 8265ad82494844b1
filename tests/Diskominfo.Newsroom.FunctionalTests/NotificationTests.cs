using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MimeKit;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Approvers are told that something awaits them, and a return reaches the writer: in the inbox and by e-mail.</summary>
public sealed class NotificationTests
{
    [Fact]
    public async Task AwaitingAndReturned_ReachTheRightPeople_InTheInboxAndByMail_RetriedWhenTheServerRefuses()
    {
        await using var smtp = new SmtpSink();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, extraSettings: new Dictionary<string, string?>
        {
            ["Newsroom:Smtp:Host"] = "127.0.0.1",
            ["Newsroom:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Newsroom:Smtp:Security"] = "none",
            ["Newsroom:Smtp:PollInterval"] = "00:00:00.200",
            ["Newsroom:Smtp:RetryDelay"] = "00:00:00.300",
            ["Newsroom:Smtp:DeskBaseUrl"] = "https://newsroom.example.go.id",
        });
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");

        // The mail server is briefly unwell: the first attempt is refused, the mail still arrives.
        smtp.RefuseNext(1);
        var id = await Api.CreatePressReleaseAsync(reporter, "Bupati Tinjau Pasar Raya");
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);

        var inbox = await kasi.GetFromJsonAsync<JsonElement>("/api/v1/inbox");
        var entry = inbox.EnumerateArray().Single();
        Assert.Equal(id, entry.GetProperty("itemId").GetGuid());
        Assert.Contains("menunggu Anda sebagai Kepala Seksi", entry.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(entry.GetProperty("read").GetBoolean());
        Assert.Empty((await reporter.GetFromJsonAsync<JsonElement>("/api/v1/inbox")).EnumerateArray()); // not told of his own act
        Assert.Empty((await kabid.GetFromJsonAsync<JsonElement>("/api/v1/inbox")).EnumerateArray()); // not his turn yet

        var toKasi = Parse(await smtp.WaitForAsync(m => m.To == "kasi@demo.diskominfo.local"));
        Assert.Equal(1, smtp.Refused);
        Assert.Equal("Menunggu tindakan Anda: Bupati Tinjau Pasar Raya", toKasi.Subject);
        Assert.Contains($"https://newsroom.example.go.id/admin/naskah/{id}", toKasi.TextBody, StringComparison.Ordinal);

        // The Kasi returns it: the writer hears it, with the note, in the inbox and by mail.
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, id, "return", "Sebutkan nama pasar dengan lengkap.")).StatusCode);
        var back = (await reporter.GetFromJsonAsync<JsonElement>("/api/v1/inbox")).EnumerateArray().Single();
        Assert.Equal("returned", back.GetProperty("reason").GetString());
        Assert.Contains("Sebutkan nama pasar dengan lengkap.", back.GetProperty("message").GetString(), StringComparison.Ordinal);
        var toReporter = Parse(await smtp.WaitForAsync(m => m.To == "reporter@demo.diskominfo.local"));
        Assert.Equal("Naskah dikembalikan: Bupati Tinjau Pasar Raya", toReporter.Subject);
        Assert.Contains("Sebutkan nama pasar dengan lengkap.", toReporter.TextBody, StringComparison.Ordinal);

        // Resubmitted and initialled by the Kasi: now the Kabid is told, once.
        await Api.ActAsync(reporter, id, "submit");
        await Api.ActAsync(kasi, id, "approve", "Sudah lengkap.");
        var toKabid = (await kabid.GetFromJsonAsync<JsonElement>("/api/v1/inbox")).EnumerateArray().Single();
        Assert.Contains("telah diparaf", toKabid.GetProperty("message").GetString(), StringComparison.Ordinal);
        await smtp.WaitForAsync(m => m.To == "kabid@demo.diskominfo.local");
        Assert.Equal(HttpStatusCode.NoContent, (await kabid.PostAsync("/api/v1/inbox/read", null)).StatusCode);
        Assert.True((await kabid.GetFromJsonAsync<JsonElement>("/api/v1/inbox")).EnumerateArray().Single().GetProperty("read").GetBoolean());
        await Task.Delay(1000);
        Assert.Single(smtp.Received, m => m.To == "kabid@demo.diskominfo.local"); // sent once, not once per poll
    }

    private static MimeMessage Parse(ReceivedMail mail) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(mail.Data)));
}
