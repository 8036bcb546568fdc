using System;
using System.Text.Json;
using System.Text.Json.Serialization;

// The user's own types that Specs/overrides.yaml maps its money_amount, currency_code and postal_address schemas to
// (x-contracts-type).
namespace Contracts.Tests.Billing;

/// <summary>An amount in minor units of a currency: a record whose attribute names its converter.</summary>
[JsonConverter(typeof(MoneyConverter))]
public sealed record Money(long Value, string Currency);

/// <summary>Reads and writes <see cref="Money"/> as <c>{"value":…,"currency":…}</c>.</summary>
public sealed class MoneyConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return new Money(root.GetProperty("value").GetInt64(), root.GetProperty("currency").GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("value", value.Value);
        writer.WriteString("currency", value.Currency);
        writer.WriteEndObject();
    }
}

/// <summary>An ISO 4217 code, kept upper-case: a class whose attribute names a converter factory.</summary>
[JsonConverter(typeof(CurrencyCodeConverterFactory))]
public sealed class CurrencyCode(string code)
{
    public string Code { get; } = code.ToUpperInvariant();

    public override string ToString() => Code;
}

/// <summary>Makes the converter that reads and writes <see cref="CurrencyCode"/> as its text.</summary>
public sealed class CurrencyCodeConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(CurrencyCode);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) => new CurrencyCodeConverter();

    private sealed class CurrencyCodeConverter : JsonConverter<CurrencyCode>
    {
        public override CurrencyCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, CurrencyCode value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code);
    }
}

/// <summary>A plain record, without a converter: its metadata comes from the user's own source-generated context.</summary>
public sealed record PostalAddress(string Line1, string City);

/// <summary>The user's System.Text.Json context, which System.Text.Json's own source generator fills in.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PostalAddress))]
internal sealed partial class BillingJsonContext : JsonSerializerContext;

