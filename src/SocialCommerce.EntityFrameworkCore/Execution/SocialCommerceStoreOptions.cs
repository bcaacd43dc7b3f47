using System;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.EntityFrameworkCore;

/// <summary>Options of the EF Core stores: the retry policy, the ledger's options, what happens at start.</summary>
public sealed class SocialCommerceStoreOptions
{
    /// <summary>
    /// Gets or sets how many times at most a command is tried when it conflicts with another instance or the database
    /// fails transiently (1–100; default 30). Retries stop at this count or at <see cref="RetryTimeout"/>, whichever comes
    /// first; then the command throws <see cref="StoreConflictException"/> or <see cref="StoreUnavailableException"/>,
    /// having written nothing. (Commands of one instance on the same account, group or invitation never conflict with
    /// each other: they wait their turn.)
    /// </summary>
    public int MaxAttempts { get; set; } = 30;

    /// <summary>
    /// Gets or sets how long a command keeps retrying, from its first attempt (10 ms – 5 min; default 10 s): no retry
    /// starts whose wait would end later. Bounding retries by time keeps a caller's latency bounded however busy the
    /// other instances are.
    /// </summary>
    public TimeSpan RetryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets the first retry's delay (0–10 s; default 5 ms); each later retry waits up to twice as long as the
    /// one before, with random jitter, capped at one second.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Gets or sets the ledger's options (clawback policy, minimum withdrawals, fee, automatic approval). Registered
    /// stores default to the SDK's <see cref="LedgerOptions"/> — <c>UseLedgerOptions</c> or the configuration section
    /// <c>SocialCommerce:Ledger</c>, shared with the in-memory ledger — and to <see cref="LedgerOptions.Default"/> when
    /// none is set; setting it here overrides them for the stores.
    /// </summary>
    public LedgerOptions Ledger { get; set; } = LedgerOptions.Default;

    /// <summary>
    /// Gets or sets the host's withholding rule for withdrawals requested through the lifecycle
    /// (<see cref="Commissions.StoredCommissionLedger.RequestWithdrawalAsync"/>), or <see langword="null"/> for none.
    /// </summary>
    public IWithholdingPolicy? Withholding { get; set; }

    /// <summary>
    /// Gets or sets the binding policy of the stored referral network; every instance must use the same one
    /// (default <see cref="BindingPolicy.FirstBindingWins"/>, as the in-memory network).
    /// </summary>
    public BindingPolicy Binding { get; set; } = BindingPolicy.FirstBindingWins;

    /// <summary>
    /// Gets or sets a value indicating whether the tables are created at start when missing (the package's own
    /// context's default); a host context keeps this off and applies its migrations.
    /// </summary>
    public bool CreateSchemaAtStart { get; set; }

    /// <summary>Gets or sets how many due sales one transaction of the release job releases (1–10,000; default 500).</summary>
    public int ReleaseBatchSize { get; set; } = 500;

    /// <summary>
    /// Gets or sets how long the cached referral network may go without asking the database for new bindings before
    /// a quote (0–1 h). Default zero: a quote sees every binding committed before it was called (it waits for a read
    /// of the log that started after the call; concurrent quotes share those reads). Above zero, a binding committed
    /// on another instance within that time may be missed. A binding by this instance is in its cache as soon as it
    /// commits.
    /// </summary>
    public Duration NetworkFreshness { get; set; } = Duration.Zero;

    internal string? Validate()
    {
        if (MaxAttempts is < 1 or > 100)
        {
            return $"SocialCommerce store: MaxAttempts must be 1–100; it is {MaxAttempts}.";
        }

        if (RetryTimeout < TimeSpan.FromMilliseconds(10) || RetryTimeout > TimeSpan.FromMinutes(5))
        {
            return $"SocialCommerce store: RetryTimeout must be 10 ms – 5 min; it is {RetryTimeout}.";
        }

        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromSeconds(10))
        {
            return $"SocialCommerce store: RetryDelay must be 0–10 s; it is {RetryDelay}.";
        }

        if (ReleaseBatchSize is < 1 or > 10_000)
        {
            return $"SocialCommerce store: ReleaseBatchSize must be 1–10,000; it is {ReleaseBatchSize}.";
        }

        if (NetworkFreshness < Duration.Zero || NetworkFreshness > Duration.FromHours(1))
        {
            return $"SocialCommerce store: NetworkFreshness must be 0–1 h; it is {NetworkFreshness}.";
        }

        if (Binding is null)
        {
            return "SocialCommerce store: Binding policy is null.";
        }

        return Ledger is null ? "SocialCommerce store: Ledger options are null." : null;
    }
}
