using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Archive.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KeyedSealsNoTruncate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Seal",
                table: "archive_snapshots",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            // TRUNCATE fires no row trigger: the archive refuses it with a statement-level one.
            foreach (var table in new[] { "archive_records", "archive_snapshots" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION archive_refuse_change();");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "archive_records", "archive_snapshots" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};");
            }

            migrationBuilder.DropColumn(
                name: "Seal",
                table: "archive_snapshots");
        }
    }
}
