using System;
using System.Collections.Generic;
using SocialCommerce.Telemetry;

namespace SocialCommerce.Extensions.Registration;

/// <summary>
/// Builds the runtime once per container: the start-up validator and the singleton that serves the engines share the
/// build, so every custom rule is created once and a compliance decision is reported once.
/// </summary>
internal sealed class SocialCommerceRuntimeCache(IServiceProvider services)
{
    private readonly object _gate = new();
    private SocialCommerceRuntime? _runtime;
    private List<string> _failures = [];

    public (SocialCommerceRuntime Runtime, IReadOnlyList<string> Failures) Get(SocialCommerceRegistrations registrations)
    {
        lock (_gate)
        {
            // The options factory makes a new (equal) registrations instance for IOptions and for IOptionsMonitor; both are
            // the same Configure actions over the same services, so the first build serves every later request.
            if (_runtime is null)
            {
                var failures = new List<string>();
                _runtime = SocialCommerceRuntime.Build(services, registrations, failures, services.GetService(typeof(SocialCommerceListener)) as SocialCommerceListener);
                _failures = failures;
            }

            return (_runtime, _failures);
        }
    }
}
