using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Contracts.Generator.Emitting;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Contracts.Generator.Tests.Emission;

/// <summary>
/// Enums, records and unions as large as the limits admit must compile in time linear in their code. The compiler's time
/// grows with the square of a pattern's alternatives (<c>Value is "a" or "b" or …</c>), of a switch's cases, of an
/// <c>else if</c> chain, and, under nullable analysis, of a method's locals times its branches: a 5,000-value enum took
/// 104 s to compile and a 50,000-value one exhausted the compiler's stack. The first test reads the generated code's
/// structure (no clocks); the others compile and use the largest shapes.
/// </summary>
public sealed class LargeShapeTests
{
    private const string Header = "openapi: 3.0.3\ninfo: {title: Large, version: '1'}\nservers: [{url: 'https://large.example.com'}]\npaths: {}\ncomponents:\n  schemas:\n";
    private const string Ns = "Contracts.Tests.Large";
    private const string Context = Ns + ".LargeJsonContext";

    [Fact]
    public void No_generated_construct_grows_with_the_number_of_values_members_or_cases()
    {
        const int Count = 300;
        var run = GeneratorHarness.Run(SpecFile.Inline("large.yaml", Header + Enum("Huge", Count) + IntegerEnum("Numbers", Count) + Record("Wide", Count)
            + Union("Choice", Count, discriminated: true) + Union("Guess", Count, discriminated: false) + ManyValuesCase(Count), Ns, "LargeClient"));

        run.AssertCompilesCleanly();
        run.AssertNoGeneratorDiagnostics();
        // As the compile tests see the code: with nullable warnings on, which a build leaves off.
        foreach (var tree in run.CheckedCompilation.SyntaxTrees.Where(t => t.FilePath.Contains("Models", StringComparison.Ordinal)))
        {
            var root = tree.GetRoot();
            var model = run.CheckedCompilation.GetSemanticModel(tree);
            var where = tree.FilePath;

            // One pattern of every value: "is "a" or "b" or …".
            foreach (var pattern in root.DescendantNodes().OfType<BinaryPatternSyntax>().Where(p => p.Parent is not BinaryPatternSyntax))
            {
                Assert.True(pattern.DescendantNodesAndSelf().OfType<BinaryPatternSyntax>().Count() < 8, $"{where}: {Shorten(pattern)}");
            }

            // A switch of every case, statement or expression.
            Assert.All(root.DescendantNodes().OfType<SwitchStatementSyntax>(), s => Assert.True(s.Sections.Count < 8, $"{where}: {Shorten(s)}"));
            Assert.All(root.DescendantNodes().OfType<SwitchExpressionSyntax>(), s => Assert.True(s.Arms.Count < 8, $"{where}: {Shorten(s)}"));

            // An else-if chain of every member.
            foreach (var chain in root.DescendantNodes().OfType<IfStatementSyntax>().Where(s => s.Parent is not ElseClauseSyntax))
            {
                var length = 1;
                for (var next = chain.Else?.Statement as IfStatementSyntax; next is not null; next = next.Else?.Statement as IfStatementSyntax)
                {
                    length++;
                }

                Assert.True(length < 8, $"{where}: an else-if chain of {length} at {Shorten(chain)}");
            }

            // A method with a branch per value, member or case is compiled without nullable analysis.
            foreach (var method in root.DescendantNodes().OfType<BaseMethodDeclarationSyntax>().Where(m => m.Body is not null))
            {
                if (method.Body!.DescendantNodes().OfType<IfStatementSyntax>().Count() > NullableAnalysis.MaxAnalyzedBody)
                {
                    var context = model.GetNullableContext(method.Body.SpanStart);
                    Assert.False(context.WarningsEnabled(), $"{where}: {Shorten(method)} has {method.Body.DescendantNodes().OfType<IfStatementSyntax>().Count()} branches under nullable analysis");
                }
            }

            // The record's converter keeps no local per member: a method may have at most 65,534 locals.
            foreach (var converter in root.DescendantNodes().OfType<ClassDeclarationSyntax>().Where(c => c.Identifier.Text == "Wide" && c.BaseList is not null))
            {
                foreach (var method in converter.Members.OfType<MethodDeclarationSyntax>())
                {
                    var locals = method.DescendantNodes().Count(n => n is VariableDeclaratorSyntax or SingleVariableDesignationSyntax);
                    Assert.True(locals < 8, $"{where}: {method.Identifier} declares {locals} locals");
                }
            }

            foreach (var type in root.DescendantNodes().OfType<StructDeclarationSyntax>())
            {
                // A struct's static initializers are not under nullable analysis, which walks every member of the struct
                // for each of them; and its instance field comes first, before the static members (writing the metadata
                // looks for the first instance field once per field).
                var statics = type.Members.Where(m => m.Modifiers.Any(SyntaxKind.StaticKeyword) && m is FieldDeclarationSyntax or PropertyDeclarationSyntax).ToList();
                Assert.All(statics.Where(HasInitializer), m => Assert.False(model.GetNullableContext(m.SpanStart).WarningsEnabled(), $"{where}: {Shorten(m)}"));
                var firstInstance = type.Members.IndexOf(m => !m.Modifiers.Any(SyntaxKind.StaticKeyword) && m is FieldDeclarationSyntax or PropertyDeclarationSyntax { AccessorList: not null });
                Assert.True(firstInstance >= 0 && statics.All(m => type.Members.IndexOf(m) > firstInstance), $"{where}: struct {type.Identifier} declares a static member before its instance field");
            }
        }
    }

