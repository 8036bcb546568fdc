using Contracts.Cli.Tests.Infrastructure;
using Contracts.Generator.Pipeline;
using Xunit;

namespace Contracts.Cli.Tests;

/// <summary>
/// An exception inside the generator's translation or emission (injected through <see cref="FaultInjection"/>) is
/// reported by <c>check</c> and <c>generate</c> as CTR006 with the exception's message, and fails the spec with exit
/// code 1. Each test has its own spec path and client name, so no other test meets its fault.
/// </summary>
public sealed class GeneratorExceptionReportTests
{
    private const string Message = "The Contracts generator failed on this document (InvalidOperationException: {0}); please report it with the document";

    [Fact]
    public void Check_reports_an_exception_in_translation_as_CTR006()
    {
        using var temp = new TempFolder();
        var spec = temp.Write("pets.yaml", Specs.Pets);

        CliResult run;
        using (FaultInjection.InTranslation(spec, "check translation fault"))
        {
            run = CliResult.Run("check", spec, "--compile");
        }

        Assert.True(run.ExitCode == 1, run.ToString());
        var error = "error CTR006: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, Message, "check translation fault");
        Assert.Contains($"{spec}(1,1): {error}", run.StdoutLines);
        Assert.Contains($"generator {spec}  1 generator error (CTR006 x1); first: (1,1): {error}", run.StdoutLines);
    }

    [Fact]
    public void Check_reports_an_exception_while_emitting_a_file_as_CTR006()
    {
        using var temp = new TempFolder();
        var spec = temp.Write("pets.yaml", Specs.Pets);

        CliResult run;
        using (FaultInjection.InEmission("CheckEmissionFaultClient.Client.g.cs", "check emission fault"))
        {
            run = CliResult.Run("check", spec, "--compile", "--client-name", "CheckEmissionFaultClient");
        }

        Assert.True(run.ExitCode == 1, run.ToString());
        var error = "error CTR006: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, Message, "check emission fault");
        Assert.Contains($"{spec}: {error}", run.StdoutLines);
        Assert.Contains($"generator {spec}  1 generator error (CTR006 x1); first: {error}", run.StdoutLines);
    }

    [Fact]
    public void Generate_reports_an_exception_in_translation_as_CTR006_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var spec = temp.Write("pets.yaml", Specs.Pets);

        CliResult run;
        using (FaultInjection.InTranslation(spec, "generate translation fault"))
        {
            run = CliResult.Run("generate", spec, "-o", temp.Combine("out"));
        }

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(
            [$"{spec}(1,1): error CTR006: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, Message, "generate translation fault"), $"wrote 0 files to {temp.Combine("out")}"],
            run.StdoutLines);
    }

    [Fact]
    public void Generate_reports_an_exception_while_emitting_a_file_as_CTR006_and_writes_the_other_files()
    {
        using var temp = new TempFolder();
        var spec = temp.Write("pets.yaml", Specs.Pets);

        CliResult run;
        using (FaultInjection.InEmission("GenerateEmissionFaultClient.Client.g.cs", "generate emission fault"))
        {
            run = CliResult.Run("generate", spec, "-o", temp.Combine("out"), "--client-name", "GenerateEmissionFaultClient");
        }

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal($"{spec}: error CTR006: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, Message, "generate emission fault"), run.StdoutLines[0]);
        Assert.False(System.IO.File.Exists(temp.Combine("out/GenerateEmissionFaultClient.Client.g.cs")));
        Assert.True(System.IO.File.Exists(temp.Combine("out/GenerateEmissionFaultClient.JsonContext.g.cs")));
    }
}
