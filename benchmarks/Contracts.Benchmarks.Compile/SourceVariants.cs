using System;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Contracts.Benchmarks.Compile;

/// <summary>Our output with one part changed or taken away: the difference in compile time is what that part costs.</summary>
public static class SourceVariants
{
    private static readonly string[] Names = { "nodocs", "annotations", "stub-read", "stub-write", "noclient" };

    public static string Check(string name) =>
        Names.Contains(name, StringComparer.Ordinal) ? name : throw new ArgumentException("unknown variant " + name + "; one of " + string.Join(", ", Names));

    public static SourceSet Apply(SourceSet ours, string variant)
    {
        var files = variant switch
        {
            "nodocs" => ours.Files.Select(f => (f.Path, Regex.Replace(f.Text, @"^[ \t]*///.*\r?\n", "", RegexOptions.Multiline))).ToList(),
            "annotations" => ours.Files.Select(f => (f.Path, Regex.Replace(f.Text, @"^#nullable enable\s*$", "#nullable enable annotations", RegexOptions.Multiline))).ToList(),
            "stub-read" => ours.Files.Select(f => (f.Path, Stub(f.Text, "ReadValue"))).ToList(),
            "stub-write" => ours.Files.Select(f => (f.Path, Stub(f.Text, "WriteValue"))).ToList(),
            "noclient" => ours.Files.Where(f => !f.Path.EndsWith(".Client.g.cs", StringComparison.Ordinal)).ToList(),
            _ => throw new ArgumentException(variant),
        };
        return new SourceSet(files, ours.References);
    }

    /// <summary>Every method named <paramref name="name"/> keeps its signature and throws instead of doing its work.</summary>
    private static string Stub(string text, string name)
    {
        var root = CSharpSyntaxTree.ParseText(text, Compiler.ParseOptions).GetRoot();
        var stubbed = root.ReplaceNodes(
            root.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(m => m.Identifier.ValueText == name),
            static (_, method) => method.WithBody(null).WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken))
                .WithExpressionBody(SyntaxFactory.ArrowExpressionClause(SyntaxFactory.ParseExpression("throw null!"))));
        return stubbed.ToFullString();
    }
}
