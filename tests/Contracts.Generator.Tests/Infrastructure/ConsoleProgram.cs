namespace Contracts.Generator.Tests.Infrastructure;

/// <summary>What a docs example needs to compile as the console program a user pastes it into.</summary>
internal static class ConsoleProgram
{
    /// <summary>What `dotnet new console` (ImplicitUsings=enable) gives every file.</summary>
    public const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;
}
