namespace SocialCommerce.EntityFrameworkCore.Commissions;

/// <summary>The order of <see cref="StoredCommissionLedger.ListAccountsAsync"/>.</summary>
public enum AccountOrder
{
    /// <summary>By member id.</summary>
    ByMember = 0,

    /// <summary>Largest available balance first, then by member.</summary>
    ByAvailableDescending = 1,

    /// <summary>Largest booked total first, then by member.</summary>
    ByBookedDescending = 2,
}
