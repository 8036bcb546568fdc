using System.Collections.Generic;
using System.Linq;
using System.Text;
using Contracts.Runtime.Aws;
using Contracts.Runtime.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Contracts.Runtime.Tests;

/// <summary>Every case of the AWS SigV4 test suite: canonical request, string to sign and Authorization, byte for byte.</summary>
public sealed class SigV4TestSuiteTests
{
    /// <summary>
    /// Cases whose own files disagree, so that no signer can match all three. Each is still checked as far as the
    /// files allow (see <see cref="Inconsistent_case_is_checked_as_far_as_its_files_agree"/>), and the test fails if a
    /// listed case turns out to be consistent after all.
    /// </summary>
    private static readonly Dictionary<string, string> InconsistentCases = new()
    {
        ["post-x-www-form-urlencoded"] =
            "its .creq signs Content-Length, but its .sts/.authz (and .sreq) were computed without it; "
            + "SigV4HandlerTests signs it as the .sreq shows and matches .authz",
        ["post-x-www-form-urlencoded-parameters"] =
            "its .creq signs Content-Length and 'charset=utf-8', but its .sts/.sreq were computed without Content-Length "
            + "and with 'charset=utf8' (and its .authz lists content-length anyway); SigV4HandlerTests matches the .sreq",
    };

    private readonly ITestOutputHelper _output;

    public SigV4TestSuiteTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public static TheoryData<string> ConsistentCases() => Data(SigV4Suite.CaseNames().Where(name => !IsInconsistent(name)));

    public static TheoryData<string> InconsistentCaseNames() => Data(SigV4Suite.CaseNames().Where(IsInconsistent));

    [Theory]
    [MemberData(nameof(ConsistentCases))]
    public void Case_matches_canonical_request_string_to_sign_and_authorization(string caseName)
    {
        var request = SigV4Suite.Request(caseName);
        var payloadHash = SigV4Signer.HashPayload(request.Body);

        var canonicalRequest = SigV4Signer.CanonicalRequest(request.Method, request.Path, request.Query, request.Headers, payloadHash);
        Assert.Equal(SigV4Suite.CanonicalRequest(caseName), canonicalRequest);

        var scope = SigV4Signer.CredentialScope(SigV4Suite.Time, SigV4Suite.Region, SigV4Suite.Service);
        var stringToSign = SigV4Signer.StringToSign(SigV4Suite.Time, scope, canonicalRequest);
        Assert.Equal(SigV4Suite.StringToSign(caseName), stringToSign);

        var key = SigV4Signer.SigningKey(SigV4Suite.Credentials, SigV4Suite.Time, SigV4Suite.Region, SigV4Suite.Service);
        var authorization = SigV4Signer.AuthorizationHeader(
            SigV4Suite.AccessKeyId, scope, SigV4Signer.SignedHeaders(request.Headers), SigV4Signer.Signature(key, stringToSign));
        Assert.Equal(SigV4Suite.Authorization(caseName), authorization);
    }

    [Theory]
    [MemberData(nameof(InconsistentCaseNames))]
    public void Inconsistent_case_is_checked_as_far_as_its_files_agree(string caseName)
    {
        _output.WriteLine("Partly checked: " + caseName + ": " + InconsistentCases[caseName]);
        var request = SigV4Suite.Request(caseName);

        // Our canonical request matches the .creq...
        var canonicalRequest = SigV4Signer.CanonicalRequest(
            request.Method, request.Path, request.Query, request.Headers, SigV4Signer.HashPayload(request.Body));
        Assert.Equal(SigV4Suite.CanonicalRequest(caseName), canonicalRequest);

        // ...whose hash is not the one in the .sts: the exemption is still needed.
        var suiteStringToSign = SigV4Suite.StringToSign(caseName);
        var scope = SigV4Signer.CredentialScope(SigV4Suite.Time, SigV4Suite.Region, SigV4Suite.Service);
        Assert.NotEqual(SigV4Signer.StringToSign(SigV4Suite.Time, scope, canonicalRequest), suiteStringToSign);

        // The .sts to .authz step still holds exactly.
        var authorization = SigV4Suite.Authorization(caseName);
        var signedHeaders = authorization.Split("SignedHeaders=")[1].Split(',')[0];
        var key = SigV4Signer.SigningKey(SigV4Suite.Credentials, SigV4Suite.Time, SigV4Suite.Region, SigV4Suite.Service);
        Assert.Equal(authorization, SigV4Signer.AuthorizationHeader(SigV4Suite.AccessKeyId, scope, signedHeaders, SigV4Signer.Signature(key, suiteStringToSign)));
    }

    [Fact]
    public void Suite_is_found_and_every_exemption_is_listed_with_its_reason()
    {
        var names = SigV4Suite.CaseNames();
        Assert.True(names.Count >= 31, "expected the 31 cases of the suite, found " + names.Count);
        foreach (var exempt in InconsistentCases.Keys)
        {
            Assert.Contains(exempt, names);
        }

        var report = new StringBuilder();
        report.Append("SigV4 suite: ").Append(names.Count).Append(" cases; ")
            .Append(names.Count - InconsistentCases.Count).Append(" fully checked (canonical request, string to sign, Authorization); ")
            .Append(InconsistentCases.Count).AppendLine(" partly checked because the suite's files disagree:");
        foreach (var pair in InconsistentCases.OrderBy(pair => pair.Key, System.StringComparer.Ordinal))
        {
            report.Append("  ").Append(pair.Key).Append(": ").AppendLine(pair.Value);
        }

        _output.WriteLine(report.ToString());
    }

    private static bool IsInconsistent(string caseName) => InconsistentCases.ContainsKey(caseName);

    private static TheoryData<string> Data(IEnumerable<string> names)
    {
        var data = new TheoryData<string>();
        foreach (var name in names)
        {
            data.Add(name);
        }

        return data;
    }
}
