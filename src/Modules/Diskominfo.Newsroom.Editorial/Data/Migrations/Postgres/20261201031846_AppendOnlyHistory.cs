using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Editorial.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AppendOnlyHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The buku agenda is append-only: the database itself refuses to change, remove or truncate an entry.
            // (The workflow's state and head hash live in editorial_workflows, which the workflow updates.)
            migrationBuilder.Sql("""
                CREATE FUNCTION editorial_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'Buku agenda tidak dapat diubah atau dihapus (%).', TG_OP;
                END;
                $$;
                """);
            migrationBuilder.Sql("CREATE TRIGGER editorial_history_immutable BEFORE UPDATE OR DELETE ON editorial_history FOR EACH ROW EXECUTE FUNCTION editorial_history_refuse_change();");
            migrationBuilder.Sql("CREATE TRIGGER editorial_history_no_truncate BEFORE TRUNCATE ON editorial_history FOR EACH STATEMENT EXECUTE FUNCTION editorial_history_refuse_change();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS editorial_history_immutable ON editorial_history;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS editorial_history_no_truncate ON editorial_history;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS editorial_history_refuse_change();");
        }
    }
}
