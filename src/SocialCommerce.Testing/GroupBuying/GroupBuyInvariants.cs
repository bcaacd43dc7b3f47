using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.Testing;

/// <summary>
/// The group-buy aggregate's invariants as checks over a played group: capacity, and conservation of what the
/// participants were charged.
/// </summary>
public static class GroupBuyInvariants
{
    /// <summary>The name of the capacity invariant.</summary>
    public const string CapacityName = "group capacity";

    /// <summary>The name of the conservation invariant.</summary>
    public const string ConservationName = "group-buy conservation";

    /// <summary>
    /// Checks that a group never held more participants than its rule's capacity, accepted no member twice and never the
    /// leader as a joiner, holds exactly the leader and the accepted joiners, and formed at the latest when it was full.
    /// </summary>
    /// <param name="run">The played group.</param>
    /// <returns>The result; a failure names the join attempt, the member and the counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is null.</exception>
    public static InvariantResult Capacity(GroupBuyRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var problems = new List<string>();
        var capacity = run.Rule.Capacity;
        var leader = run.Events.OfType<GroupOpened>().Single().Leader;
        var accepted = new HashSet<MemberId> { leader };
        for (var i = 0; i < run.Joins.Count; i++)
        {
            var join = run.Joins[i];
            if (join.ParticipantsAfter > capacity)
            {
                problems.Add(F($"after join {i} ({join.Attempt}) the group holds {join.ParticipantsAfter} participants, above rule '{run.Rule.Name}''s capacity {capacity}"));
            }

            if (join.Result.IsApplied && !accepted.Add(new MemberId(join.Attempt.Member)))
            {
                problems.Add(F($"join {i} accepted member {join.Attempt.Member}, who was already in the group"));
            }

            if (join.ParticipantsAfter == capacity && i + 1 < run.Joins.Count && run.Joins[i + 1].Result.IsApplied)
            {
                problems.Add(F($"join {i + 1} ({run.Joins[i + 1].Attempt}) was accepted into a full group of {capacity}"));
            }
        }

        if (accepted.Count != run.Group.ParticipantCount)
        {
            problems.Add(F($"the group holds {run.Group.ParticipantCount} participants but the leader and the accepted joins are {accepted.Count}"));
        }

        if (run.Group.ParticipantCount == capacity && run.Group.Status == GroupBuyStatus.Open)
        {
            problems.Add(F($"the group is full ({capacity}) but still open"));
        }

        return Result(CapacityName, run, problems);
    }

    /// <summary>
    /// Checks that nothing was created or lost: what the participants were charged on opening and joining equals, for a
    /// formed group, the sum of every settlement's price plus refund (each refund non-negative, one settlement per real
    /// participant); for a failed or cancelled group, the refunds, each equal to what that member was charged.
    /// </summary>
    /// <param name="run">The played group.</param>
    /// <returns>The result; a failure names the member and the amounts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is null.</exception>
    public static InvariantResult Conservation(GroupBuyRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var problems = new List<string>();
        var charged = new Dictionary<MemberId, Money>();
        foreach (var e in run.Events)
        {
            switch (e)
            {
                case GroupOpened o:
                    charged[o.Leader] = o.Charged;
                    break;
                case MemberJoined j:
                    charged[j.Member] = j.Charged;
                    break;
            }
        }

        var total = charged.Values.Sum(m => m.Amount);
        if (run.Events.OfType<GroupFormed>().SingleOrDefault() is { } formed)
        {
            if (formed.Settlements.Count != charged.Count)
            {
                problems.Add(F($"{formed.Settlements.Count} settlements for {charged.Count} charged participants"));
            }

            foreach (var s in formed.Settlements)
            {
                if (s.Refund.IsNegative)
                {
                    problems.Add(F($"member {s.Member.Value} is refunded {s.Refund.Amount}"));
                }

                if (charged.TryGetValue(s.Member, out var paid) && s.Price.Amount + s.Refund.Amount != paid.Amount)
                {
                    problems.Add(F($"member {s.Member.Value} was charged {paid.Amount} but pays {s.Price.Amount} and is refunded {s.Refund.Amount}"));
                }
            }

            var settled = formed.Settlements.Sum(s => s.Price.Amount + s.Refund.Amount);
            if (settled != total)
            {
                problems.Add(F($"charged {total} in all, but prices and refunds add up to {settled}"));
            }
        }
        else
        {
            var refunds = run.Events.OfType<GroupFailed>().SelectMany(f => f.Refunds).Concat(run.Events.OfType<GroupCancelled>().SelectMany(c => c.Refunds)).ToList();
            if (run.Group.Status != GroupBuyStatus.Open || refunds.Count > 0)
            {
                foreach (var r in refunds)
                {
                    if (!charged.TryGetValue(r.Member, out var paid) || paid.Amount != r.Amount.Amount)
                    {
                        problems.Add(F($"member {r.Member.Value} is refunded {r.Amount.Amount} but was charged {(charged.TryGetValue(r.Member, out var c) ? c.Amount.ToString(CultureInfo.InvariantCulture) : "nothing")}"));
                    }
                }

                var back = refunds.Sum(r => r.Amount.Amount);
                if (back != total)
                {
                    problems.Add(F($"charged {total} in all, but refunded {back}"));
                }
            }
        }

        return Result(ConservationName, run, problems);
    }

    private static InvariantResult Result(string name, GroupBuyRun run, List<string> problems) =>
        problems.Count == 0
            ? InvariantResult.Pass(name)
            : InvariantResult.Fail(name, $"group {run.Group.Id} ({run.Group.Status}, rule '{run.Rule.Name}'): {string.Join("; ", problems)}");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
