using System;

namespace Contracts.Cli;

/// <summary>The process entry point; everything else goes through <see cref="CliApp"/> so tests can run it in process.</summary>
internal static class Program
{
    public static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error);
}
