using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;
using SharpYaml;
using SharpYaml.Serialization;

namespace Contracts.Benchmarks.Reading.Prototype;

/// <summary>
/// A reading stage on Microsoft.OpenApi 3.x that gives what the generator's stage gives today: the document, the positions
/// of its parts (3.x keeps none, so one YAML parse feeds both the reader, through <see cref="YamlConverter"/>, and a position
/// index; JSON gets a <see cref="Utf8JsonReader"/> pass instead), and the facts the reader's model drops
/// (<c>additionalProperties: true</c>, Swagger's <c>collectionFormat: multi</c>), read from the same raw tree.
/// Its entry points take and return only framework types: the host calls them across load contexts.
/// </summary>
public static class OpenApi3ReadingStage
{
    private const int FigureCount = 16;

    private static readonly Uri s_base = new("file:///spec");

    /// <summary>The reader's public path alone (text in, document out), with the generator's settings.</summary>
    public static long[] ReaderAlone(string text)
    {
        var result = OpenApiDocument.Parse(text, Format(text), Settings());
        return new long[] { result.Document is null ? 0 : 1, result.Diagnostic?.Errors.Count ?? 0 };
    }

    /// <summary>
    /// Read, then what the translation asks of the reading stage: every operation, parameter, component schema and property
    /// located, the two facts, and the schemas walked through their references (3.x resolves references when first used).
    /// Returns, in order: read (1/0), errors, warnings, paths, operations, component schemas, pointers located, a checksum of
    /// their positions, explicit <c>additionalProperties: true</c>, multi parameters, schemas walked, version (20, 30, 31),
    /// then the microseconds of each phase: read, locate, facts, walk.
    /// </summary>
    public static long[] ReadLocateFacts(string text) => ReadLocateFacts(text, Read);

    /// <summary>
    /// As <see cref="ReadLocateFacts(string)"/>, reading on the library's public path (its own bounded YAML parser, which
    /// keeps no tree) and building positions and facts from a second, event-only pass (<see cref="RawTree"/>).
    /// </summary>
    public static long[] ReadLocateFactsPublic(string text) => ReadLocateFacts(text, ReadPublic);

    private static long[] ReadLocateFacts(string text, Func<string, Reading> reader)
    {
        var started = Stopwatch.GetTimestamp();
        var reading = reader(text);
        var read = Stopwatch.GetTimestamp();
        var figures = new long[FigureCount];
        figures[12] = Microseconds(started, read);
        figures[0] = reading.Document is null ? 0 : 1;
        figures[1] = reading.Diagnostic.Errors.Count;
        figures[2] = reading.Diagnostic.Warnings.Count;
        if (reading.Document is not { } document)
        {
            return figures;
        }

        figures[3] = document.Paths?.Count ?? 0;
        var pointers = Pointers(document, reading.IsSwagger2, out var operations);
        figures[4] = operations;
        figures[5] = document.Components?.Schemas?.Count ?? 0;
        figures[6] = pointers.Count;
        long checksum = 0;
        foreach (var pointer in pointers)
        {
            var (line, column) = reading.Positions.Find(pointer);
            checksum += line * 1000L + column;
        }

        figures[7] = checksum;

        // The reader's own problems are located too, as the generator locates its diagnostics at the end of a run.
        foreach (var problem in reading.Diagnostic.Errors.Concat(reading.Diagnostic.Warnings))
        {
            if (problem.Pointer is { } at && at.StartsWith("#/", StringComparison.Ordinal))
            {
                _ = reading.Positions.Find(at);
            }
        }

        var located = Stopwatch.GetTimestamp();
        figures[8] = ExplicitAdditionalProperties(document, reading);
        figures[9] = reading.Tree?.MultiParameters().Count ?? MultiParameters(reading.Raw).Count;
        var facts = Stopwatch.GetTimestamp();
        figures[10] = Walk(document);
        figures[11] = reading.IsSwagger2 ? 20 : reading.Diagnostic.SpecificationVersion == OpenApiSpecVersion.OpenApi3_1 ? 31 : 30;
        var walked = Stopwatch.GetTimestamp();
        figures[13] = Microseconds(read, located);
        figures[14] = Microseconds(located, facts);
        figures[15] = Microseconds(facts, walked);
        return figures;
    }

