using System.Globalization;
using System.Text;
using SharpYaml;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.Yaml;

/// <summary>
/// Writes a rewritten tree back to text for the reader, as JSON-shaped flow YAML. Scalar styles are kept where they
/// change meaning: a plain number, boolean or date stays unquoted (the reader reads <c>12</c>, <c>true</c> from it),
/// everything else becomes a double-quoted string. Aliases are written out in full, so the output is bounded
/// by a node budget (a "billion laughs" document stops there instead of growing without end).
/// </summary>
internal sealed class FlowYamlWriter
{
    /// <summary>Deeper than this (reachable only through YAML aliases; the YAML parser stops at 64) a tree is not written.</summary>
    internal const int MaxDepth = 256;

    private readonly StringBuilder _builder;
    private readonly int _maxDepth;
    private long _budget;

    private FlowYamlWriter(int capacity, long budget, int maxDepth)
    {
        _builder = new StringBuilder(capacity);
        _budget = budget;
        _maxDepth = maxDepth;
    }

    /// <summary>
    /// The text, or null when the tree has more nodes than <paramref name="budget"/> or is deeper than
    /// <paramref name="maxDepth"/>. The nodes written are taken off <paramref name="budget"/>, so that callers can share one.
    /// </summary>
    public static string? Write(YamlNode root, int capacity, ref long budget, int maxDepth)
    {
        var writer = new FlowYamlWriter(capacity, budget, maxDepth);
        var written = writer.WriteNode(root, 0);
        budget = writer._budget;
        return written ? writer._builder.ToString() : null;
    }

    /// <summary>
    /// A whole rewritten document (a bundle, an overlaid description) as text, with a node budget of twice the input's
    /// <paramref name="length"/> (aliases are written out in full, so the output stays linear in the input); null, reported
    /// as CTR001 with <paramref name="what"/> ("with its overlays applied, ") before the reason, when it is spent.
    /// </summary>
    public static string? WriteDocument(YamlNode root, int length, Contracts.Generator.Locating.DiagnosticBag diagnostics, string what)
    {
        var limit = 2L * length + 10_000;
        var budget = limit;
        var written = Write(root, length, ref budget, MaxDepth);
        if (written is null)
        {
            diagnostics.AddAt(Contracts.Generator.Diagnostics.DiagnosticDescriptors.SyntaxError, 0, 0, what + "its YAML aliases expand to more than "
                + limit.ToString(CultureInfo.InvariantCulture) + " nodes or more than "
                + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels deep");
        }

        return written;
    }

    private bool WriteNode(YamlNode node, int depth)
    {
        if (--_budget < 0 || depth > _maxDepth)
        {
            return false;
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                _builder.Append('{');
                var first = true;
                foreach (var entry in mapping.Children)
                {
                    if (!first)
                    {
                        _builder.Append(", ");
                    }

                    first = false;
                    var keyStart = _builder.Length;
                    WriteQuoted(entry.Key is YamlScalarNode key ? key.Value ?? "" : "");
                    if (_builder.Length - keyStart > Limits.MaxImplicitKeySpan)
                    {
                        // Too long for an implicit key: written explicit, as ExplicitJsonKeys does for the file.
                        _builder.Insert(keyStart, "? ");
                    }

                    _builder.Append(": ");
                    if (!WriteNode(entry.Value, depth + 1))
                    {
                        return false;
                    }
                }

                _builder.Append('}');
                return true;
            case YamlSequenceNode sequence:
                _builder.Append('[');
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    if (i > 0)
                    {
                        _builder.Append(", ");
                    }

                    if (!WriteNode(sequence.Children[i], depth + 1))
                    {
                        return false;
                    }
                }

                _builder.Append(']');
                return true;
            case YamlScalarNode scalar:
                WriteScalar(scalar);
                return true;
            default:
                _builder.Append("null");
                return true;
        }
    }

    private void WriteScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.IsPlain() && IsSafePlain(value))
        {
            _builder.Append(value);
        }
        else
        {
            WriteQuoted(value);
        }
    }

    /// <summary>
    /// Words, numbers, booleans and dates (what the reader may read as other than a string) stay plain. Anything else
    /// is a string either way, and quoting it sidesteps SharpYaml's strict rules for plain scalars in flow collections.
    /// </summary>
    private static bool IsSafePlain(string value)
    {
        if (value.Length == 0 || value[0] == '-' && (value.Length == 1 || !(char.IsDigit(value[1]) || value[1] == '.')))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '+' or '-' or '~'))
            {
                return false;
            }
        }

        return true;
    }

    private void WriteQuoted(string value)
    {
        _builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': _builder.Append("\\\""); break;
                case '\\': _builder.Append("\\\\"); break;
                case '\n': _builder.Append("\\n"); break;
                case '\r': _builder.Append("\\r"); break;
                case '\t': _builder.Append("\\t"); break;
                default:
                    if (c < 0x20 || c is '\u0085' or '\u2028' or '\u2029' or '\uFEFF')
                    {
                        _builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _builder.Append(c);
                    }

                    break;
            }
        }

        _builder.Append('"');
    }
}
