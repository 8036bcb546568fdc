using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contracts.Generator.Tests.Behaviour;

/// <summary>
/// The generated JSON context as System.Text.Json uses it: every type it lists resolves through its property, through
/// <c>GetTypeInfo</c> and through the resolver, with the type's own converter; a type it does not list resolves to null;
/// a context binds the options it is given, and a second context over other options leaves <c>Default</c> alone.
/// </summary>
public sealed class JsonContextBehaviourTests
{
    private const string Namespace = "Contracts.Tests.Context";
    private const string Context = Namespace + ".ShopJsonContext";

    private const string Spec = """
        openapi: 3.0.3
        info: { title: Shop, version: '1' }
        servers: [ { url: 'https://api.example.com' } ]
        paths:
          /orders:
            post:
              operationId: CreateOrders
              requestBody: { required: true, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Order' } } } } }
              responses:
                '200': { description: ok, content: { application/json: { schema: { type: object, additionalProperties: { $ref: '#/components/schemas/Status' } } } } }
          /count:
            get:
              operationId: CountOrders
              responses:
                '200': { description: ok, content: { application/json: { schema: { type: integer, format: int64 } } } }
        components:
          schemas:
            Order:
              type: object
              required: [id]
              properties:
                id: { type: string }
                status: { $ref: '#/components/schemas/Status' }
                item: { $ref: '#/components/schemas/Item' }
            Status:
              type: string
              enum: [open, closed]
            Item:
              oneOf:
                - $ref: '#/components/schemas/Book'
                - $ref: '#/components/schemas/CreateTypeInfo'
            Book:
              type: object
              properties:
                title: { type: string }
            # Named like the context's own helper methods: its property must take another name.
            CreateTypeInfo:
              type: object
              properties:
                size: { type: integer }
            TypeInfoOf:
              type: object
              properties:
                weight: { type: number }
        """;

    private static GeneratorRun Shop()
    {
        // Both directions: these tests read and write every type through the context, whatever the client does with it.
        var run = GeneratorHarness.Run(SpecFile.Inline("shop.yaml", Spec, Namespace, "ShopClient").WithMetadata("ContractsJsonDirections", "Both"));
        run.AssertNoGeneratorDiagnostics();
        run.AssertCompilesCleanly();
        return run;
    }

    [Fact]
    public void Every_listed_type_resolves_through_its_property_GetTypeInfo_and_the_resolver()
    {
        using var output = LoadedOutput.Load(Shop());
        var context = Default(output);

        var checkedTypes = AssertEveryPropertyResolves(context);

        // Records, enums and unions, the list the request sends, the map the response holds and the scalar it returns.
        foreach (var name in new[] { "Order", "Status", "Item", "Book", "CreateTypeInfo", "TypeInfoOf" })
        {
            Assert.Contains(output.Type(Namespace + "." + name), checkedTypes);
        }

        Assert.Contains(typeof(long), checkedTypes);
        Assert.Contains(checkedTypes, t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>));
        Assert.Contains(checkedTypes, t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
    }

    [Fact]
    public void Types_named_like_the_contexts_helpers_get_properties_of_other_names_and_round_trip()
    {
        using var output = LoadedOutput.Load(Shop());
        var properties = Default(output).GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToList();

        Assert.DoesNotContain("CreateTypeInfo", properties);
        Assert.DoesNotContain("TypeInfoOf", properties);
        var order = output.Deserialize(Context, "Order", """{"id":"o1","status":"open","item":{"title":"Dune"}}""");
        Assert.Equal("""{"id":"o1","status":"open","item":{"title":"Dune"}}""", output.Serialize(Context, "Order", order));
    }

