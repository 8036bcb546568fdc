using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Contracts.Generator.Configuration;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Locating;
using Microsoft.CodeAnalysis.Text;
using SharpYaml;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.Overlays;

/// <summary>
/// Reads an overlay file (YAML or JSON) into an <see cref="OverlayDocument"/> and checks it against the Overlay
/// Specification 1.0: the root <c>overlay</c> version (1.0.x, or 1.1.x without its <c>copy</c> action), <c>info</c> with
/// <c>title</c> and <c>version</c>, a non-empty <c>actions</c> list, each action with a <c>target</c> that parses as a
/// JSONPath query, a boolean <c>remove</c>, strings where the specification's schema asks for them, and no member the
/// specification does not define (except <c>x-</c> extensions), so that a misspelt <c>remvoe</c> is an error rather than
/// an action that silently does nothing. An action with only a target is valid, as the schema has it, and changes nothing. Every problem is
/// reported in the overlay's file at its node (CTR134, CTR136); the document is returned only when there is none.
/// </summary>
internal static class OverlayParser
{
    private static readonly Regex s_version = new(@"^1\.[01]\.\d+$", RegexOptions.CultureInvariant);

    public static OverlayDocument? Parse(OverlayFile overlay, string specName, DiagnosticBag diagnostics)
    {
        var text = overlay.Text ?? string.Empty;
        var locator = new SourceLocator(overlay.Path, SourceText.From(text));
        var errors = new Errors(locator, specName, diagnostics);
        YamlNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        }
        catch (YamlException exception)
        {
            diagnostics.AddLocated(DiagnosticDescriptors.OverlayInvalid, locator.AtLine(exception.Start.Line, exception.Start.Column), specName, "it is not valid YAML or JSON (" + WithoutPosition(exception.Message) + ")");
            return null;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            diagnostics.AddLocated(DiagnosticDescriptors.OverlayInvalid, locator.AtLine(0, 0), specName, "it is not valid YAML or JSON (" + exception.Message + ")");
            return null;
        }

        if (root is not YamlMappingNode mapping)
        {
            diagnostics.AddLocated(DiagnosticDescriptors.OverlayInvalid, root is null ? locator.AtLine(0, 0) : locator.At(root), specName, "it is not an Overlay document (a YAML or JSON object with overlay, info and actions)");
            return null;
        }

        CheckMembers(mapping, errors, "the overlay", "overlay", "info", "extends", "actions");
        var version = Member(mapping, "overlay", out _);
        if (version is null)
        {
            errors.At(mapping, "it has no 'overlay' member: an Overlay document starts with overlay: 1.0.0");
        }
        else if (version is not YamlScalarNode { Value: { } number } || !s_version.IsMatch(number))
        {
            errors.At(version, "the Overlay Specification version '" + ((version as YamlScalarNode)?.Value ?? "") + "' is not supported; use 1.0.0");
        }

        CheckInfo(mapping, errors);
        if (Member(mapping, "extends", out _) is { } extends && !IsText(extends))
        {
            errors.At(extends, "'extends' must be a string (a URI reference to the description)");
        }

        var actions = new List<OverlayAction>();
        var list = Member(mapping, "actions", out var actionsKey);
        if (list is null)
        {
            errors.At(mapping, "it has no 'actions' member");
        }
        else if (list is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            errors.At(actionsKey!, "'actions' must be a list of at least one action");
        }
        else
        {
            foreach (var item in sequence.Children)
            {
                if (ReadAction(item, errors, diagnostics, locator, specName) is { } action)
                {
                    actions.Add(action);
                }
            }
        }

