using System;
using System.Collections.Generic;
using System.Globalization;
using Contracts.Generator.Configuration;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Helpers;
using Contracts.Generator.Parsing.Downgrade;
using SharpYaml.Serialization;

namespace Contracts.Generator.Parsing.References;

/// <summary>
/// Resolves references to other files by bundling, on the YAML tree, before the reader sees the document: each
/// target is copied once into the matching reusable section (<c>components/schemas</c>, <c>…/parameters</c>…, or
/// <c>definitions</c> in Swagger 2.0) under a name taken from its pointer or file, and the <c>$ref</c> is made local.
/// Copied nodes are walked in turn, with their own file as base, so references between files resolve transitively
/// and cycles end (a target already copied is only pointed at). Files come only from <see cref="SpecInput.Documents"/>
/// (other AdditionalFiles); URLs are never fetched. What cannot be resolved is reported (CTR009) at its <c>$ref</c> and
/// left as it is, which the parser reads as free-form JSON.
/// </summary>
internal sealed class ExternalReferenceBundler
{
    private readonly SourceDocument _root;
    private readonly YamlMappingNode _rootMapping;
    private readonly bool _swagger2;
    private readonly Dictionary<string, SourceDocument> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _copies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _names = new(StringComparer.Ordinal);
    private readonly HashSet<YamlNode> _visited = new(NodeIdentity.Instance);
    private readonly Queue<(YamlNode Node, SourceDocument Document, NodeKind Kind)> _pending = new();
    private readonly HashSet<YamlNode> _dropped = new(NodeIdentity.Instance);
    private readonly DiagnosticBag _diagnostics;
    private bool _changed;

    private ExternalReferenceBundler(SourceDocument root, YamlMappingNode rootMapping, EquatableArray<ReferencedDocument> documents, DiagnosticBag diagnostics)
    {
        _root = root;
        _rootMapping = rootMapping;
        _swagger2 = rootMapping.Has("swagger");
        _diagnostics = diagnostics;
        foreach (var document in documents)
        {
            var source = new SourceDocument(document.Path, Prepare(document.Text));
            _documents[source.Key] = source;
        }
    }

