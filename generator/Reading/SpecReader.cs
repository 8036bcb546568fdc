using System;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Contracts.Generator.Configuration;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Helpers;
using Contracts.Generator.Locating;
using Contracts.Generator.Reading.Yaml;
using Contracts.Generator.Reading.Overlays;
using Contracts.Generator.Reading.References;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading;

/// <summary>
/// Reads a spec's text into an <see cref="OpenApiDocument"/> with Microsoft.OpenApi (<see cref="OpenApiTextReader"/>) and turns everything
/// the reader says (errors, exceptions) into diagnostics. The only place that calls the third-party reader.
/// </summary>
internal static class SpecReader
{
    private const string UnknownType = "Invalid schema type identifier: ";

    private static readonly Regex s_componentDiscriminator = new(@"^#/(components/schemas|definitions)/([^/]+)/discriminator$", RegexOptions.CultureInvariant);
    private static readonly Regex s_discriminatorNotRequired = new(@"^Schema (.*?) ?must contain property specified in the discriminator (.+) in the required field list\.?$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    private static readonly Regex s_yamlPosition = new(@"\(Lin: (\d+), Col: (\d+)", RegexOptions.CultureInvariant);
    private static readonly Regex s_notAProperty = new(@"^(\S+) is not a valid property$", RegexOptions.CultureInvariant);
    private static readonly Regex s_componentKey = new(@"^The key '(.+)' in '(\w+)' of components MUST", RegexOptions.CultureInvariant | RegexOptions.Singleline);
    private static readonly Regex s_invalidReferenceString = new(@"^The reference string '(/.+)' has invalid format\.?$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
    private static readonly Regex s_invalidReference = new(@"^Invalid Reference identifier '(.*)'\.?$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    /// <summary>
    /// Returns the document, or null when nothing can be generated from it (the reason is in <paramref name="diagnostics"/>);
    /// <paramref name="isSwagger2"/> tells whether the text was Swagger 2.0. <paramref name="path"/> (the spec's) and
    /// <paramref name="documents"/> resolve references to other files (<see cref="ExternalReferenceBundler"/>); the bundler's
    /// tree goes to <paramref name="facts"/> when it is a bundle, and to <paramref name="locator"/> as the spec's own tree when unchanged.
    /// </summary>
    /// <param name="overlays">The overlays to apply, in order, before anything else reads the text (<see cref="OverlayApplier"/>); a spec without any takes the path it always took.</param>
    public static OpenApiDocument? Read(
        string text, DiagnosticBag diagnostics, out bool isSwagger2, string path = "", EquatableArray<ReferencedDocument> documents = default, SourceLocator? locator = null, DocumentFacts? facts = null,
        EquatableArray<OverlayFile> overlays = default, CancellationToken cancellationToken = default)
    {
        isSwagger2 = false;
        if (text.Trim().Length == 0)
        {
            diagnostics.AddAt(DiagnosticDescriptors.SyntaxError, 0, 0, "the file is empty");
            return null;
        }

        var original = text;
        text = Prepare(text);
        if (!overlays.IsEmpty)
        {
            // The overlays see the file as its author wrote it (before 2.0 form parameters are inlined or other files bundled).
            if (OverlayApplier.Apply(path, text, overlays, diagnostics, locator, cancellationToken) is not { } overlaid)
            {
                return null;
            }

            text = overlaid;
        }

        text = SwaggerFormParameters.Inline(text, diagnostics);

        // Only documents that name another file or a URL are bundled; the scan keeps the others off the YAML tree. A
        // document that names no file is read first: when its tree shows no reference leaving it (the URLs were in
        // examples), that reading stands and the bundler's parse is saved.
        OpenApiDocument? early = null;
        OpenApiDiagnostic? earlyResult = null;
        YamlNode? earlyTree = null;
        var hasExternal = ReferenceScanner.HasExternal(text);
        // (A 3.1 document's early reading reported nothing of what its schemas say that the model cannot: read again.)
        if (hasExternal && ReferenceScanner.Files(path, text).Count == 0
            && TryRead(text, out var read, out var readResult, out var readTree) && readTree is not null && !OpenApiTextReader.IsOpenApi31(readTree)
            && !ExternalReferenceBundler.HasExternalReferences(path, text, readTree))
        {
            (early, earlyResult, earlyTree) = (read, readResult, readTree);
        }
        else if (hasExternal)
        {
            var bundled = ExternalReferenceBundler.Bundle(path, text, documents, diagnostics, out var tree);
            if (bundled is null)
            {
                return null;
            }

            if (tree is not null && !ReferenceEquals(bundled, text))
            {
                facts?.UseReadTree(tree, bundled);
            }
            else if (tree is not null && string.Equals(text, original, StringComparison.Ordinal))
            {
                locator?.Adopt(tree);
            }

            text = bundled;
        }

        OpenApiDocument? document;
        OpenApiDiagnostic result;
        var readerTree = earlyTree;
        var repaired = false;
        try
        {
            if (early is not null)
            {
                (document, result) = (early, earlyResult!);
            }
            else
            {
                document = ReadRepairingComponents(ref text, diagnostics, facts, out result, out readerTree, out repaired);
            }

            if (HasLongScalar(result) && LongTextShortener.Shorten(text, diagnostics) is { } shortened)
            {
                text = shortened;
                document = ReadWithReader(text, out result, out readerTree);
            }

            // The facts the model needs come from the tree of the text the reader read; locations still come from the file.
            if (readerTree is not null)
            {
                facts?.UseReadTree(readerTree, text);

                // One parse for all: where the text read is the file as written, its tree locates the diagnostics too.
                if (!repaired && string.Equals(text, original, StringComparison.Ordinal))
                {
                    locator?.Adopt(readerTree);
                }
            }
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

        if (document is null && IsWithoutVersion(result))
        {
            diagnostics.AddAt(DiagnosticDescriptors.NotOpenApi, 0, 0, "it has no 'openapi' or 'swagger' version member");
            return null;
        }

        isSwagger2 = result.SpecificationVersion == OpenApiSpecVersion.OpenApi2_0;
        if (isSwagger2)
        {
            // The reader checks a 2.0 document as the 3.0 document it made of it, and names places by their 3.0 pointers.
            diagnostics.MapPointer("#/components/schemas", "#/definitions");
            diagnostics.MapPointer("#/components/parameters", "#/parameters");
            diagnostics.MapPointer("#/components/responses", "#/responses");
            diagnostics.MapPointer("#/components/securitySchemes", "#/securityDefinitions");
            diagnostics.MapPointer("#/components", "#/definitions");
        }

        var undeclaredSchemes = UndeclaredSecuritySchemes.Find(document);
        foreach (var error in result.Errors)
        {
            // Translation reports these at the requirement (CTR116); they are not a broken document.
            if (undeclaredSchemes.Count > 0 && s_invalidReference.Match(error.Message ?? string.Empty) is { Success: true } match && undeclaredSchemes.Contains(match.Groups[1].Value))
            {
                continue;
            }

            // 3.x checks a security scheme's type; 1.6 read an unknown one as it is, and translation reports it (CTR1xx).
            if (error.Pointer is { } at && at.StartsWith("#/components/securitySchemes/", StringComparison.Ordinal) && at.EndsWith("/type", StringComparison.Ordinal)
                && error.Message?.StartsWith("Enum value ", StringComparison.Ordinal) == true)
            {
                continue;
            }

            // 3.x checks the discriminator of every schema; 1.6 checked only components' (an inline one is translation's).
            if (error.Message?.IndexOf("must contain property specified in the discriminator", StringComparison.Ordinal) >= 0
                && error.Pointer is { } inline && !s_componentDiscriminator.IsMatch(inline))
            {
                continue;
            }

            Report(error, diagnostics, readerTree);
        }

        // Structural errors leave a partial document; one without paths or schemas has nothing to generate from.
        if (document is null || (document.Paths is null && document.Components is null))
        {
            return null;
        }

        ReferenceResolution.Resolve(document, diagnostics, isSwagger2);
        return document;
    }

    /// <summary>
    /// What every text goes through before it is parsed: escaped surrogate pairs and percent-encoded pointers decoded,
    /// and JSON keys too long for an implicit YAML key made explicit.
    /// </summary>
    internal static string Prepare(string text) => ExplicitJsonKeys.Rewrite(DecodeReferencePointers(SurrogateEscapes.Decode(text)));

    /// <summary>Reads with the reader, as the main path does, swallowing what it throws (the main path reads again and reports it).</summary>
    private static bool TryRead(string text, out OpenApiDocument? document, out OpenApiDiagnostic? result, out YamlNode? tree)
    {
        try
        {
            document = ReadWithReader(text, out var diagnostic, out tree);
            result = diagnostic;
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            (document, result, tree) = (null, null, null);
            return false;
        }
    }

    private static OpenApiDocument? ReadWithReader(string text, out OpenApiDiagnostic result, out YamlNode? tree) =>
        OpenApiTextReader.Read(text, out result, out tree);

    /// <summary>The reader found no <c>openapi</c> or <c>swagger</c> member (1.6 threw for it; 3.x reports it).</summary>
    private static bool IsWithoutVersion(OpenApiDiagnostic result)
    {
        foreach (var error in result.Errors)
        {
            if (error.Message?.IndexOf("Version node not found", StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads, repairing components that are not objects on the tree (<see cref="MisshapenComponents"/>).</summary>
    private static OpenApiDocument? ReadRepairingComponents(ref string text, DiagnosticBag diagnostics, DocumentFacts? facts, out OpenApiDiagnostic result, out YamlNode? tree, out bool repaired) =>
        OpenApiTextReader.Read(text, out result, out tree, out repaired, diagnostics, facts);

    private static bool HasLongScalar(OpenApiDiagnostic result)
    {
        foreach (var error in result.Errors)
        {
            if (error.Message?.IndexOf("scalar exceeds the maximum supported length", StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static void Report(OpenApiError error, DiagnosticBag diagnostics, YamlNode? readTree)
    {
        var message = error.Message ?? "unknown problem";

        // The reader's own limits (size, nesting, alias expansion, scalar length): it generates nothing past one.
        if (message.IndexOf("maximum supported", StringComparison.Ordinal) >= 0)
        {
            var limit = s_yamlPosition.Match(message);
            if (limit.Success)
            {
                diagnostics.AddAt(DiagnosticDescriptors.LimitExceeded, int.Parse(limit.Groups[1].Value), int.Parse(limit.Groups[2].Value), StripPosition(message));
            }
            else
            {
                diagnostics.AddAt(DiagnosticDescriptors.LimitExceeded, 0, 0, message);
            }

            return;
        }

        var pointer = error.Pointer;
        if (pointer is not null && pointer.StartsWith("#line=", StringComparison.Ordinal))
        {
            var position = s_yamlPosition.Match(message);
            if (position.Success)
            {
                var column = int.Parse(position.Groups[2].Value);
                diagnostics.AddAt(DiagnosticDescriptors.SyntaxError, int.Parse(position.Groups[1].Value), column, StripPosition(message) + LongKeyHint(message, column));
            }
            else
            {
                var line = int.TryParse(pointer.Substring("#line=".Length), out var parsed) ? parsed : 0;
                diagnostics.AddAt(DiagnosticDescriptors.SyntaxError, line, 0, message);
            }

            return;
        }

        // 3.x refuses a type it does not know (1.6 kept it, and translation reported it in these words).
        if (message.StartsWith(UnknownType, StringComparison.Ordinal) && pointer is not null)
        {
            diagnostics.Add(DiagnosticDescriptors.DocumentProblem, pointer, pointer,
                "'" + message.Substring(UnknownType.Length) + "' is not a JSON Schema type (string, number, integer, boolean, array, object); the value is read as free-form JSON");
            return;
        }

        // 3.x names the schema by its reference id, which a component read in place does not have ("Schema  must…").
        if (pointer is not null && s_discriminatorNotRequired.Match(message) is { Success: true } discriminator
            && s_componentDiscriminator.Match(pointer) is { Success: true } component)
        {
            var schema = discriminator.Groups[1].Value.Trim();
            message = "Schema '" + (schema.Length > 0 ? schema : Unescape(component.Groups[2].Value)) + "' must list its discriminator property '"
                + discriminator.Groups[2].Value + "' in 'required'";
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

        // The reader names some places in the message only, and can name them wrongly (see ReaderPointers). A member the
        // object does not have is located at that member.
        var located = pointer;
        if (string.IsNullOrEmpty(pointer) && ReaderPointers.TrySplit(message, out var text, out var place))
        {
            pointer = ReaderPointers.Repair(place, readTree).TrimEnd('/');
            message = text;
            located = pointer;
            if (s_notAProperty.Match(message) is { Success: true } member && ReaderPointers.Member(pointer, member.Groups[1].Value, readTree) is { } memberPointer)
            {
                located = memberPointer;
            }
        }

        else if (string.IsNullOrEmpty(pointer) && s_invalidReferenceString.Match(message) is { Success: true } badReference)
        {
            // "The reference string '/paths/…' has invalid format.": at the $ref that holds it.
            located = SourceLocator.ReferencePrefix + "#" + badReference.Groups[1].Value;
        }
        else if (pointer == "#/components" && s_componentKey.Match(message) is { Success: true } key)
        {
            // "The key 'X' in 'schemas' of components MUST match …": at the key itself.
            located = pointer + "/" + Escape(key.Groups[2].Value) + "/" + Escape(key.Groups[1].Value);
        }

        diagnostics.Add(DiagnosticDescriptors.DocumentProblem, located, string.IsNullOrEmpty(pointer) ? "the document" : pointer!, message);
    }

    /// <summary>
    /// Decodes percent-escapes in quoted local <c>$ref</c> pointers (<c>"#/definitions/Ref%20(of%20Bundle)"</c>, RFC 6901's
    /// URI-fragment form), which the reader would otherwise look up verbatim. Only characters that cannot end the quoted
    /// string or the line are decoded, and no line changes, so every reported line and column still points into the file
    /// as written. A hand-written scan, linear in the text: a regular expression here backtracked quadratically on one
    /// long unterminated reference.
    /// </summary>
    internal static string DecodeReferencePointers(string text)
    {
        if (text.IndexOf("$ref", StringComparison.Ordinal) < 0 || text.IndexOf('%') < 0)
        {
            return text;
        }

        StringBuilder? result = null;
        var copied = 0;
        for (var at = text.IndexOf("$ref", StringComparison.Ordinal); at >= 0; at = text.IndexOf("$ref", at + 4, StringComparison.Ordinal))
        {
            // $ref, an optional closing quote of the key, a colon, then a quoted "#/…" value on one line.
            var i = at + 4;
            i = SkipSpaces(text, i < text.Length && text[i] is '"' or '\'' ? i + 1 : i);
            if (i >= text.Length || text[i] != ':')
            {
                continue;
            }

            i = SkipSpaces(text, i + 1);
            if (i + 2 >= text.Length || text[i] is not ('"' or '\'') || text[i + 1] != '#' || text[i + 2] != '/')
            {
                continue;
            }

            var start = i + 1;
            var end = start;
            while (end < text.Length && text[end] is not ('"' or '\'' or '\r' or '\n'))
            {
                end++;
            }

            if (end >= text.Length || text[end] != text[i] || text.IndexOf('%', start, end - start) < 0)
            {
                continue;
            }

            var pointer = text.Substring(start, end - start);
            var decoded = DecodePercentEscapes(pointer);
            if (!ReferenceEquals(decoded, pointer))
            {
                result ??= new StringBuilder(text.Length);
                result.Append(text, copied, start - copied).Append(decoded);
                copied = end;
            }

            // The next search starts after the closing quote.
            at = end - 3;
        }

        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>The pointer with its safe <c>%XX</c> escapes decoded; the same instance when there is none.</summary>
    private static string DecodePercentEscapes(string pointer)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < pointer.Length; i++)
        {
            if (pointer[i] == '%' && i + 2 < pointer.Length && IsHex(pointer[i + 1]) && IsHex(pointer[i + 2]))
            {
                var c = (char)Convert.ToInt32(pointer.Substring(i + 1, 2), 16);
                if (!(c is '"' or '\'' or '\\' or '%' || char.IsControl(c) || c > 0x7E))
                {
                    builder ??= new StringBuilder(pointer, 0, i, pointer.Length);
                    builder.Append(c);
                    i += 2;
                    continue;
                }
            }

            builder?.Append(pointer[i]);
        }

        return builder?.ToString() ?? pointer;
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    /// <summary>
    /// The way out when the parser stopped where a YAML key too long to be implicit needs its ':' (JSON keys never get
    /// here, <see cref="ExplicitJsonKeys"/>): its message alone ("Mapping values are not allowed in this context") says
    /// nothing of the limit.
    /// </summary>
    private static string LongKeyHint(string message, int column) =>
        column > Limits.MaxImplicitKeySpan
            && (message.IndexOf("Mapping values are not allowed", StringComparison.Ordinal) >= 0
                || message.IndexOf("could not find expected ':'", StringComparison.Ordinal) >= 0
                || message.IndexOf("did not find expected ',' or '}'", StringComparison.Ordinal) >= 0)
            ? " A YAML key written without '?' must reach its ':' within "
                + Limits.MaxImplicitKeySpan.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
                + " characters on its line; write a longer key as an explicit key: '? key' on one line, ': value' on the next."
            : string.Empty;

    private static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    private static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

    private static string StripPosition(string message)
    {
        // "(Lin: 7, Col: 0, Chr: 71) - (Lin: 7, Col: 0, Chr: 71): While parsing…" → "While parsing…"
        var index = message.IndexOf("): ", StringComparison.Ordinal);
        return index >= 0 && message.StartsWith("(Lin:", StringComparison.Ordinal) ? message.Substring(index + 3) : message;
    }
}
