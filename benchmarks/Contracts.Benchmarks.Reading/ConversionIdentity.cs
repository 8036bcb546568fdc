using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Contracts.Generator.Locating;
using Contracts.Generator.Reading;
using Contracts.Generator.Reading.Yaml;
using Microsoft.OpenApi.YamlReader;
using SharpYaml;
using SharpYaml.Serialization;

namespace Contracts.Benchmarks.Reading;

/// <summary>
/// <c>convert-identity [folder or spec…]</c>: whether the read's one-walk conversion (<see cref="TreeToJson"/>) gives the
/// library's <see cref="YamlConverter"/> nodes for each document, parsed as the read parses it: the same JSON text and
/// every value of the same kind. Counts the documents converted identically, those left to the library's path (an
/// anchor, a limit, a key it refuses) and those that differ (named; none is the condition for the one walk).
/// </summary>
internal static class ConversionIdentity
{
    public static int Run(List<string> targets)
    {
        var files = new List<string>();
        foreach (var target in targets)
        {
            if (Directory.Exists(target))
            {
                files.AddRange(Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)));
            }
            else
            {
                files.Add(Program.Resolve(target));
            }
        }

        files.Sort(StringComparer.Ordinal);
        int identical = 0, library = 0, unparsed = 0;
        var different = new List<string>();
        foreach (var file in files)
        {
            YamlNode root;
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(SwaggerFormParameters.Inline(SpecReader.Prepare(File.ReadAllText(file)), new DiagnosticBag())));
                if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not { } first)
                {
                    unparsed++;
                    continue;
                }

                root = first;
            }
            catch (YamlException)
            {
                unparsed++;
                continue;
            }

            var ours = TreeToJson.TryConvert(root);
            if (ours is null)
            {
                library++;
                Console.WriteLine("library's path: " + file);
                continue;
            }

            JsonNode theirs;
            try
            {
                theirs = root.ToJsonNode();
            }
            catch (Exception exception)
            {
                different.Add(file + " (the library's converter threw: " + exception.Message + ")");
                continue;
            }

            if (Same(ours, theirs))
            {
                identical++;
            }
            else
            {
                different.Add(file);
            }
        }

        Console.WriteLine(files.Count + " documents: " + identical + " identical, " + library + " left to the library's path, "
            + different.Count + " different, " + unparsed + " not YAML the parser reads");
        foreach (var file in different)
        {
            Console.WriteLine("different: " + file);
        }

        return different.Count == 0 ? 0 : 1;
    }

    private static bool Same(JsonNode a, JsonNode b) =>
        JsonNode.DeepEquals(a, b) && a.ToJsonString() == b.ToJsonString() && Kinds(a).SequenceEqual(Kinds(b));

    private static IEnumerable<string> Kinds(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var entry in obj)
                {
                    yield return entry.Key;
                    foreach (var kind in Kinds(entry.Value))
                    {
                        yield return kind;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var kind in Kinds(item))
                    {
                        yield return kind;
                    }
                }

                break;
            case JsonValue value:
                yield return value.GetValueKind() + ":" + value.GetValue<object>().GetType().Name;
                break;
            default:
                yield return "null";
                break;
        }
    }
}
