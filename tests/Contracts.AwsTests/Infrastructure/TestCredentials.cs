using Contracts.Runtime.Aws;

namespace Contracts.AwsTests.Infrastructure;

/// <summary>
/// The key pair the fake endpoints accept: the example pair of the AWS documentation, which no real account has.
/// Shared with samples/Lightsail.Aws, whose embedded endpoint accepts the same pair.
/// </summary>
public static class TestCredentials
{
    public const string AccessKeyId = "AKIDEXAMPLE";

    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    public const string Region = "us-east-1";

    public static AwsCredentials Create() => new(AccessKeyId, SecretAccessKey);
}
