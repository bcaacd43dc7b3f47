namespace SocialCommerce.EntityFrameworkCore.Network;

/// <summary>One entry of the binding log: a registration or a (re)binding, numbered without gaps. Its primary key is the network's optimistic lock: an instance writes the next number only if it has seen every earlier one.</summary>
internal sealed class BindingRow
{
    /// <summary>Gets or sets: The position in the log, from 1, without gaps.</summary>
    public long Sequence { get; set; }

    /// <summary>Gets or sets: The member registered or bound.</summary>
    public long MemberId { get; set; }

    /// <summary>Gets or sets: The referrer, or null for a root registration.</summary>
    public long? ReferrerId { get; set; }

    /// <summary>Gets or sets: The referrer replaced by a rebinding.</summary>
    public long? PreviousReferrerId { get; set; }

    /// <summary>Gets or sets: When, in Unix ticks.</summary>
    public long At { get; set; }

    /// <summary>Gets or sets: True for a registration, false for a binding of an existing member.</summary>
    public bool IsRegistration { get; set; }
}
