using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Network;

public sealed class ReferralNetworkProperties
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 1, 1, 0, 0);

    /// <summary>One bind attempt: indices into a small member space (so that hostile cycles and self-links are common) and an hour offset.</summary>
    public sealed record Attempt(byte Member, byte Referrer, ushort Hours);

    private static ReferralNetwork Play(BindingPolicy policy, int members, IEnumerable<Attempt> attempts, Dictionary<long, long?> model, Dictionary<long, Instant> boundAt)
    {
        var network = new ReferralNetwork(policy);
        for (var i = 0; i < members; i++)
        {
            network.AddMember(new MemberId(i), T0);
            model[i] = null;
        }

        foreach (var a in attempts)
        {
            var member = new MemberId(a.Member % (members + 2));
            var referrer = new MemberId(a.Referrer % (members + 2));
            var at = T0 + Duration.FromHours(a.Hours);
            var result = network.TryBind(member, referrer, at);
            if (result.IsBound && model.TryGetValue(member.Value, out var previous) && previous != referrer.Value)
            {
                model[member.Value] = referrer.Value;
                boundAt[member.Value] = at;
            }
        }

        return network;
    }

    private static List<long> NaiveUpline(Dictionary<long, long?> model, long member)
    {
        var result = new List<long>();
        var seen = new HashSet<long> { member };
        for (var current = model[member]; current is { } c; current = model[c])
        {
            if (!seen.Add(c))
            {
                throw new InvalidOperationException("cycle in the model");
            }

            result.Add(c);
        }

        return result;
    }

    [Property(MaxTest = 500)]
    public bool No_sequence_of_bind_attempts_creates_a_cycle(PositiveInt size, Attempt[] attempts)
    {
        var members = 1 + (size.Get % 12);
        var model = new Dictionary<long, long?>();
        var network = Play(BindingPolicy.RebindAfter(Duration.Zero), members, attempts, model, new Dictionary<long, Instant>());
        foreach (var id in network.Members)
        {
            var seen = new HashSet<MemberId> { id };
            foreach (var up in network.GetUpline(id, members + 1))
            {
                if (!seen.Add(up))
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(MaxTest = 500)]
    public bool Depth_equals_upline_length_and_upline_order_is_the_referrer_chain(PositiveInt size, Attempt[] attempts)
    {
        var members = 1 + (size.Get % 12);
        var model = new Dictionary<long, long?>();
        var network = Play(BindingPolicy.RebindAfter(Duration.FromHours(24)), members, attempts, model, new Dictionary<long, Instant>());
        foreach (var id in network.Members)
        {
            var upline = network.GetUpline(id, int.MaxValue);
            var expected = NaiveUpline(model, id.Value);
            if (network.GetDepth(id) != upline.Count || !upline.Select(m => m.Value).SequenceEqual(expected))
            {
                return false;
            }

            // Spans shorter than, equal to and longer than the three ancestors kept together per member,
            // after arbitrary rebindings of members with referrals of their own.
            foreach (var length in new[] { 1, 2, 3, 5, 13 })
            {
                var span = new MemberId[length];
                var written = network.CopyUpline(id, span);
                if (written != Math.Min(length, expected.Count) || !span.Take(written).Select(m => m.Value).SequenceEqual(expected.Take(length)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(MaxTest = 500)]
    public bool Rebinding_respects_the_lock_period(PositiveInt size, Attempt[] attempts, byte lockHours)
    {
        var members = 2 + (size.Get % 10);
        var lockPeriod = Duration.FromHours(lockHours % 48);
        var network = new ReferralNetwork(BindingPolicy.RebindAfter(lockPeriod));
        for (var i = 0; i < members; i++)
        {
            network.AddMember(new MemberId(i), T0);
        }

        var lastBinding = new Dictionary<MemberId, Instant>();
        foreach (var a in attempts.OrderBy(a => a.Hours))
        {
            var member = new MemberId(a.Member % members);
            var referrer = new MemberId(a.Referrer % members);
            var at = T0 + Duration.FromHours(a.Hours);
            var hadReferrer = network.TryGetReferrer(member, out var before);
            var result = network.TryBind(member, referrer, at);
            var isChange = !hadReferrer || before != referrer;
            if (result.IsBound && isChange)
            {
                if (hadReferrer && at < lastBinding[member] + lockPeriod)
                {
                    return false;
                }

                lastBinding[member] = at;
            }

            if (result.Refusal == BindingRefusalReason.LockPeriodNotElapsed && !(hadReferrer && at < lastBinding[member] + lockPeriod))
            {
                return false;
            }
        }

        // Every recorded rebinding is at least one lock period after the binding it replaced.
        foreach (var id in network.Members)
        {
            var history = network.GetBindingHistory(id);
            for (var i = 1; i < history.Count; i++)
            {
                if (history[i].At - history[i - 1].At < lockPeriod || history[i].PreviousReferrer != history[i - 1].Referrer)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
