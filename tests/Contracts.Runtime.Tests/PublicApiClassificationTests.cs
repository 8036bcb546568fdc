using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Reflection;
using Contracts.Runtime;
using Xunit;

namespace Contracts.Runtime.Tests;

/// <summary>
/// Every public type of Contracts.Runtime is chosen: either user API (named in a user's code, listed here) or plumbing
/// that only generated code calls, which carries <c>[EditorBrowsable(EditorBrowsableState.Never)]</c> so that it stays
/// out of a user's IntelliSense. A new public type fails here until it is put on one side.
/// </summary>
public sealed class PublicApiClassificationTests
{
    /// <summary>What a user names: options, exceptions, credentials, handlers, and types that generated signatures show.</summary>
    private static readonly string[] UserApi =
    [
        "Contracts.Runtime.ApiException",
        "Contracts.Runtime.ApiException`1",
        "Contracts.Runtime.ApiResponse",
        "Contracts.Runtime.ApiResponse`1",
        "Contracts.Runtime.Clearable`1",
        "Contracts.Runtime.RequestOptions",
        "Contracts.Runtime.Authentication.AccessToken",
        "Contracts.Runtime.Authentication.ApiKeyCredential",
        "Contracts.Runtime.Authentication.ApiKeyLocation",
        "Contracts.Runtime.Authentication.AuthorizationCredential",
        "Contracts.Runtime.Authentication.BasicCredential",
        "Contracts.Runtime.Authentication.BearerCredential",
        "Contracts.Runtime.Authentication.CredentialNotConfiguredException",
        "Contracts.Runtime.Authentication.ITokenProvider",
        "Contracts.Runtime.Authentication.OAuth2ClientAuthenticationMethod",
        "Contracts.Runtime.Authentication.OAuth2ClientCredentialsProvider",
        "Contracts.Runtime.Authentication.OAuth2Credential",
        "Contracts.Runtime.Authentication.TokenRequestContext",
        "Contracts.Runtime.ResponseHeaders",
        "Contracts.Runtime.Aws.AwsCredentials",
        "Contracts.Runtime.Aws.AwsCredentialChain",
        "Contracts.Runtime.Aws.AwsCredentialsException",
        "Contracts.Runtime.Aws.AwsEndpoint",
        "Contracts.Runtime.Aws.AwsEnvironment",
        "Contracts.Runtime.Aws.AwsRegion",
        "Contracts.Runtime.Aws.AwsServiceException",
        "Contracts.Runtime.Aws.CachingCredentialsProvider",
        "Contracts.Runtime.Aws.ContainerCredentialsProvider",
        "Contracts.Runtime.Aws.EnvironmentCredentialsProvider",
        "Contracts.Runtime.Aws.IAwsCredentialsProvider",
        "Contracts.Runtime.RetryPolicy",
        "Contracts.Runtime.Paging.Page`1",
        "Contracts.Runtime.Paging.Pageable`1",
        "Contracts.Runtime.Aws.InstanceMetadataCredentialsProvider",
        "Contracts.Runtime.Aws.ProfileCredentialsProvider",
        "Contracts.Runtime.Aws.SigV4Handler",
        "Contracts.Runtime.Aws.SigV4Signer",
        "Contracts.Runtime.Aws.SharedConfigFiles",
        "Contracts.Runtime.Aws.SigV4SigningOptions",
        "Contracts.Runtime.Aws.StaticCredentialsProvider",
        "Contracts.Runtime.Aws.WebIdentityCredentialsProvider",
        "Contracts.Runtime.Http.FilePart",
        "Contracts.Runtime.Http.ResponseStream",
        "Contracts.Runtime.Http.RetryHandler",
        "Contracts.Runtime.Http.SafeRedirectHandler",
        "Contracts.Runtime.Json.IsoDuration",
        "Contracts.Runtime.Streaming.StreamEvent`1",
        "Contracts.Runtime.Streaming.StreamingResponse`1",
        "Contracts.Runtime.Validation.RequestValidationException",
        "Contracts.Runtime.Validation.ValidationError",
    ];