    /// <summary>
    /// The bundled text, or <paramref name="text"/> itself when no reference was resolved (or the text is not a YAML
    /// mapping: the reader reports that); null when the bundle is too large to write (reported). <paramref name="tree"/>
    /// is the tree of what is returned: the bundle, or the spec's own tree when nothing changed (for reuse).
    /// </summary>
    public static string? Bundle(string path, string text, EquatableArray<ReferencedDocument> documents, DiagnosticBag diagnostics, out YamlNode? tree)
    {
        tree = null;
        var root = new SourceDocument(path, text);
        if (root.Root is not YamlMappingNode mapping)
        {
            return text;
        }

        var bundler = new ExternalReferenceBundler(root, mapping, documents, diagnostics);
        bundler.Run();
        tree = mapping;
        if (!bundler._changed)
        {
            return text;
        }

        var length = text.Length;
        foreach (var document in documents)
        {
            length += document.Text.Length;
        }

        // As for the 3.1 downgrade: aliases are written out in full, so a node budget keeps the output linear in the input.
        var budget = 2L * length + 10_000;
        var written = FlowYamlWriter.Write(mapping, length, ref budget, OpenApi31Downgrader.MaxDepth);
        if (written is null)
        {
            diagnostics.AddAt(DiagnosticDescriptors.SyntaxError, 0, 0, "with the files it references, its YAML aliases expand to more than "
                + (2L * length + 10_000).ToString(CultureInfo.InvariantCulture) + " nodes or more than "
                + OpenApi31Downgrader.MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels deep");
        }

        return written;
    }

    /// <summary>The same preparation the spec's own text gets, so pointers and escapes read alike in every file.</summary>
    internal static string Prepare(string text) => SpecReader.DecodeReferencePointers(SurrogateEscapes.Decode(text));

    private void Run()
    {
        _pending.Enqueue((_rootMapping, _root, NodeKind.Document));
        while (_pending.Count > 0)
        {
            var (node, document, kind) = _pending.Dequeue();
            Walk(node, document, kind);
        }

        RemoveDropped();
    }

    /// <summary>Visits one node: rewrites it if it is a reference, else queues its members with their kinds.</summary>
    private void Walk(YamlNode node, SourceDocument document, NodeKind kind)
    {
        if (kind == NodeKind.Literal || node is YamlScalarNode || !_visited.Add(node))
        {
            return;
        }

        if (node is YamlSequenceNode sequence)
        {
            foreach (var item in sequence.Children)
            {
                _pending.Enqueue((item, document, ReferenceContext.Item(kind)));
            }

            return;
        }

        if (node is not YamlMappingNode mapping)
        {
            return;
        }

        if (mapping.Get("$ref") is YamlScalarNode { Value: { } reference } scalar)
        {
            Rewrite(mapping, scalar, reference, document, kind);
        }

        if (kind == NodeKind.Schema)
        {
            RewriteDiscriminatorMapping(mapping, document);
        }

        foreach (var entry in mapping.Entries())
        {
            if (entry.Key != "$ref")
            {
                _pending.Enqueue((entry.Value, document, ReferenceContext.Member(kind, entry.Key)));
            }
        }
    }

    private void Rewrite(YamlMappingNode mapping, YamlScalarNode scalar, string reference, SourceDocument document, NodeKind kind)
    {
        if (document == _root && ReferencePaths.IsLocal(reference))
        {
            return;
        }

        if (!Locate(reference, document, out var target, out var fragment, out var node, out var problem))
        {
            Report(mapping, document, kind, scalar, reference, problem!);
        }
        else if (target == _root)
        {
            // A reference back into the spec itself (from a copied node) becomes local again.
            SetReference(mapping, "#" + fragment);
        }
        else if (ReferenceContext.Section(kind, _swagger2) is { } section)
        {
            SetReference(mapping, Copy(target, fragment, node!, section, kind));
        }
        else
        {
            // No reusable section holds this kind (a path item, or a Swagger 2.0 header): the target is copied in place.
            CopyInPlace(mapping, node!, target, kind);
        }
    }

    /// <summary>
    /// A discriminator's <c>mapping</c> names schemas by reference too (not by <c>$ref</c>): values that point into
    /// another file, or that a copied file wrote, are made local like references; one that cannot be is left out.
    /// </summary>
    private void RewriteDiscriminatorMapping(YamlMappingNode schema, SourceDocument document)
    {
        if ((schema.Get("discriminator") as YamlMappingNode)?.Get("mapping") is not YamlMappingNode mapping)
        {
            return;
        }

        foreach (var entry in mapping.Entries())
        {
            // A bare schema name ("Cat") is not a reference.
            if (entry.Value is not YamlScalarNode { Value: { } value } scalar || value.IndexOf('#') < 0 && !ReferencePaths.IsDocumentFile(value)
                || document == _root && ReferencePaths.IsLocal(value))
            {
                continue;
            }

            string local;
            if (!Locate(value, document, out var target, out var fragment, out var node, out var problem))
            {
                _diagnostics.AddLocated(DiagnosticDescriptors.ExternalReference, document.Locator.At(scalar), value, problem!, "the discriminator value '" + entry.Key + "' is left out");
                mapping.Take(entry.Key);
                _changed = true;
                continue;
            }

            local = target == _root ? "#" + fragment : Copy(target, fragment, node!, _swagger2 ? "definitions" : "schemas", NodeKind.Schema);
            mapping.Set(entry.Key, YamlTree.Quoted(local));
            _changed = true;
        }
    }

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
                problem = "'" + path + "' is not among the AdditionalFiles (missing, or not added to the project)";
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

    /// <summary>
    /// Reports a reference that stays unresolved and degrades what it stands for, as a dangling local reference does:
    /// a schema is left as it is (the parser reads it as free-form JSON), a response or request body becomes free-form
    /// JSON, and anything else (a parameter, a header…) is left out. The consequence is named in the message.
    /// </summary>
    private void Report(YamlMappingNode mapping, SourceDocument document, NodeKind kind, YamlScalarNode scalar, string reference, string reason)
    {
        var location = document.Locator.At(scalar);
        string consequence;
        switch (kind)
        {
            case NodeKind.Schema:
                consequence = "it is read as free-form JSON (JsonElement)";
                if (document != _root && ReferencePaths.IsLocal(reference))
                {
                    // Named with its file, so that the reader does not take a pointer of that file for one of the spec.
                    mapping.Set("$ref", YamlTree.Quoted(document.Key.Substring(document.Key.LastIndexOf('/') + 1) + reference));
                }

                break;
            case NodeKind.Response or NodeKind.RequestBody:
                consequence = kind == NodeKind.Response ? "the response is read as free-form JSON (JsonElement)" : "the request body is sent as free-form JSON (JsonElement)";
                mapping.Children.Clear();
                mapping.Children.Add(YamlTree.Quoted("description"), YamlTree.Quoted("unresolved reference " + reference));
                var schema = YamlTree.Mapping("schema", new YamlMappingNode());
                mapping.Children.Add(YamlTree.Quoted(_swagger2 ? "schema" : "content"), _swagger2 ? new YamlMappingNode() : YamlTree.Mapping("application/json", schema));
                _changed = true;
                break;
            default:
                consequence = kind switch
                {
                    NodeKind.Parameter => "the parameter is left out",
                    NodeKind.Header => "the header is left out",
                    NodeKind.PathItem => "the path is left out",
                    _ => "it is left out",
                };
                _dropped.Add(mapping);
                _changed = true;
                break;
        }

        _diagnostics.AddLocated(DiagnosticDescriptors.ExternalReference, location, reference, reason, consequence);
    }

    /// <summary>Takes the nodes of unresolved references that are left out off every mapping and sequence that holds them.</summary>
    private void RemoveDropped()
    {
        if (_dropped.Count == 0)
        {
            return;
        }

        foreach (var node in _visited)
        {
            switch (node)
            {
                case YamlSequenceNode sequence:
                    for (var i = sequence.Children.Count - 1; i >= 0; i--)
                    {
                        if (_dropped.Contains(sequence.Children[i]))
                        {
                            sequence.Children.RemoveAt(i);
                        }
                    }

                    break;
                case YamlMappingNode mapping:
                    foreach (var entry in mapping.Entries())
                    {
                        if (_dropped.Contains(entry.Value))
                        {
                            mapping.Take(entry.Key);
                        }
                    }

                    break;
            }
        }
    }
}
