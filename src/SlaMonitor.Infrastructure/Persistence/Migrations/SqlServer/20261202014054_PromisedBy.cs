using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SlaMonitor.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PromisedBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PromisedBy",
                table: "Promises",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OpenedPromisedBy",
                table: "Events",
                type: "datetime2",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PromisedBy",
                table: "Promises");

            migrationBuilder.DropColumn(
                name: "OpenedPromisedBy",
                table: "Events");
        }
    }
}
