using System;
using System.ComponentModel;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Contracts.Runtime.AspNetCore;

/// <summary>
/// Serves an AWS JSON service, every operation a <c>POST /</c> named by its <c>X-Amz-Target</c> header: each operation
/// is its own endpoint at <c>POST /</c>, chosen by routing when the header names its target (compared exactly), so its
/// name, authorization and description are the endpoint's as for any other generated endpoint. A missing or unknown
/// target reaches the endpoint of <see cref="MapUnknownTargets"/>, which refuses it as AWS does
/// (<c>UnknownOperationException</c>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AwsJsonDispatch
{
    /// <summary>The header an AWS JSON request names its operation in.</summary>
    internal const string TargetHeader = "X-Amz-Target";

    // The route value the target constraint is registered under: no route parameter has this name, so the constraint
    // reads the request itself (routing evaluates a pattern's constraints whether or not a parameter carries them).
    private const string ConstraintKey = "__awsJsonTarget";

    /// <summary>
    /// Maps <paramref name="handler"/> at <c>POST /</c> for requests whose <c>X-Amz-Target</c> is <paramref name="target"/>;
    /// the endpoint carries an <see cref="AwsJsonTarget"/>.
    /// </summary>
    public static IEndpointConventionBuilder MapTarget(IEndpointRouteBuilder endpoints, string target, RequestDelegate handler)
    {
        if (endpoints is null)
        {
            throw new ArgumentNullException(nameof(endpoints));
        }

        if (target is null)
        {
            throw new ArgumentNullException(nameof(target));
        }

        var pattern = RoutePatternFactory.Parse("/", defaults: null, parameterPolicies: new RouteValueDictionary { [ConstraintKey] = new TargetConstraint(target) });
        var builder = endpoints.Map(pattern, handler ?? throw new ArgumentNullException(nameof(handler)));
        builder.WithMetadata(new HttpMethodMetadata(new[] { HttpMethods.Post }), new AwsJsonTarget(target));
        return builder;
    }

    /// <summary>
    /// Maps the endpoint that answers a <c>POST /</c> no target endpoint took (no <c>X-Amz-Target</c>, or one not
    /// served) with AWS's <c>UnknownOperationException</c>. Routing tries it after every target endpoint.
    /// </summary>
    public static IEndpointConventionBuilder MapUnknownTargets(IEndpointRouteBuilder endpoints)
    {
        if (endpoints is null)
        {
            throw new ArgumentNullException(nameof(endpoints));
        }

        var builder = endpoints.MapPost("/", RefuseAsync);
        builder.Add(static endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route)
            {
                // A later order is a lower priority: chosen only when no target endpoint matched.
                route.Order = 1;
            }
        });
        return builder;
    }

    private static Task RefuseAsync(HttpContext context)
    {
        var target = context.Request.Headers[TargetHeader].ToString();
        return ProblemWriter.WriteAwsAsync(
            context,
            StatusCodes.Status400BadRequest,
            "UnknownOperationException",
            target.Length == 0 ? "The request has no X-Amz-Target header." : "The operation " + RequestBinder.Quote(target) + " is not served here.");
    }

    /// <summary>Matches a request whose <c>X-Amz-Target</c> is exactly the target; links to the endpoint are not constrained.</summary>
    private sealed class TargetConstraint : IRouteConstraint
    {
        private readonly string _target;

        public TargetConstraint(string target) => _target = target;

        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
            routeDirection == RouteDirection.UrlGeneration
            || (httpContext is not null && string.Equals(httpContext.Request.Headers[TargetHeader].ToString(), _target, StringComparison.Ordinal));
    }
}

/// <summary>
/// Endpoint metadata: the <c>X-Amz-Target</c> an AWS JSON operation's endpoint answers. The app's OpenAPI document
/// (<see cref="ContractEndpointDescriptionExtensions.AddContractEndpointDescriptions"/>) lists such an operation as AWS's
/// own OpenAPI conversions do, at <c>POST /#X-Amz-Target={target}</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AwsJsonTarget
{
    /// <summary>The metadata of the endpoint for <paramref name="target"/>.</summary>
    public AwsJsonTarget(string target) => Target = target ?? throw new ArgumentNullException(nameof(target));

    /// <summary>The header's value, such as <c>Lightsail_20161128.GetBucketAccessKeys</c>.</summary>
    public string Target { get; }

    /// <inheritdoc/>
    public override string ToString() => "X-Amz-Target " + Target;
}
