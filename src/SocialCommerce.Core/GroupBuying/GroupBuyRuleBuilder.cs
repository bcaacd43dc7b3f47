using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// Builds a <see cref="GroupBuyRule"/>. Each method checks its own argument at once; <see cref="Build"/>
/// checks that the settings agree with each other.
/// </summary>
/// <remarks>
/// Required: <see cref="RequireParticipants"/>, <see cref="WithTimeLimit"/> and at least one
/// <see cref="AddTier"/>. Example: <c>GroupBuyRule.Create("duo", Currency.CNY).RequireParticipants(2)
/// .WithTimeLimit(Duration.FromHours(24)).AddTier(2, 9.90m).Build()</c>. A builder is not thread-safe.
/// </remarks>
public sealed class GroupBuyRuleBuilder
{
    private readonly string _name;
    private readonly Currency _currency;
    private readonly List<PriceTier> _tiers = [];
    private int? _required;
    private int? _maximum;
    private Duration? _timeLimit;
    private LeaderPerk _perk;
    private bool _newMembersOnly;
    private int? _maxOpenGroups;
    private int? _minimumReal;
    private Rate? _minimumRealShare;
    private GroupBuyTierBasis _tierBasis;
    private int _maxUnits = 1;
    private HandOverDeadline _handOverDeadline;
    private bool _perkMoves = true;

    /// <summary>The most units <see cref="AllowUnitsPerParticipant"/> accepts: 100,000.</summary>
    public const int MaxUnitsLimit = 100_000;

