using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jishi.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartySpiritAnalyses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "party_spirit_analyses",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrgId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_spirit_analyses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_party_spirit_analyses_orgs_OrgId",
                        column: x => x.OrgId,
                        principalTable: "orgs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "party_spirit_participations",
                columns: table => new
                {
                    AnalysisId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MemberName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_spirit_participations", x => new { x.AnalysisId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_party_spirit_participations_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_party_spirit_participations_party_spirit_analyses_AnalysisId",
                        column: x => x.AnalysisId,
                        principalTable: "party_spirit_analyses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_party_spirit_analyses_OrgId",
                table: "party_spirit_analyses",
                column: "OrgId");

            migrationBuilder.CreateIndex(
                name: "IX_party_spirit_analyses_OrgPath",
                table: "party_spirit_analyses",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_party_spirit_participations_MemberId",
                table: "party_spirit_participations",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_party_spirit_participations_OrgPath",
                table: "party_spirit_participations",
                column: "OrgPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "party_spirit_participations");

            migrationBuilder.DropTable(
                name: "party_spirit_analyses");
        }
    }
}
