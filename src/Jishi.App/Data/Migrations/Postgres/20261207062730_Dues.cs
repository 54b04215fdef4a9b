using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jishi.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Dues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dues_assessments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MemberId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrgId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false, collation: "C"),
                    FromMonth = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Base = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    Rate = table.Column<decimal>(type: "numeric(6,4)", precision: 6, scale: 4, nullable: true),
                    StandardAmount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    MonthlyAmount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    ReliefKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ReliefAmount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    ReliefBranchDecisionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ReliefApprovedByOrgId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ReliefApprovalDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dues_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dues_assessments_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dues_payments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Receipt = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReceiptYear = table.Column<int>(type: "integer", nullable: false),
                    ReceiptNo = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MemberName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrgId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false, collation: "C"),
                    PaidDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CoversFrom = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    CoversTo = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    DueAmount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    VoluntaryExtra = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    PaidBy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PayerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ReversesPaymentId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    OverridesJson = table.Column<string>(type: "text", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dues_payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dues_payments_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dues_assessments_MemberId_FromMonth",
                table: "dues_assessments",
                columns: new[] { "MemberId", "FromMonth" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dues_assessments_OrgPath",
                table: "dues_assessments",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_dues_payments_MemberId_CoversFrom",
                table: "dues_payments",
                columns: new[] { "MemberId", "CoversFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_dues_payments_OrgId_ReceiptYear_ReceiptNo",
                table: "dues_payments",
                columns: new[] { "OrgId", "ReceiptYear", "ReceiptNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dues_payments_OrgPath_PaidDate",
                table: "dues_payments",
                columns: new[] { "OrgPath", "PaidDate" });

            migrationBuilder.CreateIndex(
                name: "IX_dues_payments_ReversesPaymentId",
                table: "dues_payments",
                column: "ReversesPaymentId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dues_assessments");

            migrationBuilder.DropTable(
                name: "dues_payments");
        }
    }
}