    private static long Microseconds(long from, long to) => (to - from) * 1_000_000 / Stopwatch.Frequency;

    /// <summary>Each located pointer as <c>pointer TAB line TAB column</c> (0-based), sorted, to compare with the current stage.</summary>
    public static string[] Positions(string text)
    {
        var reading = Read(text);
        if (reading.Document is null)
        {
            return Array.Empty<string>();
        }

        return Pointers(reading.Document, reading.IsSwagger2, out _)
            .Select(pointer => { var (line, column) = reading.Positions.Find(pointer); return pointer + "\t" + line.ToString(CultureInfo.InvariantCulture) + "\t" + column.ToString(CultureInfo.InvariantCulture); })
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The errors the reader reports on its public path (validation included).</summary>
    public static string[] ReaderErrors(string text) =>
        OpenApiDocument.Parse(text, Format(text), Settings()).Diagnostic?.Errors.Select(e => e.Pointer + " " + e.Message).ToArray() ?? Array.Empty<string>();

    /// <summary>What the corpus comparison compares: the figures, the sorted component schema names and the first errors.</summary>
    public static string[] Describe(string text) => Describe(text, Read);

    /// <summary>As <see cref="Describe(string)"/>, on the public reading path.</summary>
    public static string[] DescribePublic(string text) => Describe(text, ReadPublic);

    private static string[] Describe(string text, Func<string, Reading> reader)
    {
        try
        {
            var figures = ReadLocateFacts(text, reader);
            var reading = reader(text);
            return new[]
            {
                string.Join(" ", figures.Select(f => f.ToString(CultureInfo.InvariantCulture))),
                string.Join("|", reading.Document?.Components?.Schemas?.Keys.OrderBy(k => k, StringComparer.Ordinal) ?? Enumerable.Empty<string>()),
            }.Concat(reading.Diagnostic.Errors.Take(3).Select(e => "error: " + e.Pointer + " " + e.Message)).ToArray();
        }
        catch (Exception exception)
        {
            return new[] { "threw", string.Empty, "error: " + exception.GetType().Name + ": " + exception.Message + " at " + exception.StackTrace?.Split('\n')[0].Trim() };
        }
    }

    // The generator's limits (generator/Reading/Limits.cs), which 1.6.31 applies through its reader settings.
    private const int MaxYamlDepth = 64;

    private static OpenApiReaderSettings Settings()
    {
        // As the generator's 1.6 settings: no I/O for references to other files (the bundler brings them in first).
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        settings.AddYamlReader(new OpenApiYamlReaderSettings
        {
            MaxDepth = MaxYamlDepth,
            MaxNodeCount = 5_000_000,
            MaxAliasExpansionNodeCount = 5_000,
            MaxInputByteCount = 128 * 1024 * 1024,
            MaxScalarLength = 65_536,
        });
        return settings;
    }

    private static string Format(string text) => LooksLikeJson(text) ? OpenApiConstants.Json : OpenApiConstants.Yaml;

    private static Reading ReadPublic(string text)
    {
        var reading = new Reading();
        var result = OpenApiDocument.Parse(text, Format(text), Settings());
        Finish(reading, result);
        if (reading.Document is not null)
        {
            try
            {
                reading.Tree = RawTree.Build(text, MaxYamlDepth);
                reading.Positions = reading.Tree;
            }
            catch (YamlException)
            {
                // JSON the YAML parser refuses (a key longer than 1,024 characters): no positions, the document stands.
            }
        }

        return reading;
    }

    private sealed class Reading
    {
        public OpenApiDocument? Document;
        public OpenApiDiagnostic Diagnostic = new();
        public IPositionIndex Positions = NoPositions.Instance;
        public JsonNode? Raw;
        public RawTree? Tree;
        public bool IsSwagger2;
    }

    private static Reading Read(string text)
    {
        var reading = new Reading();
        try
        {
            if (LooksLikeJson(text))
            {
                // JSON never meets the YAML parser: System.Text.Json reads it (depth limit 256, as the YAML path's).
                reading.Raw = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
                reading.Positions = JsonPositionIndex.Build(text);
                Finish(reading, new OpenApiJsonReader().Read(reading.Raw!, s_base, Settings()));
            }
            else
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(text));
                if (stream.Documents.Count == 0)
                {
                    reading.Diagnostic.Errors.Add(new OpenApiError("#line=0", "No documents found in the YAML stream."));
                    return reading;
                }

                var root = stream.Documents[0].RootNode;
                reading.Positions = new YamlPositionIndex(root);
                reading.Raw = root.ToJsonNode();
                Finish(reading, OpenApiYamlReader.Read(reading.Raw, s_base, Settings()));
            }
        }
        catch (YamlException exception)
        {
            reading.Diagnostic.Errors.Add(new OpenApiError("#line=" + exception.Start.Line.ToString(CultureInfo.InvariantCulture), exception.Message));
        }
        catch (JsonException exception)
        {
            reading.Diagnostic.Errors.Add(new OpenApiError("#line=" + exception.LineNumber?.ToString(CultureInfo.InvariantCulture), exception.Message));
        }
        catch (OpenApiException exception)
        {
            reading.Diagnostic.Errors.Add(new OpenApiError(exception));
        }

