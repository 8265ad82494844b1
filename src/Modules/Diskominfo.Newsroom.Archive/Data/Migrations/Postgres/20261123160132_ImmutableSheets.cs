using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Diskominfo.Newsroom.Archive.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ImmutableSheets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "archive_snapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    TakenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_archive_snapshots", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_archive_snapshots_ItemId_Round",
                table: "archive_snapshots",
                columns: new[] { "ItemId", "Round" },
                unique: true);

            // The archive is never rewritten: the database itself refuses to change or remove a filing.
            migrationBuilder.Sql("""
                CREATE FUNCTION archive_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'Arsip tidak dapat diubah atau dihapus (%).', TG_TABLE_NAME;
                END;
                $$;
                """);
            foreach (var table in new[] { "archive_records", "archive_snapshots" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_immutable BEFORE UPDATE OR DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION archive_refuse_change();");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "archive_records", "archive_snapshots" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_immutable ON {table};");
            }

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS archive_refuse_change();");

            migrationBuilder.DropTable(
                name: "archive_snapshots");
        }
    }
}
