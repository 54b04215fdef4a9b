using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jishi.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Transfers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LeftDate",
                table: "members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "case_deadlines",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "DevelopmentCase");

            migrationBuilder.CreateTable(
                name: "member_history",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrgId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ProcedureId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_member_history_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "procedures",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrgId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    CounterpartOrgId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CounterpartOrgPath = table.Column<string>(type: "TEXT", maxLength: 800, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EventCount = table.Column<int>(type: "INTEGER", nullable: false),
                    HeadHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_procedures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "procedure_events",
                columns: table => new
                {
                    ProcedureId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RulesVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DataJson = table.Column<string>(type: "TEXT", nullable: false),
                    OverridesJson = table.Column<string>(type: "TEXT", nullable: false),
                    ExceptionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    PrevHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_procedure_events", x => new { x.ProcedureId, x.Seq });
                    table.ForeignKey(
                        name: "FK_procedure_events_procedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalTable: "procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "transfers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MemberName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Serial = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SerialYear = table.Column<int>(type: "INTEGER", nullable: false),
                    SerialNo = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuingOrgId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IssuingOrgPath = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    FromOrgId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ToOrgId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ToOrgPath = table.Column<string>(type: "TEXT", maxLength: 800, nullable: true),
                    ToOrgName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuedDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidityDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiryDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DuesPaidThrough = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReceivedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AcceptedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReceiptReturnedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_transfers_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_transfers_procedures_Id",
                        column: x => x.Id,
                        principalTable: "procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_member_history_MemberId_Date",
                table: "member_history",
                columns: new[] { "MemberId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_member_history_OrgId_Change_Date",
                table: "member_history",
                columns: new[] { "OrgId", "Change", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_member_history_OrgPath_Date",
                table: "member_history",
                columns: new[] { "OrgPath", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_procedures_Kind_CounterpartOrgPath",
                table: "procedures",
                columns: new[] { "Kind", "CounterpartOrgPath" });

            migrationBuilder.CreateIndex(
                name: "IX_procedures_Kind_OrgPath",
                table: "procedures",
                columns: new[] { "Kind", "OrgPath" });

            migrationBuilder.CreateIndex(
                name: "IX_procedures_MemberId",
                table: "procedures",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_transfers_IssuingOrgId_SerialYear_SerialNo",
                table: "transfers",
                columns: new[] { "IssuingOrgId", "SerialYear", "SerialNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_transfers_IssuingOrgPath_State",
                table: "transfers",
                columns: new[] { "IssuingOrgPath", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_transfers_MemberId_IsOpen",
                table: "transfers",
                columns: new[] { "MemberId", "IsOpen" });

            migrationBuilder.CreateIndex(
                name: "IX_transfers_ToOrgPath_State",
                table: "transfers",
                columns: new[] { "ToOrgPath", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "member_history");

            migrationBuilder.DropTable(
                name: "procedure_events");

            migrationBuilder.DropTable(
                name: "transfers");

            migrationBuilder.DropTable(
                name: "procedures");

            migrationBuilder.DropColumn(
                name: "LeftDate",
                table: "members");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "case_deadlines");
        }
    }
}
