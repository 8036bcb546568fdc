using System.Collections.Generic;
using System.ComponentModel;
using System.Net.Http;

namespace Contracts.Runtime.Http;

/// <summary>Credentials the runtime cannot see by itself, so that exceptions never print them.</summary>
public static partial class ContractsHttp
{
#if NET5_0_OR_GREATER
    private static readonly HttpRequestOptionsKey<List<string>> s_credentialsKey = new(CredentialsKey);
#endif

    private const string CredentialsKey = "Contracts.Credentials";

    /// <summary>
    /// Marks <paramref name="value"/> as a credential <paramref name="request"/> carries where the runtime cannot tell
    /// by a name (a path parameter whose name says it is one: the URL keeps only the value). Exceptions of the call
    /// print it as <c>***</c>, in any encoding a server might echo it. Generated clients call this; it is plumbing.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void MarkCredential(HttpRequestMessage request, string? value)
    {
        if (request is null || string.IsNullOrEmpty(value))
        {
            return;
        }

#if NET5_0_OR_GREATER
        if (!request.Options.TryGetValue(s_credentialsKey, out var values))
        {
            values = new List<string>();
            request.Options.Set(s_credentialsKey, values);
        }
#else
        if (!request.Properties.TryGetValue(CredentialsKey, out var stored) || stored is not List<string> values)
        {
            values = new List<string>();
            request.Properties[CredentialsKey] = values;
        }
#endif
        values.Add(value!);
    }

    /// <summary>The values <see cref="MarkCredential"/> recorded on <paramref name="request"/>.</summary>
    internal static IReadOnlyList<string> MarkedCredentials(HttpRequestMessage request)
    {
#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(s_credentialsKey, out var values) ? values : (IReadOnlyList<string>)System.Array.Empty<string>();
#else
        return request.Properties.TryGetValue(CredentialsKey, out var stored) && stored is List<string> values ? values : (IReadOnlyList<string>)System.Array.Empty<string>();
#endif
    }
}
