using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Contracts.Benchmarks.Compile;

/// <summary>One set of C# files to compile (without the app's own file, which <see cref="Compiler"/> adds), and what it compiles against.</summary>
public sealed record SourceSet(IReadOnlyList<(string Path, string Text)> Files, ImmutableArray<MetadataReference> References)
{
    private CodeShape? _shape;

    public string Spec { get; init; } = "";

    public string Label { get; init; } = "";

    /// <summary>
    /// Parses doc comments and writes the XML documentation file, as <c>GenerateDocumentationFile</c> makes csc do
    /// (<c>/doc</c>: <see cref="DocumentationMode.Diagnose"/>); without it csc treats them as plain comments.
    /// </summary>
    public bool DocumentationFile { get; init; }

    /// <summary>Compile errors found in the first compile (0 when it compiles); such a set's times mean little.</summary>
    public int Errors { get; set; }

    /// <summary>Characters, lines, types and methods of the files, counted once.</summary>
    public CodeShape Shape => _shape ??= CodeShape.Of(Files);

    /// <summary>Every .cs file under <paramref name="folder"/>, in ordinal order of their relative paths.</summary>
    public static SourceSet FromFolder(string folder, ImmutableArray<MetadataReference> references)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(folder);
        }

        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Select(path => (Path: System.IO.Path.GetRelativePath(folder, path), Text: File.ReadAllText(path)))
            .OrderBy(file => file.Path, StringComparer.Ordinal)
            .ToList();
        return new SourceSet(files, references);
    }

    public void WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var old in Directory.EnumerateFiles(folder, "*.cs"))
        {
            File.Delete(old);
        }

        foreach (var (path, text) in Files)
        {
            File.WriteAllText(System.IO.Path.Combine(folder, path), text);
        }
    }

    // A set is a key of the samples table: by reference, not by its files.
    public bool Equals(SourceSet? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

/// <summary>The size of a set of files: characters, lines, declared types (classes, records, structs, interfaces, enums, delegates) and methods (with constructors and operators).</summary>
public sealed record CodeShape(long Characters, long Lines, int Types, int Methods)
{
    public static CodeShape Of(IReadOnlyList<(string Path, string Text)> files)
    {
        long characters = 0, lines = 0;
        int types = 0, methods = 0;
        foreach (var (_, text) in files)
        {
            characters += text.Length;
            lines += text.AsSpan().Count('\n');
            var root = CSharpSyntaxTree.ParseText(text, Compiler.ParseOptions).GetRoot();
            foreach (var node in root.DescendantNodes(static node => node is not BlockSyntax and not ArrowExpressionClauseSyntax))
            {
                if (node is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
                {
                    types++;
                }
                else if (node is BaseMethodDeclarationSyntax)
                {
                    methods++;
                }
            }
        }

        return new CodeShape(characters, lines, types, methods);
    }
}
