using System.Text.RegularExpressions;
using Contracts.Generator.Translation;
using Xunit;

namespace Contracts.Generator.Tests.Validation;

/// <summary>
/// Patterns written in ECMA-262's or Java's spelling that .NET reads with the same meaning once respelled: the ones the
/// AWS descriptions use (DynamoDB's <c>\p{Print}+</c> and <c>[A-Za-z0-9\-\_\.]</c>) are checked, not CTR124.
/// </summary>
public sealed class PatternDialectTests
{
    [Theory]
    [InlineData(@"[A-Za-z0-9][A-Za-z0-9\-\_\.]{0,126}[A-Za-z0-9]", @"[A-Za-z0-9][A-Za-z0-9\-_\.]{0,126}[A-Za-z0-9]")]
    [InlineData(@"\p{Print}+", @"[\x20-\x7E]+")]
    [InlineData(@"^[\p{XDigit}-]+$", @"^[0-9a-fA-F-]+$")]
    [InlineData(@"\P{Alnum}", @"[^a-zA-Z0-9]")]
    [InlineData(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$", @"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    [InlineData(@"\\_", @"\\_")]
    [InlineData(@"\[\p{Digit}\]", @"\[[0-9]\]")]
    public void Respells_what_NET_reads_differently(string written, string expected)
    {
        var respelled = PatternDialect.ToDotNet(written);

        Assert.Equal(expected, respelled);
        _ = new Regex(respelled, RegexOptions.CultureInvariant);
    }

    [Theory]
    [InlineData(@"^\p{Print}+$", "printable text", true)]
    [InlineData(@"^\p{Print}+$", "tab\there", false)]
    [InlineData(@"^[A-Za-z0-9\-\_\.]+$", "table_name-1.x", true)]
    [InlineData(@"^[A-Za-z0-9\-\_\.]+$", "table name", false)]
    [InlineData(@"^\P{Digit}+$", "abc", true)]
    [InlineData(@"^\P{Digit}+$", "a1c", false)]
    public void Respelled_patterns_match_as_their_dialect_means(string written, string input, bool matches) =>
        Assert.Equal(matches, Regex.IsMatch(input, PatternDialect.ToDotNet(written), RegexOptions.CultureInvariant));

    [Fact]
    public void A_negated_class_inside_a_class_is_left_for_CTR124() =>
        Assert.Equal(@"[\P{Alnum}]", PatternDialect.ToDotNet(@"[\P{Alnum}]"));
}
