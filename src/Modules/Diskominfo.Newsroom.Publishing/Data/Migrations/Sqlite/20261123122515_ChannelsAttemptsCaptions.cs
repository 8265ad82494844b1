using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Publishing.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChannelsAttemptsCaptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "publishing_attempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PublicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Request = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RemoteId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ErrorCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_publishing_attempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "publishing_captions",
                columns: table => new
                {
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_publishing_captions", x => new { x.ItemId, x.Channel });
                });

            migrationBuilder.CreateTable(
                name: "publishing_channels",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TargetId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProtectedToken = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    TokenHint = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    GraphBaseUrl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TokenExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StatusNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CheckedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AccountName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BlockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpiryWarnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_publishing_channels", x => x.Channel);
                });

            migrationBuilder.CreateIndex(
                name: "IX_publishing_attempts_PublicationId",
                table: "publishing_attempts",
                column: "PublicationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "publishing_attempts");

            migrationBuilder.DropTable(
                name: "publishing_captions");

            migrationBuilder.DropTable(
                name: "publishing_channels");
        }
    }
}
