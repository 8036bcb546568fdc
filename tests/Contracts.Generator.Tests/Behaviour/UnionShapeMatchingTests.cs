using System.Text.Json;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Behaviour;

/// <summary>
/// Object cases with the same member names told apart by what their members hold (GitHub's ValidationError against
/// ValidationErrorSimple), by constants two cases share (Stripe's <c>object</c>), and nested unions flattened into their
/// concrete shapes (Stripe's payment source beside deleted payment source).
/// </summary>
public sealed class UnionShapeMatchingTests
{
    private const string Context = "Contracts.Tests.Shapes.ShapesJsonContext";

    private const string Spec = """
        openapi: 3.0.3
        info: { title: Shapes, version: '1' }
        servers: [ { url: 'https://api.example.com' } ]
        paths:
          /problem:
            get:
              operationId: GetProblem
              responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Problem' } } } } }
          /destination:
            get:
              operationId: GetDestination
              responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Destination' } } } } }
        components:
          schemas:
            ValidationError:
              type: object
              required: [message]
              properties:
                message: { type: string }
                errors: { type: array, items: { type: object, properties: { code: { type: string } } } }
            ValidationErrorSimple:
              type: object
              required: [message]
              properties:
                message: { type: string }
                errors: { type: array, items: { type: string } }
            Problem:
              oneOf: [ { $ref: '#/components/schemas/ValidationError' }, { $ref: '#/components/schemas/ValidationErrorSimple' } ]
            BankAccount:
              type: object
              required: [id, object, last4]
              properties: { id: { type: string }, object: { type: string, enum: [bank_account] }, last4: { type: string } }
            Card:
              type: object
              required: [id, object, brand]
              properties: { id: { type: string }, object: { type: string, enum: [card] }, brand: { type: string } }
            DeletedBankAccount:
              type: object
              required: [id, object, deleted]
              properties: { id: { type: string }, object: { type: string, enum: [bank_account] }, deleted: { type: boolean } }
            DeletedCard:
              type: object
              required: [id, object, deleted]
              properties: { id: { type: string }, object: { type: string, enum: [card] }, deleted: { type: boolean } }
            Source:
              anyOf: [ { $ref: '#/components/schemas/BankAccount' }, { $ref: '#/components/schemas/Card' } ]
            DeletedSource:
              anyOf: [ { $ref: '#/components/schemas/DeletedBankAccount' }, { $ref: '#/components/schemas/DeletedCard' } ]
            Destination:
              anyOf: [ { type: string }, { $ref: '#/components/schemas/Source' }, { $ref: '#/components/schemas/DeletedSource' } ]
        """;

    [Theory]
    [InlineData("Problem", """{"message":"Validation Failed","errors":["name is too long"]}""", "ValidationErrorSimple")]
    [InlineData("Problem", """{"message":"Validation Failed","errors":[{"code":"missing_field"}]}""", "ValidationError")]
    [InlineData("Problem", """{"message":"Validation Failed","errors":[]}""", "ValidationError")]
    [InlineData("Destination", "\"ba_123\"", "String")]
    [InlineData("Destination", """{"id":"ba_1","object":"bank_account","last4":"6789"}""", "BankAccount")]
    [InlineData("Destination", """{"id":"card_1","object":"card","brand":"Visa"}""", "Card")]
    [InlineData("Destination", """{"id":"ba_1","object":"bank_account","deleted":true}""", "DeletedBankAccount")]
    [InlineData("Destination", """{"id":"card_1","object":"card","deleted":true}""", "DeletedCard")]
    public void Each_shape_is_read_as_its_own_case_and_written_back_unchanged(string union, string json, string expectedCase)
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("shapes.yaml", Spec, "Contracts.Tests.Shapes", "ShapesClient").ReadAndWritten());
        run.AssertNoGeneratorDiagnostics();
        using var output = LoadedOutput.Load(run);

        var value = output.Deserialize(Context, union, json);

        Assert.Equal(expectedCase, value!.GetType().Name);
        Assert.Equal(JsonDocument.Parse(json).RootElement.GetRawText(), output.Serialize(Context, union, value));
    }

    [Fact]
    public void Cases_whose_members_hold_the_same_kinds_are_still_reported()
    {
        var spec = Spec.Replace("errors: { type: array, items: { type: string } }", "errors: { type: array, items: { type: object, properties: { field: { type: string } } } }");

        var run = GeneratorHarness.Run(SpecFile.Inline("shapes.yaml", spec, "Contracts.Tests.Shapes", "ShapesClient").ReadAndWritten());

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CTR113", diagnostic.Id);
        Assert.Contains("'Problem'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }
}
