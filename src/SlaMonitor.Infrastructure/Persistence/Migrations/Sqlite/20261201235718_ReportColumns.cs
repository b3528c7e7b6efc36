using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SlaMonitor.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LostCarrierSeconds",
                table: "Promises",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "LostCustomerSeconds",
                table: "Promises",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "LostCustomsSeconds",
                table: "Promises",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "LostOtherSeconds",
                table: "Promises",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "LostWeatherSeconds",
                table: "Promises",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "MarginSeconds",
                table: "Promises",
                type: "INTEGER",
                nullable: true);

            // Promises stored before these columns: their paused time from the JSON, their margin from deadline and closing.
            migrationBuilder.Sql("""
                UPDATE "Promises" SET
                  "LostCustomerSeconds" = COALESCE(json_extract("PausedByBlameJson", '$.customer'), 0),
                  "LostCustomsSeconds" = COALESCE(json_extract("PausedByBlameJson", '$.customs'), 0),
                  "LostCarrierSeconds" = COALESCE(json_extract("PausedByBlameJson", '$.carrier'), 0),
                  "LostWeatherSeconds" = COALESCE(json_extract("PausedByBlameJson", '$.weather'), 0),
                  "LostOtherSeconds" = COALESCE(json_extract("PausedByBlameJson", '$.other'), 0),
                  "MarginSeconds" = CASE WHEN "Status" IN ('MET', 'MISSED') AND "ClosedAt" IS NOT NULL
                    THEN CAST(strftime('%s', "Deadline") AS INTEGER) - CAST(strftime('%s', "ClosedAt") AS INTEGER) END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LostCarrierSeconds",
                table: "Promises");

            migrationBuilder.DropColumn(
                name: "LostCustomerSeconds",
                table: "Promises");

            migrationBuilder.DropColumn(
                name: "LostCustomsSeconds",
                table: "Promises");

            migrationBuilder.DropColumn(
                name: "LostOtherSeconds",
                table: "Promises");

            migrationBuilder.DropColumn(
                name: "LostWeatherSeconds",
                table: "Promises");

            migrationBuilder.DropColumn(
                name: "MarginSeconds",
                table: "Promises");
        }
    }
}
