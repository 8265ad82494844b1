namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>The triggers that keep the buku agenda append-only, which an attacker owning the tables drops first.</summary>
internal static class HistoryGuards
{
    public static Task DropAsync(TestDatabase database, NewsroomApp app) => database.ExecuteAsync(app, database.Provider == "Postgres"
        ? "DROP TRIGGER IF EXISTS editorial_history_immutable ON editorial_history; DROP TRIGGER IF EXISTS editorial_history_no_truncate ON editorial_history"
        : "DROP TRIGGER IF EXISTS editorial_history_no_update; DROP TRIGGER IF EXISTS editorial_history_no_delete");
}
