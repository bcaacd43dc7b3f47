using System;
using System.Diagnostics;
using System.Globalization;
using SocialCommerce.Samples.Console;
using SocialCommerce.Samples.Console.Simulation;

// dotnet run --project samples/SocialCommerce.Samples.Console [-- --members N --days D --seed S | --demos | --help]
if (Array.IndexOf(args, "--help") >= 0 || Array.IndexOf(args, "-h") >= 0)
{
    Console.WriteLine(SimulationOptions.Usage);
    return 0;
}

if (Array.IndexOf(args, "--demos") >= 0)
{
    // The small per-engine demonstrations, each with fixed data.
    CommissionsDemo.Run(Console.Out);
    Console.WriteLine();
    LedgerDemo.Run(Console.Out);
    Console.WriteLine();
    GroupBuyingDemo.Run(Console.Out);
    Console.WriteLine();
    GrowthDemo.Run(Console.Out);
    Console.WriteLine();
    InvitationsDemo.Run(Console.Out);
    Console.WriteLine();
    PointsAndCouponsDemo.Run(Console.Out);
    Console.WriteLine();
    ComplianceDemo.Run(Console.Out);
    return 0;
}

var options = SimulationOptions.TryParse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(SimulationOptions.Usage);
    return 2;
}

// The stopwatch only times the run for the reader; the simulation itself runs on a simulated clock.
var stopwatch = Stopwatch.StartNew();
try
{
    var report = ShopSimulation.Run(options, options.Members >= 10_000 ? Console.Error : null);
    SimulationReportWriter.Write(report, Console.Out);
}
catch (SimulationCheckException e)
{
    Console.Error.WriteLine($"SIMULATION CHECK FAILED: {e.Message}");
    return 1;
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Simulated in {stopwatch.Elapsed.TotalSeconds:0.0} s."));
return 0;
