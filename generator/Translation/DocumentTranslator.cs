using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Contracts.Generator.Configuration;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Helpers;
using Contracts.Generator.Locating;
using Contracts.Generator.Model;
using Contracts.Generator.Passes;
using Contracts.Generator.Reading;
using Contracts.Generator.Translation.Naming;
using Microsoft.CodeAnalysis.Text;
using Microsoft.OpenApi;

namespace Contracts.Generator.Translation;

/// <summary>
/// Translates a read OpenAPI document into a <see cref="SpecModel"/>, making every decision (names, collisions,
/// nullability, which response is the result) so that the emitters only print. A coordinator without state: the
/// collaborators own theirs: <see cref="TypeRegistry"/> (type names and the size budget), <see cref="AwsProfile"/>,
/// <see cref="SchemaTranslator"/> (records and component types) with its <see cref="EnumTranslator"/> and
/// <see cref="UnionTranslator"/>, <see cref="EnvelopeTranslator"/>, <see cref="SecurityTranslator"/>, and <see cref="OperationTranslator"/> with
/// <see cref="ParameterTranslator"/>, <see cref="BodyTranslator"/> and <see cref="ResponseTranslator"/>. The model → model
/// steps after it are in <c>Passes/</c>.
/// </summary>
internal static class DocumentTranslator
{
    internal static readonly string GeneratorVersion = typeof(DocumentTranslator).Assembly.GetName().Version?.ToString() ?? "1.0.0.0";

    /// <summary>Stage one of <see cref="Pipeline.GenerationSteps.Translate"/>: the reader's document, or null.</summary>
    internal static OpenApiDocument? Read(SpecInput input, DiagnosticBag diagnostics, SourceLocator locator, DocumentFacts facts, out bool isSwagger2, CancellationToken cancellationToken = default) =>
        SpecReader.Read(input.Text, diagnostics, out isSwagger2, input.Path, input.Documents, locator, facts, input.Overlays, cancellationToken);

    /// <summary>
    /// Stage two of <see cref="Pipeline.GenerationSteps.Translate"/>: the model of a document <see cref="Read"/>
    /// returned. Each step takes what the steps before it produced, so the order is the only one the types allow.
    /// </summary>
    internal static SpecModel Translate(
        SpecInput input, OpenApiDocument document, bool isSwagger2, DiagnosticBag diagnostics, DocumentFacts facts, bool hasDateOnly, CancellationToken cancellationToken) =>
        Translate(input, document, isSwagger2, diagnostics, facts, hasDateOnly, cancellationToken, out _);

    /// <summary>As above; <paramref name="componentTypeOf"/> gives the type of a component schema by its key (null when it has none), which tells whose diagnostics an operation selection leaves out.</summary>
    internal static SpecModel Translate(
        SpecInput input,
        OpenApiDocument document,
        bool isSwagger2,
        DiagnosticBag diagnostics,
        DocumentFacts facts,
        bool hasDateOnly,
        CancellationToken cancellationToken,
        out Func<string, TypeRef?> componentTypeOf)
    {
        var target = CreateTarget(input);
        var serverUrl = ServerTranslator.Translate(document, target, diagnostics);
        var registry = new TypeRegistry(target);

        // The protocol decides how some types are written, and its exceptions are named first, so it is settled before any type.
        var aws = AwsProfile.Detect(document, serverUrl, target, registry);
        if (aws is not null)
        {
            target = target with { EpochTimestamps = aws.Model.JsonVersion is not null };
        }

        var schemas = SchemaTranslator.WithComponents(document, target, registry, diagnostics, facts, hasDateOnly, aws, cancellationToken);
        componentTypeOf = schemas.ComponentTypeOf;
        var envelopes = new EnvelopeTranslator(schemas, diagnostics);

        // AWS services are signed (SigV4), which is their security scheme.
        var security = aws is null ? SecurityTranslator.Create(document, facts, isSwagger2, target, serverUrl, diagnostics) : null;
        var paging = new PagingTranslator(diagnostics);
        var sides = input.Options.Sides;
        var server = (sides & GeneratedSides.Server) != 0;
        var operations = new OperationTranslator(
            document,
            target,
            new ParameterTranslator(schemas, aws, diagnostics, facts, isSwagger2),
            new BodyTranslator(schemas, aws, diagnostics, isSwagger2),
            new ResponseTranslator(schemas, envelopes, registry, diagnostics, isSwagger2),
            aws,
            registry,
            diagnostics,
            cancellationToken,
            security,
            paging,
            server,
            facts);
        var client = operations.Translate(serverUrl);
        var records = schemas.Finish();
        client = ResponseTranslator.NameResponseClasses(client, registry);
        client = paging.Recognise(client, records, schemas.Unions.Unions);
        client = client with { Envelopes = envelopes.Build(records).ToEquatableArray(), Aws = aws?.WithErrors(schemas), Security = security?.Build() };
        var serverNames = server ? ServerNaming.Name(client, target, registry, diagnostics) : null;
        var model = new SpecModel(
            target,
            records.OrderBy(r => r.Name, StringComparer.Ordinal).ToEquatableArray(),
            schemas.Enums.Enums.OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray(),
            new JsonContextModel(target, EquatableArray<JsonTypeModel>.Empty, EquatableArray<TypeRef>.Empty),
            client,
            schemas.Unions.Unions.OrderBy(u => u.Name, StringComparer.Ordinal).ToEquatableArray(),
            sides,
            serverNames);
        ReportAmbiguities(model, schemas.Unions.Declarations, diagnostics);
        return model;
    }

    /// <summary>Names the generated surface from the options, defaulting from the file name.</summary>
    internal static EmitTarget CreateTarget(SpecInput input)
    {
        var options = input.Options;
        var stem = Identifiers.ToPascalCase(Path.GetFileNameWithoutExtension(input.Path), "OpenApi");
        var ns = options.Namespace is { } explicitNamespace
            ? Identifiers.ToNamespace(explicitNamespace, stem)
            : Identifiers.ToNamespace(options.RootNamespace is { } root ? root + "." + stem : stem, stem);
        var client = Identifiers.ToPascalCase(options.ClientName ?? stem + "Client", stem + "Client");
        var baseName = client.EndsWith("Client", StringComparison.Ordinal) && client.Length > "Client".Length
            ? client.Substring(0, client.Length - "Client".Length)
            : client;
        var accessibility = string.Equals(options.Visibility, "internal", StringComparison.OrdinalIgnoreCase) ? "internal" : "public";
        return new EmitTarget(ns, client, "I" + client, client + "Options", baseName + "JsonContext", client + "ServiceCollectionExtensions", accessibility, GeneratorVersion);
    }

    /// <summary>CTR113 for each pair of cases that accept the same JSON, in the order the unions were built.</summary>
    private static void ReportAmbiguities(SpecModel model, IReadOnlyList<(string Name, string Pointer)> declarations, DiagnosticBag diagnostics)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, _) in declarations)
        {
            order[name] = order.Count;
        }

        foreach (var found in UnionAmbiguity.Find(model).OrderBy(f => order[f.Union.Name]))
        {
            diagnostics.Add(DiagnosticDescriptors.AmbiguousUnion, declarations[order[found.Union.Name]].Pointer, found.Union.Name, found.First.Name, found.Second.Name);
        }
    }
}
