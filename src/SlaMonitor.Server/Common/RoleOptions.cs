using System.ComponentModel.DataAnnotations;

namespace SlaMonitor.Server.Common;

/// <summary>The <c>Role</c> key (<c>--role</c> on the command line): what this process does, see <see cref="ServerRole"/>.</summary>
public sealed class RoleOptions
{
    /// <summary>The configuration root: the key is plain <c>Role</c>.</summary>
    public const string Section = "";

    private const string Message = "Role (--role) must be 'api', 'worker' or 'all'.";

    [Required(ErrorMessage = Message)]
    [RegularExpression(@"^\s*(?i:api|worker|all)\s*$", ErrorMessage = Message)]
    public string Role { get; set; } = "all";

    public ServerRole ToServerRole() => ServerRole.Parse(Role);
}
