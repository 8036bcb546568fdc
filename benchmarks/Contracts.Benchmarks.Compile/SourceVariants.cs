using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Contracts.Benchmarks.Compile;

/// <summary>Our output with one part changed or taken away: the difference in compile time is what that part costs.</summary>
public static class SourceVariants
{
    private static readonly string[] Names = { "nodocs", "annotations", "stub-read", "stub-write", "stub-twins", "stub-client", "stub-context", "noclient", "client-throws", "enums-only", "enums-multi", "docfile", "nodocs-docfile", "bare-context", "one-converters-block", "shared-enum-converter", "no-required-flags", "static-converters", "write-helpers", "read-helper", "delegate-converters", "classes", "records-own-print", "records-own-equality", "records-both", "records-own-all" };

    public static string Check(string name) =>
        Names.Contains(name, StringComparer.Ordinal) ? name : throw new ArgumentException("unknown variant " + name + "; one of " + string.Join(", ", Names));

    public static SourceSet Apply(SourceSet ours, string variant)
    {
        var files = variant switch
        {
            "nodocs" => ours.Files.Select(f => (f.Path, Regex.Replace(f.Text, @"^[ \t]*///.*\r?\n", "", RegexOptions.Multiline))).ToList(),
            // Annotations kept, warnings (and so the flow analysis) off: `enable annotations` alone leaves warnings as the project sets them.
            "annotations" => ours.Files.Select(f => (f.Path, Regex.Replace(
                Regex.Replace(f.Text, @"^([ \t]*)#nullable enable[ \t]*\r?$", "$1#nullable enable annotations\n$1#nullable disable warnings", RegexOptions.Multiline),
                @"^([ \t]*)#nullable enable warnings[ \t]*\r?$", "$1#nullable disable warnings", RegexOptions.Multiline))).ToList(),
            "stub-read" => ours.Files.Select(f => (f.Path, Stub(f.Text, "ReadValue"))).ToList(),
            "stub-write" => ours.Files.Select(f => (f.Path, Stub(f.Text, "WriteValue"))).ToList(),
            "stub-twins" => ours.Files.Select(f => (f.Path, Stub(f.Text, "WithResponseAsync"))).ToList(),
            "stub-client" => ours.Files.Select(f => (f.Path, f.Path.EndsWith(".Client.g.cs", StringComparison.Ordinal) ? Stub(f.Text, "") : f.Text)).ToList(),
            "stub-context" => ours.Files.Select(f => (f.Path, f.Path.EndsWith(".JsonContext.g.cs", StringComparison.Ordinal) ? Stub(f.Text, "") : f.Text)).ToList(),
            "noclient" => ours.Files.Where(f => !f.Path.EndsWith(".Client.g.cs", StringComparison.Ordinal)).ToList(),
            // What keeping a failure to build the request inside the returned task costs: the methods without their try/catch.
            "client-throws" => ours.Files.Select(f => (f.Path, f.Path.EndsWith(".Client.g.cs", StringComparison.Ordinal) ? WithoutCatch(f.Text) : f.Text)).ToList(),
            // What the open enums cost alone: only the enum structs and their converters (enums-multi: those of two values or more).
            "enums-only" => EnumsOnly(ours, minimumValues: 1),
            "enums-multi" => EnumsOnly(ours, minimumValues: 2),
            // The same text with doc comments parsed and the XML file written, as GenerateDocumentationFile builds it (csc /doc).
            "docfile" => ours.Files.ToList(),
            "nodocs-docfile" => Apply(ours, "nodocs").Files.ToList(),
            // The JSON context without what it has per type (resolver branch, field, Create_ method, doc): each property
            // only `=> null!`, so that ours minus this is what the per-type metadata costs beyond the property itself.
            "bare-context" => ours.Files.Select(f => (f.Path, f.Path.EndsWith(".JsonContext.g.cs", StringComparison.Ordinal) ? BareContext(f.Text) : f.Text)).ToList(),
            // Every converter of a type file in one reopening of the context's Converters class at the file's end, not one
            // reopening (two partial declarations) per converter: what those partial declarations cost.
            "one-converters-block" => ours.Files.Select(f => (f.Path, f.Path.Contains(".Models.", StringComparison.Ordinal) ? OneConvertersBlock(f.Text) : f.Text)).ToList(),
            // No converter class per string enum: one generic class over the runtime's OpenEnumConverter<T> serves them all
            // (the attribute, the context and the converters name it instead): what the per-enum classes cost.
            "shared-enum-converter" => SharedEnumConverter(ours),
            // The record readers without their check of required members (a mask declared, a bit set per member, one check): what it costs.
            "no-required-flags" => ours.Files.Select(f => (f.Path, WithoutRequiredFlags(f.Text))).ToList(),
            // Record and union converters as static classes of their two methods (no JsonConverter<T> base, no overrides):
            // what a class deriving from the converter per type costs beyond its read and write methods.
            "static-converters" => ours.Files.Select(f => (f.Path, StaticConverters(f.Text))).ToList(),
            // Members written through helpers of one overload per value type, not Utf8JsonWriter's overloads (about 28 per name).
            "write-helpers" => ours.Files.Select(f => (f.Path, Regex.Replace(Regex.Replace(Regex.Replace(f.Text,
                @"writer\.WriteString\((s_name\d+), ", "__W.S(writer, $1, "), @"writer\.WriteNumber\((s_name\d+), ", "__W.N(writer, $1, "),
                @"writer\.WriteBoolean\((s_name\d+), ", "__W.B(writer, $1, "))).Append(("__W.cs", WriteHelpers)).ToList(),
            // Member names compared through a method of one overload, not ValueTextEquals' three.
            "read-helper" => ours.Files.Select(f => (f.Path, f.Text.Replace("reader.ValueTextEquals(", "global::__R.Eq(ref reader, ", StringComparison.Ordinal)))
                .Append(("__R.cs", "internal static class __R { public static bool Eq(ref global::System.Text.Json.Utf8JsonReader r, global::System.ReadOnlySpan<byte> n) => r.ValueTextEquals(n); }")).ToList(),
            // Record and union converters deriving from one generic converter handed their two static methods as delegates,
            // without overrides of their own.
            "delegate-converters" => ours.Files.Select(f => (f.Path, f.Path.Contains(".Models.", StringComparison.Ordinal) ? DelegateConverters(f.Text) : f.Text)).Append(("__DelegateConverter.cs", DelegateConverter)).ToList(),
            // Records as classes (positional union cases with their property written out; `with` copies dropped, so the
            // client's paging and streaming lines no longer copy): what the members the compiler synthesizes for every
            // record (equality, ToString, PrintMembers, the copy constructor, Deconstruct) cost.
            "classes" => ours.Files.Select(f => (f.Path, RecordsAsClasses(f.Text))).ToList(),
            // Records that keep their synthesized members but one group, declared instead with a body that does nothing:
            // PrintMembers returning false (what ToString's per-member printing costs), Equals(T?) and GetHashCode
            // comparing references (what value equality costs), or both.
            "records-own-print" => OwnRecordMembers(ours, print: true, equality: false),
            "records-own-equality" => OwnRecordMembers(ours, print: false, equality: true),
            "records-both" => OwnRecordMembers(ours, print: true, equality: true),
            // Every synthesized member C# lets a record declare itself declared with a body that does nothing: beside the
            // above, ToString, EqualityContract, the copy constructor and a positional record's Deconstruct. Left to the
            // compiler: Equals(object), the == and != operators, the Clone method and a derived record's Equals(Base?).
            "records-own-all" => OwnRecordMembers(ours, print: true, equality: true, rest: true),
            _ => throw new ArgumentException(variant),
        };
        return new SourceSet(files, ours.References) { DocumentationFile = variant.EndsWith("docfile", StringComparison.Ordinal) };
    }

