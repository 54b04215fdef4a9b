using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jishi.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SerialRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateOnly>(
                name: "IssuedDate",
                table: "admission_form_serials",
                type: "date",
                nullable: true,
                oldClrType: typeof(DateOnly),
                oldType: "date");

            migrationBuilder.AlterColumn<string>(
                name: "CaseId",
                table: "admission_form_serials",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);

            migrationBuilder.AddColumn<string>(
                name: "BatchId",
                table: "admission_form_serials",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OrgId",
                table: "admission_form_serials",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OrgPath",
                table: "admission_form_serials",
                type: "character varying(800)",
                maxLength: 800,
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "VoidReason",
                table: "admission_form_serials",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "VoidedDate",
                table: "admission_form_serials",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "admission_form_batches",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrgId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false, collation: "C"),
                    First = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Last = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    ReceivedDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_admission_form_batches", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_admission_form_serials_CaseId",
                table: "admission_form_serials",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_admission_form_serials_OrgPath_State",
                table: "admission_form_serials",
                columns: new[] { "OrgPath", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_admission_form_batches_OrgPath",
                table: "admission_form_batches",
                column: "OrgPath");

            // Serials issued before the register existed stay issued; their holder is the case's organisation.
            migrationBuilder.Sql(
                """
                UPDATE admission_form_serials
                SET "OrgId" = (SELECT c."OrgId" FROM cases c WHERE c."Id" = admission_form_serials."CaseId"),
                    "OrgPath" = (SELECT c."OrgPath" FROM cases c WHERE c."Id" = admission_form_serials."CaseId")
                WHERE "CaseId" IS NOT NULL AND EXISTS (SELECT 1 FROM cases c WHERE c."Id" = admission_form_serials."CaseId");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "admission_form_batches");

            migrationBuilder.DropIndex(
                name: "IX_admission_form_serials_CaseId",
                table: "admission_form_serials");

            migrationBuilder.DropIndex(
                name: "IX_admission_form_serials_OrgPath_State",
                table: "admission_form_serials");

            migrationBuilder.DropColumn(
                name: "BatchId",
                table: "admission_form_serials");

            migrationBuilder.DropColumn(
                name: "OrgId",
                table: "admission_form_serials");

            migrationBuilder.DropColumn(
                name: "OrgPath",
                table: "admission_form_serials");

            migrationBuilder.DropColumn(
                name: "VoidReason",
                table: "admission_form_serials");

            migrationBuilder.DropColumn(
                name: "VoidedDate",
                table: "admission_form_serials");

            migrationBuilder.AlterColumn<DateOnly>(
                name: "IssuedDate",
                table: "admission_form_serials",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1),
                oldClrType: typeof(DateOnly),
                oldType: "date",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "CaseId",
                table: "admission_form_serials",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldNullable: true);
        }
    }
}
