using NodaTime;

namespace SocialCommerce.Invitations;

/// <summary>
/// The settings bargain and assist rules share: how long an invitation stays open, how many helps complete it, and
/// who may help how often. A mutable settings object (like Polly's strategy options): a rule validates and copies it
/// when it is created, so changing the options later changes no rule.
/// </summary>
public abstract class InvitationRuleOptions
{
    /// <summary>Gets or sets how long an invitation stays open after it is opened: positive, at most <see cref="Limits.MaxDuration"/>.</summary>
    public Duration TimeLimit { get; set; } = Duration.FromHours(24);

    /// <summary>Gets or sets the helps that complete an invitation: in [1, <see cref="InvitationRule.MaxHelpers"/>].</summary>
    public int Helpers { get; set; }

    /// <summary>Gets or sets who may help. Defaults to <see cref="HelperEligibility.NotOwner"/>.</summary>
    public HelperEligibility Eligibility { get; set; } = HelperEligibility.NotOwner;

    /// <summary>Gets or sets how many helps one helper may give one invitation: at least 1 (an assist counts distinct helpers, so 1). Defaults to 1.</summary>
    public int HelpsPerHelper { get; set; } = 1;

    /// <summary>Gets or sets how many helps one helper may give per day under this rule, over all its invitations; null for no limit.</summary>
    public int? HelpsPerHelperPerDay { get; set; }

    /// <summary>Gets or sets the time zone whose calendar days <see cref="HelpsPerHelperPerDay"/> counts. Defaults to UTC.</summary>
    public DateTimeZone DayZone { get; set; } = DateTimeZone.Utc;

    /// <summary>
    /// Gets or sets whether members may buy a help (a paid accelerator or extra help). It is an entry fee by another name:
    /// every built-in compliance profile refuses such a rule (<c>SC501</c>). Defaults to false.
    /// </summary>
    public bool AllowsPaidHelp { get; set; }
}
