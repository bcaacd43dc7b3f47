using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.Coupons;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.Network;
using SocialCommerce.Telemetry;

namespace SocialCommerce.EntityFrameworkCore.Coupons;

/// <summary>
/// Coupons on the database: issuance within a template's total and per-member limits, and each coupon's lifecycle
/// (locked by an order, used, returned, expired). An issue reads the template's count and the member's, lets Core
/// decide (<see cref="CouponIssuance"/>'s rule), and bumps both counts under their versions with the new coupon's row in
/// one transaction, so the limits hold exactly whatever the concurrency, across instances; a step reads the coupon's
/// row, lets Core decide, and writes it back under its version. Every command answers a resend — after a crash, a lost
/// acknowledgement, on another instance — with its first outcome. Templates are registered with
/// <c>AddCouponTemplate</c>. Thread-safe.
/// </summary>
public sealed class StoredCoupons
{
    private readonly StoreExecutor _store;
    private readonly Func<string, CouponTemplate?> _templates;
    private readonly CouponRows _coupons;
    private readonly SocialCommerceListener? _listener;

    internal StoredCoupons(StoreExecutor store, Func<string, CouponTemplate?> templates, SocialCommerceListener? listener = null)
    {
        _store = store;
        _templates = templates;
        _listener = listener;
        _coupons = new CouponRows(templates);
    }

    /// <summary>
    /// Issues a coupon of a template to a member (a claim, a grant, a registration, a share or referral reward), within
    /// the template's limits and window: <see cref="CouponIssuance.Issue"/> on the stored counts.
    /// </summary>
    /// <param name="templateId">The registered template.</param>
    /// <param name="couponId">The coupon's id, unique in the store: the command's identity.</param>
    /// <param name="member">The member.</param>
    /// <param name="at">When.</param>
    /// <param name="isNewMember">Whether the member is new (for a new-members-only template).</param>
    /// <param name="cancellationToken">Cancels the command (nothing is stored unless it committed).</param>
    /// <returns>Core's result and the coupon (issued now or before, for a duplicate); refusals name the limit.</returns>
    /// <exception cref="ArgumentException">An id is invalid or the instant out of range.</exception>
    /// <exception cref="InvalidOperationException">The template is not registered.</exception>
    /// <exception cref="StoreConflictException">Other instances issued from the template first, every attempt.</exception>
    public Task<CouponIssue> IssueAsync(string templateId, string couponId, MemberId member, Instant at, bool isNewMember = false, CancellationToken cancellationToken = default)
    {
        StoredIds.Check(templateId, nameof(templateId));
        StoredIds.Check(couponId, nameof(couponId));
        Instants.Check(at, nameof(at));
        var template = Template(templateId);
        return IssueCoreAsync(template, couponId, member, at, isNewMember, cancellationToken);
    }

    private async Task<CouponIssue> IssueCoreAsync(CouponTemplate template, string couponId, MemberId member, Instant at, bool isNewMember, CancellationToken cancellationToken)
    {
        var templateId = template.TemplateId;
        var issue = await _store.RunAsync($"issue coupon '{couponId}' of template '{templateId}' to member {member}", "coupon-template/" + templateId, async (db, _, ct) =>
        {
            var stored = await db.Set<CouponRow>().AsNoTracking().FirstOrDefaultAsync(r => r.CouponId == couponId, ct).ConfigureAwait(false);
            var known = stored is null ? null : _coupons.Load(stored);
            var total = await db.Set<CouponTemplateRow>().FirstOrDefaultAsync(r => r.TemplateId == templateId, ct).ConfigureAwait(false);
            var held = await db.Set<CouponHolderRow>().FirstOrDefaultAsync(r => r.MemberId == member.Value && r.TemplateId == templateId, ct).ConfigureAwait(false);
            var result = CouponIssuance.Decide(template, couponId, member, at, isNewMember, known, total?.Issued ?? 0, held?.Issued ?? 0, out var coupon);
            if (!result.IsApplied)
            {
                return new CouponIssue(result, coupon);
            }

            // Both counts move under their versions (a new count is a new key): a rival issue in between fails this
            // attempt, which decides again on what it wrote.
            if (total is null)
            {
                db.Add(total = new CouponTemplateRow { TemplateId = templateId });
            }

            if (held is null)
            {
                db.Add(held = new CouponHolderRow { MemberId = member.Value, TemplateId = templateId });
            }

            total.Issued++;
            total.Version++;
            held.Issued++;
            held.Version++;
            db.Add(CouponRows.NewRow(coupon!));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return new CouponIssue(result, coupon);
        }, cancellationToken).ConfigureAwait(false);
        CommittedReport.To(_listener, static (l, a) => l.OnCoupon(a), new CouponArguments(templateId, "issue", issue.Result));
        return issue;
    }