        return errors.Any ? null : new OverlayDocument(locator, actions);
    }

    private static void CheckInfo(YamlMappingNode mapping, Errors errors)
    {
        var info = Member(mapping, "info", out var infoKey);
        if (info is null)
        {
            errors.At(mapping, "it has no 'info' member (with title and version)");
            return;
        }

        if (info is not YamlMappingNode infoMapping)
        {
            errors.At(infoKey!, "'info' must be an object with title and version");
            return;
        }

        CheckMembers(infoMapping, errors, "info", "title", "version");
        foreach (var name in new[] { "title", "version" })
        {
            var value = Member(infoMapping, name, out _);
            if (value is null)
            {
                errors.At(infoKey!, "'info' has no '" + name + "'");
            }
            else if (!IsText(value))
            {
                errors.At(value, "'info." + name + "' must be a string");
            }
        }
    }

    private static OverlayAction? ReadAction(YamlNode item, Errors errors, DiagnosticBag diagnostics, SourceLocator locator, string specName)
    {
        if (item is not YamlMappingNode action)
        {
            errors.At(item, "an action must be an object with a target");
            return null;
        }

        var before = errors.Count;
        CheckMembers(action, errors, "an action", "target", "description", "update", "remove");
        var update = Member(action, "update", out var updateKey);
        var removeNode = Member(action, "remove", out _);
        var remove = false;
        if (removeNode is not null)
        {
            if (removeNode is YamlScalarNode scalar && OverlayScalars.Boolean(scalar) is { } flag)
            {
                remove = flag;
            }
            else
            {
                errors.At(removeNode, "'remove' must be true or false");
            }
        }

        if (Member(action, "description", out _) is { } description && !IsText(description))
        {
            errors.At(description, "'description' must be a string");
        }

        var targetNode = Member(action, "target", out _);
        if (targetNode is null)
        {
            errors.At(action, "the action has no 'target'");
            return null;
        }

        if (targetNode is not YamlScalarNode { Value: { } target } targetScalar || !IsText(targetNode))
        {
            errors.At(targetNode, "'target' must be a string, a JSONPath query");
            return null;
        }

        if (!JsonPathQuery.TryParse(target, out var query, out var error, out var offset) || query is null)
        {
            errors.Count++;
            diagnostics.AddLocated(DiagnosticDescriptors.OverlayTargetInvalid, AtCharacter(locator, targetScalar, target, offset), target, error ?? "it cannot be parsed",
                (offset + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }

        return errors.Count > before ? null : new OverlayAction(query, target, targetScalar, remove ? null : update, updateKey, remove);
    }

    /// <summary>
    /// Where character <paramref name="offset"/> of the query is in the file, when the scalar holds it verbatim on one
    /// line (plain, or quoted without escapes); else the whole scalar.
    /// </summary>
    private static LocationInfo AtCharacter(SourceLocator locator, YamlScalarNode node, string value, int offset)
    {
        var quoted = node.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
        var raw = node.End.Index - node.Start.Index - 2 * quoted;
        if (node.Start.Line == node.End.Line && raw == value.Length && offset >= 0 && offset <= value.Length)
        {
            return locator.AtLine(node.Start.Line, node.Start.Column + quoted + offset);
        }

        return locator.At(node);
    }

    /// <summary>SharpYaml's "(Lin: 6, Col: 2, Chr: 80) - (…): message" without the positions, which the location gives.</summary>
    private static string WithoutPosition(string message)
    {
        var index = message.IndexOf("): ", StringComparison.Ordinal);
        return index >= 0 && message.StartsWith("(Lin:", StringComparison.Ordinal) ? message.Substring(index + 3) : message;
    }

    /// <summary>Members the specification does not define (and that are not <c>x-</c> extensions) are errors.</summary>
    private static void CheckMembers(YamlMappingNode mapping, Errors errors, string what, params string[] known)
    {
        foreach (var entry in mapping.Children)
        {
            var name = (entry.Key as YamlScalarNode)?.Value ?? string.Empty;
            if (Array.IndexOf(known, name) >= 0 || name.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            errors.At(entry.Key, name == "copy" && what == "an action"
                ? "'copy' (Overlay 1.1) is not supported; use update"
                : "'" + name + "' is not a member of " + what + " (Overlay Specification 1.0)");
        }
    }

    private static YamlNode? Member(YamlMappingNode mapping, string name, out YamlNode? key)
    {
        foreach (var entry in mapping.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } value } && value == name)
            {
                key = entry.Key;
                return entry.Value;
            }
        }

        key = null;
        return null;
    }

    /// <summary>
    /// A JSON string, as the specification's schema asks of title, version, extends, target and description: quoted, or a
    /// plain scalar that is not a number, boolean or null (<c>version: 1.0.0</c> is a string, <c>version: 1.0</c> a number).
    /// </summary>
    private static bool IsText(YamlNode node) => node is YamlScalarNode scalar && OverlayScalars.IsString(scalar);

    /// <summary>Reports CTR134 at a node of the overlay and counts them.</summary>
    private sealed class Errors
    {
        private readonly SourceLocator _locator;
        private readonly string _specName;
        private readonly DiagnosticBag _diagnostics;

        public Errors(SourceLocator locator, string specName, DiagnosticBag diagnostics)
        {
            _locator = locator;
            _specName = specName;
            _diagnostics = diagnostics;
        }

        public int Count { get; set; }

        public bool Any => Count > 0;

        public void At(YamlNode node, string problem)
        {
            Count++;
            _diagnostics.AddLocated(DiagnosticDescriptors.OverlayInvalid, _locator.At(node), _specName, problem);
        }
    }
}
