namespace Contracts.Generator.Reading.Overlays;

/// <summary>Filter selectors (<c>[?…]</c>): logical expressions, comparisons, queries and function calls.</summary>
internal sealed partial class JsonPathParser
{
    private JsonPathSelector ParseFilterSelector()
    {
        throw Error("filter selectors are not supported yet");
    }
}
