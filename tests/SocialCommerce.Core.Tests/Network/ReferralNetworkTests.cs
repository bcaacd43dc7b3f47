using System;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Network;

public sealed class ReferralNetworkTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 1, 0, 0);
    private static readonly MemberId A = new(1);
    private static readonly MemberId B = new(2);
    private static readonly MemberId C = new(3);
    private static readonly MemberId D = new(4);
    private static readonly MemberId Stranger = new(99);

    private static ReferralNetwork Chain(BindingPolicy? policy = null)
    {
        // A <- B <- C, and D a root of its own.
        var network = new ReferralNetwork(policy);
        network.AddMember(A, T0);
        network.AddMember(B, A, T0);
        network.AddMember(C, B, T0);
        network.AddMember(D, T0);
        return network;
    }

    [Fact]
    public void Upline_is_level_one_first_and_stops_at_the_root()
    {
        var network = Chain();
        Assert.Equal(new[] { B, A }, network.GetUpline(C, 5));
        Assert.Equal(new[] { B }, network.GetUpline(C, 1));
        Assert.Empty(network.GetUpline(A, 3));
        Assert.Equal(2, network.GetDepth(C));
        Assert.Equal(0, network.GetDepth(A));
    }

    [Fact]
    public void CopyUpline_fills_the_span_and_reports_the_count()
    {
        var network = Chain();
        Span<MemberId> buffer = stackalloc MemberId[3];
        Assert.Equal(2, network.CopyUpline(C, buffer));
        Assert.Equal(B, buffer[0]);
        Assert.Equal(A, buffer[1]);
    }

    [Fact]
    public void Direct_referrals_and_downline_size()
    {
        var network = Chain();
        network.AddMember(new MemberId(5), A, T0);
        Assert.Equal(new[] { new MemberId(5), B }, network.GetDirectReferrals(A));
        Assert.Equal(3, network.GetDownlineSize(A));
        Assert.Equal(0, network.GetDownlineSize(C));
        Assert.True(network.TryGetReferrer(B, out var referrer));
        Assert.Equal(A, referrer);
        Assert.False(network.TryGetReferrer(A, out _));
    }

    [Fact]
    public void Self_referral_is_refused()
    {
        var network = Chain();
        var ex = Assert.Throws<ReferralBindingException>(() => network.Bind(D, D, T0));
        Assert.Equal(BindingRefusalReason.SelfReferral, ex.Reason);
        Assert.Contains("Member 4", ex.Message);
        Assert.Equal(BindingRefusalReason.SelfReferral, Assert.Throws<ReferralBindingException>(() => network.AddMember(Stranger, Stranger, T0)).Reason);
    }

    [Fact]
    public void Unknown_member_is_refused_naming_it()
    {
        var network = Chain();
        var ex = Assert.Throws<ReferralBindingException>(() => network.Bind(Stranger, A, T0));
        Assert.Equal(BindingRefusalReason.UnknownMember, ex.Reason);
        Assert.Contains("99", ex.Message);
    }

    [Fact]
    public void Unknown_referrer_is_refused_naming_it()
    {
        var network = Chain();
        var ex = Assert.Throws<ReferralBindingException>(() => network.Bind(D, Stranger, T0));
        Assert.Equal(BindingRefusalReason.UnknownReferrer, ex.Reason);
        Assert.Contains("Referrer 99", ex.Message);
        var onAdd = Assert.Throws<ReferralBindingException>(() => network.AddMember(new MemberId(7), Stranger, T0));
        Assert.Equal(BindingRefusalReason.UnknownReferrer, onAdd.Reason);
        Assert.Contains("99", onAdd.Message);
    }

    [Fact]
    public void A_link_that_would_close_a_cycle_is_refused_and_nothing_changes()
    {
        var network = Chain(BindingPolicy.RebindAfter(Duration.Zero));
        var ex = Assert.Throws<ReferralBindingException>(() => network.Bind(A, C, T0));
        Assert.Equal(BindingRefusalReason.Cycle, ex.Reason);
        Assert.Contains("member 1 to referrer 3", ex.Message);
        Assert.False(network.TryGetReferrer(A, out _));
        Assert.Equal(2, network.GetDepth(C));
    }

    [Fact]
    public void A_resent_binding_answers_its_first_outcome_even_after_a_later_binding_replaced_it()
    {
        var network = Chain(BindingPolicy.RebindAfter(Duration.FromDays(1)));
        Assert.Equal(BindingResult.Bound, network.TryBind(D, A, T0));
        Assert.Equal(BindingResult.Bound, network.TryBind(D, B, T0 + Duration.FromDays(2)));

        // The first binding's acknowledgement was lost and it is sent again, as it was: it answers bound, changes nothing.
        var resent = network.TryBind(D, A, T0);

        Assert.True(resent.IsBound && resent.AlreadyBound, resent.ToString());
        Assert.True(network.TryGetReferrer(D, out var referrer) && referrer == B);
        Assert.Equal(2, network.GetBindingHistory(D).Count);

        // Binding back to A as a new request (another instant) is a rebinding under the policy.
        Assert.Equal(BindingRefusalReason.LockPeriodNotElapsed, network.TryBind(D, A, T0 + Duration.FromDays(2) + Duration.FromHours(1)).Refusal);
        Assert.Equal(BindingResult.Bound, network.TryBind(D, A, T0 + Duration.FromDays(4)));
        Assert.Equal(3, network.GetBindingHistory(D).Count);
    }

    [Fact]
    public void First_binding_wins_forbids_a_rebind()
    {
        var network = Chain();
        network.Bind(D, A, T0);
        var ex = Assert.Throws<ReferralBindingException>(() => network.Bind(D, C, T0 + Duration.FromDays(365)));
        Assert.Equal(BindingRefusalReason.RebindForbidden, ex.Reason);
        Assert.Contains("Member 4", ex.Message);
        Assert.Contains("3", ex.Message);
    }

    [Fact]
    public void Binding_again_to_the_same_referrer_changes_nothing()
    {
        var network = Chain();
        network.Bind(D, A, T0);
        network.Bind(D, A, T0 + Duration.FromDays(1));
        Assert.Single(network.GetBindingHistory(D));
    }

    [Fact]
    public void Registration_only_policy_refuses_any_later_binding()
    {
        var network = Chain(BindingPolicy.AtRegistrationOnly);
        var ex = Assert.Throws<ReferralBindingException>(() => network.Bind(D, A, T0));
        Assert.Equal(BindingRefusalReason.RegistrationOnly, ex.Reason);
        Assert.Contains("Member 4", ex.Message);
        Assert.Equal(BindingRefusalReason.RegistrationOnly, network.TryBind(C, A, T0 + Duration.FromDays(400)).Refusal);
    }

    [Fact]
    public void Rebind_inside_the_lock_period_is_refused_and_at_its_end_accepted_and_recorded()
    {
        var policy = BindingPolicy.RebindAfter(Duration.FromDays(30));
        var network = Chain(policy);
        var unlock = T0 + Duration.FromDays(30);

        var early = network.TryBind(C, D, unlock - Duration.Epsilon);
        Assert.Equal(BindingRefusalReason.LockPeriodNotElapsed, early.Refusal);
        Assert.Contains("Member 3", early.Message);
        Assert.Equal(B, network.GetUpline(C, 1)[0]);

        Assert.True(network.TryBind(C, D, unlock).IsBound);
        Assert.Equal(new[] { D }, network.GetUpline(C, 5));
        Assert.Equal(1, network.GetDepth(C));
        var history = Assert.Single(network.GetBindingHistory(C));
        Assert.Equal(new ReferralBinding(C, D, B, unlock), history);
        Assert.True(history.IsRebinding);
        Assert.Empty(network.GetDirectReferrals(B));
    }

    [Fact]
    public void Rebinding_a_subtree_moves_the_depth_of_its_whole_downline()
    {
        var network = Chain(BindingPolicy.RebindAfter(Duration.Zero));
        network.AddMember(new MemberId(10), D, T0);
        network.AddMember(new MemberId(11), new MemberId(10), T0);
        network.Bind(D, C, T0);
        Assert.Equal(3, network.GetDepth(D));
        Assert.Equal(5, network.GetDepth(new MemberId(11)));
        Assert.Equal(new[] { new MemberId(10), D, C, B, A }, network.GetUpline(new MemberId(11), 10));
    }

    [Fact]
    public void A_registration_seen_again_answers_its_first_outcome_and_another_referrer_is_refused()
    {
        var network = Chain();
        var before = System.Text.Json.JsonSerializer.Serialize(network.ToSnapshot(), SocialCommerce.Serialization.SocialCommerceJson.Options);

        network.AddMember(A, T0 + Duration.FromDays(1));  // the same registration, resent later: nothing happens
        network.AddMember(B, A, T0);
        Assert.True(network.CheckRegistration(B, A).AlreadyBound);
        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(network.ToSnapshot(), SocialCommerce.Serialization.SocialCommerceJson.Options));

        var ex = Assert.Throws<ReferralBindingException>(() => network.AddMember(B, D, T0));
        Assert.Equal(BindingRefusalReason.AlreadyRegistered, ex.Reason);
        Assert.Contains("Member 2", ex.Message);
        Assert.Equal(BindingRefusalReason.AlreadyRegistered, Assert.Throws<ReferralBindingException>(() => network.AddMember(A, D, T0)).Reason);
    }

    [Fact]
    public void Queries_on_unknown_members_throw_naming_them()
    {
        var network = Chain();
        var ex = Assert.Throws<UnknownMemberException>(() => network.GetDepth(Stranger));
        Assert.Equal(Stranger, ex.Member);
        Assert.Contains("99", ex.Message);
        Assert.Throws<UnknownMemberException>(() => network.CopyUpline(Stranger, new MemberId[3]));
        Assert.False(network.Contains(Stranger));
    }

    [Fact]
    public void Negative_lock_period_is_refused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BindingPolicy.RebindAfter(Duration.FromDays(-1)));
        Assert.Contains("-1", ex.Message);
    }
}
