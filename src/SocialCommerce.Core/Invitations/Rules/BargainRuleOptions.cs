namespace SocialCommerce.Invitations;

/// <summary>The settings of a bargain rule (砍价), validated by <see cref="BargainRule.Create"/>.</summary>
public sealed class BargainRuleOptions : InvitationRuleOptions
{
    /// <summary>Gets or sets the price a bargain opens at: positive, whole minor units.</summary>
    public Money StartPrice { get; set; }

    /// <summary>Gets or sets the floor, the price after the last help: not negative, below the start price, same currency.</summary>
    public Money Floor { get; set; }

    /// <summary>Gets or sets the smallest cut a help takes; null for one minor unit. Start − floor must be at least helpers × this.</summary>
    public Money? MinimumCut { get; set; }

    /// <summary>Gets or sets how the total cut is spread over the helps. Defaults to <see cref="CutCurve.Even"/>.</summary>
    public CutCurve Curve { get; set; }

    /// <summary>
    /// Gets or sets the share of the spread (what is left above the minimum cuts) the first help takes on top of its
    /// own cut (a first-help boost); null for none. Must be below 100 %.
    /// </summary>
    public Rate? FirstHelpShare { get; set; }

    /// <summary>Gets or sets what an unfinished bargain leaves at the deadline. Defaults to <see cref="DeadlineOutcome.Fail"/>.</summary>
    public DeadlineOutcome AtDeadline { get; set; }

    /// <summary>
    /// Gets or sets whether the schedule is disclosed to the owner and helpers (the hash at opening, the cuts on
    /// request). A random curve that is not disclosed is flagged under the EU profile (<c>SC505</c>). Defaults to true.
    /// </summary>
    public bool DisclosesSchedule { get; set; } = true;
}
