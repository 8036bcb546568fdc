using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Locating;
using Contracts.Generator.Model;
using Microsoft.OpenApi;
using static Contracts.Generator.Translation.SchemaShapes;

namespace Contracts.Generator.Translation;

/// <summary>
/// The validation keywords of a schema (<c>minimum</c>, <c>maxLength</c>, <c>pattern</c>, <c>minItems</c>…) → a
/// <see cref="ConstraintsModel"/> for the C# type the schema became: keywords that cannot apply to that type are left
/// out, as JSON Schema ignores them for other instance types. A pattern .NET cannot read is CTR124 and a keyword no value
/// can be checked against is CTR125, each reported once at its keyword, and that check is left out.
/// </summary>
internal sealed class ConstraintTranslator
{
    // Patterns longer than this are not checked at all (CTR124): a document's regex is hostile input.
    private const int MaxPatternLength = 4096;

    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    public ConstraintTranslator(DiagnosticBag diagnostics) => _diagnostics = diagnostics;

    /// <summary>The constraints of a value of <paramref name="type"/> described by <paramref name="schema"/> at <paramref name="pointer"/>; null when there are none.</summary>
    public ConstraintsModel? Of(IOpenApiSchema? schema, TypeRef type, string pointer)
    {
        if (schema is null)
        {
            return null;
        }

        // A $ref's keywords are the component's (the reader hands the component itself): report them there, once.
        if (schema.ReferenceId() is { Length: > 0 } id)
        {
            pointer = "#/components/schemas/" + Escape(id);
        }

        var sources = Sources(schema, pointer);
        var model = type.Kind switch
        {
            TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal => Numeric(sources),
            TypeKind.String => Text(sources),
            TypeKind.Array => Counted(sources, "minItems", "maxItems", s => s.MinItems, s => s.MaxItems) with
            {
                UniqueItems = sources.Any(s => s.Schema.UniqueItems == true),
                Element = Element(sources, type, s => s.Items, "/items"),
            },
            TypeKind.Map => Counted(sources, "minProperties", "maxProperties", s => s.MinProperties, s => s.MaxProperties) with
            {
                Element = Element(sources, type, s => s.AdditionalProperties, "/additionalProperties"),
            },
            _ => null,
        };
        return model is { IsEmpty: false } ? model : null;
    }

    private ConstraintsModel? Element(List<(IOpenApiSchema Schema, string Pointer)> sources, TypeRef type, Func<IOpenApiSchema, IOpenApiSchema?> element, string suffix)
    {
        foreach (var (schema, pointer) in sources)
        {
            if (element(schema) is { } elementSchema)
            {
                return Of(elementSchema, type.Element!, pointer + suffix);
            }
        }

        return null;
    }

    /// <summary>The schema, its annotation-only <c>allOf</c> members and the member a one-member wrapper stands for, in that order (the first that says wins).</summary>
    private static List<(IOpenApiSchema Schema, string Pointer)> Sources(IOpenApiSchema schema, string pointer)
    {
        var sources = new List<(IOpenApiSchema, string)>();
        for (var depth = 0; schema is not null && depth < 8; depth++)
        {
            sources.Add((schema, pointer));
            foreach (var (members, keyword) in new[] { (schema.AllOfList(), "allOf"), (schema.OneOfList(), "oneOf"), (schema.AnyOfList(), "anyOf") })
            {
                for (var i = 0; i < members.Count; i++)
                {
                    if (members[i] is { } member && IsAnnotationOnly(member))
                    {
                        sources.Add((member, pointer + "/" + keyword + "/" + i));
                    }
                }
            }

            if (Unwrap(schema) is not { } single)
            {
                break;
            }

            schema = single.Schema;
            pointer = single.Schema.ReferenceId() is { Length: > 0 } id
                ? "#/components/schemas/" + Escape(id)
                : pointer + "/" + single.Keyword;
        }

        return sources;
    }

    private ConstraintsModel Numeric(List<(IOpenApiSchema Schema, string Pointer)> sources)
    {
        var minimum = sources.FirstOrDefault(s => s.Schema.MinimumValue() is not null);
        var maximum = sources.FirstOrDefault(s => s.Schema.MaximumValue() is not null);
        var multiple = sources.FirstOrDefault(s => s.Schema.MultipleOf is not null);
        string? multipleOf = null;
        if (multiple.Schema?.MultipleOf is { } factor)
        {
            if (factor > 0)
            {
                multipleOf = Number(factor);
            }
            else
            {
                Report(multiple.Pointer + "/multipleOf", "multipleOf: " + Number(factor), "it must be greater than 0");
            }
        }

        return new ConstraintsModel(
            Minimum: minimum.Schema?.MinimumValue() is { } min ? Number(min) : null,
            ExclusiveMinimum: minimum.Schema?.IsExclusiveMinimum() == true,
            Maximum: maximum.Schema?.MaximumValue() is { } max ? Number(max) : null,
            ExclusiveMaximum: maximum.Schema?.IsExclusiveMaximum() == true,
            MultipleOf: multipleOf);
    }

    private ConstraintsModel Text(List<(IOpenApiSchema Schema, string Pointer)> sources)
    {
        var pattern = sources.FirstOrDefault(s => !string.IsNullOrEmpty(s.Schema.Pattern));
        return new ConstraintsModel(
            MinLength: Count(sources, "minLength", s => s.MinLength),
            MaxLength: Count(sources, "maxLength", s => s.MaxLength),
            Pattern: pattern.Schema is null ? null : CheckedPattern(pattern.Schema.Pattern!, pattern.Pointer + "/pattern"));
    }

    private ConstraintsModel Counted(List<(IOpenApiSchema Schema, string Pointer)> sources, string minKeyword, string maxKeyword, Func<IOpenApiSchema, int?> min, Func<IOpenApiSchema, int?> max) =>
        new(MinCount: Count(sources, minKeyword, min), MaxCount: Count(sources, maxKeyword, max));

    private int? Count(List<(IOpenApiSchema Schema, string Pointer)> sources, string keyword, Func<IOpenApiSchema, int?> value)
    {
        foreach (var (schema, pointer) in sources)
        {
            if (value(schema) is { } count)
            {
                if (count >= 0)
                {
                    return count;
                }

                Report(pointer + "/" + keyword, keyword + ": " + count.ToString(CultureInfo.InvariantCulture), "a length or count cannot be negative");
                return null;
            }
        }

        return null;
    }

    /// <summary>The pattern in .NET's spelling (<see cref="PatternDialect"/>) when .NET's engine reads it; otherwise CTR124 at the keyword and null.</summary>
    private string? CheckedPattern(string written, string pointer)
    {
        var pattern = PatternDialect.ToDotNet(written);
        string? problem = null;
        if (pattern.Length > MaxPatternLength)
        {
            problem = "it is longer than " + MaxPatternLength.ToString(CultureInfo.InvariantCulture) + " characters";
        }
        else
        {
            try
            {
                // Parsing only: nothing is matched here, so no input can make this slow.
                _ = new Regex(pattern, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException exception)
            {
                problem = exception.Message;
            }
        }

        if (problem is null)
        {
            return pattern;
        }

        if (_reported.Add(pointer))
        {
            var shown = written.Length <= 100 ? written : written.Substring(0, 100) + "…";
            _diagnostics.Add(DiagnosticDescriptors.PatternNotChecked, pointer, shown, problem);
        }

        return null;
    }

    private void Report(string pointer, string constraint, string problem)
    {
        if (_reported.Add(pointer))
        {
            _diagnostics.Add(DiagnosticDescriptors.ConstraintNotChecked, pointer, constraint, problem);
        }
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
