using Contracts.Generator.Helpers;
using Microsoft.CodeAnalysis;

namespace Contracts.Generator.Diagnostics;

/// <summary>An equatable diagnostic waiting to be reported: the descriptor's id, where, and the message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic()
    {
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(DiagnosticDescriptors.ById(Id), Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, args);
    }
}