    /// <summary>Members of user types that only generated code calls (hidden like plumbing types).</summary>
    private static readonly string[] HiddenMembersOfUserTypes =
    [
        "Contracts.Runtime.Aws.AwsServiceException..ctor(Contracts.Runtime.Aws.AwsErrorInfo)",
        "Contracts.Runtime.RequestOptions.WithAuthentication(Contracts.Runtime.Authentication.ClientAuthentication)",
        "Contracts.Runtime.RequestOptions.Capturing(Contracts.Runtime.RequestOptions, Contracts.Runtime.Http.ResponseCapture)",
    ];

    private static readonly Assembly Runtime = typeof(ApiException).Assembly;

    [Fact]
    public void Every_public_type_is_user_api_or_hidden_from_IntelliSense()
    {
        var unclassified = Runtime.GetExportedTypes()
            .Where(type => !UserApi.Contains(Name(type)) && !IsHidden(type) && !IsInsideHiddenType(type))
            .Select(Name)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();

        Assert.True(unclassified.Count == 0, "Public types that are neither listed as user API nor [EditorBrowsable(Never)]: " + string.Join(", ", unclassified));
    }

    [Fact]
    public void The_user_api_list_names_public_types_that_are_not_hidden()
    {
        var exported = Runtime.GetExportedTypes().ToDictionary(Name);

        var missing = UserApi.Where(name => !exported.ContainsKey(name)).ToList();
        var hidden = UserApi.Where(name => exported.TryGetValue(name, out var type) && IsHidden(type)).ToList();

        Assert.True(missing.Count == 0, "Listed as user API but not public: " + string.Join(", ", missing));
        Assert.True(hidden.Count == 0, "Listed as user API but hidden: " + string.Join(", ", hidden));
    }

    [Fact]
    public void The_hidden_members_of_user_types_are_the_listed_ones()
    {
        var hidden = Runtime.GetExportedTypes()
            .Where(type => UserApi.Contains(Name(type)))
            .SelectMany(type => type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(member => IsVisibleOutside(member) && IsHidden(member))
            .Select(member => Name(member.DeclaringType!) + "." + Signature(member))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(HiddenMembersOfUserTypes.OrderBy(name => name, StringComparer.Ordinal), hidden);
    }

    [Fact]
    public void The_plumbing_that_generated_code_names_stays_public()
    {
        // Hiding must not become removal: generated code in the field calls these by name (see KnownTypes in the generator).
        string[] calledByGeneratedCode =
        [
            "Contracts.Runtime.Http.ContractsHttp",
            "Contracts.Runtime.Http.ParameterStyles",
            "Contracts.Runtime.Json.JsonRead",
            "Contracts.Runtime.Json.UnionJson",
            "Contracts.Runtime.Json.OpenEnumValues`1",
            "Contracts.Runtime.Json.OpenEnumConverter`1",
            "Contracts.Runtime.Json.IOpenEnum`1",
            "Contracts.Runtime.Aws.AwsProtocol",
        ];
        var exported = Runtime.GetExportedTypes().ToDictionary(Name);

        foreach (var name in calledByGeneratedCode)
        {
            Assert.True(exported.TryGetValue(name, out var type), name + " is not public");
            Assert.True(IsHidden(type!), name + " is not hidden");
        }
    }

    private static string Name(Type type) => type.FullName!.Replace('+', '.');

    private static bool IsHidden(MemberInfo member) =>
        member.GetCustomAttribute<EditorBrowsableAttribute>() is { State: EditorBrowsableState.Never };

    private static bool IsInsideHiddenType(Type type)
    {
        for (var declaring = type.DeclaringType; declaring is not null; declaring = declaring.DeclaringType)
        {
            if (IsHidden(declaring))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsVisibleOutside(MemberInfo member) => member switch
    {
        MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
        FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
        PropertyInfo property => property.GetAccessors(nonPublic: true).Any(IsVisibleOutside),
        EventInfo @event => @event.AddMethod is { } add && IsVisibleOutside(add),
        Type nested => nested.IsNestedPublic || nested.IsNestedFamily || nested.IsNestedFamORAssem,
        _ => false,
    };

    private static string Signature(MemberInfo member) => member is MethodBase method
        ? method.Name + "(" + string.Join(", ", method.GetParameters().Select(parameter => parameter.ParameterType.FullName ?? parameter.ParameterType.Name)) + ")"
        : member.Name;
}