    /// <summary>The context's per-type members reduced to a property that returns null; its resolver to <c>return null;</c>.</summary>
    private static string BareContext(string text)
    {
        var root = CSharpSyntaxTree.ParseText(text, Compiler.ParseOptions).GetRoot();
        var context = root.DescendantNodes().OfType<ClassDeclarationSyntax>().First(c => c.Identifier.ValueText.EndsWith("JsonContext", StringComparison.Ordinal));
        var perType = context.Members.Where(m => m is FieldDeclarationSyntax f && f.Declaration.Variables[0].Identifier.ValueText.StartsWith('_')
            || m is MethodDeclarationSyntax method && method.Identifier.ValueText.StartsWith("Create_", StringComparison.Ordinal)).ToList();
        var bare = context.RemoveNodes(perType, SyntaxRemoveOptions.KeepNoTrivia)!;
        bare = bare.ReplaceNodes(
            bare.Members.Where(m => m is PropertyDeclarationSyntax { ExpressionBody: not null } || m is MethodDeclarationSyntax { ExplicitInterfaceSpecifier: not null }),
            static (_, member) => member switch
            {
                PropertyDeclarationSyntax p => p.WithExpressionBody(SyntaxFactory.ArrowExpressionClause(SyntaxFactory.ParseExpression("null!"))).WithoutLeadingTrivia(),
                MethodDeclarationSyntax m => m.WithBody(SyntaxFactory.Block(SyntaxFactory.ParseStatement("return null;"))),
                _ => member,
            });
        return root.ReplaceNode(context, bare).ToFullString();
    }

