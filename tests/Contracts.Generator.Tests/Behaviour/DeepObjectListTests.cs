using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Behaviour;

/// <summary>
/// A query list of objects declared <c>deepObject</c> (Stripe's <c>lines</c>, <c>subscription_items</c>) is spelled with
/// indices and brackets like a deepObject form member; in any other style it still cannot be sent (CTR110/CTR101).
/// </summary>
public sealed class DeepObjectListTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Preview, version: '1' }
        servers: [ { url: 'https://api.example.com' } ]
        paths:
          /v1/preview:
            get:
              operationId: GetPreview
              parameters:
                - { name: id, in: query, required: true, schema: { type: string } }
                - name: lines
                  in: query
                  style: deepObject
                  explode: true
                  schema:
                    type: array
                    items:
                      type: object
                      properties:
                        amount: { type: integer }
                        description: { type: string }
                        price: { type: object, properties: { id: { type: string } } }
                        tax_rates: { type: array, items: { type: string } }
                - { name: metadata, in: query, required: true, style: deepObject, explode: true, schema: { type: array, items: { type: object, additionalProperties: { type: string } } } }
                - { name: expand, in: query, style: deepObject, explode: true, schema: { type: array, items: { type: string } } }
                - { name: groups, in: query, schema: { type: array, items: { type: object, properties: { a: { type: string } } } } }
              responses:
                '200': { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } }
          /v1/groups:
            get:
              operationId: GetGroups
              parameters:
                - { name: groups, in: query, required: true, style: pipeDelimited, schema: { type: array, items: { type: object, properties: { a: { type: string } } } } }
              responses:
                '204': { description: ok }
        """;

    private const string Context = "Contracts.Tests.Preview.PreviewJsonContext";

    [Fact]
    public async Task A_deepObject_list_of_objects_is_spelled_with_indices_and_brackets()
    {
        using var output = LoadedOutput.Load(Run());
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", Encoding.UTF8, "application/json") });
        var client = output.Create("Contracts.Tests.Preview.PreviewClient", [new HttpClient(handler), null]);
        var lines = output.Deserialize(Context, ListProperty(output, "GetPreviewAsync", "lines"),
            """[{"amount": 100, "description": "a&b c", "price": {"id": "p1"}, "tax_rates": ["t1", "t2"]}, {"amount": 5}]""");
        var metadata = output.Deserialize(Context, ListProperty(output, "GetPreviewAsync", "metadata"), """[{"k": "v"}]""");

        await LoadedOutput.InvokeAsync(client, "GetPreviewAsync", "in_1", metadata, lines, null, CancellationToken.None);

        Assert.Equal(
            "https://api.example.com/v1/preview?id=in_1"
            + "&lines%5B0%5D%5Bamount%5D=100&lines%5B0%5D%5Bdescription%5D=a%26b%20c&lines%5B0%5D%5Bprice%5D%5Bid%5D=p1"
            + "&lines%5B0%5D%5Btax_rates%5D%5B0%5D=t1&lines%5B0%5D%5Btax_rates%5D%5B1%5D=t2&lines%5B1%5D%5Bamount%5D=5"
            + "&metadata%5B0%5D%5Bk%5D=v",
            Assert.Single(handler.Requests).Uri);
    }

    [Fact]
    public void A_list_of_objects_in_another_style_is_still_not_generated()
    {
        var run = Run();

        run.AssertCompilesCleanly();
        Assert.Equal(
            ["CTR101@32", "CTR110@25"],
            run.GeneratorDiagnostics.Select(d => d.Id + "@" + (d.Location.GetLineSpan().StartLinePosition.Line + 1)).OrderBy(s => s, StringComparer.Ordinal));
        var messages = run.GeneratorDiagnostics.ToDictionary(d => d.Id, d => d.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("Operation 'GetPreview': the optional parameter 'groups' is not generated: a list of objects cannot be spelled in a query parameter", messages["CTR110"]);
        Assert.Equal("Operation 'GetGroups' is not generated: the required parameter 'groups' is not supported: a list of objects cannot be spelled in a query parameter", messages["CTR101"]);
    }

    private static GeneratorRun Run() => GeneratorHarness.Run(SpecFile.Inline("preview.yaml", Spec, "Contracts.Tests.Preview", "PreviewClient").ReadAndWritten());

    /// <summary>The JSON context property of a list parameter's type (the parser names it; the test does not guess).</summary>
    private static string ListProperty(LoadedOutput output, string method, string parameter)
    {
        var type = output.Type("Contracts.Tests.Preview.PreviewClient").GetMethods().Single(m => m.Name == method).GetParameters().Single(p => p.Name == parameter).ParameterType;
        return output.Type(Context).GetProperties().Single(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericArguments()[0] == type).Name;
    }
}
