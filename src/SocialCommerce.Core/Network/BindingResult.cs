namespace SocialCommerce.Network;

/// <summary>
/// The outcome of <see cref="ReferralNetwork.TryBind"/>: bound, or refused with a reason and a message.
/// </summary>
public readonly record struct BindingResult
{
    private BindingResult(BindingRefusalReason refusal, string? message, bool alreadyBound = false)
    {
        Refusal = refusal;
        Message = message;
        AlreadyBound = alreadyBound;
    }

    /// <summary>Gets the successful result.</summary>
    public static BindingResult Bound => default;

    /// <summary>Gets a value indicating whether the binding was made (or already existed).</summary>
    public bool IsBound => Refusal == BindingRefusalReason.None;

    /// <summary>
    /// Gets a value indicating whether nothing was recorded because it already was: the member already had that
    /// referrer (a binding), the same binding — member, referrer and instant — was recorded before (a binding seen again,
    /// even after a later binding replaced it), or the member was already registered with that referrer (a registration
    /// seen again). A resend after a lost acknowledgement answers its first outcome. <see cref="IsBound"/> is also true.
    /// </summary>
    public bool AlreadyBound { get; }

    internal static BindingResult Resent => new(BindingRefusalReason.None, "This binding (member, referrer, instant) was recorded before; nothing was recorded again.", alreadyBound: true);

    internal static BindingResult Unchanged => new(BindingRefusalReason.None, "The member already has that referrer; nothing was recorded.", alreadyBound: true);

    internal static BindingResult Registered(string message) => new(BindingRefusalReason.None, message, alreadyBound: true);

    /// <summary>Gets why the binding was refused; <see cref="BindingRefusalReason.None"/> when bound.</summary>
    public BindingRefusalReason Refusal { get; }

    /// <summary>Gets a message naming the members involved, or <see langword="null"/> when bound.</summary>
    public string? Message { get; }

    internal static BindingResult Refused(BindingRefusalReason reason, string message) => new(reason, message);
}
