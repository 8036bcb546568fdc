using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contracts.AwsTests.DynamoDb;
using Contracts.AwsTests.Lightsail;
using Xunit;

namespace Contracts.AwsTests;

/// <summary>
/// The published descriptions put the SigV4 headers on every path and the target in every path key; none of that
/// may reach the generated API, which signs for you and names methods after operations.
/// </summary>
public sealed class ClientSurfaceTests
{
    public static TheoryData<Type> Interfaces => new() { typeof(ILightsailClient), typeof(IDynamoDbClient) };

    [Theory]
    [MemberData(nameof(Interfaces))]
    public void No_method_takes_a_signing_header([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] Type client)
    {
        var offending = client.GetMethods()
            .SelectMany(m => m.GetParameters(), (m, p) => m.Name + "(" + p.Name + ")")
            .Where(p => p.Contains("xAmz", StringComparison.OrdinalIgnoreCase) || p.Contains("X_Amz", StringComparison.OrdinalIgnoreCase)
                || p.Contains("(authorization)", StringComparison.OrdinalIgnoreCase) || p.Contains("signature", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.Empty(offending);
    }

    [Fact]
    public void Lightsail_methods_are_named_after_operations_not_targets()
    {
        var methods = typeof(ILightsailClient).GetMethods();

        Assert.All(methods, m =>
        {
            Assert.DoesNotContain("Lightsail_20161128", m.Name, StringComparison.Ordinal);
            Assert.DoesNotContain("XAmzTarget", m.Name, StringComparison.Ordinal);
            Assert.EndsWith("Async", m.Name, StringComparison.Ordinal);
        });

        // One method per operation of the 2016-11-28 description (as of the June 2022 conversion).
        Assert.True(methods.Length > 150, methods.Length + " methods");
        Assert.Contains(methods, m => m.Name == "GetBucketAccessKeysAsync");
    }

    [Fact]
    public void Every_Lightsail_method_is_request_plus_cancellation_token_and_request_options()
    {
        // AWS JSON has no path, query or header inputs: everything travels in the body.
        Assert.All(typeof(ILightsailClient).GetMethods(), m =>
        {
            var parameters = m.GetParameters();
            Assert.Equal(3, parameters.Length);
            Assert.Equal("request", parameters[0].Name);
            Assert.Equal(typeof(CancellationToken), parameters[1].ParameterType);
            Assert.Equal(typeof(Contracts.Runtime.RequestOptions), parameters[2].ParameterType);
            Assert.True(parameters[2].IsOptional);
            // A paged operation's paginator (…AllAsync) returns its pages lazily, every other method a task.
            var returns = m.ReturnType.IsGenericType ? m.ReturnType.GetGenericTypeDefinition() : null;
            Assert.True(returns == typeof(Task<>) || (returns == typeof(Contracts.Runtime.Paging.Pageable<>) && m.Name.EndsWith("AllAsync", StringComparison.Ordinal)), m.Name);
        });
    }

    [Fact]
    public void The_exceptions_follow_the_description_s_errors()
    {
        Assert.True(typeof(NotFoundException).IsSubclassOf(typeof(LightsailException)));
        Assert.True(typeof(LightsailException).IsSubclassOf(typeof(Contracts.Runtime.Aws.AwsServiceException)));
        Assert.True(typeof(Contracts.AwsTests.DynamoDb.ResourceNotFoundException).IsSubclassOf(typeof(DynamoDbException)));
    }
}