    /// <summary>An order locks the coupon while it is valid (<see cref="IssuedCoupon.Lock"/>).</summary>
    /// <param name="couponId">The coupon.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Core's result; <see cref="CouponRefusal.UnknownCoupon"/> when no such coupon was issued.</returns>
    public Task<CouponResult> LockAsync(string couponId, string orderId, Instant at, CancellationToken cancellationToken = default) =>
        StepAsync("lock", couponId, orderId, at, c => c.Lock(orderId, at), cancellationToken);

    /// <summary>The order that locked the coupon was cancelled (<see cref="IssuedCoupon.Unlock"/>): it is issued again, or expired if its validity ended.</summary>
    /// <param name="couponId">The coupon.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Core's result; <see cref="CouponRefusal.UnknownCoupon"/> when no such coupon was issued.</returns>
    public Task<CouponResult> UnlockAsync(string couponId, string orderId, Instant at, CancellationToken cancellationToken = default) =>
        StepAsync("unlock", couponId, orderId, at, c => c.Unlock(orderId, at), cancellationToken);

    /// <summary>The order that locked the coupon was paid (<see cref="IssuedCoupon.Use"/>): the coupon is used.</summary>
    /// <param name="couponId">The coupon.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Core's result; <see cref="CouponRefusal.UnknownCoupon"/> when no such coupon was issued.</returns>
    public Task<CouponResult> UseAsync(string couponId, string orderId, Instant at, CancellationToken cancellationToken = default) =>
        StepAsync("use", couponId, orderId, at, c => c.Use(orderId, at), cancellationToken);

