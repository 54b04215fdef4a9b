using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jishi.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DevelopmentCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "admission_form_serials",
                columns: table => new
                {
                    Serial = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IssuedDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_admission_form_serials", x => x.Serial);
                });

            migrationBuilder.CreateTable(
                name: "case_deadlines",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_deadlines", x => new { x.CaseId, x.Rule });
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrgId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    ReceivingOrgRelation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EventCount = table.Column<int>(type: "INTEGER", nullable: false),
                    HeadHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ApplicationReceivedDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ActivistDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CandidateListedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PreReviewPassedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AssemblyDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApprovalDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProbationStartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpiryDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExtendedExpiryDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PartyAgeStartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_orgs_OrgId",
                        column: x => x.OrgId,
                        principalTable: "orgs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_cases_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_events",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RulesVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DataJson = table.Column<string>(type: "TEXT", nullable: false),
                    OverridesJson = table.Column<string>(type: "TEXT", nullable: false),
                    ExceptionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    PrevHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_events", x => new { x.CaseId, x.Seq });
                    table.ForeignKey(
                        name: "FK_case_events_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_deadlines_DueDate",
                table: "case_deadlines",
                column: "DueDate");

            migrationBuilder.CreateIndex(
                name: "IX_case_deadlines_OrgPath_DueDate",
                table: "case_deadlines",
                columns: new[] { "OrgPath", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_OrgId",
                table: "cases",
                column: "OrgId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_OrgPath_Stage_Status",
                table: "cases",
                columns: new[] { "OrgPath", "Stage", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_PersonId",
                table: "cases",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "admission_form_serials");

            migrationBuilder.DropTable(
                name: "case_deadlines");

            migrationBuilder.DropTable(
                name: "case_events");

            migrationBuilder.DropTable(
                name: "cases");
        }
    }
}
