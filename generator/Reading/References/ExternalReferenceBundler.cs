using System;
using System.Collections.Generic;
using Contracts.Generator.Configuration;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Helpers;
using Contracts.Generator.Locating;
using Contracts.Generator.Reading.Yaml;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.References;

/// <summary>
/// Resolves references to other files by bundling, on the YAML tree, before the reader sees the document: each
/// target is copied once into the matching reusable section (<c>components/schemas</c>, <c>…/parameters</c>…, or
/// <c>definitions</c> in Swagger 2.0) under a name taken from its pointer or file, and the <c>$ref</c> is made local.
/// Copied nodes are walked in turn, with their own file as base, so references between files resolve transitively
/// and cycles end (a target already copied is only pointed at). Files come only from <see cref="SpecInput.Documents"/>
/// (other AdditionalFiles); URLs are never fetched. What cannot be resolved is reported (CTR009) at its <c>$ref</c> and
/// degraded as a dangling reference is. Partial by concern: <c>.Targets.cs</c> finds and copies targets,
/// <c>.Unresolved.cs</c> reports and degrades what cannot be resolved.
/// </summary>
internal sealed partial class ExternalReferenceBundler
{
    private readonly SourceDocument _root;
    private readonly YamlMappingNode _rootMapping;
    private readonly bool _swagger2;
    private readonly Dictionary<string, SourceDocument> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _withheld = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _copies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _names = new(StringComparer.Ordinal);
    private readonly HashSet<YamlNode> _visited = new(NodeIdentity.Instance);
    private readonly Queue<(YamlNode Node, SourceDocument Document, NodeKind Kind)> _pending = new();
    private readonly HashSet<YamlNode> _dropped = new(NodeIdentity.Instance);
    private readonly DiagnosticBag _diagnostics;
    private bool _changed;

    // Probing only asks whether any reference leaves the document; nothing is rewritten, copied or reported.
    private bool _probing;
    private bool _leaves;

    private ExternalReferenceBundler(SourceDocument root, YamlMappingNode rootMapping, EquatableArray<ReferencedDocument> documents, DiagnosticBag diagnostics)
    {
        _root = root;
        _rootMapping = rootMapping;
        _swagger2 = rootMapping.Has("swagger");
        _diagnostics = diagnostics;
        foreach (var document in documents)
        {
            if (document.Withheld is { } reason)
            {
                _withheld[ReferencePaths.Normalize(document.Path)] = reason;
                continue;
            }

            // The same preparation the spec's own text gets, so pointers and escapes read alike in every file.
            var source = new SourceDocument(document.Path, SpecReader.Prepare(document.Text));
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

        return FlowYamlWriter.WriteDocument(mapping, length, diagnostics, "with the files it references, ");
    }

    /// <summary>
    /// True when a <c>$ref</c> (or discriminator mapping) in a position the reader reads as a reference leaves the
    /// document: a URL or a file. A text scan also finds <c>$ref</c> members inside examples (GitHub's SCIM examples
    /// carry URL-valued ones); asked of the reader's tree, this spares those documents a second YAML parse.
    /// </summary>
    public static bool HasExternalReferences(string path, string text, YamlNode root)
    {
        if (root is not YamlMappingNode mapping)
        {
            return false;
        }

        var bundler = new ExternalReferenceBundler(new SourceDocument(path, text, root), mapping, EquatableArray<ReferencedDocument>.Empty, new DiagnosticBag())
        {
            _probing = true,
        };
        bundler.Run();
        return bundler._leaves;
    }

    private void Run()
    {
        _pending.Enqueue((_rootMapping, _root, NodeKind.Document));
        while (_pending.Count > 0 && !_leaves)
        {
            var (node, document, kind) = _pending.Dequeue();
            Walk(node, document, kind);
        }

        if (!_probing)
        {
            RemoveDropped();
        }
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

        if (_probing)
        {
            _leaves = true;
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

            if (_probing)
            {
                _leaves = true;
                return;
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
}
