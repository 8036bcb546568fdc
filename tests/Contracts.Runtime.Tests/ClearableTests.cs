using System;
using Contracts.Runtime;
using Xunit;

namespace Contracts.Runtime.Tests;

public sealed class ClearableTests
{
    [Fact]
    public void A_value_converts_implicitly_and_reads_back()
    {
        Clearable<long> amount = 42;

        Assert.False(amount.IsClear);
        Assert.Equal(42, amount.Value);
        Assert.True(amount.TryGetValue(out var value));
        Assert.Equal(42, value);
        Assert.Equal("42", amount.ToString());
    }

    [Fact]
    public void Clear_has_no_value()
    {
        var clear = Clearable<string>.Clear;

        Assert.True(clear.IsClear);
        Assert.Same(clear, Clearable<string>.Clear);
        Assert.False(clear.TryGetValue(out var value));
        Assert.Null(value);
        Assert.Equal("Clear", clear.ToString());
        var error = Assert.Throws<InvalidOperationException>(() => clear.Value);
        Assert.Contains("IsClear", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_compares_clears_and_values()
    {
        Clearable<string> a = "x";
        Clearable<string> b = "x";
        Clearable<string> c = "y";

        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != c);
        Assert.True(a != Clearable<string>.Clear);
        Assert.True(Clearable<string>.Clear == Clearable<string>.Clear);
        Assert.False(a == null);
        Assert.True((Clearable<string>?)null == null);
        Assert.False(a.Equals((object)"x"));
        Assert.True(a.Equals((object)b));
    }

    [Fact]
    public void Null_is_neither_a_value_nor_a_clear()
    {
        string? missing = null;

        var error = Assert.Throws<ArgumentNullException>(() => new Clearable<string>(missing!));
        Assert.Contains("Clear", error.Message, StringComparison.Ordinal);

        // Converted implicitly (the annotations warn), a null stays a null: the member is left unset.
        Clearable<string>? unset = missing!;
        Assert.Null(unset);
    }
}
