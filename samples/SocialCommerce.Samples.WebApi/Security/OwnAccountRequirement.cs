using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SocialCommerce.Samples.WebApi.Security;

/// <summary>The caller is the member of the route's <c>{id}</c>, or (when allowed) an operator.</summary>
/// <param name="AllowsOperator">Whether an operator passes too (reads; never withdrawals).</param>
public sealed record OwnAccountRequirement(bool AllowsOperator) : IAuthorizationRequirement;

/// <summary>Checks <see cref="OwnAccountRequirement"/> against the route of the request being authorized.</summary>
public sealed class OwnAccountHandler : AuthorizationHandler<OwnAccountRequirement>
{
    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OwnAccountRequirement requirement)
    {
        if (requirement.AllowsOperator && context.User.IsInRole(ShopClaims.OperatorRole))
        {
            context.Succeed(requirement);
        }
        else if (context.Resource is HttpContext http
            && http.GetRouteValue("id") is string id
            && long.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var member)
            && ShopClaims.IsMember(context.User, member))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
