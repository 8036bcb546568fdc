using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;

namespace Contracts.Testing;

/// <summary>
/// Answers every policy name (those the endpoints name after the document's security schemes included) with a policy
/// any caller passes: the kit checks what the endpoints bind and write, not who may call them.
/// </summary>
internal sealed class AnyCallerPolicies : IAuthorizationPolicyProvider
{
    private static readonly AuthorizationPolicy s_anyone = new AuthorizationPolicyBuilder().RequireAssertion(_ => true).Build();

    public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => Task.FromResult(s_anyone);

    public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() => Task.FromResult<AuthorizationPolicy?>(null);

    public Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) => Task.FromResult<AuthorizationPolicy?>(s_anyone);
}
