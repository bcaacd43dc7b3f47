using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.GroupBuying;

/// <summary>
/// Issue 25: the open-group counts a store keeps (<see cref="GroupBuy.CountOpenGroups"/>) always equal the number of
/// open groups of the rule each member leads or joined, whatever opens, joins, forms, fails or is cancelled.
/// </summary>
public sealed class OpenGroupCountProperties
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 1, 10, 0);

    private static readonly GroupBuyRule Trio = GroupBuyRule.Create("trio", Currency.CNY)
        .RequireParticipants(3).WithTimeLimit(Duration.FromHours(2)).AddTier(3, 9.90m).LimitOpenGroupsPerMember(2).Build();

    [Property(MaxTest = 500)]
    public Property Counts_follow_every_accepted_command(int[] script)
    {
        var groups = new List<GroupBuy>();
        var counts = new Dictionary<MemberId, int>();
        void Change(MemberId member, int delta) => counts[member] = counts.GetValueOrDefault(member) + delta;
        var at = Start;
        foreach (var step in script ?? [])
        {
            var code = step & 0x7fffffff;
            var member = new MemberId(1 + (code % 5));
            at += Duration.FromMinutes(1 + ((code >> 4) % 50));
            var target = groups.Count == 0 ? null : groups[(code >> 8) % groups.Count];
            var facts = new ParticipantFacts(false, counts.GetValueOrDefault(member));
            GroupBuyResult result;
            GroupBuy? group = target;
            switch (target is null ? 0 : (code >> 12) % 4)
            {
                case 0:
                    result = GroupBuy.TryOpen(new GroupBuyId(groups.Count + 1), Trio, member, at, out group, facts);
                    if (result.IsApplied)
                    {
                        groups.Add(group!);
                    }

                    break;
                case 1:
                    result = target!.Join(member, at, facts);
                    break;
                case 2:
                    result = target!.CloseAtDeadline(at);
                    break;
                default:
                    result = target!.Cancel(at);
                    break;
            }

            if (result.IsApplied)
            {
                group!.CountOpenGroups(result.Events, Change);
            }

            foreach (var m in Enumerable.Range(1, 5).Select(v => new MemberId(v)))
            {
                var open = groups.Count(g => g.Status == GroupBuyStatus.Open && g.Contains(m));
                if (counts.GetValueOrDefault(m) != open)
                {
                    return false.Label($"member {m}: counted {counts.GetValueOrDefault(m)}, open in {open} after {result}");
                }
            }
        }

        return true.ToProperty();
    }
}
