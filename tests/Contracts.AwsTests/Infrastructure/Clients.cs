using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.AwsTests.DynamoDb;
using Contracts.AwsTests.Lightsail;
using Contracts.Runtime;
using Contracts.Runtime.Aws;

namespace Contracts.AwsTests.Infrastructure;

/// <summary>Generated clients pointed at a fake endpoint, signing as the test credentials unless told otherwise.</summary>
public static class Clients
{
    /// <summary>Retries without sleeping; the delays asked for are recorded in <paramref name="delays"/> when given.</summary>
    public static RetryPolicy FastRetry(int maxAttempts = 3, List<TimeSpan>? delays = null) => new()
    {
        MaxAttempts = maxAttempts,
        Delay = (delay, _) =>
        {
            delays?.Add(delay);
            return Task.CompletedTask;
        },
    };

    public static LightsailClient Lightsail(HttpClient http, FakeAwsEndpoint fake, RetryPolicy? retry = null, AwsCredentials? credentials = null) =>
        new(http, new LightsailClientOptions
        {
            BaseAddress = fake.BaseAddress,
            Region = fake.Region,
            Credentials = new StaticCredentialsProvider(credentials ?? TestCredentials.Create()),
            Retry = retry ?? FastRetry(),
        });

    public static DynamoDbClient DynamoDb(HttpClient http, FakeAwsEndpoint fake) =>
        new(http, new DynamoDbClientOptions
        {
            BaseAddress = fake.BaseAddress,
            Region = fake.Region,
            Credentials = new StaticCredentialsProvider(TestCredentials.Create()),
            Retry = FastRetry(),
        });
}
