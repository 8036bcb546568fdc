using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Contracts.BuildTests;

/// <summary>Editing the spec and building again changes the generated API, with no clean in between.</summary>
public sealed class SpecEditBuildTests
{
    private const string UsesNewMember = """
        using Consumer.Api;
        var request = new GetBucketAccessKeysRequest { BucketName = "demo-bucket", IncludeInactive = true };
        System.Console.WriteLine(request.IncludeInactive);
        """;

    [Fact]
    public async Task A_property_added_to_the_spec_appears_in_the_generated_records()
    {
        using var project = ConsumerProject.Create("spec-edit");
        var spec = File.ReadAllText(RepositoryPaths.Combine("spec", "lightsail-bucket-access-keys.yaml"));
        project.Write("api.yaml", spec);
        project.Write("Consumer.csproj", ConsumerProject.ProjectFile("api.yaml", "Consumer.Api", "LightsailClient"));
        project.Write("Program.cs", UsesNewMember);

        // Before the edit the member does not exist, so the program cannot compile.
        var before = await project.BuildAsync();
        Assert.NotEqual(0, before.ExitCode);
        Assert.Contains("IncludeInactive", before.Output);

        var edited = spec.Replace(
            "    GetBucketAccessKeysRequest:\n      type: object\n      required:\n        - bucketName\n      properties:\n",
            "    GetBucketAccessKeysRequest:\n      type: object\n      required:\n        - bucketName\n      properties:\n        includeInactive:\n          type: boolean\n");
        Assert.NotEqual(spec, edited);
        project.Write("api.yaml", edited);

        var after = await project.BuildAsync();
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Contains("public bool? IncludeInactive { get; init; }", project.GeneratedFile("LightsailClient.Models.G.g.cs"));

        var run = await DotNetCli.RunAsync(project.Directory, Path.Combine("bin", RepositoryPaths.Configuration, "net10.0", "Consumer.dll"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("True", run.Output);
    }
}
