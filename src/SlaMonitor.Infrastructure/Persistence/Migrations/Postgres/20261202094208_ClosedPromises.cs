using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SlaMonitor.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClosedPromises : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClosedPromises",
                columns: table => new
                {
                    TicketRef = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<short>(type: "smallint", nullable: false),
                    MarginSeconds = table.Column<long>(type: "bigint", nullable: true),
                    LostCustomerSeconds = table.Column<long>(type: "bigint", nullable: false),
                    LostCustomsSeconds = table.Column<long>(type: "bigint", nullable: false),
                    LostCarrierSeconds = table.Column<long>(type: "bigint", nullable: false),
                    LostWeatherSeconds = table.Column<long>(type: "bigint", nullable: false),
                    LostOtherSeconds = table.Column<long>(type: "bigint", nullable: false),
                    CustomerCode = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Region = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CarrierCode = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ServiceLevel = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    SiteCode = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosedPromises", x => x.TicketRef);
                });

            // The promises closed before this table: their rows, in closing order (the order later closings append them in).
            migrationBuilder.Sql("""
                INSERT INTO "ClosedPromises" ("TicketRef", "ClosedAt", "Status", "MarginSeconds", "LostCustomerSeconds", "LostCustomsSeconds",
                  "LostCarrierSeconds", "LostWeatherSeconds", "LostOtherSeconds", "CustomerCode", "Region", "CarrierCode", "ServiceLevel", "SiteCode")
                SELECT p."TicketRef", p."ClosedAt", CASE p."Status" WHEN 'MET' THEN 1 WHEN 'MISSED' THEN 2 ELSE 3 END, p."MarginSeconds",
                  p."LostCustomerSeconds", p."LostCustomsSeconds", p."LostCarrierSeconds", p."LostWeatherSeconds", p."LostOtherSeconds",
                  p."CustomerCode", s."Region", p."CarrierCode", p."ServiceLevel", p."SiteCode"
                FROM "Promises" p INNER JOIN "Sites" s ON s."Code" = p."SiteCode"
                WHERE p."Status" IN ('MET', 'MISSED', 'CANCELLED') AND p."ClosedAt" IS NOT NULL
                ORDER BY p."ClosedAt"
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ClosedPromises_ClosedAt",
                table: "ClosedPromises",
                column: "ClosedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClosedPromises");
        }
    }
}
