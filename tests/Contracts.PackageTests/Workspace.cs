using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Contracts.PackageTests;

/// <summary>A temporary folder where a test plays a user: runs <c>dotnet new</c>, edits project files, builds.</summary>
internal sealed class Workspace : IDisposable
{
    private readonly TempFolder _folder;

    private Workspace(TempFolder folder) => _folder = folder;

    public string Directory => _folder.Path;

    public static Workspace Create(string name) => new(new TempFolder("package-" + name));

    public void Write(string relative, string content) => _folder.Write(relative, content);

    public Task<DotNetCli.Result> DotNet(params string[] arguments) => DotNetIn(Directory, arguments);

    /// <summary>Runs <c>dotnet</c> in <paramref name="directory"/> and fails the test when it fails.</summary>
    public async Task<DotNetCli.Result> DotNetIn(string directory, params string[] arguments)
    {
        var result = await DotNetCli.RunAsync(directory, arguments);
        Assert.True(result.ExitCode == 0, "dotnet " + string.Join(' ', arguments) + Environment.NewLine + result);
        return result;
    }

    /// <summary>
    /// <c>dotnet new <paramref name="template"/></c> in a sub-folder, then Contracts.Generator and Contracts.Runtime
    /// added from <paramref name="feed"/> with <c>dotnet add package</c>, as a user would; returns the project folder.
    /// </summary>
    public async Task<string> NewProjectWithPackagesAsync(LocalFeed feed, string template, string name)
    {
        Write("nuget.config", feed.NuGetConfig());
        await DotNet("new", template, "-o", name, "--framework", "net10.0");
        var project = Path.Combine(Directory, name);
        await DotNetIn(project, "add", "package", "Contracts.Generator", "--version", feed.Version);
        await DotNetIn(project, "add", "package", "Contracts.Runtime", "--version", feed.Version);
        return project;
    }

    /// <summary>Adds an ItemGroup with <paramref name="items"/> before the end of a project file.</summary>
    public static void AddItems(string projectFile, string items)
    {
        var text = File.ReadAllText(projectFile);
        var end = text.LastIndexOf("</Project>", StringComparison.Ordinal);
        File.WriteAllText(projectFile, text[..end] + "  <ItemGroup>\n    " + items + "\n  </ItemGroup>\n" + text[end..]);
    }

    public void Dispose() => _folder.Dispose();
}
