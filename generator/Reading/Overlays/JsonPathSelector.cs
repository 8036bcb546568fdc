using System.Collections.Generic;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.Overlays;

/// <summary>One selector of a segment: given a node, adds the children it selects to <c>output</c>, in order.</summary>
internal abstract class JsonPathSelector
{
    public abstract void Select(YamlNode node, List<JsonPathMatch> output, JsonPathEvaluation evaluation);
}
