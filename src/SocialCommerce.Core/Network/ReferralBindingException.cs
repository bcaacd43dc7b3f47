using System;

namespace SocialCommerce.Network;

/// <summary>
/// Thrown when a binding or a registration is refused; <see cref="Reason"/> says why.
/// </summary>
public sealed class ReferralBindingException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why the binding was refused.</param>
    /// <param name="message">A message naming the members involved.</param>
    public ReferralBindingException(BindingRefusalReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Gets why the binding was refused.</summary>
    public BindingRefusalReason Reason { get; }
}
