using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Contracts.Benchmarks.Reading;

/// <summary>
/// Usage (from the repository root; `--` then one command):
///   dotnet run -c Release --project benchmarks/Contracts.Benchmarks.Reading -- warm [--runs N] [spec…]
///   dotnet run -c Release --project benchmarks/Contracts.Benchmarks.Reading -- cold [--repeats N] [spec…]
///   dotnet run -c Release --project benchmarks/Contracts.Benchmarks.Reading -- positions [spec…]
///   dotnet run -c Release --project benchmarks/Contracts.Benchmarks.Reading -- corpus [folder]
///   dotnet run -c Release --project benchmarks/Contracts.Benchmarks.Reading -- loading
///   dotnet run -c Release --project benchmarks/Contracts.Benchmarks.Reading -- parts [--runs N] [spec…]
///   dotnet run -c Release --project benchmarks/Contracts.Benchmarks.Reading -- convert-identity [folder or spec…]
/// Specs: lightsail, github, stripe, openai (spec/ in this repository), or any file path.
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
            Console.Error.WriteLine("commands: warm [--runs N] [spec…] | cold [--repeats N] [spec…] | positions [spec…] | corpus [folder] | loading | parts [--runs N] [spec…] | convert-identity [folder or spec…]");
            return 2;
        }

        var rest = args.Skip(1).ToList();
        return args[0] switch
        {
            "warm" => Measurements.Warm(Option(rest, "--runs", 7), Specs(rest)),
            "cold" => Measurements.Cold(Option(rest, "--repeats", 5), Specs(rest)),
            "cold-once" => Measurements.ColdOnce(rest[0], rest[1], rest[2]),
            "positions" => Comparisons.Positions(Specs(rest)),
            "corpus" => Comparisons.Corpus(rest.Count > 0 ? rest[0] : SharedFolder("corpus")),
            "loading" => Comparisons.Loading(),
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

    /// <summary>shared/ beside the repository, as CI lays it out.</summary>
    private static string SharedFolder(string name) => Path.Combine(Path.GetDirectoryName(RepositoryRoot())!, "shared", name);

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

    /// <summary>Runs this program again in a fresh process and returns its standard output.</summary>
    public static string RunSelf(params string[] args)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Program).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
