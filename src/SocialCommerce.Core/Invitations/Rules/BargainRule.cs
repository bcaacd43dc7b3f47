using System;
using System.Globalization;
using SocialCommerce.Compliance;
using SocialCommerce.Serialization;

namespace SocialCommerce.Invitations;

/// <summary>
/// A bargain rule (砍价): friends help cut a price from <see cref="StartPrice"/> to <see cref="Floor"/> in exactly
/// <see cref="InvitationRule.Helpers"/> helps, each cutting at least <see cref="MinimumCut"/>. The whole schedule of
/// cuts is fixed when a bargain opens (<see cref="CreateSchedule"/>), so the floor is guaranteed and the last help lands on it.
/// </summary>
public sealed class BargainRule : InvitationRule
{
    private BargainRule(string name, BargainRuleOptions options)
        : base(name, InvitationKind.Bargain, options)
    {
        var start = options.StartPrice;
        if (!Limits.IsSupported(start) || start.Amount <= 0m)
        {
            throw Fault(nameof(options.StartPrice), Show(start), "should be a positive amount in whole minor units within the supported range.");
        }

        var floor = options.Floor;
        if (floor == default || floor.Currency != start.Currency)
        {
            throw Fault(nameof(options.Floor), Show(floor), "should be set in the start price's currency " + start.Currency.Code + ".");
        }

        if (!Limits.IsSupported(floor) || floor.IsNegative || floor >= start)
        {
            throw Fault(nameof(options.Floor), Show(floor), "should be whole minor units, not negative, and below the start price " + start + ".");
        }

        var minimum = options.MinimumCut ?? Money.FromMinorUnits(1, start.Currency);
        if (minimum == default || minimum.Currency != start.Currency || !Limits.IsSupported(minimum) || minimum.ToMinorUnits() < 1)
        {
            throw Fault(nameof(options.MinimumCut), Show(minimum), "should be at least one minor unit, in whole minor units of " + start.Currency.Code + ".");
        }

        var total = start.ToMinorUnits() - floor.ToMinorUnits();
        if (total < (decimal)minimum.ToMinorUnits() * options.Helpers)
        {
            throw Fault(
                nameof(options.MinimumCut),
                minimum.ToString(),
                string.Create(CultureInfo.InvariantCulture, $"start − floor = {start} − {floor} = {start - floor} is less than Helpers × MinimumCut = {options.Helpers} × {minimum}; every help must cut at least the minimum."));
        }

        if (!Enum.IsDefined(options.Curve))
        {
            throw Fault(nameof(options.Curve), options.Curve.ToString(), "is not a cut curve (Even, DoubleMean, Decaying).");
        }

        if (!Enum.IsDefined(options.AtDeadline))
        {
            throw Fault(nameof(options.AtDeadline), options.AtDeadline.ToString(), "is not a deadline outcome (Fail, BuyAtReachedPrice).");
        }

        if (options.FirstHelpShare is Rate share && (share.Fraction <= 0m || share.Fraction >= 1m))
        {
            throw Fault(nameof(options.FirstHelpShare), share.ToString(), "should be above 0 % and below 100 %, or null for no boost.");
        }

        StartPrice = start;
        Floor = floor;
        MinimumCut = minimum;
        Curve = options.Curve;
        FirstHelpShare = options.FirstHelpShare;
        AtDeadline = options.AtDeadline;
        DisclosesSchedule = options.DisclosesSchedule;
        Version = ContentVersion.Of(string.Create(
            CultureInfo.InvariantCulture,
            $"{CommonCanonical()}|{start.Currency.Code}|{start.ToMinorUnits()}|{floor.ToMinorUnits()}|{minimum.ToMinorUnits()}|{Curve}|{FirstHelpShare?.Fraction}|{AtDeadline}|{DisclosesSchedule}"));
        Facts = new InvitationRuleFacts(name)
        {
            AllowsPaidHelp = AllowsPaidHelp,
            NewMembersOnly = Eligibility == HelperEligibility.NewMembersOnly,
            UndisclosedRandomSchedule = Curve == CutCurve.DoubleMean && !DisclosesSchedule,
        };
    }

    /// <summary>Gets the price a bargain opens at.</summary>
    public Money StartPrice { get; }

    /// <summary>Gets the floor: the price after the last help, exactly.</summary>
    public Money Floor { get; }

    /// <summary>Gets the smallest cut a help takes.</summary>
    public Money MinimumCut { get; }

    /// <summary>Gets how the total cut is spread over the helps.</summary>
    public CutCurve Curve { get; }

    /// <summary>Gets the first help's boost: its share of the spread above the minimum cuts; null for none.</summary>
    public Rate? FirstHelpShare { get; }

    /// <summary>Gets what an unfinished bargain leaves at the deadline.</summary>
    public DeadlineOutcome AtDeadline { get; }

    /// <summary>Gets whether the schedule is disclosed to the owner and helpers.</summary>
    public bool DisclosesSchedule { get; }

    /// <inheritdoc />
    public override string Version { get; }

    /// <inheritdoc />
    public override InvitationRuleFacts Facts { get; }

    /// <summary>Creates a bargain rule, validating every setting.</summary>
    /// <param name="name">The rule's name; not empty.</param>
    /// <param name="options">The settings; copied.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvitationRuleException">A setting is invalid or inconsistent (e.g. start − floor below helpers × minimum cut); the exception names it and its value.</exception>
    public static BargainRule Create(string name, BargainRuleOptions options) => new(name, options);

    /// <summary>
    /// Fixes the whole schedule of cuts for a new bargain from the host's seed: every cut at least <see cref="MinimumCut"/>,
    /// whole minor units, summing to <see cref="StartPrice"/> − <see cref="Floor"/> exactly. The same seed gives the same
    /// schedule on every machine and in every version of this rule's curve.
    /// </summary>
    /// <param name="seed">The host's seed (e.g. from <c>RandomNumberGenerator</c>); only <see cref="CutCurve.DoubleMean"/> uses it.</param>
    /// <returns>The schedule.</returns>
    public BargainSchedule CreateSchedule(long seed) =>
        BargainSchedule.Create(StartPrice, Floor, Helpers, MinimumCut, Curve, FirstHelpShare, seed);

    private static string Show(Money amount) => amount == default ? "(unset)" : amount.ToString();
}
