using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace Contracts.Generator.Tests.Infrastructure;

/// <summary>
/// Checked-in baselines: <c>Baselines/&lt;TestName&gt;/&lt;HintName&gt;.txt</c> under this project's source folder.
/// The set of generated files must equal the set of baselines and each file must match with line endings normalised.
/// With <c>CONTRACTS_ACCEPT_SNAPSHOTS=1</c> the baselines are rewritten (stale ones deleted) and the check passes.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "CONTRACTS_ACCEPT_SNAPSHOTS";
    private const string BaselineExtension = ".txt";
    private const string ReceivedExtension = ".received.txt";

    private static readonly Lazy<string> ProjectDirectory = new(FindProjectDirectory);

    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    public static string BaselineDirectory(string testName) => Path.Combine(ProjectDirectory.Value, "Baselines", testName);

    /// <summary>Compares <paramref name="generated"/> (hint name → text) with the baselines of <paramref name="testName"/>.</summary>
    public static void Match(string testName, IReadOnlyDictionary<string, string> generated)
    {
        var directory = BaselineDirectory(testName);
        Directory.CreateDirectory(directory);
        foreach (var received in Directory.EnumerateFiles(directory, "*" + ReceivedExtension))
        {
            File.Delete(received);
        }

        var baselines = Directory.EnumerateFiles(directory, "*" + BaselineExtension)
            .Select(Path.GetFileName)
            .Select(name => name![..^BaselineExtension.Length])
            .ToHashSet(StringComparer.Ordinal);

        if (Accepting)
        {
            Accept(directory, generated, baselines);
            return;
        }

        var failures = new List<string>();
        foreach (var missing in baselines.Except(generated.Keys).OrderBy(n => n, StringComparer.Ordinal))
        {
            failures.Add($"{missing}: has a baseline but was not generated.");
        }

        foreach (var (hintName, text) in generated.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var actual = Normalize(text);
            if (!baselines.Contains(hintName))
            {
                File.WriteAllText(Path.Combine(directory, hintName + ReceivedExtension), actual);
                failures.Add($"{hintName}: was generated but has no baseline (written as {hintName}{ReceivedExtension}).");
                continue;
            }

            var expected = Normalize(File.ReadAllText(Path.Combine(directory, hintName + BaselineExtension)));
            if (expected != actual)
            {
                File.WriteAllText(Path.Combine(directory, hintName + ReceivedExtension), actual);
                failures.Add($"{hintName}: differs from its baseline (received file written).\n{Diff(expected, actual)}");
            }
        }

        Assert.True(
            failures.Count == 0,
            $"Snapshot '{testName}' does not match {directory}.\nRun with {AcceptVariable}=1 to accept the new output.\n\n" + string.Join("\n", failures));
    }

    /// <summary>The first differing lines, with a little context, in a unified-diff-like form.</summary>
    public static string Diff(string expected, string actual, int context = 2, int maxLines = 30)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var first = 0;
        while (first < left.Length && first < right.Length && left[first] == right[first])
        {
            first++;
        }

        var lastLeft = left.Length - 1;
        var lastRight = right.Length - 1;
        while (lastLeft >= first && lastRight >= first && left[lastLeft] == right[lastRight])
        {
            lastLeft--;
            lastRight--;
        }

        var text = new StringBuilder();
        text.Append("@@ line ").Append(first + 1).AppendLine(" @@");
        for (var i = Math.Max(0, first - context); i < first; i++)
        {
            text.Append("  ").AppendLine(left[i]);
        }

        var shown = 0;
        for (var i = first; i <= lastLeft && shown < maxLines; i++, shown++)
        {
            text.Append("- ").AppendLine(left[i]);
        }

        for (var i = first; i <= lastRight && shown < maxLines * 2; i++, shown++)
        {
            text.Append("+ ").AppendLine(right[i]);
        }

        return text.ToString();
    }

    private static void Accept(string directory, IReadOnlyDictionary<string, string> generated, HashSet<string> baselines)
    {
        foreach (var stale in baselines.Except(generated.Keys))
        {
            File.Delete(Path.Combine(directory, stale + BaselineExtension));
        }

        foreach (var (hintName, text) in generated)
        {
            File.WriteAllText(Path.Combine(directory, hintName + BaselineExtension), Normalize(text));
        }
    }

    // The generator's version is stamped into [GeneratedCode]; baselines keep a placeholder so a version bump changes none of them.
    private static readonly System.Text.RegularExpressions.Regex GeneratorVersion =
        new(@"GeneratedCode\(""Contracts\.Generator"", ""[^""]*""\)", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static string Normalize(string text) =>
        GeneratorVersion.Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), "GeneratedCode(\"Contracts.Generator\", \"{version}\")");

    private static string FindProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (directory.EnumerateFiles("Contracts.Generator.Tests.csproj").Any())
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Could not find Contracts.Generator.Tests.csproj above " + AppContext.BaseDirectory);
    }
}
