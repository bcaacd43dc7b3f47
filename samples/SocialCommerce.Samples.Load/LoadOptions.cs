using System;

namespace SocialCommerce.Samples.Load;

/// <summary>What a load run does: how many connections post sales for how long, over which members.</summary>
/// <param name="Connections">Concurrent connections, each posting one sale after another (1–1,024).</param>
/// <param name="Duration">How long the sales are posted.</param>
/// <param name="Members">How many members the run registers (its referral tree: member <c>n</c> under <c>n / 2</c>).</param>
/// <param name="FirstMember">The first member id of the run; keep the run's members apart from real ones.</param>
/// <param name="HotUpline">All sales by members under one chain of three, so every sale credits the same accounts.</param>
/// <param name="RunId">Prefixes the run's sale ids, so runs never collide.</param>
public sealed record LoadOptions(int Connections, TimeSpan Duration, int Members, long FirstMember, bool HotUpline, string RunId)
{
    /// <summary>Gets the defaults: 16 connections for 20 s over 1,000 members from id 900,000,000.</summary>
    public static LoadOptions Default { get; } = new(16, TimeSpan.FromSeconds(20), 1_000, 900_000_000, false, Guid.NewGuid().ToString("N")[..8]);
}
