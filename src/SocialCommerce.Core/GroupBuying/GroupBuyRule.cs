using System;
using System.Collections.Generic;
using System.IO;
using NodaTime;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// The rule of a team-up group (拼团): how many participants form it, how long it stays open,
/// the price tiers, the leader's perk and the limits on who may join.
/// </summary>
/// <remarks>
/// <para>
/// Participants are counted leader included. A group forms as soon as it holds
/// <see cref="Capacity"/> participants (<see cref="MaximumParticipants"/> when set, otherwise
/// <see cref="RequiredParticipants"/>). At the deadline it forms if it holds at least
/// <see cref="RequiredParticipants"/>, or — when the tiers allow fewer — at least
/// <see cref="MinimumToForm"/> (the smallest tier's count), or, when
/// <see cref="AllowsSimulatedParticipants"/>, it is completed up to <see cref="RequiredParticipants"/>
/// with simulated participants once <see cref="MinimumRealParticipants"/> real ones joined.
/// Otherwise it fails.
/// </para>
/// <para>
/// Everyone is charged <see cref="JoinPrice"/> (the first tier's price, the most anyone can owe) on
/// opening or joining; at formation the tier for the final count applies to everyone and the
/// difference is refunded. One seat per member per group and "a leader cannot join its own group" always hold.
/// </para>
/// <para>Build with <see cref="Create(string, Currency)"/> or load with <see cref="FromJson(string)"/>. Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class GroupBuyRule
{
    private readonly PriceTier[] _tiers;

    internal GroupBuyRule(
        string name,
        Currency currency,
        int requiredParticipants,
        int? maximumParticipants,
        Duration timeLimit,
        PriceTier[] tiers,
        LeaderPerk leaderPerk,
        bool newMembersOnly,
        int? maxOpenGroupsPerMember,
        bool allowsSimulatedParticipants,
        int minimumRealParticipants,
        GroupBuyRuleTerms terms)
    {
        Name = name;
        Currency = currency;
        RequiredParticipants = requiredParticipants;
        MaximumParticipants = maximumParticipants;
        Capacity = maximumParticipants ?? requiredParticipants;
        TimeLimit = timeLimit;
        _tiers = tiers;
        LeaderPerk = leaderPerk;
        NewMembersOnly = newMembersOnly;
        MaxOpenGroupsPerMember = maxOpenGroupsPerMember;
        AllowsSimulatedParticipants = allowsSimulatedParticipants;
        MinimumRealParticipants = minimumRealParticipants;
        TierBasis = terms.TierBasis;
        MaxUnitsPerParticipant = terms.MaxUnitsPerParticipant;
        HandOverDeadline = terms.HandOverDeadline;
        PerkMovesToNewLeader = terms.PerkMovesToNewLeader;
        MinimumRealShare = terms.MinimumRealShare;
        MinimumToForm = terms.TierBasis == GroupBuyTierBasis.Units ? requiredParticipants : tiers[0].Participants;
        JoinPrice = tiers[0].UnitPrice;

        // Terms added since 0.4 enter the content only when they differ from their defaults, so a rule written before
        // keeps its version.
        Version = Serialization.ContentVersion.Of(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"group-buy-rule{terms.VersionSuffix}|{name}|{currency.Code}/{currency.MinorUnit}|{requiredParticipants}|{maximumParticipants}|{timeLimit.BclCompatibleTicks}|{string.Join(";", Array.ConvertAll(tiers, t => t.Participants.ToString(System.Globalization.CultureInfo.InvariantCulture) + "=" + t.UnitPrice.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)))}|{leaderPerk.Kind}/{(leaderPerk.Kind == LeaderPerkKind.FixedDiscount ? leaderPerk.Discount.Amount : 0m)}/{leaderPerk.RateOff.Fraction}|{newMembersOnly}|{maxOpenGroupsPerMember}|{allowsSimulatedParticipants}|{minimumRealParticipants}"));
    }

    /// <summary>
    /// Gets the rule's version: a hash of its content (<c>"sha256:…"</c>), the same for equal rules on every machine and
    /// new for any change. A group records the version it opened under (<see cref="GroupOpened.RuleVersion"/>).
    /// </summary>
    public string Version { get; }

    /// <summary>Gets the rule's name (the campaign it prices), unique within a <see cref="GroupBuyBook"/>.</summary>
    public string Name { get; }

    /// <summary>Gets the currency of every price of the rule.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the participant count (leader included, at least 2) at which a group is sure to form.</summary>
    public int RequiredParticipants { get; }

    /// <summary>Gets the most participants a group may hold, or <see langword="null"/> when it closes at <see cref="RequiredParticipants"/>.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public int? MaximumParticipants { get; }

    /// <summary>Gets the participant count at which a group closes as formed at once: <see cref="MaximumParticipants"/> or else <see cref="RequiredParticipants"/>.</summary>
    public int Capacity { get; }

    /// <summary>Gets the smallest participant count that can form a group at the deadline without simulation: the first tier's count, or <see cref="RequiredParticipants"/> when tiers count units.</summary>
    public int MinimumToForm { get; }

    /// <summary>Gets how long a group stays open after its leader opens it; the deadline is exclusive.</summary>
    public Duration TimeLimit { get; }

    /// <summary>Gets the price tiers, by ascending participant count and non-increasing price.</summary>
    public IReadOnlyList<PriceTier> Tiers => _tiers;

    /// <summary>Gets what each participant is charged on opening or joining: the first tier's price.</summary>
    public Money JoinPrice { get; }

    /// <summary>Gets the leader's perk in a formed group.</summary>
    /// <value>Defaults to <see cref="GroupBuying.LeaderPerk.None"/>.</value>
    public LeaderPerk LeaderPerk { get; }

    /// <summary>Gets a value indicating whether only new members may join (the leader may be anyone).</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool NewMembersOnly { get; }

    /// <summary>Gets how many open groups of this rule one member may lead or have joined at once, or <see langword="null"/> for no limit.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public int? MaxOpenGroupsPerMember { get; }

    /// <summary>
    /// Gets a value indicating whether an unfilled group may be completed at the deadline with
    /// simulated participants (disclosed in <see cref="GroupFormed.SimulatedParticipants"/>).
    /// A compliance profile may forbid it.
    /// </summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool AllowsSimulatedParticipants { get; }

    /// <summary>Gets how many real participants (leader included) a group needs before it may be completed with simulated ones; 0 when simulation is not allowed.</summary>
    public int MinimumRealParticipants { get; }

    /// <summary>
    /// Gets what decides a formed group's tier: its participants (the default), or the units they took
    /// (<see cref="PriceTier.Participants"/> then counts units; a simulated participant counts one unit).
    /// </summary>
    /// <value>Defaults to <see cref="GroupBuyTierBasis.Participants"/>.</value>
    public GroupBuyTierBasis TierBasis { get; }

    /// <summary>Gets the most units one participant may take in a group (its seat's quantity), at least 1.</summary>
    /// <value>Defaults to 1: one unit per seat.</value>
    public int MaxUnitsPerParticipant { get; }

    /// <summary>Gets what happens to the deadline when the leader leaves an open group and the next joiner leads.</summary>
    /// <value>Defaults to <see cref="GroupBuying.HandOverDeadline.Kept"/>.</value>
    public HandOverDeadline HandOverDeadline { get; }

    /// <summary>
    /// Gets a value indicating whether the leader perk moves with the role when the leader leaves before formation
    /// (otherwise nobody gets it in that group).
    /// </summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool PerkMovesToNewLeader { get; }

    /// <summary>
    /// Gets the disclosed threshold as a share of the required seats when the rule was given one
    /// (<see cref="MinimumRealParticipants"/> is then that share of <see cref="RequiredParticipants"/>, rounded up); otherwise null.
    /// </summary>
    public Rate? MinimumRealShare { get; }

    /// <summary>Starts building a rule.</summary>
    /// <param name="name">The rule's name; not empty.</param>
    /// <param name="currency">The currency of its prices.</param>
    /// <returns>A builder; call <see cref="GroupBuyRuleBuilder.Build"/> at the end.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="currency"/> is null.</exception>
    public static GroupBuyRuleBuilder Create(string name, Currency currency) => new(name, currency);

    /// <summary>Loads a rule from a JSON document (System.Text.Json); see docs/group-buying.md for the format.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="GroupBuyRuleFormatException">The document is malformed or the rule invalid; the message names the JSON path and the value.</exception>
    public static GroupBuyRule FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return GroupBuyRuleDocument.Parse(json);
    }

    /// <summary>Loads a rule from a UTF-8 JSON stream.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="GroupBuyRuleFormatException">The document is malformed or the rule invalid; the message names the JSON path and the value.</exception>
    public static GroupBuyRule FromJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var reader = new StreamReader(utf8Json);
        return GroupBuyRuleDocument.Parse(reader.ReadToEnd());
    }

    /// <summary>Returns the tier that applies to a final count: participants, or units under <see cref="GroupBuyTierBasis.Units"/>.</summary>
    /// <param name="participants">The final count, simulated participants included; at least the first tier's count.</param>
    /// <returns>The tier with the largest count not above <paramref name="participants"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="participants"/> is below the first tier's count.</exception>
    public PriceTier TierFor(int participants)
    {
        if (participants < _tiers[0].Participants)
        {
            throw new ArgumentOutOfRangeException(nameof(participants), participants, $"Rule '{Name}' has no tier for {participants} {(TierBasis == GroupBuyTierBasis.Units ? "units" : "participants")}; the first tier starts at {_tiers[0].Participants}.");
        }

        var tier = _tiers[0];
        for (var i = 1; i < _tiers.Length && _tiers[i].Participants <= participants; i++)
        {
            tier = _tiers[i];
        }

        return tier;
    }

    // The same terms under another name and other prices (a campaign's rule for one SKU), checked as any rule is built.
    internal GroupBuyRule Derive(string name, IEnumerable<PriceTier> tiers)
    {
        var builder = Create(name, Currency).RequireParticipants(RequiredParticipants).WithTimeLimit(TimeLimit).WithLeaderPerk(LeaderPerk)
            .ForNewMembersOnly(NewMembersOnly).TierBy(TierBasis).AllowUnitsPerParticipant(MaxUnitsPerParticipant).OnLeaderLeaving(HandOverDeadline, PerkMovesToNewLeader);
        if (MaximumParticipants is int maximum)
        {
            builder.AllowUpTo(maximum);
        }

        if (MaxOpenGroupsPerMember is int open)
        {
            builder.LimitOpenGroupsPerMember(open);
        }

        if (MinimumRealShare is Rate share)
        {
            builder.AllowSimulatedParticipants(share);
        }
        else if (AllowsSimulatedParticipants)
        {
            builder.AllowSimulatedParticipants(MinimumRealParticipants);
        }

        foreach (var tier in tiers)
        {
            builder.AddTier(tier.Participants, tier.UnitPrice.Amount);
        }

        return builder.Build();
    }

    /// <summary>Returns the rule's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