    [Fact]
    public void A_type_the_context_does_not_list_resolves_to_null()
    {
        using var output = LoadedOutput.Load(Shop());
        var context = Default(output);

        Assert.Null(context.GetTypeInfo(typeof(Uri)));
        Assert.Null(((IJsonTypeInfoResolver)context).GetTypeInfo(typeof(Uri), context.Options));
        Assert.Null(((IJsonTypeInfoResolver)context).GetTypeInfo(typeof(List<string>), context.Options));
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(new Uri("https://example.com"), typeof(Uri), context.Options));
    }

    [Fact]
    public void Default_is_one_instance_over_its_own_options_that_serialize_the_listed_types()
    {
        using var output = LoadedOutput.Load(Shop());
        var context = Default(output);

        Assert.Same(context, Default(output));
        Assert.Same(context, context.Options.TypeInfoResolver);
        var status = output.Deserialize(Context, "Status", "\"closed\"");
        var statusType = output.Type(Namespace + ".Status");
        Assert.Equal("\"closed\"", JsonSerializer.Serialize(status, statusType, context.Options));
        Assert.Equal(status, JsonSerializer.Deserialize("\"closed\"", statusType, context.Options));
    }

    [Fact]
    public void A_second_context_binds_the_options_it_is_given_and_leaves_Default_alone()
    {
        using var output = LoadedOutput.Load(Shop());
        var options = new JsonSerializerOptions { WriteIndented = true };
        var custom = (JsonSerializerContext)Activator.CreateInstance(output.Type(Context), options)!;
        var book = output.Deserialize(Context, "Book", """{"title":"Dune"}""");
        var bookType = output.Type(Namespace + ".Book");

        Assert.Same(options, custom.Options);
        Assert.Same(custom, options.TypeInfoResolver);
        AssertEveryPropertyResolves(custom);
        var indented = JsonSerializer.Serialize(book, bookType, options);
        Assert.Contains("\n", indented);
        Assert.Equal(indented, JsonSerializer.Serialize(book, (JsonTypeInfo)custom.GetType().GetProperty("Book")!.GetValue(custom)!));
        Assert.Equal("""{"title":"Dune"}""", output.Serialize(Context, "Book", book));
        Assert.NotSame(Default(output).GetTypeInfo(bookType), custom.GetTypeInfo(bookType));
    }

    [Fact]
    public void Every_type_of_the_full_Lightsail_description_resolves_with_its_own_converter()
    {
        var spec = SpecFile.Inline(
            "lightsail-2016-11-28.yaml", File.ReadAllText(RepositoryPaths.Combine("spec", "aws", "lightsail-2016-11-28.yaml")), "Contracts.Tests.ContextLightsail", "LightsailClient");
        var run = GeneratorHarness.Run(spec);
        run.AssertCompilesCleanly();
        using var output = LoadedOutput.Load(run);
        var context = Default(output, "Contracts.Tests.ContextLightsail.LightsailJsonContext");

        var checkedTypes = AssertEveryPropertyResolves(context);

        // Every converter the context nests reads and writes a type the context resolves to that converter.
        var converters = context.GetType().GetNestedType("Converters", BindingFlags.NonPublic)!.GetNestedTypes(BindingFlags.NonPublic)
            .Where(t => !t.IsGenericTypeDefinition && ConvertedType(t) is not null)
            .ToList();
        Assert.True(converters.Count > 400, converters.Count + " converters");
        foreach (var converter in converters)
        {
            var type = ConvertedType(converter)!;
            Assert.Contains(type, checkedTypes);
            Assert.IsType(converter, context.GetTypeInfo(type)!.Converter);
        }
    }

    [Fact]
    public void The_generated_docs_hold_under_GenerateDocumentationFile()
    {
        // GenerateDocumentationFile makes csc parse doc comments and report them (/doc: DocumentationMode.Diagnose): a bad
        // cref, badly formed XML or a param tag without its parameter would be a warning in the user's build, and so would a
        // public member without a doc (CS1591: what the document does not describe), which the file header turns off.
        foreach (var run in new[] { Shop(), GeneratorHarness.Run(SpecFile.Seed()) })
        {
            var compilation = run.CheckedCompilation;
            foreach (var tree in compilation.SyntaxTrees.ToList())
            {
                compilation = compilation.ReplaceSyntaxTree(
                    tree, CSharpSyntaxTree.ParseText(tree.GetText(), ((CSharpParseOptions)tree.Options).WithDocumentationMode(DocumentationMode.Diagnose), tree.FilePath));
            }

            var warnings = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(warnings.Count == 0, "Under GenerateDocumentationFile:\n" + GeneratorRun.Format(warnings));
        }
    }

    private static JsonSerializerContext Default(LoadedOutput output, string context = Context) =>
        (JsonSerializerContext)output.Type(context).GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>
    /// Reads every <c>JsonTypeInfo&lt;T&gt;</c> property of <paramref name="context"/> and checks it against
    /// <c>GetTypeInfo</c> (the same instance, cached by the options) and the resolver (new metadata for the same type,
    /// with the same converter type, this context as its resolver); returns the types seen.
    /// </summary>
    private static HashSet<Type> AssertEveryPropertyResolves(JsonSerializerContext context)
    {
        var properties = context.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(JsonTypeInfo<>))
            .ToList();
        Assert.NotEmpty(properties);
        var types = new HashSet<Type>();
        foreach (var property in properties)
        {
            var type = property.PropertyType.GetGenericArguments()[0];
            var info = (JsonTypeInfo)property.GetValue(context)!;
            Assert.Equal(type, info.Type);
            Assert.Same(context.Options, info.Options);
            Assert.Same(info, property.GetValue(context));
            Assert.Same(info, context.GetTypeInfo(type));
            Assert.Same(context, info.OriginatingResolver);

            var created = ((IJsonTypeInfoResolver)context).GetTypeInfo(type, context.Options);
            Assert.NotNull(created);
            Assert.NotSame(info, created);
            Assert.Equal(type, created.Type);
            Assert.Same(context, created.OriginatingResolver);
            Assert.Equal(info.Converter.GetType(), created.Converter.GetType());
            Assert.True(types.Add(type), type + " is listed twice");
        }

        return types;
    }

    private static Type? ConvertedType(Type converter)
    {
        for (var current = converter.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(JsonConverter<>))
            {
                return current.GetGenericArguments()[0];
            }
        }

        return null;
    }
}
