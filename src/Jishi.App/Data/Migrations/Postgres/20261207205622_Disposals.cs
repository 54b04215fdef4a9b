using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jishi.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Disposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MatterRef",
                table: "sanctions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "disposals",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MemberId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PersonId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MemberName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrgId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false, collation: "C"),
                    Ground = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProposedMeasure = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Measure = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MatterRef = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IsOpen = table.Column<bool>(type: "boolean", nullable: false),
                    CorrectionDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    ApprovedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ReadmissionBarUntil = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disposals_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_disposals_procedures_Id",
                        column: x => x.Id,
                        principalTable: "procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_disposals_MemberId_IsOpen",
                table: "disposals",
                columns: new[] { "MemberId", "IsOpen" });

            migrationBuilder.CreateIndex(
                name: "IX_disposals_OrgPath_IsOpen",
                table: "disposals",
                columns: new[] { "OrgPath", "IsOpen" });

            migrationBuilder.CreateIndex(
                name: "IX_disposals_PersonId",
                table: "disposals",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disposals");

            migrationBuilder.DropColumn(
                name: "MatterRef",
                table: "sanctions");
        }
    }
}