    internal GroupBuyRuleBuilder(string name, Currency currency)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(currency);
        _name = name;
        _currency = currency;
    }

    /// <summary>Sets the participant count (leader included) at which a group is sure to form.</summary>
    /// <param name="count">At least 2.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="GroupBuyRuleException"><paramref name="count"/> is below 2.</exception>
    public GroupBuyRuleBuilder RequireParticipants(int count)
    {
        if (count < 2)
        {
            throw Fault(nameof(GroupBuyRule.RequiredParticipants), count, "should be at least 2 (the leader and one member).");
        }

        _required = count;
        return this;
    }

    /// <summary>Lets a group keep accepting members after <see cref="GroupBuyRule.RequiredParticipants"/> until it holds <paramref name="count"/> or the deadline passes.</summary>
    /// <param name="count">At least the required count (checked by <see cref="Build"/>).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="GroupBuyRuleException"><paramref name="count"/> is below 2.</exception>
    public GroupBuyRuleBuilder AllowUpTo(int count)
    {
        if (count < 2)
        {
            throw Fault(nameof(GroupBuyRule.MaximumParticipants), count, "should be at least 2.");
        }

        _maximum = count;
        return this;
    }

    /// <summary>Sets how long a group stays open after it is opened.</summary>
    /// <param name="timeLimit">A positive duration.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="GroupBuyRuleException"><paramref name="timeLimit"/> is zero, negative or longer than <see cref="Limits.MaxDuration"/>.</exception>
    public GroupBuyRuleBuilder WithTimeLimit(Duration timeLimit)
    {
        if (timeLimit <= Duration.Zero)
        {
            throw Fault(nameof(GroupBuyRule.TimeLimit), timeLimit, "should be positive.");
        }

        if (Limits.Problem(timeLimit) is { } problem)
        {
            throw Fault(nameof(GroupBuyRule.TimeLimit), timeLimit, problem);
        }

        _timeLimit = timeLimit;
        return this;
    }

    /// <summary>Adds a price tier: from <paramref name="participants"/> participants on, each pays <paramref name="unitPrice"/>.</summary>
    /// <param name="participants">At least 2; distinct across tiers.</param>
    /// <param name="unitPrice">Not negative, in whole minor units of the rule's currency.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="GroupBuyRuleException">The count is below 2 or already has a tier, or the price is negative, not whole minor units or above <see cref="Limits.MaxMinorUnits"/>.</exception>
    public GroupBuyRuleBuilder AddTier(int participants, decimal unitPrice)
    {
        if (participants < 2)
        {
            throw Fault("Tiers.Participants", participants, "should be at least 2.");
        }

        var price = new Money(unitPrice, _currency);
        if (price.IsNegative)
        {
            throw Fault("Tiers.UnitPrice", unitPrice, "should not be negative.");
        }

        if (!price.IsWholeMinorUnits)
        {
            throw Fault("Tiers.UnitPrice", unitPrice, $"should be whole minor units of {_currency.Code}.");
        }

        if (Limits.Problem(price) is { } problem)
        {
            throw Fault("Tiers.UnitPrice", unitPrice, problem);
        }

        foreach (var tier in _tiers)
        {
            if (tier.Participants == participants)
            {
                throw Fault("Tiers.Participants", participants, "already has a tier.");
            }
        }

        _tiers.Add(new PriceTier(participants, price));
        return this;
    }

    /// <summary>Sets the leader's perk in a formed group.</summary>
    /// <param name="perk">The perk; a fixed discount must be in the rule's currency.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="GroupBuyRuleException">A fixed discount is in another currency, not whole minor units or above <see cref="Limits.MaxMinorUnits"/>.</exception>
    public GroupBuyRuleBuilder WithLeaderPerk(LeaderPerk perk)
    {
        if (perk.Kind == LeaderPerkKind.FixedDiscount && !perk.Discount.Currency.Equals(_currency))
        {
            throw Fault(nameof(GroupBuyRule.LeaderPerk), perk, $"should be in {_currency.Code}.");
        }

        if (perk.Kind == LeaderPerkKind.FixedDiscount && Limits.Problem(perk.Discount) is { } problem)
        {
            throw Fault(nameof(GroupBuyRule.LeaderPerk), perk, problem);
        }

        _perk = perk;
        return this;
    }

    /// <summary>Admits only new members (老带新); the host says who is new when they join.</summary>
    /// <param name="newMembersOnly">Whether only new members may join.</param>
    /// <returns>This builder.</returns>
    public GroupBuyRuleBuilder ForNewMembersOnly(bool newMembersOnly = true)
    {
        _newMembersOnly = newMembersOnly;
        return this;
    }

    /// <summary>Limits how many open groups of this rule one member may lead or have joined at once.</summary>
    /// <param name="maximum">At least 1.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="GroupBuyRuleException"><paramref name="maximum"/> is below 1.</exception>
    public GroupBuyRuleBuilder LimitOpenGroupsPerMember(int maximum)
    {
        if (maximum < 1)
        {
            throw Fault(nameof(GroupBuyRule.MaxOpenGroupsPerMember), maximum, "should be at least 1.");
        }

        _maxOpenGroups = maximum;
        return this;
    }

    /// <summary>
    /// Lets a group that is not full at its deadline be completed up to the required count with
    /// simulated participants, once <paramref name="minimumRealParticipants"/> real ones joined.
    /// </summary>
    /// <param name="minimumRealParticipants">At least 1 (the leader) and below the required count (checked by <see cref="Build"/>).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="GroupBuyRuleException"><paramref name="minimumRealParticipants"/> is below 1.</exception>
    public GroupBuyRuleBuilder AllowSimulatedParticipants(int minimumRealParticipants)
    {
        if (minimumRealParticipants < 1)
        {
            throw Fault(nameof(GroupBuyRule.MinimumRealParticipants), minimumRealParticipants, "should be at least 1.");
        }

        _minimumReal = minimumRealParticipants;
        _minimumRealShare = null;
        return this;
    }

    /// <summary>
    /// Lets a group that is not full at its deadline be completed up to the required count with simulated participants
    /// once real ones hold <paramref name="minimumRealShare"/> of the required seats (CRMEB's percentage): the count is
    /// that share of <see cref="GroupBuyRule.RequiredParticipants"/>, rounded up, and the share is disclosed in
    /// <see cref="GroupBuyRule.MinimumRealShare"/> and in every <see cref="GroupFormed"/> it completes.
    /// </summary>
    /// <param name="minimumRealShare">Above 0 and below 100 %; the count it gives is checked by <see cref="Build"/> (at least 1, below the required count).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="GroupBuyRuleException"><paramref name="minimumRealShare"/> is 0 or 100 % and above.</exception>
    public GroupBuyRuleBuilder AllowSimulatedParticipants(Rate minimumRealShare)
    {
        if (minimumRealShare.IsZero || minimumRealShare >= Rate.Full)
        {
            throw Fault(nameof(GroupBuyRule.MinimumRealShare), minimumRealShare, "should be above 0 and below 100 %.");
        }

        _minimumRealShare = minimumRealShare;
        _minimumReal = null;
        return this;
    }

    /// <summary>Decides the formed group's tier by the units its participants took instead of by its participants.</summary>
    /// <param name="basis">Participants (the default) or units.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="GroupBuyRuleException"><paramref name="basis"/> is not a defined value.</exception>
    public GroupBuyRuleBuilder TierBy(GroupBuyTierBasis basis)
    {
        if (basis is not (GroupBuyTierBasis.Participants or GroupBuyTierBasis.Units))
        {
            throw Fault(nameof(GroupBuyRule.TierBasis), basis, "is not a defined GroupBuyTierBasis.");
        }

        _tierBasis = basis;
        return this;
    }

    /// <summary>Lets one participant take up to <paramref name="maximum"/> units in a group (one seat, N units).</summary>
    /// <param name="maximum">From 1 to <see cref="MaxUnitsLimit"/>; a seat's charge (join price × units) is checked to be a supported amount by <see cref="Build"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="GroupBuyRuleException"><paramref name="maximum"/> is out of range.</exception>
    public GroupBuyRuleBuilder AllowUnitsPerParticipant(int maximum)
    {
        if (maximum is < 1 or > MaxUnitsLimit)
        {
            throw Fault(nameof(GroupBuyRule.MaxUnitsPerParticipant), maximum, string.Create(CultureInfo.InvariantCulture, $"should be from 1 to {MaxUnitsLimit}."));
        }

        _maxUnits = maximum;
        return this;
    }

    /// <summary>Sets what a leader's leaving an open group does: the deadline kept or reset, the perk moved to the new leader or dropped.</summary>
    /// <param name="deadline">Kept (the default) or reset from the hand-over.</param>
    /// <param name="perkMovesToNewLeader">Whether the next joiner, now leading, gets the leader perk (the default) or nobody does.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="GroupBuyRuleException"><paramref name="deadline"/> is not a defined value.</exception>
    public GroupBuyRuleBuilder OnLeaderLeaving(HandOverDeadline deadline, bool perkMovesToNewLeader = true)
    {
        if (deadline is not (HandOverDeadline.Kept or HandOverDeadline.Reset))
        {
            throw Fault(nameof(GroupBuyRule.HandOverDeadline), deadline, "is not a defined HandOverDeadline.");
        }

        _handOverDeadline = deadline;
        _perkMoves = perkMovesToNewLeader;
        return this;
    }

    /// <summary>Checks the settings together and builds the rule.</summary>
    /// <returns>The rule.</returns>
    /// <exception cref="GroupBuyRuleException">
    /// A required setting is missing, the maximum is below the required count, a tier lies above the
    /// capacity, the first tier lies above the required count, prices rise with the count, or the
    /// simulation minimum is not below the required count.
    /// </exception>
    public GroupBuyRule Build()
    {
        if (_required is not int required)
        {
            throw Fault(nameof(GroupBuyRule.RequiredParticipants), "(not set)", "is required.");
        }

        if (_timeLimit is not Duration timeLimit)
        {
            throw Fault(nameof(GroupBuyRule.TimeLimit), "(not set)", "is required.");
        }

        if (_tiers.Count == 0)
        {
            throw Fault(nameof(GroupBuyRule.Tiers), "(empty)", "should hold at least one price tier.");
        }

        if (_maximum is int maximum && maximum < required)
        {
            throw Fault(nameof(GroupBuyRule.MaximumParticipants), maximum, $"should not be below RequiredParticipants ({required}).");
        }

        var capacity = _maximum ?? required;
        var tiers = _tiers.ToArray();
        Array.Sort(tiers, static (a, b) => a.Participants.CompareTo(b.Participants));
        if (tiers[0].Participants > required)
        {
            throw Fault("Tiers.Participants", tiers[0].Participants, $"the first tier should start at or below RequiredParticipants ({required}).");
        }

        for (var i = 0; i < tiers.Length; i++)
        {
            if (_tierBasis == GroupBuyTierBasis.Participants && tiers[i].Participants > capacity)
            {
                throw Fault("Tiers.Participants", tiers[i].Participants, $"is above the group's capacity ({capacity}); it could never apply.");
            }

            if (i > 0 && tiers[i].UnitPrice > tiers[i - 1].UnitPrice)
            {
                throw Fault("Tiers.UnitPrice", tiers[i].UnitPrice, $"should not be above the price of the smaller tier ({tiers[i - 1].UnitPrice}).");
            }
        }

        if (_minimumRealShare is Rate share)
        {
            var count = Math.Ceiling(share.Fraction * required);
            if (count >= required)
            {
                throw Fault(nameof(GroupBuyRule.MinimumRealShare), share, $"gives {count} of the {required} required participants; it should leave at least one seat to simulate.");
            }

            _minimumReal = (int)count;
        }

        if (_minimumReal is int minimumReal && minimumReal >= required)
        {
            throw Fault(nameof(GroupBuyRule.MinimumRealParticipants), minimumReal, $"should be below RequiredParticipants ({required}).");
        }

        if (!Limits.IsSupported(tiers[0].UnitPrice * _maxUnits))
        {
            throw Fault(nameof(GroupBuyRule.MaxUnitsPerParticipant), _maxUnits, $"a seat of {_maxUnits} units at the join price {tiers[0].UnitPrice} is beyond the supported amounts.");
        }

        return new GroupBuyRule(
            _name,
            _currency,
            required,
            _maximum,
            timeLimit,
            tiers,
            _perk,
            _newMembersOnly,
            _maxOpenGroups,
            _minimumReal.HasValue,
            _minimumReal ?? 0,
            new GroupBuyRuleTerms(_tierBasis, _maxUnits, _handOverDeadline, _perkMoves, _minimumRealShare));
    }

    private GroupBuyRuleException Fault<T>(string field, T value, string problem) =>
        new(_name, field, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null", problem);
}
