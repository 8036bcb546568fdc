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
using Microsoft.OpenApi.Models;

namespace Contracts.Generator.Translation;

/// <summary>
/// Turns one OpenAPI document into a <see cref="SpecModel"/>. It makes every decision (names, collisions,
/// nullability, which response is the result) so that the emitters only print. Partial by concern:
/// <c>.Schemas.cs</c> (types), <c>.Operations.cs</c> (client), <c>.Envelopes.cs</c> (response envelopes).
/// </summary>
internal sealed partial class SpecParser
{
    internal static readonly string GeneratorVersion = typeof(SpecParser).Assembly.GetName().Version?.ToString() ?? "1.0.0.0";

    // A type may not be named like one of its own members (CS0542): the members every record, enum struct and
    // object has, and the class that nests the converters; a converter named like an object member would hide it.
    private static readonly string[] s_typeNameClashes =
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone",
        "ReferenceEquals", "Finalize", "Value", "IsKnown", "KnownValues", "Converters",
    };

    private readonly OpenApiDocument _document;
    private EmitTarget _target;
    private ServerModel? _server;
    private readonly DiagnosticBag _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly bool _hasDateOnly;
    private readonly SourceLocator _locator;
    private bool _isSwagger2;
    private System.Collections.Generic.HashSet<string>? _multiParameters;

    /// <summary>Swagger 2.0 parameters with <c>collectionFormat: multi</c>, read from the tree on first need.</summary>
    private System.Collections.Generic.HashSet<string> MultiParameters =>
        _multiParameters ??= _locator.Mentions("multi") ? SwaggerCollectionFormats.FindMulti(_locator.Tree) : new System.Collections.Generic.HashSet<string>();

    private SpecParser(OpenApiDocument document, EmitTarget target, DiagnosticBag diagnostics, CancellationToken cancellationToken, bool hasDateOnly, SourceLocator locator)
    {
        _hasDateOnly = hasDateOnly;
        _locator = locator;
        _document = document;
        _target = target;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
        _typeNames = new UniqueNameBuilder(target.ClientName, target.InterfaceName, target.OptionsName, target.ContextName, target.ServiceExtensionsName);
        foreach (var member in s_typeNameClashes)
        {
            _typeNames.Reserve(member);
        }
    }

    /// <summary>Reads and parses a spec. Never throws, except <see cref="OperationCanceledException"/>.</summary>
    /// <param name="hasDateOnly">The compilation can use <c>System.DateOnly</c> (see <see cref="CompilationFacts.HasDateOnly"/>).</param>
    public static SpecResult Parse(SpecInput input, CancellationToken cancellationToken, bool hasDateOnly = false)
    {
        var diagnostics = new DiagnosticBag();
        var locator = new SourceLocator(input.Path, SourceText.From(input.Text));
        SpecModel? model = null;
        try
        {
            // Every name and number is formatted with invariant-culture APIs, so output never depends on the locale.
            var document = Read(input, diagnostics, locator, out var isSwagger2);
            cancellationToken.ThrowIfCancellationRequested();
            if (document is not null)
            {
                model = BuildModel(input, document, isSwagger2, diagnostics, locator, hasDateOnly, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (LimitExceededException exception)
        {
            model = null;
            diagnostics.Add(DiagnosticDescriptors.LimitExceeded, exception.Pointer, exception.Message);
        }
        catch (InsufficientExecutionStackException)
        {
            // A backstop behind the explicit depth limits: the stack ran low, and the compiler must not crash.
            model = null;
            diagnostics.AddAt(DiagnosticDescriptors.LimitExceeded, 0, 0, "it nests too deeply for the generator's stack");
        }
        catch (Exception exception)
        {
            // A bug of ours must cost the user this document's code, not their build.
            model = null;
            diagnostics.AddAt(DiagnosticDescriptors.GeneratorFailure, 0, 0, exception.GetType().Name, exception.Message);
        }

        return new SpecResult(model, diagnostics.ToInfos(locator));
    }

    /// <summary>Stage one of <see cref="Parse"/>, alone for the benchmarks: the reader's document, or null.</summary>
    internal static OpenApiDocument? Read(SpecInput input, DiagnosticBag diagnostics, SourceLocator locator, out bool isSwagger2) =>
        SpecReader.Read(input.Text, diagnostics, out isSwagger2, input.Path, input.Documents, locator);

    /// <summary>Stage two of <see cref="Parse"/>, alone for the benchmarks: the model of a document <see cref="Read"/> returned.</summary>
    internal static SpecModel BuildModel(
        SpecInput input, OpenApiDocument document, bool isSwagger2, DiagnosticBag diagnostics, SourceLocator locator, bool hasDateOnly, CancellationToken cancellationToken) =>
        new SpecParser(document, CreateTarget(input), diagnostics, cancellationToken, hasDateOnly, locator) { _isSwagger2 = isSwagger2 }.Build();

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

    private SpecModel Build()
    {
        // The protocol decides how some types are written, so it is settled before any model is built.
        _server = BuildServer();
        _aws = DetectAws(_server);
        if (_aws is not null)
        {
            _target = _target with { EpochTimestamps = _aws.JsonVersion is not null };
            CollectAwsErrors();
        }

        DefineComponentTypes();
        var client = BuildClient();
        DrainPendingTypes();
        var envelopes = BuildEnvelopes();
        var aws = _aws is null ? null : _aws with { Errors = BuildAwsErrors() };
        var model = new SpecModel(
            _target,
            _records.OrderBy(r => r.Name, StringComparer.Ordinal).ToEquatableArray(),
            _enums.OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray(),
            new JsonContextModel(_target, EquatableArray<JsonTypeModel>.Empty, EquatableArray<TypeRef>.Empty),
            client with { Envelopes = envelopes.ToEquatableArray(), Aws = aws },
            _unions.OrderBy(u => u.Name, StringComparer.Ordinal).ToEquatableArray());
        ReportAmbiguities(model);
        return JsonContextNaming.Apply(DiscriminatorSkipping.Apply(model));
    }

    /// <summary>CTR113 for each pair of cases that accept the same JSON, in the order the unions were built.</summary>
    private void ReportAmbiguities(SpecModel model)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, pointer) in _unionPointers)
        {
            order[name] = order.Count;
        }

        foreach (var found in UnionAmbiguity.Find(model).OrderBy(f => order[f.Union.Name]))
        {
            _diagnostics.Add(DiagnosticDescriptors.AmbiguousUnion, _unionPointers[order[found.Union.Name]].Pointer, found.Union.Name, found.First.Name, found.Second.Name);
        }
    }
}
