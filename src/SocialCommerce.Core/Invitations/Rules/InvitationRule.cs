using System;
using System.Globalization;
using NodaTime;
using SocialCommerce.Compliance;

namespace SocialCommerce.Invitations;

/// <summary>
/// A validated, immutable invitation rule: a <see cref="BargainRule"/> or an <see cref="AssistRule"/>. Created from
/// options (<see cref="BargainRule.Create"/>, <see cref="AssistRule.Create"/>) or from a JSON document
/// (<see cref="FromJson"/>); every setting is checked where it enters, so nothing accepted can fail later.
/// </summary>
public abstract class InvitationRule
{
    /// <summary>The most helps an invitation may require: 10,000.</summary>
    public const int MaxHelpers = 10_000;

    private protected InvitationRule(string name, InvitationKind kind, InvitationRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        if (name.Length == 0)
        {
            throw new InvitationRuleException("(unnamed)", "Name", "\"\"", "should not be empty.");
        }

        Name = name;
        Kind = kind;
        if (options.TimeLimit <= Duration.Zero || !Limits.IsSupported(options.TimeLimit))
        {
            throw Fault(nameof(options.TimeLimit), options.TimeLimit.ToString(), string.Create(CultureInfo.InvariantCulture, $"should be positive and at most {Limits.MaxDuration.Days} days."));
        }

        if (options.Helpers < 1 || options.Helpers > MaxHelpers)
        {
            throw Fault(nameof(options.Helpers), Text(options.Helpers), string.Create(CultureInfo.InvariantCulture, $"should be in [1, {MaxHelpers}]."));
        }

        if (!Enum.IsDefined(options.Eligibility))
        {
            throw Fault(nameof(options.Eligibility), options.Eligibility.ToString(), "is not a helper eligibility (Anyone, NotOwner, NewMembersOnly).");
        }

        if (options.HelpsPerHelper < 1 || options.HelpsPerHelper > options.Helpers)
        {
            throw Fault(nameof(options.HelpsPerHelper), Text(options.HelpsPerHelper), string.Create(CultureInfo.InvariantCulture, $"should be in [1, Helpers = {options.Helpers}]."));
        }

        if (options.HelpsPerHelperPerDay is int perDay && (perDay < 1 || perDay > MaxHelpers))
        {
            throw Fault(nameof(options.HelpsPerHelperPerDay), Text(perDay), string.Create(CultureInfo.InvariantCulture, $"should be in [1, {MaxHelpers}] or null (no limit)."));
        }

        TimeLimit = options.TimeLimit;
        Helpers = options.Helpers;
        Eligibility = options.Eligibility;
        HelpsPerHelper = options.HelpsPerHelper;
        HelpsPerHelperPerDay = options.HelpsPerHelperPerDay;
        DayZone = options.DayZone ?? throw Fault(nameof(options.DayZone), "null", "should be a time zone (UTC by default).");
        AllowsPaidHelp = options.AllowsPaidHelp;
    }

    /// <summary>Gets the rule's name, unique among the rules of a book.</summary>
    public string Name { get; }

    /// <summary>Gets whether it is a bargain or an assist rule.</summary>
    public InvitationKind Kind { get; }

    /// <summary>Gets how long an invitation stays open after it is opened.</summary>
    public Duration TimeLimit { get; }

    /// <summary>Gets the helps that complete an invitation.</summary>
    public int Helpers { get; }

    /// <summary>Gets who may help.</summary>
    public HelperEligibility Eligibility { get; }

    /// <summary>Gets how many helps one helper may give one invitation.</summary>
    public int HelpsPerHelper { get; }

    /// <summary>Gets how many helps one helper may give per day under this rule; null for no limit.</summary>
    public int? HelpsPerHelperPerDay { get; }

    /// <summary>Gets the time zone whose calendar days <see cref="HelpsPerHelperPerDay"/> counts.</summary>
    public DateTimeZone DayZone { get; }

    /// <summary>Gets whether members may buy a help (flagged <c>SC501</c>).</summary>
    public bool AllowsPaidHelp { get; }

    /// <summary>
    /// Gets the rule's version: a hash of its content (<c>"sha256:…"</c>), the same on every machine and new for any
    /// change. An invitation records the version it opened under (<see cref="InvitationOpened.RuleVersion"/>).
    /// </summary>
    public abstract string Version { get; }

    /// <summary>Gets what compliance needs to know about the rule (checked when the rule is added to a book).</summary>
    public abstract InvitationRuleFacts Facts { get; }

    /// <summary>Reads a bargain or assist rule from its JSON document (its <c>"kind"</c> says which).</summary>
    /// <param name="json">The document, e.g. <c>{"kind":"bargain","name":"cut-to-1","currency":"CNY","startPrice":"99.00","floor":"1.00","helpers":5}</c>.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="InvitationRuleException">The document is malformed or a setting is invalid; the exception names the JSON path or setting and the value.</exception>
    public static InvitationRule FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return InvitationDocument.Parse(json);
    }

    /// <summary>Returns the DayZone-local calendar day of an instant, the key of <see cref="HelpsPerHelperPerDay"/>.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The day.</returns>
    public LocalDate DayOf(Instant at) => at.InZone(DayZone).Date;

    /// <summary>
    /// Returns the earliest day whose per-helper daily counts (<see cref="HelpsPerHelperPerDay"/>) can still decide a
    /// help: a help is decided only on an open invitation, at or after its opening, so no help can fall on a day before
    /// the one the rule's earliest open invitation opened on — or before today, when none is open. A store or a book
    /// forgets the counts of earlier days (the deadline job does, in memory and on the database).
    /// </summary>
    /// <param name="now">Now.</param>
    /// <param name="earliestOpenedAt">When the earliest of the rule's open invitations opened; <see langword="null"/> when none is open.</param>
    /// <returns>The first day to keep.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An instant is outside the supported range (<see cref="Limits.IsSupported(Instant)"/>).</exception>
    public LocalDate FirstCountedHelperDay(Instant now, Instant? earliestOpenedAt)
    {
        Limits.Check(now, nameof(now));
        if (earliestOpenedAt is { } opened)
        {
            Limits.Check(opened, nameof(earliestOpenedAt));
        }

        return DayOf(earliestOpenedAt is { } earliest && earliest < now ? earliest : now);
    }

    /// <summary>Returns the rule's kind and name.</summary>
    /// <returns>E.g. <c>"bargain 'cut-to-1'"</c>.</returns>
    public override string ToString() => (Kind == InvitationKind.Bargain ? "bargain '" : "assist '") + Name + "'";

    private protected string CommonCanonical() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Kind}|{Name}|{TimeLimit.BclCompatibleTicks}|{Helpers}|{Eligibility}|{HelpsPerHelper}|{HelpsPerHelperPerDay}|{DayZone.Id}|{AllowsPaidHelp}");

    private protected InvitationRuleException Fault(string field, string value, string problem) => new(Name, field, value, problem);

    private protected static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
