using Microsoft.EntityFrameworkCore;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Definitions;

/// <summary>Policies and sites read once per refresh, however many promises share them (a stored promise's policy
/// version once per process: versions never change).</summary>
public sealed class JudgingConfiguration(SlaDbContext db, PolicyVersionCache versions)
{
    private readonly Dictionary<(string ServiceLevel, int? Version), PolicyVersion?> _policies = [];
    private readonly Dictionary<string, Site?> _sites = new(StringComparer.Ordinal);

    /// <summary>The promise's policy version, or the latest for a promise not stored yet (<paramref name="version"/> null).</summary>
    public async Task<PolicyVersion?> PolicyAsync(string serviceLevel, int? version, CancellationToken ct)
    {
        if (!_policies.TryGetValue((serviceLevel, version), out var policy))
        {
            policy = version is null
                ? await PoliciesApi.Latest(db, serviceLevel, ct)
                : await versions.GetAsync(db, serviceLevel, version.Value, ct);
            _policies[(serviceLevel, version)] = policy;
        }

        return policy;
    }

    public async Task<Site?> SiteAsync(string code, CancellationToken ct)
    {
        if (!_sites.TryGetValue(code, out var site))
        {
            site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Code == code, ct);
            _sites[code] = site;
        }

        return site;
    }
}
