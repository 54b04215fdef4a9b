using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jishi.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Attachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_attachments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CaseId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    AttachedToSeq = table.Column<int>(type: "integer", nullable: true),
                    DocumentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_attachments_case_events_CaseId_Seq",
                        columns: x => new { x.CaseId, x.Seq },
                        principalTable: "case_events",
                        principalColumns: new[] { "CaseId", "Seq" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_attachments_CaseId_Seq",
                table: "case_attachments",
                columns: new[] { "CaseId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_attachments_Sha256",
                table: "case_attachments",
                column: "Sha256");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_attachments");
        }
    }
}
