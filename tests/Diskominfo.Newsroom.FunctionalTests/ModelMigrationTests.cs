using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Every module's model is captured by its migrations, on both engines: a property added without a migration fails here.
/// The site no longer has EF Core diff each module's model at every start (a third of the time migrating took).
/// </summary>
public sealed class ModelMigrationTests
{
    [Fact]
    public Task EveryModule_ModelMatchesItsMigrations_Sqlite() => NoPendingChangesAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task EveryModule_ModelMatchesItsMigrations_Postgres() => NoPendingChangesAsync(TestDatabase.PostgresAsync);

    private static async Task NoPendingChangesAsync(Func<Task<TestDatabase>> open)
    {
        await using var database = await open();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        var migrations = app.Services.GetServices<IModuleMigration>().ToList();
        Assert.True(migrations.Count >= 15, $"only {migrations.Count} modules register migrations");
        await using var scope = app.Services.CreateAsyncScope();
        var pending = migrations.Where(m => m.HasPendingModelChanges(scope.ServiceProvider)).Select(m => m.Module).ToList();
        Assert.True(pending.Count == 0, $"model changes without a migration in: {string.Join(", ", pending)} (dotnet ef migrations add)");
    }
}
