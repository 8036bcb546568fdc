using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Emission;

/// <summary>
/// A description whose every free-text and name field carries a payload that tries to declare code. The output must
/// compile cleanly, declare none of the payloads' types or members, and keep payloads that are data (enum values) as data.
/// </summary>
public sealed class CodeInjectionTests
{
    private static readonly string[] Payloads =
    {
        "*/ public class Pwned0 {} /*",
        "</summary> public class Pwned1 {} /// <summary>",
        "\"; class Pwned2 {} //",
        "\"\"\" + new Pwned3() + \"\"\"",
        "\n#error Pwned4\n",
        "\r\n#line 1 \"Pwned5.cs\"\r\n} public class Pwned5 { ",
        "\\u000a public class Pwned6 {} \\u000d",
        "\u2028 public class Pwned7 {} \u2029",
        "{{ Pwned8 }} {0} $\"{Pwned8}\"",
        "<![CDATA[ ]]> <see cref=\"Pwned9\"/> &amp; &",
    };

    [Fact]
    public void Payloads_in_every_field_compile_and_declare_nothing()
    {
        using var output = LoadedOutput.Load(GeneratorHarness.Run(SpecFile.Inline("hostile.json", HostileSpec(), "Contracts.Tests.Hostile", "HostileClient")));

        var declared = output.Assembly.GetTypes()
            .SelectMany(t => new[] { t.Name }.Concat(t.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Select(m => m.Name)))
            .ToList();
        for (var i = 0; i < Payloads.Length; i++)
        {
            Assert.DoesNotContain("Pwned" + i, declared);
        }

        // Both operations were generated (not skipped), so their payload-bearing parameters went through the emitter,
        // with their twins; the payloads named the response headers of one, whose class has a property per header.
        var methods = output.Type("Contracts.Tests.Hostile.HostileClient").GetMethods().Select(m => m.Name).ToList();
        Assert.Equal(2, methods.Count(m => m.EndsWith("Async", StringComparison.Ordinal) && !m.EndsWith("WithResponseAsync", StringComparison.Ordinal)));
        Assert.Equal(2, methods.Count(m => m.EndsWith("WithResponseAsync", StringComparison.Ordinal)));
        var responseClass = Assert.Single(output.Assembly.GetTypes(), t => t.BaseType?.FullName == "Contracts.Runtime.ApiResponse");
        Assert.Equal(Payloads.Length, responseClass.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Length);
    }

    [Fact]
    public void Payload_enum_values_round_trip_as_data()
    {
        using var output = LoadedOutput.Load(GeneratorHarness.Run(SpecFile.Inline("hostile.json", HostileSpec(), "Contracts.Tests.Hostile", "HostileClient")));

        foreach (var payload in Payloads)
        {
            var json = JsonSerializer.Serialize(payload);
            var value = output.Deserialize("Contracts.Tests.Hostile.HostileJsonContext", "Color", json);
            Assert.Equal(payload, value!.ToString());
            Assert.True((bool)value.GetType().GetProperty("IsKnown")!.GetValue(value)!, payload);
            Assert.Equal(json, output.Serialize("Contracts.Tests.Hostile.HostileJsonContext", "Color", value));
        }
    }

    private static string HostileSpec()
    {
        var text = string.Join(" ", Payloads);
        var properties = new JsonObject();
        var parameters = new JsonArray();
        var headers = new JsonObject();
        for (var i = 0; i < Payloads.Length; i++)
        {
            properties[Payloads[i]] = new JsonObject
            {
                ["type"] = "string",
                ["description"] = Payloads[i],
                ["default"] = Payloads[i],
                ["example"] = Payloads[i],
                ["pattern"] = Payloads[i],
                ["format"] = Payloads[i],
            };
            parameters.Add(new JsonObject
            {
                ["name"] = Payloads[i],
                ["in"] = i % 2 == 0 ? "query" : "header",
                ["description"] = Payloads[i],
                ["schema"] = new JsonObject { ["type"] = "string", ["default"] = Payloads[i] },
            });
            headers[Payloads[i]] = new JsonObject { ["description"] = Payloads[i], ["schema"] = new JsonObject { ["type"] = i % 2 == 0 ? "string" : "integer" } };
        }

        properties["color"] = new JsonObject { ["$ref"] = "#/components/schemas/Color" };
        var spec = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = text, ["description"] = text, ["version"] = Payloads[0] },
            ["servers"] = new JsonArray(new JsonObject
            {
                ["url"] = "https://{host}.example.com/" + Uri.EscapeDataString(Payloads[0]),
                ["description"] = text,
                ["variables"] = new JsonObject
                {
                    ["host"] = new JsonObject { ["default"] = Payloads[2], ["description"] = text, ["enum"] = new JsonArray(Payloads[2], Payloads[3]) },
                },
            }),
            ["tags"] = new JsonArray(new JsonObject { ["name"] = Payloads[1], ["description"] = text }),
            ["paths"] = new JsonObject
            {
                ["/widgets/{" + Payloads[0] + "}"] = new JsonObject
                {
                    ["post"] = new JsonObject
                    {
                        ["operationId"] = Payloads[1],
                        ["summary"] = text,
                        ["description"] = text,
                        ["tags"] = new JsonArray(Payloads[1]),
                        ["parameters"] = new JsonArray(new JsonObject
                        {
                            ["name"] = Payloads[0],
                            ["in"] = "path",
                            ["required"] = true,
                            ["description"] = text,
                            ["schema"] = new JsonObject { ["type"] = "string" },
                        }),
                        ["requestBody"] = new JsonObject
                        {
                            ["description"] = text,
                            ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/" + Uri.EscapeDataString(Payloads[2]) } } },
                        },
                        ["responses"] = new JsonObject
                        {
                            ["200"] = new JsonObject
                            {
                                ["description"] = text,
                                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Color" } } },
                            },
                        },
                    },
                    ["get"] = new JsonObject
                    {
                        ["operationId"] = Payloads[4],
                        ["summary"] = Payloads[5],
                        ["parameters"] = parameters,
                        ["responses"] = new JsonObject { ["204"] = new JsonObject { ["description"] = text, ["headers"] = headers } },
                    },
                },
            },
            ["components"] = new JsonObject
            {
                ["schemas"] = new JsonObject
                {
                    [Payloads[2]] = new JsonObject { ["type"] = "object", ["title"] = text, ["description"] = text, ["properties"] = properties, ["required"] = new JsonArray(Payloads[3]) },
                    ["Color"] = new JsonObject
                    {
                        ["type"] = "string",
                        ["description"] = text,
                        ["enum"] = new JsonArray(Payloads.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray()),
                    },
                },
            },
        };
        return spec.ToJsonString();
    }
}
