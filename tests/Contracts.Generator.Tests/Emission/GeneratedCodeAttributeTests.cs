using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Emission;

/// <summary>
/// Every type the generator declares carries <c>[GeneratedCode]</c>, nested ones included (union cases, converters), so
/// that analyzers and coverage tools treat it as generated.
/// </summary>
public sealed class GeneratedCodeAttributeTests
{
    [Theory]
    [InlineData("Specs/unions.yaml", "Contracts.Tests.Unions", "UnionsClient")]
    [InlineData("Specs/shapes.yaml", "Contracts.Tests.Shapes", "ShapesClient")]
    public void Every_generated_type_is_marked_as_generated(string spec, string ns, string client)
    {
        var run = GeneratorHarness.Run(SpecFile.FromOutput(spec, ns, client));
        run.AssertCompilesCleanly();

        var generatedTrees = run.OutputCompilation.SyntaxTrees.Except(run.InputCompilation.SyntaxTrees).ToHashSet();
        var unmarked = Types(run.OutputCompilation.GlobalNamespace)
            .Where(type => type.DeclaringSyntaxReferences.Any(r => generatedTrees.Contains(r.SyntaxTree)))
            .Where(type => !type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.CodeDom.Compiler.GeneratedCodeAttribute"))
            .Select(type => type.ToDisplayString())
            .ToList();

        Assert.True(unmarked.Count == 0, "Not marked [GeneratedCode]: " + string.Join(", ", unmarked));
    }

    private static System.Collections.Generic.IEnumerable<INamedTypeSymbol> Types(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceOrTypeSymbol nested)
            {
                if (nested is INamedTypeSymbol type)
                {
                    yield return type;
                }

                foreach (var inner in Types(nested))
                {
                    yield return inner;
                }
            }
        }
    }
}
