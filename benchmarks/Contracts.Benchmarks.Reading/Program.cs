using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Contracts.Benchmarks.Reading;

/// <summary>
/// Usage (from the repository root; `--` then one command):
///   dotnet run -c Release --project benchmarks/Contracts.Benchmarks.Reading -- parts [--runs N] [spec…]
///   dotnet run -c Release --project benchmarks/Contracts.Benchmarks.Reading -- convert-identity [folder or spec…]
/// Specs: lightsail, github, stripe, openai (spec/ in this repository), or any file path. The modes that measured the
/// Microsoft.OpenApi 3.x prototype against the Readers 1.6 stage (warm, cold, positions, corpus, loading) are retired:
/// the generator reads with 3.x itself (benchmarks/reading.md).
/// </summary>
public static class Program
{
    private static readonly string[] s_defaultSpecs = { "lightsail", "github", "stripe", "openai" };

    public static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        if (args.Length == 0)
        {
            Console.Error.WriteLine("commands: parts [--runs N] [spec…] | convert-identity [folder or spec…]");
            return 2;
        }

        var rest = args.Skip(1).ToList();
        return args[0] switch
        {
            "parts" => ReadParts.Run(Option(rest, "--runs", 7), Specs(rest)),
            "convert-identity" => ConversionIdentity.Run(rest.Count > 0 ? rest : s_defaultSpecs.ToList()),
            _ => 2,
        };
    }

    private static int Option(List<string> args, string name, int fallback)
    {
        var at = args.IndexOf(name);
        if (at < 0 || at + 1 >= args.Count)
        {
            return fallback;
        }

        var value = int.Parse(args[at + 1], CultureInfo.InvariantCulture);
        args.RemoveRange(at, 2);
        return value;
    }

    private static List<(string Name, string Path)> Specs(List<string> args)
    {
        var specs = new List<(string, string)>();
        foreach (var name in args.Count > 0 ? args : s_defaultSpecs.ToList())
        {
            var path = Resolve(name);
            if (File.Exists(path))
            {
                specs.Add((name, path));
            }
            else
            {
                Console.WriteLine("absent: " + name + " (" + path + "), not measured");
            }
        }

        return specs;
    }

    public static string Resolve(string name) => name switch
    {
        "lightsail" => Path.Combine(RepositoryRoot(), "spec", "aws", "lightsail-2016-11-28.yaml"),
        "github" => Path.Combine(RepositoryRoot(), "spec", "vendors", "github-api-1.1.4.yaml"),
        "stripe" => Path.Combine(RepositoryRoot(), "spec", "vendors", "stripe-2020-08-27.yaml"),
        "openai" => Path.Combine(RepositoryRoot(), "spec", "vendors", "openai", "openapi.yaml"),
        _ => Path.GetFullPath(name),
    };

    /// <summary>The folder holding Contracts.sln, searched upwards from the program.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Contracts.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Contracts.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The load average (1, 5, 15 minutes) and core count: the machine is shared, so every figure comes with it.</summary>
    public static string Load()
    {
        var average = File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
        return "load average " + average + " on " + Environment.ProcessorCount + " cores, " + DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
    }
}
