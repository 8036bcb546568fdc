using System;

namespace Contracts.Generator.Model;

/// <summary>
/// The compiler-support types the generated code needs that a compilation can lack: .NET Framework and netstandard2.0
/// have none of them, .NET 5 and 6 only <see cref="IsExternalInit"/>. The generator adds, as internal types of the
/// consuming assembly, exactly those the compilation has no accessible type for.
/// </summary>
[Flags]
internal enum PolyfillKinds
{
    None = 0,

    /// <summary><c>System.Runtime.CompilerServices.IsExternalInit</c>: <c>init</c> accessors and records (C# 9).</summary>
    IsExternalInit = 1,

    /// <summary><c>System.Runtime.CompilerServices.RequiredMemberAttribute</c>: <c>required</c> members (C# 11).</summary>
    RequiredMember = 2,

    /// <summary><c>System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute</c>: emitted with <c>required</c> members.</summary>
    CompilerFeatureRequired = 4,

    /// <summary><c>System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute</c>: constructors that set every required member.</summary>
    SetsRequiredMembers = 8,
}
