using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Editorial.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AppendOnlyHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The buku agenda is append-only: the database itself refuses to change or remove an entry.
            // (The workflow's state and head hash live in editorial_workflows, which the workflow updates.)
            migrationBuilder.Sql("CREATE TRIGGER editorial_history_no_update BEFORE UPDATE ON editorial_history BEGIN SELECT RAISE(ABORT, 'Buku agenda tidak dapat diubah.'); END;");
            migrationBuilder.Sql("CREATE TRIGGER editorial_history_no_delete BEFORE DELETE ON editorial_history BEGIN SELECT RAISE(ABORT, 'Buku agenda tidak dapat dihapus.'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS editorial_history_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS editorial_history_no_delete;");
        }
    }
}
