using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using Contracts.Generator.Configuration;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Helpers;
using Contracts.Generator.Locating;
using Contracts.Generator.Reading.Yaml;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.Overlays;

/// <summary>
/// Applies a spec's overlays to its text before anything else reads it: the text is parsed into a YAML tree, each
/// overlay's actions run in order (each on the result of the one before, the overlays in the order given), and the tree
/// is written back as JSON-shaped YAML (<see cref="FlowYamlWriter"/>, as the reference bundler writes its bundle:
/// numbers, booleans and dates stay plain, other values become quoted strings). Only specs that name overlays come
/// here. Diagnostics of the spec are still located in the spec's file by pointer, so a node the overlays did not touch
/// keeps its line; a node an overlay added is located at its nearest ancestor the file has.
/// </summary>
internal static class OverlayApplier
{
    /// <summary>
    /// The text with the overlays applied; <paramref name="text"/> itself when the spec is not a YAML mapping (the reader
    /// reports that); null when an overlay cannot be applied (reported: CTR134, CTR136, CTR137), so that no code is
    /// generated without a fix the user asked for.
    /// </summary>
    /// <param name="text">The spec's text, prepared as the reader gets it (<see cref="SpecReader.Prepare"/>).</param>
    public static string? Apply(string specPath, string text, EquatableArray<OverlayFile> overlays, DiagnosticBag diagnostics, SourceLocator? specLocator, CancellationToken cancellationToken)
    {
        var specName = Path.GetFileName(specPath);
        var documents = new List<OverlayDocument>(overlays.Count);
        var failed = false;
        var length = text.Length;
        foreach (var overlay in overlays)
        {
            if (overlay.Text is null)
            {
                var location = specLocator?.AtLine(0, 0);
                var arguments = new[] { overlay.Written, overlay.BaseDirectory, overlay.Path, specName };
                if (location is null)
                {
                    diagnostics.AddAt(DiagnosticDescriptors.OverlayNotFound, 0, 0, arguments);
                }
                else
                {
                    diagnostics.AddLocated(DiagnosticDescriptors.OverlayNotFound, location, arguments);
                }

                failed = true;
                continue;
            }

            length += overlay.Text.Length;
            if (OverlayParser.Parse(overlay, specName, diagnostics) is { } document)
            {
                documents.Add(document);
            }
            else
            {
                failed = true;
            }
        }

        // Every overlay is checked before any is applied, so that one build reports every problem in them.
        if (failed)
        {
            return null;
        }

        YamlNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        }
        catch (Exception exception) when (exception is SharpYaml.YamlException or ArgumentException or InvalidOperationException)
        {
            // Not YAML: the reader reports it where the file has the problem. Nothing is generated either way.
            return text;
        }

        if (root is not YamlMappingNode)
        {
            return text;
        }

        var state = new State(specName, diagnostics);
        foreach (var document in documents)
        {
            foreach (var action in document.Actions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Apply(root, document, action, state, cancellationToken);
            }
        }

        if (state.Failed)
        {
            return null;
        }

