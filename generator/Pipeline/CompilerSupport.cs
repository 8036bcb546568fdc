using Contracts.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Contracts.Generator.Pipeline;

/// <summary>
/// What the generated code needs from the compiler and the target framework beyond the runtime: C# 11 (records,
/// <c>init</c>, <c>required</c>) and the compiler-support types of those features, which .NET Framework and
/// netstandard2.0 lack. Asked once per compilation by <see cref="GenerationSteps.ReadFacts"/>.
/// </summary>
internal static class CompilerSupport
{
    /// <summary>The oldest C# version the generated code compiles with (<c>required</c> members are C# 11).</summary>
    public const LanguageVersion Required = LanguageVersion.CSharp11;

    private const string IsExternalInit = "System.Runtime.CompilerServices.IsExternalInit";
    private const string RequiredMember = "System.Runtime.CompilerServices.RequiredMemberAttribute";
    private const string CompilerFeatureRequired = "System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute";
    private const string SetsRequiredMembers = "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute";

    /// <summary>The project's C# version when it is older than <see cref="Required"/> (as LangVersion spells it), else null.</summary>
    public static string? OldLanguageVersion(Compilation compilation) =>
        compilation is CSharpCompilation { LanguageVersion: var version } && version < Required ? Display(version) : null;

    /// <summary>A version as a project file spells it: <c>7.3</c>, <c>11</c> (the compiler prints <c>11.0</c>).</summary>
    public static string Display(LanguageVersion version)
    {
        var text = version.ToDisplayString();
        return text.EndsWith(".0", System.StringComparison.Ordinal) ? text.Substring(0, text.Length - 2) : text;
    }

    /// <summary>
    /// The types the compilation has no accessible definition of: not in its own sources, not in a reference it can see
    /// (the BCL, or a package such as IsExternalInit or Polyfill that adds them as source). Types another source generator
    /// adds (PolySharp) are invisible here, as ours are to it: the project turns ours off then (ContractsPolyfills=false).
    /// </summary>
    public static PolyfillKinds MissingPolyfills(Compilation compilation)
    {
        // The usual case in one lookup: a core library from .NET 7 on has all four, and nothing needs to be added.
        var coreLibrary = compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly;
        if (coreLibrary?.GetTypeByMetadataName(RequiredMember) is not null)
        {
            return PolyfillKinds.None;
        }

        var missing = PolyfillKinds.None;
        missing |= Has(compilation, IsExternalInit) ? PolyfillKinds.None : PolyfillKinds.IsExternalInit;
        missing |= Has(compilation, RequiredMember) ? PolyfillKinds.None : PolyfillKinds.RequiredMember;
        missing |= Has(compilation, CompilerFeatureRequired) ? PolyfillKinds.None : PolyfillKinds.CompilerFeatureRequired;
        missing |= Has(compilation, SetsRequiredMembers) ? PolyfillKinds.None : PolyfillKinds.SetsRequiredMembers;
        return missing;
    }

    // An internal type of a referenced assembly counts only where it is visible (InternalsVisibleTo); a second definition
    // of ours beside a visible one would make the compiler's choice ambiguous.
    private static bool Has(Compilation compilation, string metadataName)
    {
        foreach (var type in compilation.GetTypesByMetadataName(metadataName))
        {
            if (compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
            {
                return true;
            }
        }

        return false;
    }
}
