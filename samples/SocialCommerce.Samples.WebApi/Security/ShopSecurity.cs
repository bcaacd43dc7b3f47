using System;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace SocialCommerce.Samples.WebApi.Security;

/// <summary>
/// Who may do what: JWT bearer authentication, the policies of <see cref="ShopPolicies"/> (every endpoint needs a
/// token unless it says otherwise) and the per-member rate limit on joins.
/// </summary>
internal static class ShopSecurity
{
    public static IServiceCollection AddShopSecurity(this IServiceCollection services)
    {
        services.AddOptions<ShopAuthenticationSettings>()
            .BindConfiguration(ShopAuthenticationSettings.SectionName)
            .Validate(s => s.TryCreateKey(out _) is not null, "Shop:Authentication:SigningKey is missing, not base64, or shorter than 32 bytes.")
            .Validate<IHostEnvironment>(
                (s, environment) => environment.IsDevelopment() || !string.Equals(s.SigningKey, ShopAuthenticationSettings.DevelopmentKey, StringComparison.Ordinal),
                "Shop:Authentication:SigningKey is the public development key from appsettings.Development.json; outside Development set a secret key of your own (e.g. `openssl rand -base64 32`, from a secret store).")
            .ValidateOnStart();
        foreach (var (name, permits) in new[] { (RateLimitSettings.Joins, 10), (RateLimitSettings.Writes, 30) })
        {
            services.AddOptions<RateLimitSettings>(name)
                .Configure(s => s.PermitLimit = permits)
                .BindConfiguration(RateLimitSettings.SectionOf(name))
                .Validate(s => s.PermitLimit > 0 && s.Window > TimeSpan.Zero, RateLimitSettings.SectionOf(name) + " needs a positive PermitLimit and Window.")
                .ValidateOnStart();
        }

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<ShopAuthenticationSettings>>((jwt, settings) =>
            {
                var s = settings.Value;
                jwt.MapInboundClaims = false;
                jwt.IncludeErrorDetails = false; // a rejected token gets a bare "Bearer" challenge: no key ids, issuers or dates
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = s.Issuer,
                    ValidAudience = s.Audience,
                    IssuerSigningKey = s.TryCreateKey(out _),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = ShopClaims.Subject,
                    RoleClaimType = ShopClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });

        services.AddSingleton<IAuthorizationHandler, OwnAccountHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ShopPolicies.Operator, policy => policy.RequireRole(ShopClaims.OperatorRole))
            .AddPolicy(ShopPolicies.Member, policy => policy.RequireAssertion(context => ShopClaims.TryGetMember(context.User, out _)))
            .AddPolicy(ShopPolicies.OwnAccount, policy => policy.AddRequirements(new OwnAccountRequirement(AllowsOperator: false)))
            .AddPolicy(ShopPolicies.OwnAccountOrOperator, policy => policy.AddRequirements(new OwnAccountRequirement(AllowsOperator: true)));


        // Limits hold across instances: counted in the shared database (see SharedRateLimiter).
        services.AddSingleton<SharedRateLimiter>();
        return services;
    }
}
