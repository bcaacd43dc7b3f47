using System;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using SocialCommerce.Benchmarks.Data;

namespace SocialCommerce.Benchmarks;

internal static class Program
{
    /// <returns>0 when every selected benchmark ran; 1 when one failed (e.g. the agreement check threw), so a CI smoke run fails.</returns>
    public static int Main(string[] args)
    {
        if (args.Length == 1 && args[0] == DataReport.Argument)
        {
            DataReport.Write(Console.Out);
            return 0;
        }

        // Median (the budgets are judged on it) and operations per second (sales/s, calls/s) next to the mean. The
        // generated projects get 10 minutes to build (BenchmarkDotNet's default is 2): on a busy 2-core machine the
        // smoke run's build once took longer and every benchmark was reported failed without running.
        var config = DefaultConfig.Instance
            .AddColumn(StatisticColumn.Median, StatisticColumn.OperationsPerSecond)
            .WithBuildTimeout(TimeSpan.FromMinutes(10));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToArray();
        var failed = summaries
            .SelectMany(summary => summary.Reports.Where(report => !report.Success).Select(report => report.BenchmarkCase.DisplayInfo)
                .Concat(summary.HasCriticalValidationErrors ? [summary.Title + ": validation errors"] : []))
            .ToArray();
        foreach (var failure in failed)
        {
            Console.Error.WriteLine("Benchmark failed: " + failure);
        }

        return failed.Length == 0 ? 0 : 1;
    }
}
