using System;
using System.Collections.Generic;
using System.Globalization;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Reading.Yaml;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.References;

/// <summary>What becomes of a reference that cannot be resolved: CTR009, and the same degradation as a dangling reference.</summary>
internal sealed partial class ExternalReferenceBundler
{
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
