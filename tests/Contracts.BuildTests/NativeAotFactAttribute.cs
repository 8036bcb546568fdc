using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace Contracts.BuildTests;

/// <summary>
/// A fact that is skipped where Native AOT cannot link. xunit 2 has no dynamic skip, so the toolchain is probed
/// when the attribute is created. The reason also goes into the display name, because <c>dotnet test</c> at its
/// default verbosity prints a skipped test's name but not its skip reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NativeAotFactAttribute : FactAttribute
{
    public NativeAotFactAttribute([CallerMemberName] string testName = "")
    {
        Skip = NativeToolchain.MissingReason;
        if (Skip is not null)
        {
            DisplayName = testName + " [" + Skip + "]";
        }
    }
}

/// <summary>What ILCompiler needs on Linux, probed the way its targets do (Microsoft.NETCore.Native.Unix.targets).</summary>
internal static class NativeToolchain
{
    /// <summary>Why a Native AOT publish cannot work here, or <see langword="null"/> when it can.</summary>
    public static string? MissingReason { get; } = FindMissing();

    private static string? FindMissing()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "Native AOT publish skipped: this test publishes and runs a Linux binary";
        }

        // ILCompiler links with clang and falls back to gcc; clang is the documented prerequisite.
        if (!IsOnPath("clang") && !IsOnPath("gcc"))
        {
            return "Native AOT publish skipped: clang is not installed (apt-get install clang)";
        }

        // Symbols are stripped into a .dbg file with objcopy (llvm-objcopy when linking with clang).
        if (!IsOnPath("objcopy") && !IsOnPath("llvm-objcopy"))
        {
            return "Native AOT publish skipped: objcopy is not installed (apt-get install binutils)";
        }

        return null;
    }

    private static bool IsOnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, command)));
}
