using System.Linq;
using Contracts.Runtime.Validation;
using Xunit;

namespace Contracts.Runtime.Tests.Validation;

/// <summary>
/// Patterns from a document are hostile input: compiled once, never anchored by the checker, run without backtracking
/// where the runtime can, and real patterns of the vendors' descriptions read as their authors meant.
/// </summary>
public sealed class ValidationPatternTests
{
    [Theory]
    // GitHub (base64 content, SSH keys, positions), OpenAI (names, tunnel ids), Stripe (list URLs), Lightsail (bucket names).
    [InlineData("^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$", "aGVsbG8=", "aGVsbG8")]
    [InlineData("^ssh-(rsa|dss|ed25519) |^ecdsa-sha2-nistp(256|384|521) ", "ssh-ed25519 AAAA", "ssh-foo AAAA")]
    [InlineData("^(?:first|last|after:\\d+)$", "after:12", "after:")]
    [InlineData("^[a-zA-Z0-9_-]+$", "get_weather", "get weather")]
    [InlineData("^tunnel_[a-z0-9]{32}$", "tunnel_0123456789abcdef0123456789abcdef", "tunnel_0123")]
    [InlineData("^/v1/balance_transactions", "/v1/balance_transactions?limit=3", "/v2/balance_transactions")]
    [InlineData("^[a-z0-9][a-z0-9-]{1,52}[a-z0-9]$", "my-bucket", "-bucket")]
    public void Patterns_of_real_descriptions_accept_and_refuse_as_meant(string pattern, string matching, string notMatching)
    {
        var collector = new ValidationCollector();
        collector.Pattern("value", matching, pattern);
        Assert.Empty(collector.Errors);

        collector.Pattern("value", notMatching, pattern);
        var error = Assert.Single(collector.Errors);
        Assert.Equal(("pattern", pattern), (error.Keyword, error.Limit));
    }

    [Fact]
    public void A_pattern_is_not_anchored_unless_it_says_so()
    {
        var collector = new ValidationCollector();
        collector.Pattern("value", "xx42yy", "[0-9]+");
        Assert.Empty(collector.Errors);
    }

    [Fact]
    public void A_pattern_is_compiled_once_per_text()
    {
        Assert.Same(ValidationPattern.For("^[a-c]+$"), ValidationPattern.For("^[a-c]+$"));
    }

    [Fact]
    public void Catastrophic_backtracking_input_finishes_and_is_reported()
    {
        // (a+)+$ against many a's and a final '!' takes exponential time on a backtracking engine.
        var hostile = new string('a', 50_000) + "!";
        var collector = new ValidationCollector();

        collector.Pattern("value", hostile, "^(a+)+$");

        var error = Assert.Single(collector.Errors);
        Assert.Equal("pattern", error.Keyword);
        // The runtime's netstandard2.0 build (also run by Contracts.Runtime.NetStandardTests) has no linear engine: there
        // the match timeout answers, and the violation says the value could not be checked.
#if NET7_0_OR_GREATER && !CONTRACTS_RUNTIME_NETSTANDARD
        Assert.True(ValidationPattern.For("^(a+)+$").IsNonBacktracking);
        Assert.Equal("must match the pattern ^(a+)+$", error.Message);
#endif
    }

    [Fact]
    public void A_pattern_the_linear_engine_refuses_runs_with_a_timeout_instead()
    {
        // A backreference: NonBacktracking cannot run it, so it falls back to the backtracking engine with a timeout.
        var pattern = ValidationPattern.For("^(ab)\\1$");

        Assert.False(pattern.IsNonBacktracking);
        Assert.True(pattern.IsMatch("abab"));
        Assert.False(pattern.IsMatch("abba"));
    }

    [Fact]
    public void A_pattern_this_runtime_cannot_read_is_skipped()
    {
        var collector = new ValidationCollector();
        collector.Pattern("value", "anything", "[^]");
        collector.Pattern("value", "anything", "(");

        Assert.Empty(collector.Errors);
    }

    [Fact]
    public void A_match_that_times_out_is_a_violation_that_says_so()
    {
        // The backtracking engine (a backreference forces it) on an input that makes it backtrack exponentially.
        var hostile = new string('a', 40) + "!";
        var collector = new ValidationCollector();

        collector.Pattern("value", hostile, "^(a+)+\\1$");

        var error = Assert.Single(collector.Errors);
        Assert.Equal(("value", "pattern"), (error.Path, error.Keyword));
        Assert.Equal("could not be checked against the pattern ^(a+)+\\1$ within 200 ms", error.Message);
        Assert.Equal("pattern", collector.Errors.Single().Keyword);
    }
}
