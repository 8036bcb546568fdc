using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace Contracts.BuildTests;

/// <summary>
/// A fact that is skipped on a developer machine where Native AOT cannot link, and never skipped in CI: there a
/// missing toolchain must fail the run (the test starts with <see cref="NativeToolchain.AssertPresent"/>), or the
/// only proof that the AOT sample publishes would vanish into a skip count. xunit 2 has no dynamic skip, so the
/// toolchain is probed when the attribute is created. The reason also goes into the display name, because
/// <c>dotnet test</c> at its default verbosity prints a skipped test's name but not its skip reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NativeAotFactAttribute : FactAttribute
{
    public NativeAotFactAttribute([CallerMemberName] string testName = "")
    {
        if (NativeToolchain.MissingReason is { } reason && !NativeToolchain.InContinuousIntegration)
        {
            Skip = "Native AOT publish skipped: " + reason;
            DisplayName = testName + " [" + Skip + "]";
        }
    }
}

/// <summary>What ILCompiler needs on Linux, probed the way its targets do (Microsoft.NETCore.Native.Unix.targets).</summary>
internal static class NativeToolchain
{
    /// <summary>Why a Native AOT publish cannot work here, or <see langword="null"/> when it can.</summary>
    public static string? MissingReason { get; } = FindMissing();

    /// <summary>
    /// <c>CI</c> is <c>true</c> (or <c>1</c>), as GitHub Actions, GitLab and most CI services set it and as
    /// <c>.ci/run</c> expects: the Native AOT test must run there.
    /// </summary>
    public static bool InContinuousIntegration { get; } =
        Environment.GetEnvironmentVariable("CI")?.Trim() is { } value &&
        (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

    /// <summary>Fails the test when the toolchain is missing (reached only in CI, where the test is not skipped).</summary>
    public static void AssertPresent() =>
        Assert.True(MissingReason is null, "CI=true, so the Native AOT test must run, but " + MissingReason);

    private static string? FindMissing()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "this test publishes and runs a Linux binary";
        }

        // ILCompiler links with clang and falls back to gcc; clang is the documented prerequisite.
        if (!IsOnPath("clang") && !IsOnPath("gcc"))
        {
            return "clang is not installed (apt-get install clang)";
        }

        // Symbols are stripped into a .dbg file with objcopy (llvm-objcopy when linking with clang).
        if (!IsOnPath("objcopy") && !IsOnPath("llvm-objcopy"))
        {
            return "objcopy is not installed (apt-get install binutils)";
        }

        return null;
    }

    private static bool IsOnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, command)));
}
