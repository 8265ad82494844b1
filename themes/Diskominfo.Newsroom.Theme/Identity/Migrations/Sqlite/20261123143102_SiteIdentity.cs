using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Theme.Identity.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SiteIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "site_identity",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Publisher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Facebook = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Instagram = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    YouTube = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    BrandColor = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Logo = table.Column<byte[]>(type: "BLOB", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_site_identity", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "site_identity");
        }
    }
}
