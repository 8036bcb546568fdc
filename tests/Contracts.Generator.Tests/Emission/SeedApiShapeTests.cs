using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Emission;

/// <summary>
/// The public surface generated for the seed contract, read from the compiled output by symbol rather than by text,
/// so these checks survive formatting changes that the snapshots would flag.
/// </summary>
public sealed class SeedApiShapeTests
{
    private const string Ns = "Contracts.Tests.Lightsail";

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.MinimallyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly Lazy<Compilation> Output = new(() => GeneratorHarness.Run(SpecFile.Seed()).OutputCompilation);

    public static TheoryData<string, string[]> Records => new()
    {
        { "GetBucketAccessKeysRequest", ["required string BucketName"] },
        { "BucketAccessKeys", ["required string Id", "required DateTimeOffset CreatedAt", "IReadOnlyList<AccessKey>? AccessKeys"] },
        {
            "AccessKey",
            ["string? AccessKeyId", "string? SecretAccessKey", "StatusType? Status", "DateTimeOffset? CreatedAt", "AccessKeyLastUsed? LastUsed"]
        },
        { "AccessKeyLastUsed", ["DateTimeOffset? LastUsedDate", "string? Region", "string? ServiceName"] },
        { "EnvelopeError", ["required string Code", "required string Message"] },
    };

    [Theory]
    [MemberData(nameof(Records))]
    public void Records_have_the_declared_members(string typeName, string[] expected)
    {
        var type = GetType(typeName);

        Assert.True(type.IsRecord, typeName + " should be a record.");
        Assert.Equal(Accessibility.Public, type.DeclaredAccessibility);
        Assert.Equal(expected.OrderBy(x => x), PublicProperties(type).OrderBy(x => x));
    }

    [Fact]
    public void StatusType_is_an_open_enum_with_the_spec_values()
    {
        var type = GetType("StatusType");

        Assert.True(type.IsValueType && type.IsReadOnly);
        Assert.Equal(
            ["Active", "Inactive", "KnownValues"],
            type.GetMembers().OfType<IPropertySymbol>().Where(p => p.IsStatic).Select(p => p.Name).OrderBy(x => x, System.StringComparer.Ordinal));
        Assert.Contains(type.GetMembers("Value").OfType<IPropertySymbol>(), p => p.Type.SpecialType == SpecialType.System_String);
    }

    [Fact]
    public void The_json_context_has_one_type_info_per_type()
    {
        var context = GetType("LightsailJsonContext");

        Assert.True(context.IsSealed);
        Assert.Equal("System.Text.Json.Serialization.JsonSerializerContext", context.BaseType?.ToDisplayString());
        Assert.Contains(context.GetMembers("Default").OfType<IPropertySymbol>(), p => p.IsStatic);
        foreach (var name in new[] { "GetBucketAccessKeysRequest", "BucketAccessKeys", "AccessKey", "AccessKeyLastUsed", "StatusType", "EnvelopeError" })
        {
            var property = Assert.Single(context.GetMembers(name).OfType<IPropertySymbol>());
            Assert.Equal($"JsonTypeInfo<{name}>", property.Type.ToDisplayString(TypeFormat));
        }
    }

    [Fact]
    public void The_client_interface_declares_the_operation()
    {
        var contract = GetType("ILightsailClient");
        var method = Assert.Single(contract.GetMembers("GetBucketAccessKeysAsync").OfType<IMethodSymbol>());

        Assert.Equal(TypeKind.Interface, contract.TypeKind);
        Assert.Equal("Task<BucketAccessKeys>", method.ReturnType.ToDisplayString(TypeFormat));
        Assert.Equal(
            ["GetBucketAccessKeysRequest request", "CancellationToken cancellationToken = default", "RequestOptions? requestOptions = null"],
            method.Parameters.Select(Describe));
    }

    [Fact]
    public void The_client_takes_an_HttpClient_and_optional_options()
    {
        var client = GetType("LightsailClient");

        Assert.True(client.IsSealed);
        Assert.Contains(client.AllInterfaces, i => i.Name == "ILightsailClient");
        Assert.Contains(
            client.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public),
            c => c.Parameters.Select(Describe).SequenceEqual(["HttpClient httpClient", "LightsailClientOptions? options = null"]));
    }

    [Fact]
    public void The_client_options_hold_base_address_and_region()
    {
        var options = GetType("LightsailClientOptions");

        Assert.Contains("Uri? BaseAddress", PublicProperties(options));
        Assert.Contains("string Region", PublicProperties(options));
    }

    private static INamedTypeSymbol GetType(string name)
    {
        var type = Output.Value.GetTypeByMetadataName(Ns + "." + name);
        Assert.True(type is not null, $"{Ns}.{name} was not generated.");
        return type!;
    }

    private static IEnumerable<string> PublicProperties(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IPropertySymbol>()
            .Where(p => p.DeclaredAccessibility == Accessibility.Public && !p.IsStatic)
            .Select(p => (p.IsRequired ? "required " : string.Empty) + p.Type.ToDisplayString(TypeFormat) + " " + p.Name);

    private static string Describe(IParameterSymbol parameter)
    {
        var text = parameter.Type.ToDisplayString(TypeFormat) + " " + parameter.Name;
        if (!parameter.HasExplicitDefaultValue)
        {
            return text;
        }

        return text + " = " + (parameter.ExplicitDefaultValue is null
            ? (parameter.Type.IsValueType ? "default" : "null")
            : parameter.ExplicitDefaultValue.ToString());
    }
}
