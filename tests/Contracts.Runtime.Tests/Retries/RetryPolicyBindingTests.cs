using System;
using Contracts.Runtime.Http;
using Xunit;

namespace Contracts.Runtime.Tests.Retries;

/// <summary>The <c>Retry:*</c> configuration keys that the generated options binding hands to <see cref="RetryRules.Bind"/>.</summary>
public sealed class RetryPolicyBindingTests
{
    [Fact]
    public void Keys_that_are_set_replace_those_members_and_the_rest_keep_the_defaults()
    {
        var policy = RetryRules.Bind(null, "5", "00:00:00.250", null, "00:02:00");

        Assert.NotNull(policy);
        Assert.Equal(5, policy.MaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(250), policy.BaseDelay);
        Assert.Equal(RetryPolicy.Default.MaxDelay, policy.MaxDelay);
        Assert.Equal(TimeSpan.FromMinutes(2), policy.MaxRetryAfter);
    }

    [Fact]
    public void Without_any_key_the_policy_set_in_code_stays()
    {
        var inCode = new RetryPolicy { MaxAttempts = 7 };

        Assert.Same(inCode, RetryRules.Bind(inCode, null, "", null, null));
        Assert.Null(RetryRules.Bind(null, null, null, null, null));
    }

    [Fact]
    public void A_key_over_a_policy_set_in_code_keeps_its_other_members()
    {
        var inCode = new RetryPolicy { MaxAttempts = 7, BaseDelay = TimeSpan.FromSeconds(2) };

        var policy = RetryRules.Bind(inCode, "1", null, null, null)!;

        Assert.Equal(1, policy.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), policy.BaseDelay);
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_refused()
    {
        Assert.Throws<FormatException>(() => RetryRules.Bind(null, "three", null, null, null));
    }
}