        return reading;
    }

    private static void Finish(Reading reading, ReadResult result)
    {
        reading.Document = result.Document;
        reading.Diagnostic = result.Diagnostic ?? new OpenApiDiagnostic();
        reading.IsSwagger2 = reading.Diagnostic.SpecificationVersion == OpenApiSpecVersion.OpenApi2_0;
    }

    private static bool LooksLikeJson(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                return c == '{';
            }
        }

        return false;
    }

    private static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    /// <summary>The pointers the translation reports at: operations, their parameters, component schemas and their properties.</summary>
    private static List<string> Pointers(OpenApiDocument document, bool isSwagger2, out int operations)
    {
        var pointers = new List<string>();
        operations = 0;
        foreach (var path in document.Paths ?? new OpenApiPaths())
        {
            foreach (var operation in path.Value.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>())
            {
                operations++;
                var pointer = "#/paths/" + Escape(path.Key) + "/" + operation.Key.Method.ToLowerInvariant();
                pointers.Add(pointer);
                for (var i = 0; i < (operation.Value.Parameters?.Count ?? 0); i++)
                {
                    pointers.Add(pointer + "/parameters/" + i.ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        var prefix = isSwagger2 ? "#/definitions/" : "#/components/schemas/";
        foreach (var schema in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            var pointer = prefix + Escape(schema.Key);
            pointers.Add(pointer);
            if (schema.Value is OpenApiSchema { Properties: { } properties })
            {
                pointers.AddRange(properties.Keys.Select(name => pointer + "/properties/" + Escape(name)));
            }
        }

        return pointers;
    }

    /// <summary>Component schemas that spell <c>additionalProperties: true</c> (the model reads the same as without it).</summary>
    private static int ExplicitAdditionalProperties(OpenApiDocument document, Reading reading)
    {
        if (reading.Tree is { } tree)
        {
            var definitions = reading.IsSwagger2 ? tree.At("definitions") : tree.At("components", "schemas");
            return definitions?.Members is not { } members ? 0 : (document.Components?.Schemas?.Keys ?? Enumerable.Empty<string>()).Count(name =>
                members.TryGetValue(name, out var schema) && schema.Value.Members is { } keywords && keywords.TryGetValue("additionalProperties", out var keyword)
                && string.Equals(keyword.Value.Value, "true", StringComparison.OrdinalIgnoreCase));
        }

        var schemas = reading.IsSwagger2 ? reading.Raw?["definitions"] : reading.Raw?["components"]?["schemas"];
        if (schemas is not JsonObject raw)
        {
            return 0;
        }

        var count = 0;
        foreach (var name in document.Components?.Schemas?.Keys ?? Enumerable.Empty<string>())
        {
            if (raw[name] is JsonObject schema && schema["additionalProperties"] is JsonValue value
                && (value.GetValueKind() == JsonValueKind.True || value.ToString() == "true"))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Swagger 2.0 parameters (<c>in:name</c>) with <c>collectionFormat: multi</c>: 3.x, like 1.6, reads them as csv.</summary>
    private static HashSet<string> MultiParameters(JsonNode? root)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonNode>();
        if (root is not null)
        {
            pending.Push(root);
        }

        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject mapping:
                    if (Text(mapping["collectionFormat"]) == "multi" && Text(mapping["in"]) is { } location && Text(mapping["name"]) is { } name)
                    {
                        result.Add(location + ":" + name);
                    }

                    foreach (var entry in mapping)
                    {
                        if (entry.Value is not null)
                        {
                            pending.Push(entry.Value);
                        }
                    }

                    break;
                case JsonArray sequence:
                    foreach (var item in sequence)
                    {
                        if (item is not null)
                        {
                            pending.Push(item);
                        }
                    }

                    break;
            }
        }

        return result;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>Every schema reachable from components and operations, each once, references followed: what translation touches.</summary>
    private static long Walk(OpenApiDocument document)
    {
        var visited = new HashSet<object>(ReferenceIdentity.Instance);
        var pending = new Stack<IOpenApiSchema>();
        foreach (var schema in document.Components?.Schemas?.Values ?? Enumerable.Empty<IOpenApiSchema>())
        {
            pending.Push(schema);
        }

        foreach (var path in document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>())
        {
            foreach (var operation in path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                foreach (var parameter in (operation.Parameters ?? new List<IOpenApiParameter>()).Concat(path.Parameters ?? new List<IOpenApiParameter>()))
                {
                    Push(pending, parameter.Schema);
                    foreach (var media in parameter.Content?.Values ?? Enumerable.Empty<IOpenApiMediaType>())
                    {
                        Push(pending, media.Schema);
                    }
                }

                foreach (var media in operation.RequestBody?.Content?.Values ?? Enumerable.Empty<IOpenApiMediaType>())
                {
                    Push(pending, media.Schema);
                }

                foreach (var response in operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
                {
                    foreach (var media in response.Content?.Values ?? Enumerable.Empty<IOpenApiMediaType>())
                    {
                        Push(pending, media.Schema);
                    }
                }
            }
        }

        long nodes = 0;
        while (pending.Count > 0)
        {
            IOpenApiSchema? schema = pending.Pop();
            if (schema is OpenApiSchemaReference reference)
            {
                schema = reference.Target;
            }

            if (schema is null || !visited.Add(schema))
            {
                continue;
            }

            nodes++;
            foreach (var property in schema.Properties?.Values ?? Enumerable.Empty<IOpenApiSchema>())
            {
                pending.Push(property);
            }

            foreach (var list in new[] { schema.AllOf, schema.OneOf, schema.AnyOf })
            {
                foreach (var member in list ?? Enumerable.Empty<IOpenApiSchema>())
                {
                    pending.Push(member);
                }
            }

            Push(pending, schema.Items);
            Push(pending, schema.AdditionalProperties);
            Push(pending, schema.Not);
        }

        return nodes;
    }

    private static void Push(Stack<IOpenApiSchema> pending, IOpenApiSchema? schema)
    {
        if (schema is not null)
        {
            pending.Push(schema);
        }
    }
}
