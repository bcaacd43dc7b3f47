using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialCommerce.Telemetry;

namespace SocialCommerce.Extensions.Registration;

/// <summary>
/// Builds the runtime once per container: the start-up validator and the singleton that serves the engines share the
/// build, so every custom rule is created once and a compliance decision is reported once. After a build without
/// failures it follows the registrations' <see cref="IOptionsMonitor{TOptions}"/>: when bound configuration changes,
/// the runtime reloads (validated like at start) or keeps what it runs, and the outcome is logged.
/// </summary>
internal sealed partial class SocialCommerceRuntimeCache(IServiceProvider services) : IDisposable
{
    private readonly object _gate = new();
    private readonly object _reloadGate = new();
    private SocialCommerceRuntime? _runtime;
    private List<string> _failures = [];
    private IDisposable? _subscription;

    public (SocialCommerceRuntime Runtime, IReadOnlyList<string> Failures) Get(SocialCommerceRegistrations registrations)
    {
        lock (_gate)
        {
            // The options factory makes a new (equal) registrations instance for IOptions and for IOptionsMonitor; both are
            // the same Configure actions over the same services, so the first build serves every later request. Changes
            // after start arrive through the monitor's change callback (Reload), not through here.
            if (_runtime is null)
            {
                var failures = new List<string>();
                _runtime = SocialCommerceRuntime.Build(services, registrations, failures, services.GetService<SocialCommerceListener>());
                _failures = failures;
                if (failures.Count == 0)
                {
                    _subscription = services.GetService<IOptionsMonitor<SocialCommerceRegistrations>>()?.OnChange(Reload);
                    if (registrations.Replacements.Count > 0 && services.GetService<ILoggerFactory>()?.CreateLogger("SocialCommerce.Configuration") is { } logger)
                    {
                        foreach (var replacement in registrations.Replacements)
                        {
                            LogReplaced(logger, replacement);
                        }
                    }
                }
            }

            return (_runtime, _failures);
        }
    }

    public void Dispose() => _subscription?.Dispose();

    private void Reload(SocialCommerceRegistrations registrations)
    {
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("SocialCommerce.Configuration");
        lock (_reloadGate)
        {
#pragma warning disable CA1031 // a reload never throws into the configuration's change callback: it is refused and logged
            try
            {
                var (failures, changes) = _runtime!.Reload(services, registrations);
                if (logger is null)
                {
                    return;
                }

                if (failures.Count > 0)
                {
                    var text = string.Join(Environment.NewLine, failures);
                    LogRefused(logger, failures.Count, text);
                }
                else if (changes.Count > 0)
                {
                    var text = string.Join("; ", changes);
                    LogApplied(logger, text);
                }
            }
            catch (Exception exception)
            {
                if (logger is not null)
                {
                    LogFailed(logger, exception);
                }
            }
#pragma warning restore CA1031
        }
    }

    [LoggerMessage(EventId = 1105, Level = LogLevel.Error, Message = "SocialCommerce: the configuration change is refused ({Count} failures); the running plans and rules stay as they were.\n{Failures}")]
    private static partial void LogRefused(ILogger logger, int count, string failures);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "SocialCommerce: configuration reloaded: {Changes}. New quotes use the new versions; booked sales keep theirs.")]
    private static partial void LogApplied(ILogger logger, string changes);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "SocialCommerce: {Replacement} (the later registration of a name wins).")]
    private static partial void LogReplaced(ILogger logger, string replacement);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "SocialCommerce: the configuration change could not be applied; the running plans and rules stay as they were.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
