using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Authentication;

/// <summary>A scheme applied outside the client (<c>mutualTLS</c>: the handler's certificate): always satisfied, adds nothing.</summary>
internal sealed class ExternalScheme : AuthenticationScheme
{
    public ExternalScheme(string name)
        : base(name)
    {
    }

    public override bool IsConfigured => true;

    public override ValueTask ApplyAsync(HttpRequestMessage request, SchemeUse use, bool forceRefresh, CancellationToken cancellationToken) => default;

    public override void AddSecrets(List<string> secrets)
    {
    }
}
