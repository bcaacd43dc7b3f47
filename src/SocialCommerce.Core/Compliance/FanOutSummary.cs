using System.Collections.Generic;
using SocialCommerce.Network;

namespace SocialCommerce.Compliance;

/// <summary>
/// How many members each member recruited directly (its level-1 downline), over the whole network.
/// </summary>
/// <param name="Recruiters">Members with at least one direct recruit.</param>
/// <param name="MaxFanOut">The most direct recruits of one member (0 when nobody recruited).</param>
/// <param name="WidestRecruiter">The member with <paramref name="MaxFanOut"/> recruits (the smallest id on ties); <see langword="null"/> when nobody recruited.</param>
/// <param name="MeanFanOut">Direct recruits per recruiter, rounded half away from zero to 2 decimals (0 when nobody recruited).</param>
/// <param name="Buckets">Members by number of direct recruits: 0, 1, 2–3, 4–7, … up to the bucket of <paramref name="MaxFanOut"/>.</param>
public sealed record FanOutSummary(int Recruiters, int MaxFanOut, MemberId? WidestRecruiter, decimal MeanFanOut, IReadOnlyList<FanOutBucket> Buckets);
