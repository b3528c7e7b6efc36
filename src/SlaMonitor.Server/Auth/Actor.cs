using System.Security.Claims;

namespace SlaMonitor.Server.Auth;

/// <summary>Who did it: the authenticated key's name (its role when it has none), never a name taken from a request body.</summary>
public static class Actor
{
    public const int MaxLength = 200;

    public static string NameOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.Name is { Length: > 0 } name ? name[..Math.Min(name.Length, MaxLength)] : "unknown";
    }
}
