using System;

namespace SocialCommerce.Growth;

/// <summary>
/// The kind of a member activity, by name: the built-in kinds below, or a host's own
/// (for example <c>"livestream.watched"</c>), which a growth policy binds to a rule.
/// </summary>
/// <remarks>
/// Names are compared ordinally (case-sensitive). The default value has no name and is refused
/// wherever a kind is required.
/// </remarks>
public readonly struct GrowthActivityKind : IEquatable<GrowthActivityKind>
{
    private readonly string? _name;

    /// <summary>Creates a kind from its name.</summary>
    /// <param name="name">The name; not empty or white space.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public GrowthActivityKind(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"An activity kind needs a name; was '{name}'.", nameof(name));
        }

        _name = name;
    }

    /// <summary>Gets the kind of a completed order (carries the paid amount).</summary>
    public static GrowthActivityKind OrderCompleted { get; } = new("order.completed");

    /// <summary>Gets the kind of a refund: it names the activity whose points it takes back.</summary>
    public static GrowthActivityKind OrderRefunded { get; } = new("order.refunded");

    /// <summary>Gets the kind of a daily sign-in (one per local day; consecutive days form a streak).</summary>
    public static GrowthActivityKind SignIn { get; } = new("sign-in");

    /// <summary>Gets the kind of a completed task (carries the task id as subject).</summary>
    public static GrowthActivityKind TaskCompleted { get; } = new("task.completed");

    /// <summary>Gets the kind of a posted review.</summary>
    public static GrowthActivityKind ReviewPosted { get; } = new("review.posted");

    /// <summary>Gets the kind of a completed course (learning; carries the course id as subject).</summary>
    public static GrowthActivityKind CourseCompleted { get; } = new("course.completed");

    /// <summary>Gets the kind of a placing in a competition (carries the rank, 1 = first).</summary>
    public static GrowthActivityKind CompetitionPlaced { get; } = new("competition.placed");

    /// <summary>
    /// Gets the kind reported to a referrer when a member it referred completes a first real
    /// purchase (carries the referred member and the paid amount). The only way a referral earns.
    /// </summary>
    public static GrowthActivityKind ReferredFirstOrder { get; } = new("referral.first-order");

    /// <summary>
    /// Gets the kind of a referral binding or a referred member's registration. It never earns
    /// points: a policy that binds a rule to it is refused (recruitment alone earns nothing).
    /// </summary>
    public static GrowthActivityKind MemberReferred { get; } = new("referral.bound");

    /// <summary>Gets the name.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Gets a value indicating whether this is the default value, which has no name.</summary>
    public bool IsDefault => _name is null;

    /// <summary>Equality of the names (ordinal).</summary>
    public static bool operator ==(GrowthActivityKind left, GrowthActivityKind right) => left.Equals(right);

    /// <summary>Inequality of the names (ordinal).</summary>
    public static bool operator !=(GrowthActivityKind left, GrowthActivityKind right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(GrowthActivityKind other) => ReferenceEquals(_name, other._name) || string.Equals(_name, other._name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GrowthActivityKind other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _name is null ? 0 : StringComparer.Ordinal.GetHashCode(_name);

    /// <summary>Returns the name.</summary>
    public override string ToString() => Name;

    /// <summary>
    /// Gets whether activities of this kind may carry an amount: every kind except the built-in ones that never do
    /// (sign-in, task, review, course, competition, binding).
    /// </summary>
    public bool MayCarryAmount =>
        !(Equals(SignIn) || Equals(TaskCompleted) || Equals(ReviewPosted) || Equals(CourseCompleted) || Equals(CompetitionPlaced) || Equals(MemberReferred));
}
