using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.EntityFrameworkCore.Execution;

namespace SocialCommerce.EntityFrameworkCore.Schema;

/// <summary>
/// Records the plan and rule versions the engines decide with (what a stored <c>PlanVersion</c> or
/// <c>RuleVersion</c> meant), once per version: checked, then inserted; a concurrent insert by another instance is
/// a conflict the caller's retry resolves.
/// </summary>
internal sealed class RuleVersions
{
    private readonly ConcurrentDictionary<(string Kind, string Name, string Version), bool> _recorded = new();

    public async Task RecordAsync(DbContext db, string kind, string name, string version, string description, Instant at, CancellationToken ct)
    {
        if (_recorded.ContainsKey((kind, name, version)))
        {
            return;
        }

        if (!await db.Set<RuleVersionRow>().AsNoTracking().AnyAsync(r => r.Kind == kind && r.Name == name && r.Version == version, ct).ConfigureAwait(false))
        {
            db.Add(new RuleVersionRow { Kind = kind, Name = name, Version = version, Description = description.Length > 4000 ? description[..4000] : description, RecordedAt = StoredJson.Ticks(at) });
        }
    }

    public void Committed(string kind, string name, string version) => _recorded[(kind, name, version)] = true;
}