        return FlowYamlWriter.WriteDocument(root, length, diagnostics, "with its overlays applied, ");
    }

    private static void Apply(YamlNode root, OverlayDocument document, OverlayAction action, State state, CancellationToken cancellationToken)
    {
        IReadOnlyList<JsonPathMatch> matches;
        try
        {
            matches = action.Query.Select(root, cancellationToken);
        }
        catch (JsonPathLimitException exception)
        {
            state.Fail(document, action.TargetNode, "the target '" + action.Target + "' cannot be evaluated: " + exception.Message);
            return;
        }

        if (matches.Count == 0)
        {
            state.Diagnostics.AddLocated(DiagnosticDescriptors.OverlayTargetMatchesNothing, document.Locator.At(action.TargetNode), action.Target, state.SpecName);
            return;
        }

        // A nodelist may name a node twice (RFC 9535); each is changed once.
        var seen = new HashSet<YamlNode>(NodeIdentity.Instance);
        foreach (var match in matches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!seen.Add(match.Node))
            {
                continue;
            }

            if (action.Remove)
            {
                if (match.Parent is null)
                {
                    state.Fail(document, action.TargetNode, "the target selects the whole document, which cannot be removed");
                    return;
                }

                Detach(match);
                continue;
            }

            // An action with only a target changes nothing (the schema allows it); its target is still checked above.
            if (action.Update is { } update)
            {
                Update(match, update, document, action, state);
            }
        }
    }

    /// <summary>Takes the matched node out of its parent (by identity: SharpYaml compares nodes by value).</summary>
    private static void Detach(JsonPathMatch match)
    {
        switch (match.Parent)
        {
            case YamlMappingNode mapping:
                Rebuild(mapping, entry => ReferenceEquals(entry.Value, match.Node) && (match.Key is null || ReferenceEquals(entry.Key, match.Key)) ? null : entry.Value);
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    if (ReferenceEquals(sequence.Children[i], match.Node))
                    {
                        sequence.Children.RemoveAt(i);
                        break;
                    }
                }

                break;
        }
    }

    /// <summary>
    /// The Overlay Specification's update (as 1.1 states it, which 1.0's wording leaves open): an object is merged into a
    /// selected object, an array is concatenated to a selected array and any other value appended to it, and a value
    /// replaces a selected primitive. A selected <c>null</c> takes the update whatever it is.
    /// </summary>
    private static void Update(JsonPathMatch match, YamlNode update, OverlayDocument document, OverlayAction action, State state)
    {
        switch (match.Node)
        {
            case YamlMappingNode mapping when update is YamlMappingNode changes:
                Merge(mapping, changes, document, state, 0);
                break;
            case YamlMappingNode:
                state.Fail(document, action.UpdateKey ?? action.TargetNode, "the target '" + action.Target + "' selects an object, so 'update' must be an object of the members to merge into it");
                break;
            case YamlSequenceNode sequence when update is YamlSequenceNode items:
                foreach (var item in items.Children)
                {
                    sequence.Children.Add(Clone(item));
                }

                break;
            case YamlSequenceNode sequence:
                sequence.Children.Add(Clone(update));
                break;
            case YamlScalarNode scalar when update is YamlScalarNode || OverlayScalars.IsNull(scalar):
                if (match.Parent is null)
                {
                    state.Fail(document, action.TargetNode, "the target selects the whole document, which must stay an object");
                    break;
                }

                Replace(match, Clone(update));
                break;
            default:
                state.Fail(document, action.UpdateKey ?? action.TargetNode, "the target '" + action.Target + "' selects a value, so 'update' must be a value to replace it with");
                break;
        }
    }

    /// <summary>
    /// Merges <paramref name="changes"/> into <paramref name="target"/>: a member only the target has stays, a member only
    /// the update has is added (at the end), and a member both have is merged by <see cref="Combine"/>. The mapping is
    /// rebuilt once, in its order.
    /// </summary>
    private static void Merge(YamlMappingNode target, YamlMappingNode changes, OverlayDocument document, State state, int depth)
    {
        // Recursive along the update's own nesting, which a hostile overlay can make deep: bounded like the writer.
        if (depth > FlowYamlWriter.MaxDepth)
        {
            state.Fail(document, changes, "the update nests more than " + FlowYamlWriter.MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels deep");
            return;
        }

        var entries = new List<KeyValuePair<YamlNode, YamlNode>>(target.Children.Count + changes.Children.Count);
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in target.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } name } && !byName.ContainsKey(name))
            {
                byName[name] = entries.Count;
            }

            entries.Add(entry);
        }

        foreach (var change in changes.Children)
        {
            var name = (change.Key as YamlScalarNode)?.Value ?? string.Empty;
            if (!byName.TryGetValue(name, out var index))
            {
                byName[name] = entries.Count;
                entries.Add(new KeyValuePair<YamlNode, YamlNode>(Clone(change.Key), Clone(change.Value)));
                continue;
            }

            var existing = entries[index];
            if (Combine(existing.Value, change, document, state, depth) is { } replaced)
            {
                entries[index] = new KeyValuePair<YamlNode, YamlNode>(existing.Key, replaced);
            }
        }

        target.Children.Clear();
        foreach (var entry in entries)
        {
            target.Children.Add(entry.Key, entry.Value);
        }
    }

    /// <summary>
    /// A member both sides have: objects merge, arrays concatenate, a value replaces a value (or a null); a null update
    /// leaves an object or array as it is (the specification's own example writes <c>components:</c> for "nothing
    /// here"). Returns the new value, or null when the existing node was changed in place or kept.
    /// </summary>
    private static YamlNode? Combine(YamlNode existing, KeyValuePair<YamlNode, YamlNode> change, OverlayDocument document, State state, int depth)
    {
        var update = change.Value;
        switch (existing)
        {
            case YamlMappingNode mapping when update is YamlMappingNode changes:
                Merge(mapping, changes, document, state, depth + 1);
                return null;
            case YamlSequenceNode sequence when update is YamlSequenceNode items:
                foreach (var item in items.Children)
                {
                    sequence.Children.Add(Clone(item));
                }

                return null;
            case YamlMappingNode or YamlSequenceNode when update is YamlScalarNode scalar && OverlayScalars.IsNull(scalar):
                return null;
            case YamlScalarNode when update is YamlScalarNode:
                return Clone(update);
            case YamlScalarNode scalar when OverlayScalars.IsNull(scalar):
                return Clone(update);
            default:
                state.Fail(document, change.Key, "its '" + ((change.Key as YamlScalarNode)?.Value ?? "") + "' is " + Kind(update) + ", where the description has " + Kind(existing));
                return null;
        }
    }

    private static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "an object",
        YamlSequenceNode => "an array",
        _ => "a value",
    };

    private static void Replace(JsonPathMatch match, YamlNode value)
    {
        switch (match.Parent)
        {
            case YamlMappingNode mapping:
                Rebuild(mapping, entry => ReferenceEquals(entry.Value, match.Node) && (match.Key is null || ReferenceEquals(entry.Key, match.Key)) ? value : entry.Value);
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    if (ReferenceEquals(sequence.Children[i], match.Node))
                    {
                        sequence.Children[i] = value;
                        break;
                    }
                }

                break;
        }
    }

    /// <summary>
    /// Rebuilds a mapping with each entry's value as <paramref name="value"/> gives it (null: left out). SharpYaml's
    /// Remove and indexer compare values structurally, which a large subtree makes slow.
    /// </summary>
    private static void Rebuild(YamlMappingNode mapping, Func<KeyValuePair<YamlNode, YamlNode>, YamlNode?> value)
    {
        var entries = new List<KeyValuePair<YamlNode, YamlNode>>(mapping.Children.Count);
        foreach (var entry in mapping.Children)
        {
            if (value(entry) is { } kept)
            {
                entries.Add(new KeyValuePair<YamlNode, YamlNode>(entry.Key, kept));
            }
        }

        mapping.Children.Clear();
        foreach (var entry in entries)
        {
            mapping.Children.Add(entry.Key, entry.Value);
        }
    }

    /// <summary>
    /// A deep copy of a node of the overlay, so that one update applied to several nodes leaves them independent (a
    /// later action that changes one does not change the others). Iterative: an overlay can nest deeply.
    /// </summary>
    private static YamlNode Clone(YamlNode node)
    {
        var copies = new Dictionary<YamlNode, YamlNode>(NodeIdentity.Instance);
        var pending = new Stack<YamlNode>();
        var root = Shallow(node, copies, pending);
        while (pending.Count > 0)
        {
            var original = pending.Pop();
            switch (original)
            {
                case YamlMappingNode mapping:
                    var mappingCopy = (YamlMappingNode)copies[original];
                    foreach (var entry in mapping.Children)
                    {
                        mappingCopy.Children.Add(Shallow(entry.Key, copies, pending), Shallow(entry.Value, copies, pending));
                    }

                    break;
                case YamlSequenceNode sequence:
                    var sequenceCopy = (YamlSequenceNode)copies[original];
                    foreach (var item in sequence.Children)
                    {
                        sequenceCopy.Children.Add(Shallow(item, copies, pending));
                    }

                    break;
            }
        }

        return root;
    }

    /// <summary>The copy of one node, its children to be filled in (queued); a node seen before (a YAML alias) is copied once.</summary>
    private static YamlNode Shallow(YamlNode node, Dictionary<YamlNode, YamlNode> copies, Stack<YamlNode> pending)
    {
        if (copies.TryGetValue(node, out var copy))
        {
            return copy;
        }

        copy = node switch
        {
            YamlScalarNode scalar => new YamlScalarNode(scalar.Value) { Style = scalar.Style, Tag = scalar.Tag },
            YamlMappingNode mapping => new YamlMappingNode { Style = mapping.Style, Tag = mapping.Tag },
            YamlSequenceNode sequence => new YamlSequenceNode { Style = sequence.Style, Tag = sequence.Tag },
            _ => new YamlScalarNode(string.Empty),
        };
        copies.Add(node, copy);
        if (node is YamlMappingNode or YamlSequenceNode)
        {
            pending.Push(node);
        }

        return copy;
    }

    /// <summary>What one application shares between actions: the spec's name for messages, where to report, whether any action failed.</summary>
    private sealed class State
    {
        public State(string specName, DiagnosticBag diagnostics)
        {
            SpecName = specName;
            Diagnostics = diagnostics;
        }

        public string SpecName { get; }

        public DiagnosticBag Diagnostics { get; }

        public bool Failed { get; private set; }

        public void Fail(OverlayDocument document, YamlNode at, string problem)
        {
            Failed = true;
            Diagnostics.AddLocated(DiagnosticDescriptors.OverlayInvalid, document.Locator.At(at), SpecName, problem);
        }
    }
}
