using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SlaMonitor.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "LostCustomerSeconds",
                table: "Promises",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "LostCustomsSeconds",
                table: "Promises",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "LostOtherSeconds",
                table: "Promises",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "LostWeatherSeconds",
                table: "Promises",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "MarginSeconds",
                table: "Promises",
                type: "bigint",
                nullable: true);

            // Promises stored before these columns: their paused time from the JSON, their margin from deadline and closing.
            migrationBuilder.Sql("""
                UPDATE [Promises] SET
                  [LostCustomerSeconds] = COALESCE(CAST(JSON_VALUE([PausedByBlameJson], '$.customer') AS bigint), 0),
                  [LostCustomsSeconds] = COALESCE(CAST(JSON_VALUE([PausedByBlameJson], '$.customs') AS bigint), 0),
                  [LostCarrierSeconds] = COALESCE(CAST(JSON_VALUE([PausedByBlameJson], '$.carrier') AS bigint), 0),
                  [LostWeatherSeconds] = COALESCE(CAST(JSON_VALUE([PausedByBlameJson], '$.weather') AS bigint), 0),
                  [LostOtherSeconds] = COALESCE(CAST(JSON_VALUE([PausedByBlameJson], '$.other') AS bigint), 0),
                  [MarginSeconds] = CASE WHEN [Status] IN ('MET', 'MISSED') AND [ClosedAt] IS NOT NULL
                    THEN DATEDIFF_BIG(second, [ClosedAt], [Deadline]) END
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
