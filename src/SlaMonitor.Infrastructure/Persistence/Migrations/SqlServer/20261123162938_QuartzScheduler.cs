using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SlaMonitor.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class QuartzScheduler : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Quartz.NET's ADO.NET job store tables (clustered scheduler), outside the EF model.
            migrationBuilder.Sql(QuartzSchema.SqlServerCreate);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(QuartzSchema.SqlServerDrop);
        }
    }
}
