using System.Linq;
using NodaTime;
using SocialCommerce.Compliance;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Compliance;

/// <summary>Thresholds are inclusive unless the profile names them strict ("more than").</summary>
public sealed class StrictThresholdTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 1, 1, 0, 0);

    /// <summary>Member 1 on top, 2..10 below it, 11..<paramref name="participants"/> below member 2: 3 team levels.</summary>
    private static ReferralNetwork Team(int participants)
    {
        var network = new ReferralNetwork();
        network.AddMember(new MemberId(1), At);
        for (var m = 2; m <= participants; m++)
        {
            network.AddMember(new MemberId(m), new MemberId(m <= 10 ? 1 : 2), At);
        }

        return network;
    }

    private static readonly ComplianceProfile Flags = new() { Name = "flags", FlagTeamLevels = 3, FlagTeamParticipants = 30 };

    [Theory]
    [InlineData(30, ComplianceThresholds.None, true)]
    [InlineData(29, ComplianceThresholds.None, false)]
    [InlineData(30, ComplianceThresholds.TeamParticipants, false)]
    [InlineData(31, ComplianceThresholds.TeamParticipants, true)]
    [InlineData(31, ComplianceThresholds.TeamLevels, false)]
    public void A_team_at_the_threshold_is_flagged_only_when_the_threshold_is_inclusive(int participants, ComplianceThresholds strict, bool flagged)
    {
        var report = (Flags with { StrictThresholds = strict }).AuditNetwork(Team(participants));
        Assert.Equal(flagged, report.Findings.Any(f => f.Code == ComplianceCodes.NetworkTeamThreshold));
        if (flagged && strict != ComplianceThresholds.None)
        {
            Assert.Contains("more than 30 participants", report.Findings.Single(f => f.Code == ComplianceCodes.NetworkTeamThreshold).Message, System.StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(ComplianceThresholds.None, false)]
    [InlineData(ComplianceThresholds.CustomerShare, true)]
    public void A_customer_share_equal_to_the_minimum_is_flagged_only_when_the_minimum_is_strict(ComplianceThresholds strict, bool flagged)
    {
        var profile = new ComplianceProfile { Name = "share", MinCustomerShare = Rate.Percent(50), StrictThresholds = strict };
        var network = Team(3);
        RewardedSale[] sales = [new(new MemberId(1), new Money(50m, Currency.CNY), true), new(new MemberId(3), new Money(50m, Currency.CNY), false)];

        var report = profile.AuditNetwork(network, null, sales);

        Assert.Equal(flagged, report.Findings.Any(f => f.Code == ComplianceCodes.NetworkRetailShareLow));
    }
}
