namespace Contracts.Generator.Reading.Yaml;

/// <summary>RFC 6901 pointers of the original document, the form <see cref="SourceLocator"/> turns into lines.</summary>
internal static class JsonPointer
{
    public const string Root = "#";

    public static string Append(string pointer, string segment) => pointer + "/" + segment.Replace("~", "~0").Replace("/", "~1");

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
