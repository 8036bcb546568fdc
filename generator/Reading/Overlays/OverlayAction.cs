using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.Overlays;

/// <summary>
/// One action of an overlay, as written: its target query (parsed), the scalar that holds it (for locating), and either
/// <see cref="Remove"/> or an <see cref="Update"/> (a node of the overlay's tree, merged into each node the target selects).
/// </summary>
internal sealed class OverlayAction
{
    public OverlayAction(JsonPathQuery query, string target, YamlScalarNode targetNode, YamlNode? update, YamlNode? updateKey, bool remove)
    {
        Query = query;
        Target = target;
        TargetNode = targetNode;
        Update = update;
        UpdateKey = updateKey;
        Remove = remove;
    }

    public JsonPathQuery Query { get; }

    /// <summary>The target as written.</summary>
    public string Target { get; }

    public YamlScalarNode TargetNode { get; }

    /// <summary>The value of <c>update</c>; null when the action removes, or has no update.</summary>
    public YamlNode? Update { get; }

    /// <summary>The <c>update</c> key, where a problem with the update is reported.</summary>
    public YamlNode? UpdateKey { get; }

    /// <summary><c>remove: true</c>: the selected nodes leave their parents (and <see cref="Update"/> has no effect).</summary>
    public bool Remove { get; }
}
