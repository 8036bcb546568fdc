using System.Collections.Generic;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading;

internal sealed partial class DocumentFacts
{
    /// <summary>
    /// The <c>security</c> list at <paramref name="pointer"/> as written: each alternative's scheme names with their
    /// scopes, in document order; null when there is no list. The reader drops a name that no scheme declares (an
    /// alternative <c>{undeclared: []}</c> would read as anonymous), so requirements are read from the tree.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<(string Scheme, string[] Scopes)>>? SecurityRequirementsAt(string pointer)
    {
        if (NodeAt(pointer) is not YamlSequenceNode list)
        {
            return null;
        }

        var alternatives = new List<IReadOnlyList<(string, string[])>>();
        foreach (var item in list.Children)
        {
            var uses = new List<(string, string[])>();
            if (item is YamlMappingNode mapping)
            {
                foreach (var entry in mapping.Children)
                {
                    if (entry.Key is not YamlScalarNode { Value: { } name })
                    {
                        continue;
                    }

                    var scopes = new List<string>();
                    if (entry.Value is YamlSequenceNode scopeList)
                    {
                        foreach (var scope in scopeList.Children)
                        {
                            if (scope is YamlScalarNode { Value: { } text })
                            {
                                scopes.Add(text);
                            }
                        }
                    }

                    uses.Add((name, scopes.ToArray()));
                }
            }

            alternatives.Add(uses);
        }

        return alternatives;
    }
}
