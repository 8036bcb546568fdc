using System;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.AwsTests.Infrastructure;
using Contracts.AwsTests.Lightsail;
using Contracts.Runtime;
using Xunit;

namespace Contracts.AwsTests;

/// <summary>
/// An AWS error's type and message print escaped and bounded (they reach the exception message), while
/// <c>ErrorType</c> and <c>ErrorMessage</c> keep what the service sent.
/// </summary>
public sealed class PrintableErrorTests
{
    private const string Forged = "\r\n2025-01-01 INFO forged\u202Egnp.exe\u2066\u2069\u200B\uFEFF";
    private const string ForgedEscaped = "\\r\\n2025-01-01 INFO forged\\u202Egnp.exe\\u2066\\u2069\\u200B\\uFEFF";

    [Fact]
    public async Task The_error_type_and_message_print_escaped_and_stay_data()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.Enqueue(FakeReply.Error(400, "Quantum" + Forged, "The flux" + Forged));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<LightsailException>(() =>
            Clients.Lightsail(http, fake).GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos" }));

        Assert.Equal("Quantum" + Forged, error.ErrorType);
        Assert.Equal("The flux" + Forged, error.ErrorMessage);
        Assert.Contains("the service returned Quantum" + ForgedEscaped, error.Message, StringComparison.Ordinal);
        Assert.Contains("The flux" + ForgedEscaped, error.Message, StringComparison.Ordinal);
        PrintableAssert.Printable(error);
    }

    [Fact]
    public async Task A_long_error_type_and_message_are_cut()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.Enqueue(FakeReply.Error(400, new string('T', 50_000), new string('m', 50_000)));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<LightsailException>(() =>
            Clients.Lightsail(http, fake).GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos" }));

        Assert.True(error.Message.Length < 1_000, error.Message.Length.ToString());
        Assert.Contains(new string('m', ResponseText.MaxExcerptLength) + "…)", error.Message, StringComparison.Ordinal);
        Assert.Equal(50_000, error.ErrorType.Length);
    }

    [Fact]
    public async Task A_body_that_is_not_json_prints_escaped_in_the_excerpt()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.Enqueue(FakeReply.Raw(400, "<html>bad" + Forged + "</html>"));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<LightsailException>(() =>
            Clients.Lightsail(http, fake).GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos" }));

        Assert.Equal("<html>bad" + ForgedEscaped + "</html>", error.ResponseExcerpt);
        PrintableAssert.Printable(error);
    }
}
