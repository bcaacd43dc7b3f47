using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SocialCommerce.Samples.WebApi.Http;

/// <summary>
/// What the OpenAPI document says beyond the endpoints: the bearer scheme (a JWT in <c>Authorization</c>) required by
/// every endpoint that is not anonymous, and each endpoint's problem-details error responses.
/// </summary>
internal static class ShopOpenApi
{
    public const string Scheme = "Bearer";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token signed with the shop's key: a member's (sub = member id) or an operator's (role operator). In Development: dotnet run -- token 2, or -- token operator.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var anonymous = metadata.OfType<IAllowAnonymous>().Any();
            var authorized = !anonymous && metadata.OfType<IAuthorizeData>().Any();
            operation.Responses ??= new OpenApiResponses();
            void Problem(string status, string description)
            {
                if (!operation.Responses.ContainsKey(status))
                {
                    operation.Responses[status] = new OpenApiResponse
                    {
                        Description = description,
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType() },
                    };
                }
            }

            if (authorized)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] });
                Problem("401", "No token, or a token not signed with the shop's key or expired.");
                Problem("403", "The token's member or role may not do this.");
            }

            var method = context.Description.HttpMethod;
            if (method is "POST" or "PUT")
            {
                Problem("400", "Invalid input: the problem names the field (field) and the value.");
                Problem("409", "Refused by the engines (refusal names why, e.g. GroupFull, InsufficientAvailableBalance, ConflictingDuplicate).");
            }

            if (context.Description.RelativePath?.Contains('{', System.StringComparison.Ordinal) == true)
            {
                Problem("404", "No member, group or sale has that id.");
            }

            Problem("503", "The database is busy or down; nothing was written. Retry after the Retry-After header.");
            return Task.CompletedTask;
        });
    }
}
