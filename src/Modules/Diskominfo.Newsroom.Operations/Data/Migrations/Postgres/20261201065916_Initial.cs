using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Diskominfo.Newsroom.Operations.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "operations_samples",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Health = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PublicationsOpen = table.Column<int>(type: "integer", nullable: false),
                    PublicationsFailed = table.Column<int>(type: "integer", nullable: false),
                    QueueDepth = table.Column<int>(type: "integer", nullable: false),
                    IndexLagSeconds = table.Column<double>(type: "double precision", nullable: true),
                    FailedSignIns = table.Column<int>(type: "integer", nullable: false),
                    BackupAgeHours = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_operations_samples", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "operations_sign_in_failures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_operations_sign_in_failures", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_operations_samples_At",
                table: "operations_samples",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_operations_sign_in_failures_At",
                table: "operations_sign_in_failures",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "operations_samples");

            migrationBuilder.DropTable(
                name: "operations_sign_in_failures");
        }
    }
}
