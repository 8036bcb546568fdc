using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Contracts.Generator.Configuration;
using Contracts.Generator.Model;
using Contracts.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Contracts.Generator.Tests.Selection;

/// <summary>Runs the generator's translation with operation filters, and compares generated code piece by piece.</summary>
internal static class SelectionRuns
{
    public static SpecFile SelectionSpec() => SpecFile.FromOutput("Specs/selection.yaml", "Contracts.Tests.Selection", "SelectionClient");

    /// <summary>The spec with each (metadata, value) set as <c>Contracts</c> + metadata, as the build passes it.</summary>
    public static SpecFile With(this SpecFile spec, params (string Metadata, string Value)[] filters) =>
        filters.Aggregate(spec, (current, filter) => current.WithMetadata("Contracts" + filter.Metadata, filter.Value));

    /// <summary>The translation of <paramref name="spec"/> with the filters the build would read from <paramref name="filters"/>.</summary>
    public static SpecResult Translate(SpecFile spec, params (string Metadata, string Value)[] filters)
    {
        var values = filters.ToDictionary(f => f.Metadata, f => f.Value, StringComparer.Ordinal);
        var selection = OperationSelection.From(name => values.TryGetValue(name, out var value) ? value : null);
        var input = new SpecInput(spec.Path, spec.Text, new GeneratorOptions(spec.Namespace, spec.ClientName, null, GeneratorHarness.RootNamespace, IsMarked: true, selection));
        return GenerationSteps.Translate(input, hasDateOnly: true, CancellationToken.None);
    }

    /// <summary>The method names of the model's client, sorted.</summary>
    public static string[] Methods(SpecResult result) => result.Model!.Client.Operations.Select(o => o.MethodName).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    /// <summary>The generated type names of the model (records, enums, unions), sorted.</summary>
    public static string[] Types(SpecResult result) =>
        result.Model!.Records.Select(r => r.Name).Concat(result.Model.Enums.Select(e => e.Name)).Concat(result.Model.Unions.Select(u => u.Name))
            .OrderBy(n => n, StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Every piece of <paramref name="selected"/>'s code is in <paramref name="full"/>'s, byte for byte: each type of a
    /// model file whole, and each member (method, field, property, nested type) and attribute of the other files' types
    /// (client, interface, options, JSON context, DI, errors), which hold fewer members. A method that lists every type
    /// (the JSON context's <c>GetTypeInfo</c>) holds fewer statements: each of them is the full one's. Constructors say
    /// what the client as a whole offers (<c>ValidateRequests</c> only when a kept operation checks its request) and are
    /// not compared. Returns how many pieces were compared.
    /// </summary>
    public static int AssertKeptCodeIsIdentical(GeneratorRun full, GeneratorRun selected)
    {
        var fullPieces = Pieces(full).ToList();
        var wholes = fullPieces.Select(p => p.Text).ToHashSet(StringComparer.Ordinal);
        var compared = 0;
        foreach (var piece in Pieces(selected))
        {
            compared++;
            if (wholes.Contains(piece.Text) || piece.Member is ConstructorDeclarationSyntax)
            {
                continue;
            }

            var twin = piece.Member is BaseMethodDeclarationSyntax { Body: not null } method
                ? fullPieces.FirstOrDefault(p => p.Member is BaseMethodDeclarationSyntax { Body: not null } other && p.Container == piece.Container && Head(other) == Head(method))
                : default;
            Assert.True(twin.Member is not null, "This piece of the selected output is not in the full output:\n" + piece.Text);
            var statements = ((BaseMethodDeclarationSyntax)twin.Member!).Body!.Statements.Select(s => s.ToFullString().Trim()).ToHashSet(StringComparer.Ordinal);
            foreach (var statement in ((BaseMethodDeclarationSyntax)piece.Member!).Body!.Statements)
            {
                Assert.True(statements.Contains(statement.ToFullString().Trim()), "This statement of the selected output is not in the full output's " + piece.Container + ":\n" + statement);
            }
        }

        return compared;
    }

    private static string Head(BaseMethodDeclarationSyntax method) => method.ToString().Substring(0, method.Body!.SpanStart - method.SpanStart);

    private static IEnumerable<(string Container, MemberDeclarationSyntax? Member, string Text)> Pieces(GeneratorRun run)
    {
        foreach (var (hintName, text) in run.Sources)
        {
            var root = CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions).GetRoot();
            var isModels = hintName.Contains(".Models.", StringComparison.Ordinal);
            foreach (var type in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Where(t => t.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax))
            {
                var container = type.Identifier.Text;
                if (isModels || type is not TypeDeclarationSyntax declaration)
                {
                    yield return (container, type, type.ToFullString().Trim());
                    continue;
                }

                foreach (var piece in Members(container, declaration))
                {
                    yield return piece;
                }
            }
        }
    }

    // Nested types of a container (the JSON context's converters) are containers too.
    private static IEnumerable<(string Container, MemberDeclarationSyntax? Member, string Text)> Members(string container, TypeDeclarationSyntax type)
    {
        foreach (var attributes in type.AttributeLists)
        {
            yield return (container, null, container + " " + attributes.ToFullString().Trim());
        }

        foreach (var member in type.Members)
        {
            if (member is TypeDeclarationSyntax nested)
            {
                foreach (var piece in Members(container + "." + nested.Identifier.Text, nested))
                {
                    yield return piece;
                }

                continue;
            }

            yield return (container, member, container + " " + member.ToFullString().Trim());
        }
    }
}
