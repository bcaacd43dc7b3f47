using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore;
using SocialCommerce.EntityFrameworkCore.Commissions;
using SocialCommerce.EntityFrameworkCore.Network;
using SocialCommerce.EntityFrameworkCore.Writer;
using SocialCommerce.Extensions;
using SocialCommerce.Network;

// writer <sqlite|postgres> <connection string> <steps>: runs the command stream, printing "step i" after each step.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: writer <sqlite|postgres|sqlite-retrying|postgres-retrying> <connection-string> <steps>");
    return 2;
}

var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
builder.Services.AddSocialCommerce()
    .AddCommissionPlan(WriterCommands.Plan)
    .AddEntityFrameworkStores(
        db => _ = args[0] switch
        {
            "postgres" => db.UseNpgsql(args[1]),
            "postgres-retrying" => db.UseNpgsql(args[1], n => n.EnableRetryOnFailure(5, TimeSpan.FromMilliseconds(50), null)),
            "sqlite-retrying" => db.UseSqlite(args[1], s => s.ExecutionStrategy(d => new SocialCommerce.Tests.Databases.SqliteRetryingStrategy(d))),
            _ => db.UseSqlite(args[1]),
        },
        o => o.Ledger = WriterCommands.Ledger);
using var host = builder.Build();
await host.StartAsync();
var network = host.Services.GetRequiredService<StoredReferralNetwork>();
var ledger = host.Services.GetRequiredService<StoredCommissionLedger>();
var engine = host.Services.GetRequiredService<CommissionEngine>();

await network.RegisterAsync(new MemberId(1), null, WriterCommands.T0);
await network.RegisterAsync(new MemberId(2), new MemberId(1), WriterCommands.T0);
await network.RegisterAsync(new MemberId(3), new MemberId(2), WriterCommands.T0);
var steps = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
for (var step = 0; step < steps; step++)
{
    var sale = WriterCommands.SaleOf(step);
    var quote = await network.QuoteAsync(engine, sale);
    await ledger.PostAsync(LedgerSale.FromQuote(sale, quote, engine.Plan));
    await ledger.CompleteAsync(sale.Id, sale.PaidAt + NodaTime.Duration.FromMinutes(1));
    if (WriterCommands.RefundOf(step) is { } refund)
    {
        await ledger.RefundAsync(refund);
    }

    if (WriterCommands.ReleaseAt(step) is { } at)
    {
        await ledger.ReleaseDueAsync(at);
        if (WriterCommands.StreamWithdrawalOf(step) is { } withdrawal)
        {
            await ledger.WithdrawAsync(withdrawal);
        }
    }

    Console.WriteLine($"step {step}");
}

await host.StopAsync();
return 0;
