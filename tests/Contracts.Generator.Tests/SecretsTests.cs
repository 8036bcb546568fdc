using Contracts.Generator.Translation.Naming;
using Xunit;

namespace Contracts.Generator.Tests;

/// <summary>Which members count as credentials (hidden from a record's <c>ToString()</c>).</summary>
public sealed class SecretsTests
{
    [Theory]
    [InlineData("secretAccessKey", null, false, true)]
    [InlineData("password", null, false, true)]
    [InlineData("sessionToken", null, false, true)]
    [InlineData("api_key", null, false, true)]
    [InlineData("privateKey", null, false, true)]
    [InlineData("pin", "password", false, true)]
    [InlineData("newValue", null, true, true)]
    [InlineData("nextPageToken", null, false, false)]
    [InlineData("pageToken", null, false, false)]
    [InlineData("accessKeyId", null, false, false)]
    [InlineData("tokenizer", null, false, false)]
    public void Members_are_secret_by_name_format_or_writeOnly(string name, string? format, bool writeOnly, bool expected)
    {
        Assert.Equal(expected, Secrets.IsSecret(name, format, writeOnly));
    }
}