    /// <summary>The file's blocks that only reopen the context's <c>Converters</c> class, merged into one block at its end.</summary>
    private static string OneConvertersBlock(string text)
    {
        var reopening = new Regex(@"^namespace (\S+)\r?\n\{\r?\n(    \w+ sealed partial class \w+\r?\n    \{\r?\n        internal static partial class Converters\r?\n        \{\r?\n)(.*)        \}\r?\n    \}\r?\n\}\s*$", RegexOptions.Singleline);
        var kept = new List<string>();
        var converters = new List<string>();
        string? header = null;
        foreach (var block in Regex.Split(text, "^(?=namespace )", RegexOptions.Multiline))
        {
            if (reopening.Match(block) is { Success: true } m)
            {
                header ??= "namespace " + m.Groups[1].Value + "\n{\n" + m.Groups[2].Value;
                converters.Add(m.Groups[3].Value);
            }
            else
            {
                kept.Add(block);
            }
        }

        return header is null ? text : string.Concat(kept) + "\n" + header + string.Join("\n", converters) + "        }\n    }\n}\n";
    }

    /// <summary>String enums' empty converter classes left out, every use of one naming a single generic converter instead.</summary>
    private static List<(string Path, string Text)> SharedEnumConverter(SourceSet ours)
    {
        const string Shared = "global::Contracts.Benchmarks.Variant.SharedEnumConverter";
        var enumConverter = new Regex(@"internal sealed class (\w+) : global::Contracts\.Runtime\.Json\.OpenEnumConverter<(global::[\w.]+)> \{ \}");
        var enums = new HashSet<string>(ours.Files.SelectMany(f => enumConverter.Matches(f.Text).Select(m => m.Groups[1].Value)), StringComparer.Ordinal);
        var files = ours.Files.Select(f =>
        {
            var text = string.Concat(Regex.Split(f.Text, "^(?=namespace )", RegexOptions.Multiline).Where(b => !enumConverter.IsMatch(b)));
            text = Regex.Replace(text, @"global::([\w.]+)\.\w+JsonContext\.Converters\.(\w+)\b", m => enums.Contains(m.Groups[2].Value) ? Shared + "<global::" + m.Groups[1].Value + "." + m.Groups[2].Value + ">" : m.Value);
            return (f.Path, Regex.Replace(text, @"^namespace ([\w.]+)(?s:.*)", m => Regex.Replace(m.Value, @"new Converters\.(\w+)\(\)", c => enums.Contains(c.Groups[1].Value) ? "new " + Shared + "<global::" + m.Groups[1].Value + "." + c.Groups[1].Value + ">()" : c.Value), RegexOptions.Multiline));
        }).ToList();
        files.Add(("SharedEnumConverter.cs", "namespace Contracts.Benchmarks.Variant\n{\n    internal sealed class SharedEnumConverter<T> : global::Contracts.Runtime.Json.OpenEnumConverter<T> where T : struct, global::Contracts.Runtime.Json.IOpenEnum<T> { }\n}\n"));
        return files;
    }