    /// <summary>A refund of the order that used the coupon (<see cref="IssuedCoupon.Return"/>): by policy it stays used, or is issued again while valid.</summary>
    /// <param name="couponId">The coupon.</param>
    /// <param name="refundId">The refund: the command's identity.</param>
    /// <param name="at">When.</param>
    /// <param name="policy">What a refund does with a used coupon.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Core's result; <see cref="CouponRefusal.UnknownCoupon"/> when no such coupon was issued.</returns>
    public Task<CouponResult> ReturnAsync(string couponId, string refundId, Instant at, CouponReturnPolicy policy, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "Not a coupon return policy.");
        }

        return StepAsync("return", couponId, refundId, at, c => c.Return(refundId, at, policy), cancellationToken);
    }

    /// <summary>An issued coupon past its validity expires (<see cref="IssuedCoupon.Expire"/>).</summary>
    /// <param name="couponId">The coupon.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Core's result; <see cref="CouponRefusal.UnknownCoupon"/> when no such coupon was issued.</returns>
    public Task<CouponResult> ExpireAsync(string couponId, Instant at, CancellationToken cancellationToken = default) =>
        StepAsync("expire", couponId, couponId, at, c => c.Expire(at), cancellationToken);

    /// <summary>
    /// The expiry job: expires every issued coupon whose validity ended by <paramref name="at"/>, earliest first, each in
    /// its own command (so each expires once however many instances run the job); a locked coupon waits for its order.
    /// <see cref="SocialCommerceJobOptions.ExpireCouponsEvery"/> runs it in the background.
    /// </summary>
    /// <param name="at">The instant.</param>
    /// <param name="cancellationToken">Cancels between coupons.</param>
    /// <returns>The ids of the coupons this call expired.</returns>
    public Task<IReadOnlyList<string>> ExpireDueAsync(Instant at, CancellationToken cancellationToken = default)
    {
        Instants.Check(at, nameof(at));
        return ExpireDueCoreAsync(at, cancellationToken);
    }

    private async Task<IReadOnlyList<string>> ExpireDueCoreAsync(Instant at, CancellationToken cancellationToken)
    {
        var due = StoredJson.Ticks(at);
        var issued = (int)CouponStatus.Issued;
        var expired = await DueItems.SettleAsync<CouponRow, long, string, (string Id, CouponResult Result)>(
            _store,
            $"the coupons due at {at}",
            r => r.Status == issued && r.ValidUntil <= due,
            r => r.ValidUntil,
            r => r.CouponId,
            async (id, ct) => (id, await ExpireAsync(id, at, ct).ConfigureAwait(false)),
            static r => r.Result.IsApplied,
            cancellationToken).ConfigureAwait(false);
        return expired.Select(static r => r.Id).ToList();
    }

    /// <summary>Reads a coupon as committed (a copy the caller may inspect), or null when none of that id was issued.</summary>
    /// <param name="couponId">The coupon.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The coupon.</returns>
    public Task<IssuedCoupon?> GetAsync(string couponId, CancellationToken cancellationToken = default)
    {
        StoredIds.Check(couponId, nameof(couponId));
        return _store.RunAsync($"read coupon '{couponId}'", (db, _, ct) => _coupons.ReadAsync(db, couponId, ct), cancellationToken);
    }

    /// <summary>Reads how many coupons a template issued in all, or to one member.</summary>
    /// <param name="templateId">The template.</param>
    /// <param name="member">One member, or null for the template's total.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The count as committed.</returns>
    public Task<int> CountIssuedAsync(string templateId, MemberId? member = null, CancellationToken cancellationToken = default)
    {
        StoredIds.Check(templateId, nameof(templateId));
        return _store.RunAsync($"count the coupons of template '{templateId}'", async (db, _, ct) => member is { } m
            ? await db.Set<CouponHolderRow>().AsNoTracking().Where(r => r.MemberId == m.Value && r.TemplateId == templateId).Select(r => r.Issued).FirstOrDefaultAsync(ct).ConfigureAwait(false)
            : await db.Set<CouponTemplateRow>().AsNoTracking().Where(r => r.TemplateId == templateId).Select(r => r.Issued).FirstOrDefaultAsync(ct).ConfigureAwait(false), cancellationToken);
    }

    // A step's one command path: the coupon's commands of this process wait their turn, its state row is read, Core
    // decides, and a changed coupon is written under its version.
    private Task<CouponResult> StepAsync(string verb, string couponId, string reference, Instant at, Func<IssuedCoupon, CouponResult> decide, CancellationToken cancellationToken)
    {
        StoredIds.Check(couponId, nameof(couponId));
        StoredIds.Check(reference, nameof(reference));
        Instants.Check(at, nameof(at));
        return StepCoreAsync(verb, couponId, reference, decide, cancellationToken);
    }

    private async Task<CouponResult> StepCoreAsync(string verb, string couponId, string reference, Func<IssuedCoupon, CouponResult> decide, CancellationToken cancellationToken)
    {
        string? templateId = null;
        var result = await _store.RunAsync($"{verb} coupon '{couponId}' ('{reference}')", "coupon/" + couponId, (db, _, ct) => _coupons.DecideAsync(
            db,
            couponId,
            coupon =>
            {
                templateId = coupon.Template.TemplateId;
                var result = decide(coupon);
                return (result, result.IsApplied ? coupon : null);
            },
            ct,
            missing: () => CouponResult.Refused(CouponRefusal.UnknownCoupon, $"No coupon '{couponId}' was issued.")), cancellationToken).ConfigureAwait(false);
        CommittedReport.To(_listener, static (l, a) => l.OnCoupon(a), new CouponArguments(templateId ?? "unknown", verb, result));
        return result;
    }

    private CouponTemplate Template(string templateId) =>
        _templates(templateId) ?? throw new InvalidOperationException($"Coupon template '{templateId}' is not registered; register it with AddCouponTemplate on the SocialCommerce builder.");
}
