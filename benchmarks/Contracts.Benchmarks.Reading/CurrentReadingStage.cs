using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Contracts.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Contracts.Benchmarks.Reading;

/// <summary>
/// The generator's reading stage (Microsoft.OpenApi 3.11 on one SharpYaml tree, <c>OpenApiTextReader</c>, and what
/// <c>SpecReader</c> makes up for) with its <c>SourceLocator</c> and <c>DocumentFacts</c>, doing the same work as the
/// prototype: the two measure how much of the prototype's speed the landed stage kept. The stage is internal to the
/// generator and this project is not among its friends, so its types are found by full name (a rename or a move stops the
/// run at start with a message naming the type) and called through reflection; a call costs microseconds against reads of
/// hundreds of milliseconds.
/// </summary>
internal static class CurrentReadingStage
{
    private static readonly Assembly s_generator = typeof(ContractsGenerator).Assembly;
    private static readonly Type s_translator = Internal("Translation.DocumentTranslator");
    private static readonly Type s_specReader = Internal("Reading.SpecReader");
    private static readonly Type s_input = Internal("Configuration.SpecInput");
    private static readonly Type s_options = Internal("Configuration.GeneratorOptions");
    private static readonly Type s_bag = Internal("Locating.DiagnosticBag");
    private static readonly Type s_locator = Internal("Locating.SourceLocator");
    private static readonly Type s_facts = Internal("Reading.DocumentFacts");
    private static readonly Type s_location = Internal("Diagnostics.LocationInfo");
    private static readonly Type s_diagnosticInfo = Internal("Diagnostics.DiagnosticInfo");
    private static readonly MethodInfo s_read = s_translator.GetMethod("Read", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
    // Read(text, out diagnostic, out tree, diagnostics): the overload without the repaired flag and facts.
    private static readonly MethodInfo s_textRead = Internal("Reading.OpenApiTextReader").GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Single(method => method.Name == "Read" && method.GetParameters().Length == 4);
    private static readonly MethodInfo s_find = s_locator.GetMethod("Find")!;
    private static readonly MethodInfo s_scalarAt = s_facts.GetMethod("ScalarAt")!;
    private static readonly MethodInfo s_mentions = s_facts.GetMethod("Mentions")!;
    private static readonly PropertyInfo s_tree = s_facts.GetProperty("Tree")!;
    private static readonly MethodInfo s_toInfos = s_bag.GetMethod("ToInfos")!;
    private static readonly MethodInfo s_findMulti = Internal("Translation.SwaggerCollectionFormats").GetMethod("FindMulti")!;
    // The version as the document states it (the generator's own check lives in Reading/Downgrade, which is going away).
    private static readonly Regex s_openApi31 = new(@"^\s*[""']?openapi[""']?\s*:\s*[""']?3\.1", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly PropertyInfo s_line = s_location.GetProperty("StartLine")!;
    private static readonly PropertyInfo s_column = s_location.GetProperty("StartColumn")!;
    private static readonly PropertyInfo s_id = s_diagnosticInfo.GetProperty("Id")!;

    // A spec without options, as the generator sees one that no item metadata configures.
    private static readonly object s_noOptions = Activator.CreateInstance(s_options, null, null, null, null, false)!;
    private static readonly Dictionary<string, DiagnosticSeverity> s_severities = Internal("Diagnostics.DiagnosticDescriptors")
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Select(field => field.GetValue(null)).OfType<DiagnosticDescriptor>()
        .GroupBy(descriptor => descriptor.Id).ToDictionary(group => group.Key, group => group.First().DefaultSeverity);

    private const string SpecPath = "/spec/openapi.yaml";

    /// <param name="name">The type's name under <c>Contracts.Generator.</c>.</param>
    private static Type Internal(string name) =>
        s_generator.GetType("Contracts.Generator." + name)
            ?? throw new InvalidOperationException("The generator has no type Contracts.Generator." + name + " any more: point CurrentReadingStage at the stage's new names.");

    private sealed record Reading(OpenApiDocument? Document, bool IsSwagger2, object Bag, object Locator, object Facts);

    /// <summary>Stage one of the generator's translation (<c>DocumentTranslator.Read</c>), with a fresh locator and facts as it makes them.</summary>
    private static Reading Read(string text)
    {
        var bag = Activator.CreateInstance(s_bag)!;
        var locator = Activator.CreateInstance(s_locator, SpecPath, SourceText.From(text))!;
        var facts = Activator.CreateInstance(s_facts, locator)!;
        var input = Activator.CreateInstance(s_input, SpecPath, text, s_noOptions)!;
        var arguments = new object?[] { input, bag, locator, facts, false };
        var document = (OpenApiDocument?)Invoke(s_read, null, arguments);
        return new Reading(document, (bool)arguments[4]!, bag, locator, facts);
    }

    /// <summary>True for an OpenAPI 3.1 document.</summary>
    public static bool IsOpenApi31(string text) => s_openApi31.IsMatch(text);

    /// <summary>The errors the generator's reader (<c>OpenApiTextReader</c>, before <c>SpecReader</c>'s repairs) reports, as the stage receives them.</summary>
    public static string[] ReaderErrors(string text)
    {
        var arguments = new object?[] { text, null, null, null };
        Invoke(s_textRead, null, arguments);
        return ((OpenApiDiagnostic)arguments[1]!).Errors.Select(e => e.Pointer + " " + e.Message).ToArray();
    }

    /// <summary>The generator's reader alone (<c>OpenApiTextReader</c>: text in, one SharpYaml parse, document out).</summary>
    public static long[] ReaderAlone(string text)
    {
        var arguments = new object?[] { text, null, null, null };
        var document = (OpenApiDocument?)Invoke(s_textRead, null, arguments);
        return new long[] { document is null ? 0 : 1, ((OpenApiDiagnostic)arguments[1]!).Errors.Count };
    }

    /// <summary>The figures of <c>OpenApi3ReadingStage.ReadLocateFacts</c>, in its order, from the current stage.</summary>
    public static long[] ReadLocateFacts(string text)
    {
        var started = Stopwatch.GetTimestamp();
        var reading = Read(text);
        var read = Stopwatch.GetTimestamp();
        var figures = new long[Figures.Names.Length];
        figures[12] = Figures.Microseconds(started, read);
        figures[0] = reading.Document is null ? 0 : 1;
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
            var (line, column) = Find(reading.Locator, pointer);
            checksum += line * 1000L + column;
        }

        figures[7] = checksum;

        // The diagnostics, located as the generator locates them at the end of a run.
        var (errors, warnings) = Count(s_toInfos.Invoke(reading.Bag, new[] { reading.Locator })!);
        figures[1] = errors;
        figures[2] = warnings;
        var located = Stopwatch.GetTimestamp();
        figures[8] = ExplicitAdditionalProperties(document, reading);
        figures[9] = (bool)s_mentions.Invoke(reading.Facts, new object[] { "multi" })!
            ? ((HashSet<string>)s_findMulti.Invoke(null, new[] { s_tree.GetValue(reading.Facts) })!).Count
            : 0;
        var facts = Stopwatch.GetTimestamp();
        figures[10] = Walk(document);
        figures[11] = reading.IsSwagger2 ? 20 : IsOpenApi31(text) ? 31 : 30;
        var walked = Stopwatch.GetTimestamp();
        figures[13] = Figures.Microseconds(read, located);
        figures[14] = Figures.Microseconds(located, facts);
        figures[15] = Figures.Microseconds(facts, walked);
        return figures;
    }

    /// <summary>Each located pointer as <c>pointer TAB line TAB column</c> (0-based), sorted.</summary>
    public static string[] Positions(string text)
    {
        var reading = Read(text);
        if (reading.Document is null)
        {
            return Array.Empty<string>();
        }

        return Pointers(reading.Document, reading.IsSwagger2, out _)
            .Select(pointer => { var (line, column) = Find(reading.Locator, pointer); return pointer + "\t" + line + "\t" + column; })
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>As <c>OpenApi3ReadingStage.Describe</c>: the figures, the sorted component schema names, the first errors.</summary>
    public static string[] Describe(string text)
    {
        try
        {
            var figures = ReadLocateFacts(text);
            var reading = Read(text);
            var infos = ((IEnumerable)s_toInfos.Invoke(reading.Bag, new[] { reading.Locator })!).Cast<object>()
                .Select(info => (string)s_id.GetValue(info)!)
                .Where(id => s_severities.TryGetValue(id, out var severity) && severity == DiagnosticSeverity.Error)
                .Take(3);
            return new[]
            {
                string.Join(" ", figures),
                string.Join("|", reading.Document?.Components?.Schemas?.Keys.OrderBy(k => k, StringComparer.Ordinal) ?? Enumerable.Empty<string>()),
            }.Concat(infos.Select(id => "error: " + id)).ToArray();
        }
        catch (Exception exception)
        {
            var inner = exception is TargetInvocationException { InnerException: { } thrown } ? thrown : exception;
            return new[] { "threw", string.Empty, "error: " + inner.GetType().Name + ": " + inner.Message + " at " + inner.StackTrace?.Split('\n')[0].Trim() };
        }
    }

    private static (long Errors, long Warnings) Count(object infos)
    {
        long errors = 0, warnings = 0;
        foreach (var info in (IEnumerable)infos)
        {
            if (s_severities.TryGetValue((string)s_id.GetValue(info)!, out var severity))
            {
                errors += severity == DiagnosticSeverity.Error ? 1 : 0;
                warnings += severity == DiagnosticSeverity.Warning ? 1 : 0;
            }
        }

        return (errors, warnings);
    }

    private static (int Line, int Column) Find(object locator, string pointer)
    {
        var location = s_find.Invoke(locator, new object[] { pointer })!;
        return ((int)s_line.GetValue(location)!, (int)s_column.GetValue(location)!);
    }

    private static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

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
                    pointers.Add(pointer + "/parameters/" + i);
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

    /// <summary>As the generator asks (<c>SchemaTranslator.ExplicitlyTrue</c>): a text check first, then the scalar at the pointer.</summary>
    private static int ExplicitAdditionalProperties(OpenApiDocument document, Reading reading)
    {
        if (!(bool)s_mentions.Invoke(reading.Facts, new object[] { "additionalProperties" })!)
        {
            return 0;
        }

        var prefix = reading.IsSwagger2 ? "#/definitions/" : "#/components/schemas/";
        var count = 0;
        foreach (var name in document.Components?.Schemas?.Keys ?? Enumerable.Empty<string>())
        {
            var value = (string?)s_scalarAt.Invoke(reading.Facts, new object[] { prefix + Escape(name) + "/additionalProperties" });
            count += string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Every schema reachable from components and operations, each once, references followed: what translation touches.</summary>
    private static long Walk(OpenApiDocument document)
    {
        var visited = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance);
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
                // The stage leaves a null where a reference did not resolve (a pointer into paths, for one), as 1.6 did.
                Push(pending, property);
            }

            foreach (var list in new[] { schema.AllOf, schema.OneOf, schema.AnyOf })
            {
                foreach (var member in list ?? Enumerable.Empty<IOpenApiSchema>())
                {
                    Push(pending, member);
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

    private static object? Invoke(MethodInfo method, object? target, object?[] arguments)
    {
        try
        {
            return method.Invoke(target, arguments);
        }
        catch (TargetInvocationException wrapper) when (wrapper.InnerException is { } inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner).Throw();
            throw;
        }
    }
}
