namespace SocialCommerce.Checkout;

/// <summary>A checkout's allocation, or why it was refused (nothing is reserved or used either way: the allocation is pure).</summary>
public sealed class CheckoutResult
{
    private string? _message;

    private CheckoutResult(CheckoutAllocation? allocation, CheckoutRefusal refusal, string? message)
    {
        Allocation = allocation;
        Refusal = refusal;
        _message = message;
    }

    /// <summary>Gets a value indicating whether the cart was allocated.</summary>
    public bool IsAccepted => Allocation is not null;

    /// <summary>Gets the allocation, or null when refused.</summary>
    public CheckoutAllocation? Allocation { get; }

    /// <summary>Gets why it was refused, or <see cref="CheckoutRefusal.None"/>.</summary>
    public CheckoutRefusal Refusal { get; }

    /// <summary>Gets a message naming the coupon or the limit that refused it, or a summary of the allocation.</summary>
    public string Message => _message ??= $"Payable {Allocation!.Payable} of {Allocation.ListTotal}.";

    /// <inheritdoc/>
    public override string ToString() => Message;

    internal static CheckoutResult Accepted(CheckoutAllocation allocation) => new(allocation, CheckoutRefusal.None, null);

    internal static CheckoutResult Refused(CheckoutRefusal refusal, string message) => new(null, refusal, message);
}
