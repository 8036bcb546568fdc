using System;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Emission;

/// <summary>
/// A deprecated member becomes <c>[Obsolete]</c>, except where the schema also requires it: C# forbids
/// <c>[Obsolete]</c> on a <c>required</c> member (CS9042, which fails a build with warnings as errors, as OpenAI's
/// description did), so there the deprecation is said in the member's docs instead.
/// </summary>
public sealed class DeprecatedMemberTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Deprecated, version: '1'}
        paths: {}
        components:
          schemas:
            Chunk:
              type: object
              required: [id, system_fingerprint]
              properties:
                id: {type: string}
                system_fingerprint:
                  type: string
                  deprecated: true
                  description: The backend configuration.
                legacy:
                  type: string
                  deprecated: true
        """;

    [Fact]
    public void A_required_deprecated_member_compiles_without_warnings_and_says_it_is_deprecated_in_its_docs()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("deprecated.yaml", Spec, "Contracts.Tests.Deprecated", "DeprecatedClient"));

        run.AssertCompilesCleanly();
        var chunk = run.Source("Models.C").Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(
            "        /// <summary>The backend configuration.</summary>\n" +
            "        /// <remarks>Deprecated in the OpenAPI document.</remarks>\n" +
            "        public required string SystemFingerprint { get; init; }\n",
            chunk,
            StringComparison.Ordinal);
        Assert.Contains(
            "        [global::System.Obsolete(\"Deprecated in the OpenAPI document.\")]\n" +
            "        public string? Legacy { get; init; }\n",
            chunk,
            StringComparison.Ordinal);
    }
}
