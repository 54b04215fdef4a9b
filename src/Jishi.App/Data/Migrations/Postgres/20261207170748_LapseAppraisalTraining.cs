using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jishi.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LapseAppraisalTraining : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "appraisals",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrgId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false, collation: "C"),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    DecidedAtMeetingId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appraisals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_appraisals_meetings_DecidedAtMeetingId",
                        column: x => x.DecidedAtMeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_appraisals_orgs_OrgId",
                        column: x => x.OrgId,
                        principalTable: "orgs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "lapse_exemptions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MemberId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FromMonth = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    ToMonth = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lapse_exemptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_lapse_exemptions_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "member_training",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MemberId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false, collation: "C"),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Hours = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_training", x => x.Id);
                    table.ForeignKey(
                        name: "FK_member_training_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "appraisal_grades",
                columns: table => new
                {
                    AppraisalId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MemberId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MemberName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Grade = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appraisal_grades", x => new { x.AppraisalId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_appraisal_grades_appraisals_AppraisalId",
                        column: x => x.AppraisalId,
                        principalTable: "appraisals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_appraisal_grades_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_appraisal_grades_MemberId",
                table: "appraisal_grades",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_appraisals_DecidedAtMeetingId",
                table: "appraisals",
                column: "DecidedAtMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_appraisals_OrgId_Year",
                table: "appraisals",
                columns: new[] { "OrgId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_appraisals_OrgPath",
                table: "appraisals",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_lapse_exemptions_MemberId",
                table: "lapse_exemptions",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_lapse_exemptions_OrgPath",
                table: "lapse_exemptions",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_member_training_MemberId_Date",
                table: "member_training",
                columns: new[] { "MemberId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_member_training_OrgPath_Date",
                table: "member_training",
                columns: new[] { "OrgPath", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appraisal_grades");

            migrationBuilder.DropTable(
                name: "lapse_exemptions");

            migrationBuilder.DropTable(
                name: "member_training");

            migrationBuilder.DropTable(
                name: "appraisals");
        }
    }
}
