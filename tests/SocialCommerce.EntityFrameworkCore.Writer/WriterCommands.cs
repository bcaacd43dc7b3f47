using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.EntityFrameworkCore.Writer;

/// <summary>
/// The deterministic stream of commands the writer runs and the tests replay in memory: members 1 ← 2 ← 3, then per
/// step i a sale by member 3, its completion, and every third one a partial refund; every tenth step releases what is
/// due and withdraws from member 2.
/// </summary>
public static class WriterCommands
{
    public static readonly Instant T0 = Instant.FromUtc(2026, 11, 2, 4, 0);

    public static readonly LedgerOptions Ledger = new() { WithdrawalFee = Rate.Percent(1), MinimumWithdrawals = [new Money(1m, Currency.CNY)] };

    public static CommissionPlan Plan { get; } = CommissionPlan.CreateBuilder("std", Currency.CNY).Levels(Rate.Percent(10), Rate.Percent(5)).ReturnWindow(Duration.FromDays(1)).Build();

    public const int FirstWithdrawal = 159;

    public static Instant At(int step) => T0 + Duration.FromMinutes(step * 10);

    public static Sale SaleOf(int step) =>
        new($"K-{step}", new MemberId(3), At(step), Currency.CNY, [new SaleLine("p", "c", 1 + step % 3, new Money(10m + step % 97 + 0.37m, Currency.CNY))]);

    public static LedgerRefund? RefundOf(int step) =>
        step % 3 == 0 ? LedgerRefund.ForAmount($"R-{step}", $"K-{step}", At(step) + Duration.FromMinutes(5), new Money(3.33m, Currency.CNY)) : null;

    public static Instant? ReleaseAt(int step) => step % 10 == 9 ? At(step) + Duration.FromMinutes(9) : null;

    // The stream withdraws once the first earnings are released (a 1-day window is 144 steps): a refusal is not stored,
    // so a refused withdrawal resent by the rerun after later releases would be decided again, against more money.
    public static LedgerWithdrawal? StreamWithdrawalOf(int step) => step >= FirstWithdrawal ? WithdrawalOf(step) : null;

    public static LedgerWithdrawal? WithdrawalOf(int step) =>
        step % 10 == 9 ? new LedgerWithdrawal($"W-{step}", new MemberId(2), new Money(2m, Currency.CNY), At(step) + Duration.FromMinutes(9)) : null;
}
