using System.Collections.Generic;
using System.Threading;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.Overlays;

/// <summary>
/// A JSONPath query (RFC 9535) over a SharpYaml tree, as Overlay 1.0 targets use it. YAML scalars have the JSON types
/// the YAML core schema gives them (<see cref="JsonPathValue"/>), so a JSON document and its YAML twin select alike.
/// A node that YAML aliases share is one object in the tree: it is visited once per place it appears, as in the JSON the
/// YAML stands for, and each match tells the place it was reached through. Merge keys (<c>&lt;&lt;</c>) are ordinary keys.
/// </summary>
internal sealed class JsonPathQuery
{
    internal JsonPathQuery(string text, JsonPathSegment[] segments)
    {
        Text = text;
        Segments = segments;
    }

    /// <summary>The query as written.</summary>
    public string Text { get; }

    internal JsonPathSegment[] Segments { get; }

    /// <summary>
    /// Parses <paramref name="text"/>. On failure <paramref name="error"/> says what is wrong and
    /// <paramref name="errorOffset"/> where (UTF-16 units from the start of the query). An ill-typed query is a failure too.
    /// </summary>
    public static bool TryParse(string text, out JsonPathQuery? query, out string? error, out int errorOffset)
    {
        try
        {
            query = JsonPathParser.Parse(text);
            error = null;
            errorOffset = -1;
            return true;
        }
        catch (JsonPathSyntaxException exception)
        {
            query = null;
            error = exception.Message;
            errorOffset = exception.Offset;
            return false;
        }
    }

    /// <summary>
    /// The nodes the query selects from <paramref name="root"/>, in the order RFC 9535 gives them (mapping members in
    /// document order). A node selected twice (<c>$['a','a']</c>) is listed twice, as the RFC's nodelists are.
    /// Throws <see cref="JsonPathLimitException"/> when the evaluation is too costly, and
    /// <see cref="System.OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public IReadOnlyList<JsonPathMatch> Select(YamlNode root, CancellationToken cancellationToken = default) =>
        Evaluate(Segments, JsonPathMatch.Root(root), new JsonPathEvaluation(root, cancellationToken));

    /// <summary>Applies <paramref name="segments"/> to <paramref name="start"/>: the whole of a query, or a filter's query.</summary>
    internal static List<JsonPathMatch> Evaluate(JsonPathSegment[] segments, JsonPathMatch start, JsonPathEvaluation evaluation)
    {
        var current = new List<JsonPathMatch> { start };
        foreach (var segment in segments)
        {
            var next = new List<JsonPathMatch>();
            foreach (var input in current)
            {
                if (segment.IsDescendant)
                {
                    SelectDescendants(segment.Selectors, input.Node, next, evaluation);
                }
                else
                {
                    foreach (var selector in segment.Selectors)
                    {
                        selector.Select(input.Node, next, evaluation);
                    }
                }

                evaluation.CheckSize(next);
            }

            current = next;
            if (current.Count == 0)
            {
                break;
            }
        }

        return current;
    }

    /// <summary>
    /// Applies <paramref name="selectors"/> to <paramref name="node"/> and then to each node under it, a node before its
    /// children and children in order (RFC 9535, 2.5.2.2). The walk keeps its own stack, so a deep document cannot
    /// overflow the thread's.
    /// </summary>
    private static void SelectDescendants(JsonPathSelector[] selectors, YamlNode node, List<JsonPathMatch> output, JsonPathEvaluation evaluation)
    {
        var pending = new Stack<YamlNode>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            var visited = pending.Pop();
            evaluation.Step(1);
            foreach (var selector in selectors)
            {
                selector.Select(visited, output, evaluation);
            }

            evaluation.CheckSize(output);
            switch (visited)
            {
                case YamlMappingNode mapping:
                    var values = new List<YamlNode>(mapping.Children.Count);
                    foreach (var entry in mapping.Children)
                    {
                        values.Add(entry.Value);
                    }

                    for (var i = values.Count - 1; i >= 0; i--)
                    {
                        pending.Push(values[i]);
                    }

                    break;
                case YamlSequenceNode sequence:
                    for (var i = sequence.Children.Count - 1; i >= 0; i--)
                    {
                        pending.Push(sequence.Children[i]);
                    }

                    break;
            }
        }
    }

    public override string ToString() => Text;
}
