using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.Testing;

/// <summary>
/// A generated team-up group (拼团): its rule's settings, the join attempts in order, and when it is closed.
/// <see cref="Play"/> opens it with leader <see cref="Leader"/> at <see cref="Start"/> and applies everything.
/// </summary>
/// <param name="Required">The participants needed to form (the leader included).</param>
/// <param name="Maximum">The most participants, or null for exactly <paramref name="Required"/>.</param>
/// <param name="Tiers">The price tiers, by ascending participant count; the first is what everyone is charged on joining.</param>
/// <param name="Perk">The leader's perk.</param>
/// <param name="PerkValue">The perk's value (minor units or percent).</param>
/// <param name="MinimumReal">When set, the group may complete with simulated participants once this many real ones joined.</param>
/// <param name="NewMembersOnly">Whether only new members may join.</param>
/// <param name="TimeLimitMinutes">The time limit from opening.</param>
/// <param name="Joins">The join attempts, in order.</param>
/// <param name="CloseOffsetMinutes">When the group is closed, in minutes after opening (at or after the deadline).</param>
public sealed record GroupBuyScenario(
    int Required,
    int? Maximum,
    IReadOnlyList<GroupBuyTierSample> Tiers,
    LeaderPerkSample Perk,
    int PerkValue,
    int? MinimumReal,
    bool NewMembersOnly,
    int TimeLimitMinutes,
    IReadOnlyList<JoinAttempt> Joins,
    int CloseOffsetMinutes)
{
    /// <summary>When generated groups open: 2026-11-01T09:00:00Z.</summary>
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 1, 9, 0);

    /// <summary>The leader of generated groups: member 1.</summary>
    public static readonly MemberId Leader = new(1);

    /// <summary>Gets the most participants the group may hold.</summary>
    public int Capacity => Maximum ?? Required;

    /// <summary>Gets the group's deadline (exclusive).</summary>
    public Instant Deadline => Start + Duration.FromMinutes(TimeLimitMinutes);

    /// <summary>Builds the rule, named <c>generated</c>, in CNY.</summary>
    /// <returns>The rule.</returns>
    public GroupBuyRule BuildRule()
    {
        var builder = GroupBuyRule.Create("generated", Currency.CNY)
            .RequireParticipants(Required)
            .WithTimeLimit(Duration.FromMinutes(TimeLimitMinutes))
            .ForNewMembersOnly(NewMembersOnly);
        if (Maximum is int max)
        {
            builder.AllowUpTo(max);
        }

        foreach (var tier in Tiers)
        {
            builder.AddTier(tier.Participants, tier.PriceMinorUnits / 100m);
        }

        builder.WithLeaderPerk(Perk switch
        {
            LeaderPerkSample.Free => LeaderPerk.Free,
            LeaderPerkSample.FixedDiscount => LeaderPerk.FixedDiscount(Money.FromMinorUnits(PerkValue, Currency.CNY)),
            LeaderPerkSample.PercentOff => LeaderPerk.Off(Rate.Percent(Math.Min(PerkValue, 100))),
            _ => LeaderPerk.None,
        });
        if (MinimumReal is int minimumReal)
        {
            builder.AllowSimulatedParticipants(minimumReal);
        }

        return builder.Build();
    }

    /// <summary>
    /// Opens the group (id 7), applies every join attempt, and closes it at <see cref="CloseOffsetMinutes"/> if it is
    /// still open.
    /// </summary>
    /// <returns>The run.</returns>
    /// <exception cref="InvalidOperationException">The group could not be opened (the rule refuses its leader).</exception>
    public GroupBuyRun Play()
    {
        var rule = BuildRule();
        var opened = GroupBuy.TryOpen(new GroupBuyId(7), rule, Leader, Start, out var group);
        if (!opened.IsAccepted || group is null)
        {
            throw new InvalidOperationException($"The generated group could not be opened: {opened.Refusal}.");
        }

        var events = new List<GroupBuyEvent>(opened.Events);
        var joins = new List<JoinOutcome>();
        foreach (var attempt in Joins)
        {
            var result = group.Join(new MemberId(attempt.Member), Start + Duration.FromSeconds(attempt.OffsetSeconds), new ParticipantFacts(attempt.IsNew, 0));
            if (!result.IsDuplicate)
            {
                events.AddRange(result.Events); // a duplicate carries the first join's events again
            }

            joins.Add(new JoinOutcome(attempt, result, group.ParticipantCount));
        }

        GroupBuyResult? close = null;
        if (group.Status == GroupBuyStatus.Open)
        {
            var closed = group.CloseAtDeadline(Start + Duration.FromMinutes(CloseOffsetMinutes));
            events.AddRange(closed.Events);
            close = closed;
        }

        return new GroupBuyRun(rule, group, events, joins, close);
    }

    /// <summary>Formats every setting and the joins.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"required {Required}, max {Maximum?.ToString(CultureInfo.InvariantCulture) ?? "-"}, tiers [{string.Join(", ", Tiers)}], perk {Perk}/{PerkValue}, minReal {MinimumReal?.ToString(CultureInfo.InvariantCulture) ?? "-"}, newOnly {NewMembersOnly}, limit {TimeLimitMinutes} min, close +{CloseOffsetMinutes} min, joins [{string.Join(", ", Joins.Select(j => j.ToString()))}]");
}
