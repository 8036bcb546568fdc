using System;
using System.Text.RegularExpressions;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Configuration;
using Contracts.Generator.Helpers;
using Contracts.Generator.Parsing.Downgrade;
using Contracts.Generator.Parsing.References;
using Microsoft.OpenApi.Exceptions;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Readers.Exceptions;

namespace Contracts.Generator.Parsing;

/// <summary>
/// Reads a spec's text into an <see cref="OpenApiDocument"/> with Microsoft.OpenApi.Readers and turns everything
/// the reader says (errors, exceptions) into diagnostics. The only place that calls the third-party reader.
/// </summary>
internal static class SpecReader
{
    private static readonly Regex s_yamlPosition = new(@"\(Lin: (\d+), Col: (\d+)", RegexOptions.CultureInvariant);
    // A quoted local $ref whose JSON pointer is percent-encoded (RFC 6901's URI-fragment form), e.g. "#/definitions/Ref%20(of%20Bundle)".
    private static readonly Regex s_encodedReference = new(
        @"(?<prefix>\$ref[""']?\s*:\s*)(?<quote>[""'])(?<pointer>#/[^""'\r\n]*%[0-9A-Fa-f]{2}[^""'\r\n]*)\k<quote>",
        RegexOptions.CultureInvariant);

    private static readonly Regex s_invalidReference = new(@"^Invalid Reference identifier '(.*)'\.?$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    /// <summary>
    /// Returns the document, or null when nothing can be generated from it (the reason is in <paramref name="diagnostics"/>);
    /// <paramref name="isSwagger2"/> tells whether the text was Swagger 2.0. <paramref name="path"/> (the spec's) and
    /// <paramref name="documents"/> resolve references to other files (<see cref="ExternalReferenceBundler"/>); the bundler's
    /// tree goes to <paramref name="locator"/>: for its facts when it is a bundle, as the spec's own tree when unchanged.
    /// </summary>
    public static OpenApiDocument? Read(
        string text, DiagnosticBag diagnostics, out bool isSwagger2, string path = "", EquatableArray<ReferencedDocument> documents = default, SourceLocator? locator = null)
    {
        isSwagger2 = false;
        if (text.Trim().Length == 0)
        {
            diagnostics.AddAt(DiagnosticDescriptors.SyntaxError, 0, 0, "the file is empty");
            return null;
        }

        var original = text;
        text = ExternalReferenceBundler.Prepare(text);

        // Only documents that name another file or a URL are bundled; the scan keeps the others off the YAML tree.
        if (ReferenceScanner.HasExternal(text))
        {
            var bundled = ExternalReferenceBundler.Bundle(path, text, documents, diagnostics, out var tree);
            if (bundled is null)
            {
                return null;
            }

            if (tree is not null && !ReferenceEquals(bundled, text))
            {
                locator?.UseFactsOf(tree, bundled);
            }
            else if (tree is not null && string.Equals(text, original, StringComparison.Ordinal))
            {
                locator?.Adopt(tree);
            }

            text = bundled;
        }

        // Only 3.1 documents take the detour through the YAML tree; 3.0 and 2.0 text goes to the reader as it is.
        if (OpenApi31Detector.LooksLikeOpenApi31(text))
        {
            var downgraded = OpenApi31Downgrader.Downgrade(text, diagnostics);
            if (downgraded is null)
            {
                return null;
            }

            text = downgraded;
        }

        OpenApiDocument document;
        OpenApiDiagnostic result;
        try
        {
            var settings = new OpenApiReaderSettings
            {
                // Never follow references to other files or URLs: a generator does no I/O.
                ReferenceResolution = ReferenceResolutionSetting.ResolveLocalReferences,
                LoadExternalRefs = false,
            };
            document = new OpenApiStringReader(settings).Read(text, out result);
        }
        catch (OpenApiUnsupportedSpecVersionException exception)
        {
            if (string.IsNullOrEmpty(exception.SpecificationVersion) || !Configuration.OptionsReader.LooksLikeOpenApi(text))
            {
                diagnostics.AddAt(DiagnosticDescriptors.NotOpenApi, 0, 0, "it has no 'openapi' or 'swagger' version member");
            }
            else
            {
                var member = text.IndexOf("swagger", StringComparison.Ordinal) >= 0 && text.IndexOf("openapi", StringComparison.Ordinal) < 0 ? "#/swagger" : "#/openapi";
                diagnostics.Add(DiagnosticDescriptors.UnsupportedVersion, member, exception.SpecificationVersion);
            }

            return null;
        }
        catch (Exception exception) when (exception is OpenApiException or FormatException or InvalidCastException or ArgumentException or InvalidOperationException or NullReferenceException)
        {
            // The reader throws on some malformed documents instead of reporting them.
            diagnostics.AddAt(DiagnosticDescriptors.SyntaxError, 0, 0, exception.Message);
            return null;
        }

        isSwagger2 = result.SpecificationVersion == Microsoft.OpenApi.OpenApiSpecVersion.OpenApi2_0;
        foreach (var error in result.Errors)
        {
            Report(error, diagnostics);
        }

        // Structural errors leave a partial document; one without paths or schemas has nothing to generate from.
        return document is null || (document.Paths is null && document.Components is null) ? null : document;
    }

    private static void Report(OpenApiError error, DiagnosticBag diagnostics)
    {
        var message = error.Message ?? "unknown problem";
        var pointer = error.Pointer;
        if (pointer is not null && pointer.StartsWith("#line=", StringComparison.Ordinal))
        {
            var position = s_yamlPosition.Match(message);
            if (position.Success)
            {
                diagnostics.AddAt(DiagnosticDescriptors.SyntaxError, int.Parse(position.Groups[1].Value), int.Parse(position.Groups[2].Value), StripPosition(message));
            }
            else
            {
                var line = int.TryParse(pointer.Substring("#line=".Length), out var parsed) ? parsed : 0;
                diagnostics.AddAt(DiagnosticDescriptors.SyntaxError, line, 0, message);
            }

            return;
        }

        var reference = s_invalidReference.Match(message);
        if (reference.Success)
        {
            diagnostics.Add(DiagnosticDescriptors.UnresolvedReference, SourceLocator.ReferencePrefix + reference.Groups[1].Value, reference.Groups[1].Value);
            return;
        }

        if (message.IndexOf("No documents found", StringComparison.Ordinal) >= 0)
        {
            diagnostics.AddAt(DiagnosticDescriptors.SyntaxError, 0, 0, "the file holds no YAML or JSON document");
            return;
        }

        diagnostics.Add(DiagnosticDescriptors.DocumentProblem, pointer, string.IsNullOrEmpty(pointer) ? "the document" : pointer!, message);
    }

    /// <summary>
    /// Decodes percent-escapes in quoted local <c>$ref</c> pointers, which the reader would otherwise look up verbatim.
    /// Only characters that cannot end the quoted string or the line are decoded, and no line changes, so every
    /// reported line and column still points into the file as written.
    /// </summary>
    internal static string DecodeReferencePointers(string text)
    {
        if (text.IndexOf("$ref", StringComparison.Ordinal) < 0 || text.IndexOf('%') < 0)
        {
            return text;
        }

        return s_encodedReference.Replace(text, match =>
        {
            var decoded = Regex.Replace(match.Groups["pointer"].Value, "%[0-9A-Fa-f]{2}", escape =>
            {
                var c = (char)Convert.ToInt32(escape.Value.Substring(1), 16);
                return c is '"' or '\'' or '\\' or '%' || char.IsControl(c) || c > 0x7E ? escape.Value : c.ToString();
            });
            return match.Groups["prefix"].Value + match.Groups["quote"].Value + decoded + match.Groups["quote"].Value;
        });
    }

    private static string StripPosition(string message)
    {
        // "(Lin: 7, Col: 0, Chr: 71) - (Lin: 7, Col: 0, Chr: 71): While parsing…" → "While parsing…"
        var index = message.IndexOf("): ", StringComparison.Ordinal);
        return index >= 0 && message.StartsWith("(Lin:", StringComparison.Ordinal) ? message.Substring(index + 3) : message;
    }
}
