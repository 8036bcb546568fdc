using System;
using System.Collections.Generic;
using System.Globalization;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Reading.Yaml;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.References;

/// <summary>Finding a reference's target, copying it into the spec, and naming the copy.</summary>
internal sealed partial class ExternalReferenceBundler
{
    /// <summary>
    /// Finds what <paramref name="reference"/>, written in <paramref name="document"/>, names: the spec itself (then
    /// <paramref name="node"/> is null and the fragment is local to it) or a node of another file. False with the
    /// reason in <paramref name="problem"/> when it names nothing that can be had.
    /// </summary>
    private bool Locate(string reference, SourceDocument document, out SourceDocument target, out string fragment, out YamlNode? node, out string? problem)
    {
        target = document;
        node = null;
        problem = null;
        string file;
        (file, fragment) = ReferencePaths.Split(reference);
        if (ReferencePaths.IsUrl(reference))
        {
            problem = "it is a URL, and the generator never downloads anything";
            return false;
        }

        if (file.Length > 0)
        {
            var path = ReferencePaths.Resolve(document.Path, file);
            if (Find(path) is not { } found)
            {
                problem = "'" + path + "' " + (_withheld.TryGetValue(path, out var reason) ? reason : "is not among the AdditionalFiles (missing, or not added to the project)");
                return false;
            }

            target = found;
        }

        if (target == _root)
        {
            problem = fragment.Length == 0 ? "it refers to the whole of the spec that holds it" : null;
            return problem is null;
        }

        node = Resolve(target, fragment, out problem);
        return node is not null;
    }

    /// <summary>Copies the target into <paramref name="section"/> once (later references only point at it); returns the local reference.</summary>
    private string Copy(SourceDocument target, string fragment, YamlNode node, string section, NodeKind kind)
    {
        var key = target.Key + "#" + fragment;
        if (!_copies.TryGetValue(key, out var local))
        {
            var name = UniqueName(section, NameOf(target, fragment));
            local = (_swagger2 ? "#/" : "#/components/") + section + "/" + name;
            _copies.Add(key, local);
            SectionMapping(section).Children.Add(YamlTree.Quoted(name), node);
            _diagnostics.MapPointer(local, "#" + fragment, target.Locator);
            _pending.Enqueue((node, target, kind));
        }

        return local;
    }

    private void CopyInPlace(YamlMappingNode mapping, YamlNode node, SourceDocument target, NodeKind kind)
    {
        if (node is not YamlMappingNode members)
        {
            return;
        }

        // The target's own references are rewritten (once, for every place it is copied to) before its members are shared.
        Walk(members, target, kind);
        mapping.Take("$ref");
        foreach (var entry in members.Entries())
        {
            if (!mapping.Has(entry.Key))
            {
                mapping.Children.Add(YamlTree.Quoted(entry.Key), entry.Value);
            }
        }

        _changed = true;
    }

    private void SetReference(YamlMappingNode mapping, string local)
    {
        mapping.Set("$ref", YamlTree.Quoted(local));
        _changed = true;
    }

    private SourceDocument? Find(string key) =>
        key == _root.Key ? _root : _documents.TryGetValue(key, out var document) ? document : null;

    /// <summary>The node at the JSON pointer <paramref name="fragment"/> (RFC 6901, URI-fragment form) of <paramref name="document"/>.</summary>
    private static YamlNode? Resolve(SourceDocument document, string fragment, out string? problem)
    {
        problem = null;
        var node = document.Root;
        if (node is null)
        {
            problem = "'" + document.Path + "' cannot be read as YAML or JSON";
            return null;
        }

        if (fragment.Length == 0)
        {
            return node;
        }

        if (fragment[0] != '/')
        {
            problem = "'#" + fragment + "' is not a JSON pointer";
            return null;
        }

        foreach (var raw in fragment.Substring(1).Split('/'))
        {
            var segment = Unescape(raw);
            node = node switch
            {
                YamlMappingNode mapping => mapping.Get(segment),
                YamlSequenceNode sequence when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sequence.Children.Count => sequence.Children[index],
                _ => null,
            };
            if (node is null)
            {
                problem = "'#" + fragment + "' does not exist in '" + document.Path + "'";
                return null;
            }
        }

        return node;
    }

    private static string Unescape(string segment)
    {
        try
        {
            segment = segment.IndexOf('%') >= 0 ? Uri.UnescapeDataString(segment) : segment;
        }
        catch (UriFormatException)
        {
        }

        return segment.Replace("~1", "/").Replace("~0", "~");
    }

    /// <summary>The pointer's last segment (<c>Pet</c> of <c>#/components/schemas/Pet</c>), else the file name (<c>pet</c> of <c>pet.yaml</c>).</summary>
    private static string NameOf(SourceDocument target, string fragment)
    {
        var slash = fragment.LastIndexOf('/');
        var name = slash >= 0 && slash < fragment.Length - 1 ? Unescape(fragment.Substring(slash + 1)) : string.Empty;
        if (name.Length == 0)
        {
            var file = target.Key.Substring(target.Key.LastIndexOf('/') + 1);
            var dot = file.LastIndexOf('.');
            name = dot > 0 ? file.Substring(0, dot) : file;
        }

        // Component names are [A-Za-z0-9._-] (OpenAPI 3.0); anything else would need escaping in the local pointer.
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!(chars[i] is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-'))
            {
                chars[i] = '_';
            }
        }

        return chars.Length == 0 ? "External" : new string(chars);
    }

    private string UniqueName(string section, string name)
    {
        if (!_names.TryGetValue(section, out var taken))
        {
            taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in SectionMapping(section).Entries())
            {
                taken.Add(entry.Key);
            }

            _names.Add(section, taken);
        }

        var unique = name;
        for (var i = 2; !taken.Add(unique); i++)
        {
            unique = name + i.ToString(CultureInfo.InvariantCulture);
        }

        return unique;
    }

    /// <summary>The root's mapping for <paramref name="section"/>, created when the spec has none.</summary>
    private YamlMappingNode SectionMapping(string section)
    {
        var owner = _rootMapping;
        if (!_swagger2)
        {
            if (owner.Get("components") is not YamlMappingNode components)
            {
                components = new YamlMappingNode();
                owner.Set("components", components);
            }

            owner = components;
        }

        if (owner.Get(section) is not YamlMappingNode mapping)
        {
            mapping = new YamlMappingNode();
            owner.Set(section, mapping);
        }

        return mapping;
    }
}
