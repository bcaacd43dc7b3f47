using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocialCommerce.EntityFrameworkCore.Jobs;
using SocialCommerce.Extensions;

namespace SocialCommerce.EntityFrameworkCore;

/// <summary>Turns on the background jobs that settle what falls due in the stores.</summary>
public static class SocialCommerceJobsBuilderExtensions
{
    /// <summary>
    /// Runs, as a hosted service, the jobs that release earnings whose return window closed and settle groups,
    /// invitations and community batches past their deadline — each every minute by default, configurable or off
    /// (<see cref="SocialCommerceJobOptions"/>), at the now of the <c>NodaTime.IClock</c> registered in the container
    /// (the system clock when none is). Safe on every instance at once: each due item is settled once. Each run that
    /// settled something is logged (event 1411, Information); a failed run (event 1412, Warning) is tried again at the
    /// next tick. Needs <c>AddEntityFrameworkStores</c>.
    /// </summary>
    /// <param name="builder">The SocialCommerce builder.</param>
    /// <param name="configure">Sets the periods.</param>
    /// <returns>The same builder.</returns>
    public static ISocialCommerceBuilder AddSocialCommerceJobs(this ISocialCommerceBuilder builder, Action<SocialCommerceJobOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<SocialCommerceJobOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SocialCommerceJobOptions>, JobOptionsValidator>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SocialCommerceJobRunner>());
        return builder;
    }

    private sealed class JobOptionsValidator : IValidateOptions<SocialCommerceJobOptions>
    {
        public ValidateOptionsResult Validate(string? name, SocialCommerceJobOptions options) =>
            options.Validate() is { } failure ? ValidateOptionsResult.Fail(failure) : ValidateOptionsResult.Success;
    }
}