    /// <summary>The type files' enum structs (those with <c>KnownValues</c>) and their converters, every other block and file left out.</summary>
    private static List<(string Path, string Text)> EnumsOnly(SourceSet ours, int minimumValues)
    {
        var blocks = ours.Files.Where(f => f.Path.Contains(".Models.", StringComparison.Ordinal))
            .Select(f => (f.Path, Blocks: Regex.Split(f.Text, "^(?=namespace )", RegexOptions.Multiline))).ToList();
        var enums = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in blocks.SelectMany(f => f.Blocks))
        {
            if (Regex.Match(block, @"readonly partial struct (\w+)") is { Success: true } m && block.Contains("KnownValues", StringComparison.Ordinal)
                && Regex.Matches(block, @"\{ get; \} = new\(").Count >= minimumValues)
            {
                enums.Add(m.Groups[1].Value);
            }
        }

        return blocks.Select(f => (f.Path, string.Concat(f.Blocks.Where((block, i) => i == 0
            || (Regex.Match(block, @"readonly partial struct (\w+)|internal sealed class (\w+) : global::(?:System\.Text\.Json\.Serialization\.JsonConverter|Contracts\.Runtime\.Json\.OpenEnumConverter)<") is { Success: true } m
                && enums.Contains(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)))))).ToList();
    }

    private const string WriteHelpers = """
        using System;
        using System.Text.Json;
        internal static class __W
        {
            public static void S(Utf8JsonWriter w, JsonEncodedText n, string v) => w.WriteString(n, v);
            public static void S(Utf8JsonWriter w, JsonEncodedText n, DateTimeOffset v) => w.WriteString(n, v);
            public static void S(Utf8JsonWriter w, JsonEncodedText n, Guid v) => w.WriteString(n, v);
            public static void N(Utf8JsonWriter w, JsonEncodedText n, int v) => w.WriteNumber(n, v);
            public static void N(Utf8JsonWriter w, JsonEncodedText n, long v) => w.WriteNumber(n, v);
            public static void N(Utf8JsonWriter w, JsonEncodedText n, float v) => w.WriteNumber(n, v);
            public static void N(Utf8JsonWriter w, JsonEncodedText n, double v) => w.WriteNumber(n, v);
            public static void N(Utf8JsonWriter w, JsonEncodedText n, decimal v) => w.WriteNumber(n, v);
            public static void B(Utf8JsonWriter w, JsonEncodedText n, bool v) => w.WriteBoolean(n, v);
        }
        """;

    private const string DelegateConverter = """
        using System;
        using System.Text.Json;
        internal delegate T __ReadValue<T>(ref Utf8JsonReader reader, JsonSerializerOptions options);
        internal abstract class __DelegateConverter<T>(__ReadValue<T> read, Action<Utf8JsonWriter, T, JsonSerializerOptions> write) : System.Text.Json.Serialization.JsonConverter<T>
        {
            public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => read(ref reader, options);

            public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => write(writer, value, options);
        }
        """;

    private static string DelegateConverters(string text) => Regex.Replace(
        text,
        @"internal sealed class (\w+) : global::System\.Text\.Json\.Serialization\.JsonConverter<([^\r\n]+)>(\r?\n[ \t]*\{\r?\n)[ \t]*public override [^\r\n]+ Read\(ref [^\r\n]+\r?\n\r?\n[ \t]*public override void Write\([^\r\n]+\r?\n",
        m => m.Groups[2].Value.Contains("OpenEnum", StringComparison.Ordinal) ? m.Value
            : "internal sealed class " + m.Groups[1].Value + "() : global::__DelegateConverter<" + m.Groups[2].Value + ">(ReadValue, WriteValue)" + m.Groups[3].Value);

    /// <summary>The record readers without their check of required members: each mask's declaration, bits set and check.</summary>
    private static string WithoutRequiredFlags(string text)
    {
        text = Regex.Replace(text, @"^[ \t]*ulong found\d+ = 0;\r?\n", string.Empty, RegexOptions.Multiline);
        text = Regex.Replace(text, @"^[ \t]*found\d+ \|= 1UL << \d+;\r?\n", string.Empty, RegexOptions.Multiline);
        return Regex.Replace(text, @"^([ \t]*)if \(found\d+ != 0x[0-9A-F]+UL\)\r?\n\1\{\r?\n.*\r?\n\1\}\r?\n(\r?\n)?", string.Empty, RegexOptions.Multiline);
    }

    /// <summary>Record and union converters as static classes, the JSON context handing a null converter for them.</summary>
    private static string StaticConverters(string text)
    {
        text = Regex.Replace(text, @"internal sealed class (\w+) : global::System\.Text\.Json\.Serialization\.JsonConverter<([^\r\n]+)>(\r?\n[ \t]*\{\r?\n)[ \t]*public override [^\r\n]+ Read\(ref [^\r\n]+\r?\n\r?\n[ \t]*public override void Write\([^\r\n]+\r?\n",
            m => m.Groups[2].Value.Contains("OpenEnum", StringComparison.Ordinal) ? m.Value : "internal static class " + m.Groups[1].Value + m.Groups[3].Value);
        return Regex.Replace(text, @"typeof\(([^)]+)\)\) return CreateTypeInfo\(options, new Converters\.\w+\(\)\)", "typeof($1)) return CreateTypeInfo<$1>(options, null!)");
    }

    /// <summary>A client method's request built outside a try/catch, so that what building throws is thrown at the call.</summary>
    private static string WithoutCatch(string text) => Regex.Replace(
        text,
        @"^( +)global::System\.Net\.Http\.HttpRequestMessage\? __request = null;\r?\n\1try\r?\n\1\{\r?\n(.*?)^\1\}\r?\n\1catch \(global::System\.Exception __exception\)\r?\n\1\{\r?\n.*?\r?\n\1\}\r?\n",
        m => Regex.Replace(m.Groups[2].Value, "^    ", string.Empty, RegexOptions.Multiline).Replace(m.Groups[1].Value + "__request = ", m.Groups[1].Value + "var __request = "),
        RegexOptions.Multiline | RegexOptions.Singleline);

    /// <summary>Every method whose name ends with <paramref name="name"/> keeps its signature (not <c>async</c>) and throws instead of doing its work.</summary>
    private static string Stub(string text, string name)
    {
        var root = CSharpSyntaxTree.ParseText(text, Compiler.ParseOptions).GetRoot();
        var stubbed = root.ReplaceNodes(
            root.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(m => m.Identifier.ValueText.EndsWith(name, StringComparison.Ordinal) && (m.Body is not null || m.ExpressionBody is not null)),
            static (_, method) => method.WithModifiers(SyntaxFactory.TokenList(method.Modifiers.Where(m => !m.IsKind(SyntaxKind.AsyncKeyword))))
                .WithBody(null).WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken))
                .WithExpressionBody(SyntaxFactory.ArrowExpressionClause(SyntaxFactory.ParseExpression("throw null!"))));
        return stubbed.ToFullString();
    }

    /// <summary>
    /// Every record's main declaration (the one with its accessibility; the other parts add interfaces) given its own
    /// <c>PrintMembers</c> and/or <c>Equals(T?)</c> and <c>GetHashCode</c>, in the accessibility C# requires of a sealed,
    /// unsealed or derived record; a record that declares one already keeps its own.
    /// </summary>
    private static List<(string Path, string Text)> OwnRecordMembers(SourceSet ours, bool print, bool equality, bool rest = false)
    {
        var trees = ours.Files.Select(f => (f.Path, Root: CSharpSyntaxTree.ParseText(f.Text, Compiler.ParseOptions).GetRoot())).ToList();
        var records = trees.SelectMany(t => t.Root.DescendantNodes().OfType<RecordDeclarationSyntax>())
            .Where(r => !r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword)).ToList();
        var recordNames = new HashSet<string>(records.Select(r => r.Identifier.ValueText), StringComparer.Ordinal);
        // Declared already in some part of the record (for example the redacted PrintMembers of a record holding a secret).
        var declared = new HashSet<string>(records.SelectMany(r => r.Members.OfType<MethodDeclarationSyntax>()
            .Select(m => r.Identifier.ValueText + "." + m.Identifier.ValueText)), StringComparer.Ordinal);

        return trees.Select(t => (t.Path, t.Root.ReplaceNodes(
            t.Root.DescendantNodes().OfType<RecordDeclarationSyntax>().Where(r => !r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword)
                && r.Modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.InternalKeyword))),
            (_, record) =>
            {
                var name = record.Identifier.ValueText;
                var isSealed = record.Modifiers.Any(SyntaxKind.SealedKeyword);
                var derived = record.BaseList?.Types.FirstOrDefault()?.Type is { } baseType && recordNames.Contains(RightmostName(baseType));
                var members = new List<string>();
                if (print && !declared.Contains(name + ".PrintMembers"))
                {
                    members.Add((derived ? "protected override" : isSealed ? "private" : "protected virtual") + " bool PrintMembers(global::System.Text.StringBuilder builder) => false;");
                }

                if (equality && !declared.Contains(name + ".Equals") && !declared.Contains(name + ".GetHashCode"))
                {
                    members.Add("public " + (isSealed ? "" : "virtual ") + "bool Equals(" + name + "? other) => (object)this == (object?)other;");
                    members.Add("public override int GetHashCode() => 0;");
                }

                if (rest)
                {
                    if (!declared.Contains(name + ".ToString"))
                    {
                        members.Add("public override string ToString() => \"\";");
                    }

                    members.Add((derived ? "protected override" : isSealed ? "private" : "protected virtual") + " global::System.Type EqualityContract => typeof(" + name + ");");
                    members.Add((isSealed && !derived ? "private " : "protected ") + name + "(" + name + " original)" + (derived ? " : base(original)" : "") + " { }");
                    if (record.ParameterList is { Parameters.Count: > 0 } parameters)
                    {
                        members.Add("public void Deconstruct(" + string.Join(", ", parameters.Parameters.Select(p => "out " + p.Type + " " + p.Identifier.ValueText)) + ") { "
                            + string.Concat(parameters.Parameters.Select(p => p.Identifier.ValueText + " = this." + p.Identifier.ValueText + "; ")) + "}");
                    }
                }

                if (members.Count == 0)
                {
                    return record;
                }

                // A positional record ending in `;` gets a body to hold them.
                if (record.SemicolonToken.IsKind(SyntaxKind.SemicolonToken))
                {
                    record = record.WithSemicolonToken(default)
                        .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(SyntaxFactory.LineFeed))
                        .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(record.SemicolonToken.TrailingTrivia));
                }

                return record.AddMembers(members.Select(m => SyntaxFactory.ParseMemberDeclaration(m)!
                    .WithTrailingTrivia(SyntaxFactory.LineFeed)).ToArray());
            }).ToFullString())).ToList();

        static string RightmostName(TypeSyntax type) => type switch
        {
            QualifiedNameSyntax q => q.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
            SimpleNameSyntax n => n.Identifier.ValueText,
            _ => type.ToString(),
        };
    }

    private static string RecordsAsClasses(string text)
    {
        // `sealed record Name(Type Value) : Base;` → a class with a primary constructor and the property it declared.
        text = Regex.Replace(text, @"\bsealed record (\w+)\(([^()]+?) Value\)( : [\w.:]+)?;", "sealed class $1($2 Value)$3 { public $2 Value { get; } = Value; }");
        text = Regex.Replace(text, @"\brecord (?=\w)", "class ");
        return Regex.Replace(text, @"(\w+) with \{[^{}]*\}", "$1");
    }
}
