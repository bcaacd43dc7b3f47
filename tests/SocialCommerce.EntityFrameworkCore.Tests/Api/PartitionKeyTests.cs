using System.Collections.Generic;
using System.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SocialCommerce.EntityFrameworkCore.Tests.Api;

/// <summary>
/// Partition-ready keys (issue 25): every table's primary key and unique keys begin with its partition key, so the
/// schema distributes by key (Citus-style) without change; the few reference tables are named. Read from the EF model,
/// so a new table or a reordered key fails here until it is classified (and docs/storage.md says so).
/// </summary>
public sealed class PartitionKeyTests
{
    // Table → the column it is partitioned by, or null for a reference table (small, global, replicated).
    private static readonly Dictionary<string, string?> Partitions = new()
    {
        ["sc_schema"] = null,
        ["sc_rule_versions"] = null,
        ["sc_bindings"] = null,          // the binding log: the one place bindings are serialised (no cycle can form)
        ["sc_members"] = "MemberId",
        ["sc_sales"] = "SaleId",
        ["sc_accounts"] = "MemberId",
        ["sc_entries"] = "MemberId",
        ["sc_withdrawals"] = "MemberId",
        ["sc_adjustments"] = "MemberId",
        ["sc_groups"] = "GroupId",
        ["sc_group_events"] = "GroupId",
        ["sc_group_slots"] = "MemberId",
        ["sc_batches"] = "BatchId",
        ["sc_growth"] = "MemberId",
        ["sc_points_wallets"] = "MemberId",
        ["sc_coupon_holders"] = "MemberId",
        ["sc_coupons"] = "CouponId",
        ["sc_coupon_templates"] = "TemplateId", // a template's issue count: one row a template
        ["sc_mall_holders"] = "MemberId",
        ["sc_mall_items"] = "ItemId",           // an item's units taken: one row an item
        ["sc_mall_redemptions"] = "RedemptionId",
        ["sc_campaign_seats"] = "GroupId",      // with its group's events: a command moves both in one transaction
        ["sc_campaign_skus"] = "Campaign",      // a SKU's units taken: one row a SKU, every seat of it lines up there
        ["sc_campaign_members"] = "MemberId",
        ["sc_invitations"] = "InvitationId",
        ["sc_invitation_events"] = "InvitationId",
        ["sc_helper_days"] = "HelperId",
        ["sc_stream_events"] = "StreamId",
        ["sc_state_snapshots"] = "Id",
        ["sc_referral_claims"] = "InvitedId",
        ["sc_referral_sales"] = "SaleId",
        ["sc_referral_inviters"] = "InviterId",
    };

    [Fact]
    public void Every_primary_and_unique_key_begins_with_its_tables_partition_key()
    {
        using var context = new SocialCommerceDbContext(new DbContextOptionsBuilder<SocialCommerceDbContext>().UseSqlite("Data Source=:memory:").Options);
        var tables = context.Model.GetEntityTypes().ToDictionary(e => e.GetTableName()!, e => e);

        Assert.Equal(Partitions.Keys.Order(), tables.Keys.Order());
        foreach (var (table, entity) in tables)
        {
            if (Partitions[table] is not { } partition)
            {
                continue;
            }

            var keys = new List<IReadOnlyList<IProperty>> { entity.FindPrimaryKey()!.Properties };
            keys.AddRange(entity.GetKeys().Where(k => !k.IsPrimaryKey()).Select(k => k.Properties));
            keys.AddRange(entity.GetIndexes().Where(i => i.IsUnique).Select(i => i.Properties));
            foreach (var key in keys)
            {
                Assert.True(key[0].Name == partition, $"{table}: the key ({string.Join(", ", key.Select(p => p.Name))}) does not begin with the partition key {partition}");
            }
        }
    }
}