    [Fact]
    public void A_50000_value_enum_compiles_and_round_trips_a_value()
    {
        const int Count = 50_000;
        var run = GeneratorHarness.Run(SpecFile.Inline("large.yaml", Header + Enum("Huge", Count), Ns, "LargeClient"));
        run.AssertNoGeneratorDiagnostics();

        using var output = LoadedOutput.Load(run);

        var type = output.Type(Ns + ".Huge");
        var last = output.Deserialize(Context, "Huge", "\"v49999\"")!;
        Assert.Equal(type.GetProperty("V49999")!.GetValue(null), last);
        Assert.True((bool)type.GetProperty("IsKnown")!.GetValue(last)!);
        Assert.Equal("\"v49999\"", output.Serialize(Context, "Huge", last));
        var unknown = output.Deserialize(Context, "Huge", "\"v50000\"")!;
        Assert.False((bool)type.GetProperty("IsKnown")!.GetValue(unknown)!);
        Assert.Equal("\"v50000\"", output.Serialize(Context, "Huge", unknown));
        Assert.Equal(Count, ((System.Collections.IEnumerable)type.GetProperty("KnownValues")!.GetValue(null)!).Cast<object>().Count());
    }

    [Fact]
    public void A_10000_member_record_and_a_1000_case_union_compile_and_round_trip()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("large.yaml", Header + Record("Wide", 10_000) + Union("Choice", 1_000, discriminated: true), Ns, "LargeClient").ReadAndWritten());
        run.AssertNoGeneratorDiagnostics();

        using var output = LoadedOutput.Load(run);

        var wide = new JsonObject { ["m0"] = "first", ["m9999"] = "last", ["undeclared"] = "kept" }.ToJsonString();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(wide), JsonNode.Parse(output.Serialize(Context, "Wide", output.Deserialize(Context, "Wide", wide)))));

        var choice = new JsonObject { ["kind"] = "c999", ["x999"] = "value" }.ToJsonString();
        var read = output.Deserialize(Context, "Choice", choice)!;
        Assert.Equal(Ns + ".Choice+C999", read.GetType().FullName);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(choice), JsonNode.Parse(output.Serialize(Context, "Choice", read))));
    }

    private static bool HasInitializer(MemberDeclarationSyntax member) => member switch
    {
        FieldDeclarationSyntax field => field.Declaration.Variables.Any(v => v.Initializer is not null),
        PropertyDeclarationSyntax property => property.Initializer is not null,
        _ => false,
    };

    private static string Shorten(SyntaxNode node)
    {
        var text = node.ToString();
        return text.Length <= 200 ? text : text.Substring(0, 200) + "…";
    }

    private static string Enum(string name, int count)
    {
        var text = new StringBuilder("    ").Append(name).Append(":\n      type: string\n      enum:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("        - v").Append(i).Append('\n');
        }

        return text.ToString();
    }

    private static string IntegerEnum(string name, int count)
    {
        var text = new StringBuilder("    ").Append(name).Append(":\n      type: integer\n      enum:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("        - ").Append(i).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A record of <paramref name="count"/> members, the last one required, that keeps undeclared members.</summary>
    private static string Record(string name, int count)
    {
        var text = new StringBuilder("    ").Append(name).Append(":\n      type: object\n      additionalProperties: {type: string}\n      required: [m")
            .Append(count - 1).Append("]\n      properties:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("        m").Append(i).Append(": {type: string}\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// A union of <paramref name="count"/> object cases: with a discriminator mapped to each, or told apart by a required
    /// member of their own (scored).
    /// </summary>
    private static string Union(string name, int count, bool discriminated)
    {
        var prefix = discriminated ? "C" : "G";
        var text = new StringBuilder("    ").Append(name).Append(":\n      oneOf:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("        - {$ref: '#/components/schemas/").Append(prefix).Append(i).Append("'}\n");
        }

        if (discriminated)
        {
            text.Append("      discriminator:\n        propertyName: kind\n        mapping:\n");
            for (var i = 0; i < count; i++)
            {
                text.Append("          c").Append(i).Append(": '#/components/schemas/C").Append(i).Append("'\n");
            }
        }

        for (var i = 0; i < count; i++)
        {
            text.Append("    ").Append(prefix).Append(i).Append(": {type: object, required: [")
                .Append(discriminated ? "kind, " : string.Empty).Append('x').Append(i).Append("], properties: {")
                .Append(discriminated ? "kind: {type: string}, " : string.Empty).Append('x').Append(i).Append(": {type: string}}}\n");
        }

        return text.ToString();
    }

    /// <summary>A discriminated union whose one case is mapped from <paramref name="count"/> values.</summary>
    private static string ManyValuesCase(int count)
    {
        var text = new StringBuilder("    Aliased:\n      oneOf: [{$ref: '#/components/schemas/Target'}, {$ref: '#/components/schemas/Other'}]\n      discriminator:\n        propertyName: kind\n        mapping:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("          alias").Append(i).Append(": '#/components/schemas/Target'\n");
        }

        text.Append("          other: '#/components/schemas/Other'\n");
        text.Append("    Target: {type: object, required: [kind], properties: {kind: {type: string}, t: {type: string}}}\n");
        text.Append("    Other: {type: object, required: [kind], properties: {kind: {type: string}, o: {type: string}}}\n");
        return text.ToString();
    }
}
