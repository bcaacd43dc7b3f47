using System;
using Microsoft.EntityFrameworkCore;
using SocialCommerce.EntityFrameworkCore.Commissions;
using SocialCommerce.EntityFrameworkCore.GroupBuying;
using SocialCommerce.EntityFrameworkCore.Growth;
using SocialCommerce.EntityFrameworkCore.Invitations;
using SocialCommerce.EntityFrameworkCore.Network;
using SocialCommerce.EntityFrameworkCore.Schema;

namespace SocialCommerce.EntityFrameworkCore;

/// <summary>
/// Adds the SocialCommerce tables to a host's own <see cref="DbContext"/> model (the way ASP.NET Core Identity adds
/// its tables), so the engines' state lives in the host's database and its migrations.
/// </summary>
public static class SocialCommerceModelBuilderExtensions
{
    /// <summary>
    /// Adds the SocialCommerce tables (every name starts with <c>sc_</c>) to the model. Call it from
    /// <c>OnModelCreating</c>; then <c>dotnet ef migrations add AddSocialCommerce</c> creates them with the host's
    /// other tables. The tables hold the schema version row the stores check at start.
    /// </summary>
    /// <param name="modelBuilder">The host's model builder.</param>
    /// <param name="schema">A database schema for the tables (PostgreSQL), or <see langword="null"/> for the default.</param>
    /// <returns>The same model builder.</returns>
    public static ModelBuilder AddSocialCommerce(this ModelBuilder modelBuilder, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        if (schema is { Length: 0 })
        {
            throw new ArgumentException("The schema name is empty; pass null for the default schema.", nameof(schema));
        }

        modelBuilder.Entity<SchemaRow>(e =>
        {
            e.ToTable("sc_schema", schema);
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.HasData(new SchemaRow { Id = 1, Version = SocialCommerceSchema.Version });
        });
        modelBuilder.Entity<RuleVersionRow>(e =>
        {
            e.ToTable("sc_rule_versions", schema);
            e.HasKey(r => new { r.Kind, r.Name, r.Version });
            e.Property(r => r.Kind).HasMaxLength(32);
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.Version).HasMaxLength(64);
        });
        modelBuilder.Entity<MemberRow>(e =>
        {
            e.ToTable("sc_members", schema);
            e.HasKey(r => r.MemberId);
            e.Property(r => r.MemberId).ValueGeneratedNever();
            e.HasIndex(r => r.ReferrerId);
        });
        modelBuilder.Entity<BindingRow>(e =>
        {
            e.ToTable("sc_bindings", schema);
            e.HasKey(r => r.Sequence);
            e.Property(r => r.Sequence).ValueGeneratedNever();
            e.HasIndex(r => r.MemberId);
        });
        modelBuilder.Entity<SaleRow>(e =>
        {
            e.ToTable("sc_sales", schema);
            e.HasKey(r => r.SaleId);
            e.Property(r => r.SaleId).HasMaxLength(200);
            e.Property(r => r.Currency).HasMaxLength(16);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.Status, r.ReleaseAt });
        });
        modelBuilder.Entity<AccountRow>(e =>
        {
            e.ToTable("sc_accounts", schema);
            e.HasKey(r => new { r.MemberId, r.Currency });
            e.Property(r => r.Currency).HasMaxLength(16);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.Currency, r.Available });
        });
        modelBuilder.Entity<EntryRow>(e =>
        {
            e.ToTable("sc_entries", schema);
            e.HasKey(r => new { r.MemberId, r.Currency, r.PostingId }); // the account is the partition
            e.Property(r => r.PostingId).HasMaxLength(300);
            e.Property(r => r.SaleId).HasMaxLength(200);
            e.Property(r => r.Currency).HasMaxLength(16);
            e.Property(r => r.Kind).HasMaxLength(16);
        });
        modelBuilder.Entity<WithdrawalRow>(e =>
        {
            e.ToTable("sc_withdrawals", schema);
            e.HasKey(r => new { r.MemberId, r.Currency, r.WithdrawalId }); // ids are scoped to the account (its partition)
            e.Property(r => r.WithdrawalId).HasMaxLength(200);
            e.Property(r => r.Currency).HasMaxLength(16);
            e.Property(r => r.TransferReference).HasMaxLength(200);
            e.Property(r => r.Reason).HasMaxLength(1000);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.Status, r.At });
        });
        modelBuilder.Entity<AdjustmentRow>(e =>
        {
            e.ToTable("sc_adjustments", schema);
            e.HasKey(r => new { r.MemberId, r.Currency, r.AdjustmentId }); // ids are scoped to the account (its partition)
            e.Property(r => r.AdjustmentId).HasMaxLength(200);
            e.Property(r => r.Currency).HasMaxLength(16);
            e.Property(r => r.Author).HasMaxLength(200);
            e.Property(r => r.Reason).HasMaxLength(1000);
            e.HasIndex(r => new { r.MemberId, r.Currency });
        });
        modelBuilder.Entity<GroupRow>(e =>
        {
            e.ToTable("sc_groups", schema);
            e.HasKey(r => r.GroupId);
            e.Property(r => r.GroupId).ValueGeneratedNever();
            e.Property(r => r.RuleName).HasMaxLength(200);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.Status, r.Deadline });
        });
        modelBuilder.Entity<GroupEventRow>(e =>
        {
            e.ToTable("sc_group_events", schema);
            e.HasKey(r => new { r.GroupId, r.Version });
            e.Property(r => r.Type).HasMaxLength(32);
        });
        modelBuilder.Entity<GroupSlotRow>(e =>
        {
            e.ToTable("sc_group_slots", schema);
            e.HasKey(r => new { r.MemberId, r.RuleName }); // the member is the partition
            e.Property(r => r.RuleName).HasMaxLength(200);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<BatchRow>(e =>
        {
            e.ToTable("sc_batches", schema);
            e.HasKey(r => r.BatchId);
            e.Property(r => r.BatchId).HasMaxLength(200);
            e.Property(r => r.RuleName).HasMaxLength(200);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.Status, r.CutOff });
        });
        modelBuilder.Entity<GrowthRow>(e =>
        {
            e.ToTable("sc_growth", schema);
            e.HasKey(r => r.MemberId);
            e.Property(r => r.MemberId).ValueGeneratedNever();
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Points.WalletRow>(e =>
        {
            e.ToTable("sc_points_wallets", schema);
            e.HasKey(r => r.MemberId);
            e.Property(r => r.MemberId).ValueGeneratedNever();
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => r.NextDueAt);
        });
        modelBuilder.Entity<Coupons.CouponRow>(e =>
        {
            e.ToTable("sc_coupons", schema);
            e.HasKey(r => r.CouponId);
            e.Property(r => r.CouponId).HasMaxLength(200);
            e.Property(r => r.TemplateId).HasMaxLength(200);
            e.Property(r => r.OrderId).HasMaxLength(200);
            e.Property(r => r.RefundId).HasMaxLength(200);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.MemberId, r.TemplateId });
            e.HasIndex(r => new { r.Status, r.ValidUntil });
        });
        modelBuilder.Entity<Coupons.CouponTemplateRow>(e =>
        {
            e.ToTable("sc_coupon_templates", schema);
            e.HasKey(r => r.TemplateId);
            e.Property(r => r.TemplateId).HasMaxLength(200);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Coupons.CouponHolderRow>(e =>
        {
            e.ToTable("sc_coupon_holders", schema);
            e.HasKey(r => new { r.MemberId, r.TemplateId });
            e.Property(r => r.TemplateId).HasMaxLength(200);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        AddMall(modelBuilder, schema);
        AddCampaigns(modelBuilder, schema);
        AddInvitations(modelBuilder, schema);
        modelBuilder.Entity<Streams.StreamEventRow>(e =>
        {
            e.ToTable("sc_stream_events", schema);
            e.HasKey(r => new { r.StreamId, r.Kind, r.Version });
            e.Property(r => r.StreamId).HasMaxLength(200);
            e.Property(r => r.Kind).HasMaxLength(64);
        });
        modelBuilder.Entity<Streams.StateSnapshotRow>(e =>
        {
            e.ToTable("sc_state_snapshots", schema);
            e.HasKey(r => new { r.Id, r.Kind });
            e.Property(r => r.Id).HasMaxLength(200);
            e.Property(r => r.Kind).HasMaxLength(64);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        return modelBuilder;
    }

    private static void AddMall(ModelBuilder modelBuilder, string? schema)
    {
        modelBuilder.Entity<Points.MallRedemptionRow>(e =>
        {
            e.ToTable("sc_mall_redemptions", schema);
            e.HasKey(r => r.RedemptionId);
            e.Property(r => r.RedemptionId).HasMaxLength(200);
            e.Property(r => r.ItemId).HasMaxLength(200);
            e.Property(r => r.PriceCurrency).HasMaxLength(16);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.MemberId, r.ItemId });
        });
        modelBuilder.Entity<Points.MallItemRow>(e =>
        {
            e.ToTable("sc_mall_items", schema);
            e.HasKey(r => r.ItemId);
            e.Property(r => r.ItemId).HasMaxLength(200);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Points.MallHolderRow>(e =>
        {
            e.ToTable("sc_mall_holders", schema);
            e.HasKey(r => new { r.MemberId, r.ItemId });
            e.Property(r => r.ItemId).HasMaxLength(200);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
    }

    private static void AddCampaigns(ModelBuilder modelBuilder, string? schema)
    {
        modelBuilder.Entity<CampaignSeatRow>(e =>
        {
            e.ToTable("sc_campaign_seats", schema);
            e.HasKey(r => new { r.GroupId, r.MemberId });
            e.Property(r => r.Campaign).HasMaxLength(200);
            e.Property(r => r.SkuId).HasMaxLength(200);
            e.Property(r => r.Currency).HasMaxLength(16);
            e.HasIndex(r => new { r.Campaign, r.MemberId });
        });
        modelBuilder.Entity<CampaignSkuRow>(e =>
        {
            e.ToTable("sc_campaign_skus", schema);
            e.HasKey(r => new { r.Campaign, r.SkuId });
            e.Property(r => r.Campaign).HasMaxLength(200);
            e.Property(r => r.SkuId).HasMaxLength(200);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<CampaignMemberRow>(e =>
        {
            e.ToTable("sc_campaign_members", schema);
            e.HasKey(r => new { r.MemberId, r.Campaign });
            e.Property(r => r.Campaign).HasMaxLength(200);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
    }

    private static void AddInvitations(ModelBuilder modelBuilder, string? schema)
    {
        modelBuilder.Entity<InvitationRow>(e =>
        {
            e.ToTable("sc_invitations", schema);
            e.HasKey(r => r.InvitationId);
            e.Property(r => r.InvitationId).ValueGeneratedNever();
            e.Property(r => r.RuleName).HasMaxLength(200);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.Status, r.Deadline });
            e.HasIndex(r => r.OwnerId);
        });
        modelBuilder.Entity<InvitationEventRow>(e =>
        {
            e.ToTable("sc_invitation_events", schema);
            e.HasKey(r => new { r.InvitationId, r.Version });
            e.Property(r => r.Type).HasMaxLength(32);
        });
        modelBuilder.Entity<HelperDayRow>(e =>
        {
            e.ToTable("sc_helper_days", schema);
            e.HasKey(r => new { r.HelperId, r.RuleName, r.Day }); // the helper (a member) is the partition
            e.Property(r => r.RuleName).HasMaxLength(200);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<ReferralClaimRow>(e =>
        {
            e.ToTable("sc_referral_claims", schema);
            e.HasKey(r => r.InvitedId);
            e.Property(r => r.InvitedId).ValueGeneratedNever();
            e.Property(r => r.SaleId).HasMaxLength(200);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.InviterId, r.ClaimedAt });
        });
        modelBuilder.Entity<ReferralSaleRow>(e =>
        {
            e.ToTable("sc_referral_sales", schema);
            e.HasKey(r => r.SaleId);
            e.Property(r => r.SaleId).HasMaxLength(200);
        });
        modelBuilder.Entity<ReferralInviterRow>(e =>
        {
            e.ToTable("sc_referral_inviters", schema);
            e.HasKey(r => r.InviterId);
            e.Property(r => r.InviterId).ValueGeneratedNever();
            e.Property(r => r.Version).IsConcurrencyToken();
        });
    }
}
