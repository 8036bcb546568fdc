using System.Linq;
using System.Text.Json;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Behaviour;

/// <summary>
/// A record's reader notes each required member it finds as one bit of a mask of 64 and checks the masks once after
/// the loop: a record of more than 64 required members has two masks, and the member named missing is the first one
/// absent in the order the document declares them, whichever mask holds it.
/// </summary>
public sealed class RequiredMembersTests
{
    private const string Context = "Contracts.Tests.Wide.WideJsonContext";

    private const int Required = 70;

    private static readonly string Spec = """
        openapi: 3.0.3
        info: { title: Wide, version: '1' }
        servers: [ { url: 'https://api.example.com' } ]
        paths:
          /wide:
            get:
              operationId: GetWide
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Wide' } } } }
        components:
          schemas:
            Wide:
              type: object
              required: [
        """ + string.Join(", ", Enumerable.Range(0, Required).Select(i => "m" + i)) + """
        ]
              properties:
                note: { type: string }

        """ + string.Concat(Enumerable.Range(0, Required).Select(i => "        m" + i + ": { type: integer }\n"));

    private static string Json(params int[] absent) =>
        "{" + string.Join(",", Enumerable.Range(0, Required).Where(i => !absent.Contains(i)).Select(i => "\"m" + i + "\":" + i)) + "}";

    [Fact]
    public void Every_required_member_present_reads_and_is_written_back()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("wide.yaml", Spec, "Contracts.Tests.Wide", "WideClient").ReadAndWritten());
        run.AssertNoGeneratorDiagnostics();
        run.AssertCompilesCleanly();
        using var output = LoadedOutput.Load(run);

        var wide = output.Deserialize(Context, "Wide", Json());

        Assert.Equal(Json(), output.Serialize(Context, "Wide", wide));
    }

    [Theory]
    [InlineData(new[] { 0 }, "m0")]
    [InlineData(new[] { 63 }, "m63")]
    [InlineData(new[] { 64 }, "m64")]
    [InlineData(new[] { 69 }, "m69")]
    [InlineData(new[] { 5, 66 }, "m5")]
    [InlineData(new[] { 66, 68 }, "m66")]
    public void The_first_absent_required_member_is_named(int[] absent, string named)
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("wide.yaml", Spec, "Contracts.Tests.Wide", "WideClient").ReadAndWritten());
        using var output = LoadedOutput.Load(run);

        var exception = Assert.ThrowsAny<JsonException>(() => output.Deserialize(Context, "Wide", Json(absent)));

        Assert.Contains("missing the required member '" + named + "'", exception.Message);
        Assert.Contains("'Wide'", exception.Message);
    }
}
