namespace SocialCommerce.Network;

/// <summary>
/// The outcome of <see cref="ReferralNetwork.TryBind"/>: bound, or refused with a reason and a message.
/// </summary>
public readonly record struct BindingResult
{
    private BindingResult(BindingRefusalReason refusal, string? message)
    {
        Refusal = refusal;
        Message = message;
    }

    /// <summary>Gets the successful result.</summary>
    public static BindingResult Bound => default;

    /// <summary>Gets a value indicating whether the binding was made (or already existed).</summary>
    public bool IsBound => Refusal == BindingRefusalReason.None;

    /// <summary>Gets why the binding was refused; <see cref="BindingRefusalReason.None"/> when bound.</summary>
    public BindingRefusalReason Refusal { get; }

    /// <summary>Gets a message naming the members involved, or <see langword="null"/> when bound.</summary>
    public string? Message { get; }

    internal static BindingResult Refused(BindingRefusalReason reason, string message) => new(reason, message);
}
