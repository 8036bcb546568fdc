using System;
using System.IO;
using System.Threading.Tasks;
using Contracts.Cli.Tests.Infrastructure;
using Xunit;

namespace Contracts.Cli.Tests;

/// <summary>
/// <c>contracts new library</c> writes the project <c>dotnet new contracts-lib</c> creates (one text, the template's),
/// and refuses what it cannot do with the exit codes of the other commands.
/// </summary>
public sealed class NewLibraryTests
{
    [Theory]
    [InlineData("Acme.Stripe", new[] { "--spec", "../specs/stripe.yaml", "--client-name", "StripeClient" })]
    [InlineData("Shop.Contracts", new string[0])]
    [InlineData("Acme.GitHub", new[] { "--spec", "github.yaml", "--namespace", "Acme.Clients.GitHub", "--framework", "net8.0" })]
    public async Task The_project_is_the_one_the_dotnet_new_template_creates(string name, string[] options)
    {
        using var temp = new TempFolder();
        var hive = temp.Combine("template-cache");
        var install = await DotNetCli.RunAsync(temp.Path, "new", "install", RepositoryPaths.Combine("templates", "Contracts.Templates", "content", "contracts-lib"), "--debug:custom-hive", hive);
        Assert.True(install.ExitCode == 0, install.ToString());
        var template = await DotNetCli.RunAsync(temp.Path, ["new", "contracts-lib", "-n", name, "-o", "template", .. options, "--debug:custom-hive", hive]);
        Assert.True(template.ExitCode == 0, template.ToString());

        // The template folder's text still has the placeholder the package version replaces when it is packed.
        var run = CliResult.Run(["new", "library", name, "-o", temp.Combine("cli"), "--package-version", "CONTRACTS_PACKAGE_VERSION", .. options]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = File.ReadAllText(temp.Combine(Path.Combine("template", name + ".csproj")));
        Assert.Equal(expected, File.ReadAllText(temp.Combine(Path.Combine("cli", name + ".csproj"))));
        Assert.Equal("wrote " + Path.Combine(temp.Combine("cli"), name + ".csproj") + "\n", run.Stdout);
    }

    [Fact]
    public void The_values_are_escaped_for_the_project_file_and_the_version_is_the_tools_own_by_default()
    {
        using var temp = new TempFolder();

        var run = CliResult.Run("new", "library", "Api", "-o", temp.Path, "--spec", "specs/a&b<\"c\">.yaml");

        Assert.True(run.ExitCode == 0, run.ToString());
        var project = File.ReadAllText(temp.Combine("Api.csproj"));
        Assert.Contains("""<OpenApiContract Include="specs/a&amp;b&lt;&quot;c&quot;&gt;.yaml" Namespace="Api" />""", project);
        Assert.DoesNotContain("ClientName", project);
        var version = typeof(CliApp).Assembly.GetName().Version!.ToString(3);
        Assert.Contains($"""<PackageReference Include="Contracts.Generator" Version="{version}""", project);
        Assert.DoesNotContain("CONTRACTS_PACKAGE_VERSION", project);
    }

    [Fact]
    public void An_existing_project_file_is_left_alone_with_exit_1()
    {
        using var temp = new TempFolder();
        temp.Write("Api.csproj", "<Project />");

        var run = CliResult.Run("new", "library", "Api", "-o", temp.Path);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("Api.csproj exists; nothing was written", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("<Project />", File.ReadAllText(temp.Combine("Api.csproj")));
    }

    [Theory]
    [InlineData(new[] { "new" }, "error: missing what to create: library")]
    [InlineData(new[] { "new", "app", "X" }, "error: unknown kind 'app': contracts new creates a library")]
    [InlineData(new[] { "new", "library" }, "error: missing <name>")]
    [InlineData(new[] { "new", "library", "A", "B" }, "error: new library takes one <name>")]
    [InlineData(new[] { "new", "library", "A", "--framework", "net6.0" }, "error: --framework must be one of net10.0, net9.0, net8.0, not 'net6.0'")]
    [InlineData(new[] { "new", "library", "A", "--bogus" }, "error: unknown option '--bogus'")]
    public void Bad_arguments_exit_2_with_the_error_and_the_usage(string[] args, string expected)
    {
        var run = CliResult.Run(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Usage: contracts new library <name>", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }
}
