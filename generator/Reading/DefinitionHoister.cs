using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;

namespace Contracts.Generator.Reading;

/// <summary>
/// Moves JSON Schema <c>$defs</c> (OpenAPI 3.0 has none) into <c>components/schemas</c>. A definition under component
/// <c>Pet</c> named <c>Tag</c> becomes <c>Pet_Tag</c>; one under the document root or an inline schema keeps its name.
/// A taken name gets <c>_2</c>, <c>_3</c>…; names are handed out in document order, so they are stable.
/// </summary>
internal sealed class DefinitionHoister
{
    private readonly HashSet<string> _taken = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, string> _namesByPointer = new(System.StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, JsonNode?>> _hoisted = new();
    private readonly List<JsonObject> _references = new();

    public DefinitionHoister(IEnumerable<string> componentNames)
    {
        foreach (var name in componentNames)
        {
            _taken.Add(name);
        }
    }

    /// <summary>Pairs of (pointer of the definition in the original document, its component name).</summary>
    public IEnumerable<KeyValuePair<string, string>> Moves => _namesByPointer;

    /// <summary>Registers the definition at <paramref name="pointer"/> and returns its component name.</summary>
    public string Hoist(string pointer, string? owner, string name, JsonNode? schema)
    {
        var stem = Sanitize(owner is null ? name : owner + "_" + name);
        var unique = stem;
        for (var suffix = 2; !_taken.Add(unique); suffix++)
        {
            unique = stem + "_" + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _namesByPointer[pointer] = unique;
        _hoisted.Add(new KeyValuePair<string, JsonNode?>(unique, schema));
        return unique;
    }

    /// <summary>Remembers a schema holding a <c>$ref</c>, to be pointed at a hoisted definition once all are known.</summary>
    public void AddReference(JsonObject holder) => _references.Add(holder);

    /// <summary>Adds the definitions to <c>components/schemas</c> and rewrites the references to them.</summary>
    public void Complete(JsonObject root)
    {
        if (_hoisted.Count == 0)
        {
            return;
        }

        if (root.Get("components") is not JsonObject components)
        {
            components = new JsonObject();
            root.Set("components", components);
        }

        if (components.Get("schemas") is not JsonObject schemas)
        {
            schemas = new JsonObject();
            components.Set("schemas", schemas);
        }

        foreach (var entry in _hoisted)
        {
            schemas.Set(entry.Key, entry.Value);
        }

        foreach (var holder in _references)
        {
            if (JsonTree.ScalarText(holder.Get("$ref")) is { } target && _namesByPointer.TryGetValue(target, out var name))
            {
                holder.Set("$ref", "#/components/schemas/" + name);
            }
        }
    }

    /// <summary>Component names are restricted to <c>[A-Za-z0-9._-]</c>.</summary>
    private static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-' or '_' ? c : '_');
        }

        return builder.Length == 0 ? "Definition" : builder.ToString();
    }
}
