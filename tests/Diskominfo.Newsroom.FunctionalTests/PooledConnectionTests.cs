using System.Net;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Microsoft.Data.Sqlite hands its pooled handles out as they were returned. A handle returned inside a transaction
/// (its owner gone) made every later BEGIN on it fail with "cannot start a transaction within a transaction": approvals
/// answered 500 and publication jobs failed, one after another, on a loaded CI machine. The site now rolls such a
/// leftover back when it opens the handle.
/// </summary>
public sealed class PooledConnectionTests
{
    [Fact]
    public async Task PooledHandleLeftInATransaction_LaterWritesStillCommit()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var reporter = await app.LoginAsync("reporter");
        var connectionString = app.Services.GetRequiredService<IOptions<NewsroomDatabaseOptions>>().Value.ConnectionString;

        // The pool of the site's database keeps one idle handle: this one, returned inside a transaction.
        await using (var first = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(first);
            await first.OpenAsync();
            await using var begin = first.CreateCommand();
            begin.CommandText = "BEGIN;";
            await begin.ExecuteNonQueryAsync();
        }

        for (var i = 1; i <= 3; i++)
        {
            var id = await Api.CreatePressReleaseAsync(reporter, title: $"Ditulis setelah koneksi tertinggal nomor {i}");
            Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
            Assert.Equal("submitted", (await Api.GetAsync(reporter, id)).GetProperty("status").GetString());
        }
    }
}
