using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;

namespace Contracts.Runtime.AspNetCore;

/// <summary>
/// How an AWS JSON operation's endpoint is described: every one is <c>POST /</c>, so each is told apart as AWS's own
/// OpenAPI conversions write it, by a path with the target as its fragment (<c>/#X-Amz-Target=Service_2016.GetThing</c>),
/// and the header that carries the target is a required parameter.
/// </summary>
internal static class AwsJsonTargetDescription
{
    /// <summary>Adds the target to <paramref name="description"/> when <paramref name="route"/> serves one.</summary>
    public static void Apply(ApiDescription description, RouteEndpoint route)
    {
        if (route.Metadata.GetMetadata<AwsJsonTarget>() is not { } target)
        {
            return;
        }

        description.RelativePath = (description.RelativePath ?? string.Empty).TrimEnd('/') + "#" + AwsJsonDispatch.TargetHeader + "=" + target.Target;
        description.ParameterDescriptions.Add(new ApiParameterDescription
        {
            Name = AwsJsonDispatch.TargetHeader,
            Source = BindingSource.Header,
            Type = typeof(string),
            IsRequired = true,
            ModelMetadata = new ContractModelMetadata(typeof(string)),
            ParameterDescriptor = new ParameterDescriptor { Name = AwsJsonDispatch.TargetHeader, ParameterType = typeof(string) },
        });
    }
}
