namespace SocialCommerce.EntityFrameworkCore.Invitations;

/// <summary>A sale that claimed a referral reward, and whose; so completions and refunds by sale id find the claim.</summary>
internal sealed class ReferralSaleRow
{
    /// <summary>Gets or sets: The sale.</summary>
    public string SaleId { get; set; } = "";

    /// <summary>Gets or sets: The invited member whose reward it claimed.</summary>
    public long InvitedId { get; set; }
}
