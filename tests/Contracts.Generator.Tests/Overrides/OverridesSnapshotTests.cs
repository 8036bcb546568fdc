using System.Collections.Immutable;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Overrides;

/// <summary>
/// Specs/overrides.yaml: a type, an inline type, members (in the property's schema and beside a <c>$ref</c>), enum
/// members, methods and parameters renamed by <c>x-contracts-name</c> and <c>x-contracts-enum-names</c>, and a schema
/// mapped to the user's own <c>Money</c> by <c>x-contracts-type</c>; snapshotted and compiled beside that type.
/// </summary>
public sealed class OverridesSnapshotTests
{
    internal const string Spec = "Specs/overrides.yaml";
    internal const string Namespace = "Contracts.Tests.Overrides";
    internal const string ClientName = "OverridesClient";

    /// <summary>
    /// The user's types the spec maps money_amount, currency_code and postal_address to: a record with its converter, a
    /// class whose attribute names a converter factory, and a plain record.
    /// </summary>
    internal const string UserTypes = """
        namespace Contracts.Tests.Billing
        {
            using System;
            using System.Text.Json;
            using System.Text.Json.Serialization;

            /// <summary>An amount in minor units of a currency, as the user's own code models it.</summary>
            [JsonConverter(typeof(MoneyConverter))]
            public sealed record Money(long Value, string Currency);

            public sealed class MoneyConverter : JsonConverter<Money>
            {
                public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
                {
                    long value = 0;
                    var currency = "";
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var name = reader.GetString();
                        reader.Read();
                        if (name == "value")
                        {
                            value = reader.GetInt64();
                        }
                        else if (name == "currency")
                        {
                            currency = reader.GetString() ?? "";
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }

                    return new Money(value, currency);
                }

                public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("value", value.Value);
                    writer.WriteString("currency", value.Currency);
                    writer.WriteEndObject();
                }
            }

            /// <summary>A plain record: its metadata would come from the user's GetUserTypeInfo.</summary>
            public sealed record PostalAddress(string Line1, string City);

            /// <summary>An ISO 4217 code, written as its upper-case text.</summary>
            [JsonConverter(typeof(CurrencyCodeConverterFactory))]
            public sealed class CurrencyCode(string code)
            {
                public string Code { get; } = code.ToUpperInvariant();

                public override string ToString() => Code;
            }

            public sealed class CurrencyCodeConverterFactory : JsonConverterFactory
            {
                public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(CurrencyCode);

                public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) => new Converter();

                private sealed class Converter : JsonConverter<CurrencyCode>
                {
                    public override CurrencyCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString()!);

                    public override void Write(Utf8JsonWriter writer, CurrencyCode value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code);
                }
            }
        }
        """;

    /// <summary>The generator over <paramref name="spec"/> in a compilation that declares the user's types.</summary>
    internal static GeneratorRun RunBesideUserTypes(SpecFile spec)
    {
        var texts = ImmutableArray.Create<AdditionalText>(spec.ToAdditionalText());
        return GeneratorHarness.Run(GeneratorHarness.CreateDriver([spec], texts), GeneratorHarness.CreateCompilation(UserTypes), texts);
    }

    [Fact]
    public void Generated_files_match_the_baselines()
    {
        var run = RunBesideUserTypes(SpecFile.FromOutput(Spec, Namespace, ClientName));

        run.AssertGeneratorDidNotThrow();
        Snapshot.Match("Overrides", run.Sources);
    }

    [Fact]
    public void Generated_code_compiles_beside_the_users_type_without_errors_or_warnings()
    {
        var run = RunBesideUserTypes(SpecFile.FromOutput(Spec, Namespace, ClientName));

        run.AssertNoGeneratorDiagnostics();
        run.AssertCompilesCleanly();
    }
}
