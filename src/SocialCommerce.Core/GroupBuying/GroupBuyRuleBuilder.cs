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
            if (tiers[i].Participants > capacity)
            {
                throw Fault("Tiers.Participants", tiers[i].Participants, $"is above the group's capacity ({capacity}); it could never apply.");
            }

            if (i > 0 && tiers[i].UnitPrice > tiers[i - 1].UnitPrice)
            {
                throw Fault("Tiers.UnitPrice", tiers[i].UnitPrice, $"should not be above the price of the smaller tier ({tiers[i - 1].UnitPrice}).");
            }
        }

        if (_minimumReal is int minimumReal && minimumReal >= required)
        {
            throw Fault(nameof(GroupBuyRule.MinimumRealParticipants), minimumReal, $"should be below RequiredParticipants ({required}).");
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
            _minimumReal ?? 0);
    }

    private GroupBuyRuleException Fault<T>(string field, T value, string problem) =>
        new(_name, field, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null", problem);
}
