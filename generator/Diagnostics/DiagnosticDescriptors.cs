using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Contracts.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Ids are stable (tracked in AnalyzerReleases.*.md) and documented one page
/// each in docs/diagnostics/; severities can be changed per project in a .globalconfig (they are located in spec
/// files, which .editorconfig sections do not reach).
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Contracts";
    // Each id has its page, docs/diagnostics/CTR###.md (the Documentation tests check that every descriptor's page exists).
    private const string HelpLinkBase = "https://github.com/contracts-dotnet/contracts/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor SyntaxError = Create(
        "CTR001", "The OpenAPI document cannot be read", "The OpenAPI document cannot be read: {0}", DiagnosticSeverity.Error,
        "The file is not valid YAML or JSON. Nothing is generated from it until it is fixed.");

    public static readonly DiagnosticDescriptor NotOpenApi = Create(
        "CTR002", "Not an OpenAPI document", "This file is not an OpenAPI document: {0}", DiagnosticSeverity.Error,
        "A file marked as an OpenAPI contract must have a root 'openapi: 3.x' or 'swagger: \"2.0\"' member.");

    public static readonly DiagnosticDescriptor UnsupportedVersion = Create(
        "CTR003", "Unsupported OpenAPI version", "OpenAPI version '{0}' is not supported; use OpenAPI 3.1.x, 3.0.x or Swagger 2.0", DiagnosticSeverity.Error,
        "The generator reads OpenAPI 3.1, 3.0 and Swagger 2.0 documents.");

    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        "CTR004", "Unresolved $ref", "The reference '{0}' does not resolve to anything in this document", DiagnosticSeverity.Error,
        "A $ref points at a component that does not exist. References to other files are resolved from other AdditionalFiles (CTR009 when they cannot be).");

    public static readonly DiagnosticDescriptor DocumentProblem = Create(
        "CTR005", "Invalid OpenAPI document", "The OpenAPI document is invalid at {0}: {1}", DiagnosticSeverity.Warning,
        "The reader found a structural problem; the affected part is skipped or read as best it can be.");

    public static readonly DiagnosticDescriptor GeneratorFailure = Create(
        "CTR006", "The generator failed on this document", "The Contracts generator failed on this document ({0}: {1}); please report it with the document", DiagnosticSeverity.Error,
        "An unexpected error inside the generator. The build continues without the code for this document.");

    public static readonly DiagnosticDescriptor RuntimeMissing = Create(
        "CTR007", "Contracts.Runtime is not referenced", "The project does not reference Contracts.Runtime, which the code generated from '{0}' needs", DiagnosticSeverity.Error,
        "Add a reference to the Contracts.Runtime package (or project).");

    public static readonly DiagnosticDescriptor DuplicateOutput = Create(
        "CTR008", "Two documents generate the same code", "Another OpenAPI document also generates a client named '{0}'; give the documents different ContractsClientName values", DiagnosticSeverity.Error,
        "The names of the generated files begin with the client name, so each document's client name must be unique in a project, whatever its namespace; documents that share one generate nothing.");

    public static readonly DiagnosticDescriptor ExternalReference = Create(
        "CTR009", "External $ref not resolved", "The reference '{0}' is not resolved: {1}; {2}", DiagnosticSeverity.Warning,
        "A $ref to another file is resolved from the project's other AdditionalFiles (.yaml, .yml, .json), relative to the file that holds it; nothing is downloaded or read from disk. What cannot be resolved degrades as a dangling reference does (a schema, response or request body to JsonElement; a parameter or header is left out), so the build goes on.");

    public static readonly DiagnosticDescriptor LimitExceeded = Create(
        "CTR010", "The document exceeds a limit", "The OpenAPI document exceeds a limit of the generator: {0}", DiagnosticSeverity.Error,
        "Limits on size, nesting and alias expansion keep builds and the IDE responsive on any input; nothing is generated from a document that crosses one. docs/reliability.md lists them.");

    public static readonly DiagnosticDescriptor UnsupportedSchema = Create(
        "CTR100", "Unsupported schema construct", "{0} is not supported yet; '{1}' is generated as JsonElement", DiagnosticSeverity.Warning,
        "The member keeps its JSON as a JsonElement so that no data is lost.");

    public static readonly DiagnosticDescriptor OperationSkipped = Create(
        "CTR101", "Operation skipped", "Operation '{0}' is not generated: {1}", DiagnosticSeverity.Warning,
        "The operation uses something the generator does not support yet.");

    public static readonly DiagnosticDescriptor InvalidEnvelope = Create(
        "CTR102", "Invalid envelope declaration", "The x-contracts-envelope declaration is invalid: {0}", DiagnosticSeverity.Warning,
        "x-contracts-envelope must be an object of member names: success, data, error, errorCode, errorMessage.");

    public static readonly DiagnosticDescriptor NoServer = Create(
        "CTR103", "No server URL", "The document declares no absolute server URL; set the client's BaseAddress option or HttpClient.BaseAddress", DiagnosticSeverity.Info,
        "Without an absolute server URL the client needs a base address from its options or its HttpClient.");

    public static readonly DiagnosticDescriptor ParameterIgnored = Create(
        "CTR104", "Parameter not sent", "Operation '{0}': the {1} parameter '{2}' is not sent, because AWS JSON operations read their input from the body only", DiagnosticSeverity.Info,
        "Descriptions converted from AWS models repeat paging members (Limit, NextToken) as query parameters; the body carries them.");

    public static readonly DiagnosticDescriptor OpenApi31Unsupported = Create(
        "CTR105", "OpenAPI 3.1 construct not supported", "The OpenAPI 3.1 construct '{0}' is not supported: {1}", DiagnosticSeverity.Warning,
        "OpenAPI 3.1 documents are rewritten to OpenAPI 3.0 before they are read; what 3.0 cannot express is left out of the generated code.");

    public static readonly DiagnosticDescriptor TextShortened = Create(
        "CTR106", "Long text shortened", "The {0} here is {1} characters long; the generated documentation keeps its first {2}", DiagnosticSeverity.Info,
        "The OpenAPI reader refuses YAML scalars longer than 65,536 characters; longer descriptions, summaries and titles are shortened so that the rest of the document is generated.");

    public static readonly DiagnosticDescriptor ParameterDropped = Create(
        "CTR110", "Parameter not generated", "Operation '{0}': the optional parameter '{1}' is not generated: {2}", DiagnosticSeverity.Warning,
        "The operation is generated without the parameter; a required parameter of this kind skips the operation (CTR101).");

    public static readonly DiagnosticDescriptor ParameterStyleIgnored = Create(
        "CTR111", "Parameter style not allowed", "Operation '{0}': the parameter '{1}' declares style '{2}', which a {3} parameter cannot have; '{4}' is used", DiagnosticSeverity.Warning,
        "Path parameters take simple, label or matrix; query parameters form, spaceDelimited, pipeDelimited or deepObject; headers simple; cookies form.");

    public static readonly DiagnosticDescriptor ResponseSimplified = Create(
        "CTR112", "Response types differ", "Operation '{0}': {1}; the result is {2}", DiagnosticSeverity.Warning,
        "A method has one result type: success responses of different types are returned as the most general one.");

    public static readonly DiagnosticDescriptor AmbiguousUnion = Create(
        "CTR113", "Ambiguous union", "The union '{0}' cannot tell case '{1}' from case '{2}' by their JSON; a value that fits both is read as '{1}'", DiagnosticSeverity.Warning,
        "Two alternatives of a oneOf/anyOf accept the same JSON (same token kind, or objects with the same members and no discriminator). Add a discriminator or distinct required members.");

    public static readonly DiagnosticDescriptor EnumValuesLookAlike = Create(
        "CTR114", "Enum values look alike", "The enum '{0}' has values that look alike: '{1}' and '{2}' differ only by invisible characters or spaces, and become the members '{3}' and '{4}'", DiagnosticSeverity.Warning,
        "Two values of an enum differ only by characters that show nothing (zero-width, bidirectional and other format characters, shown here as [U+XXXX]) or by a space other than U+0020, so their members look interchangeable in code. Both are generated and read as they are; check the document, or name the members with x-enum-varnames.");

    public static readonly DiagnosticDescriptor SecuritySchemeNotApplied = Create(
        "CTR115", "Security scheme not applied as declared", "The security scheme '{0}' is not applied as declared: {1}; {2}", DiagnosticSeverity.Warning,
        "The client applies apiKey (header, query, cookie), http basic, bearer and other http schemes, oauth2 and openIdConnect. A scheme it cannot apply (mutualTLS, an unknown type, an apiKey without name or in, an http scheme without a valid scheme name) has no option and counts as satisfied, so it must be applied outside the client; an oauth2 or openIdConnect scheme without a usable token URL takes its tokens from the option's TokenProvider or TokenEndpoint.");

    public static readonly DiagnosticDescriptor UndeclaredSecurityScheme = Create(
        "CTR116", "Security requirement names an undeclared scheme", "The security requirement names '{0}', which no security scheme declares; {1}", DiagnosticSeverity.Warning,
        "A requirement alternative that names a scheme missing from components/securitySchemes (securityDefinitions in Swagger 2.0) can never be satisfied, so it is left out; when no alternative of the list is left, the client adds no credential to the operation's requests. Declare the scheme, or fix its name.");

    public static readonly DiagnosticDescriptor ResponseHeaderTypesDiffer = Create(
        "CTR117", "Response header types differ", "Operation '{0}': the response header '{1}' is declared as {2} in one success response and as {3} in another; its property is a string", DiagnosticSeverity.Warning,
        "A declared response header becomes one typed property of the operation's response class; declared with two types, it is read as the text sent.");

    public static readonly DiagnosticDescriptor PaginatorGenerated = Create(
        "CTR118", "Paginator generated", "Operation '{0}' got the paginator '{1}': {2}", DiagnosticSeverity.Info,
        "The operation's paging was recognised (a Link header, a has-more flag with a cursor, a next token or a next link in the body, or x-ms-pageable), so beside its method the client has one that returns every item, page after page (docs/paging.md).");

    public static readonly DiagnosticDescriptor StreamNotTyped = Create(
        "CTR119", "Stream items not typed", "Operation '{0}': the stream '{1}' {2}; its items are read as JsonElement", DiagnosticSeverity.Warning,
        "Each item of a server-sent event, JSON Lines or JSON text sequence stream is read through the generated JSON context as the type of the stream's schema. A stream without a schema, or whose schema is a string or free-form, gives no type: its items are read as JsonElement, and an item that is not JSON fails the stream.");

    public static readonly DiagnosticDescriptor PagingNotUsable = Create(
        "CTR120", "Paging recognised but not usable", "Operation '{0}' looks paged ({1}), but gets no paginator: {2}", DiagnosticSeverity.Warning,
        "The operation declares paging the generator recognises, but the paginator cannot be built from it (no array of items, a member the declaration names is missing, items without the id the cursor needs). The operation's own method is generated as before; page by hand, or fix the declaration.");

    public static readonly DiagnosticDescriptor DiscriminatorNotDerived = Create(
        "CTR121", "Discriminator value names no derived schema", "The discriminator of '{0}' maps '{1}' to '{2}', which does not derive from it through allOf; that value reads as '{0}'", DiagnosticSeverity.Warning,
        "A value typed as the base reads as the derived record its discriminator names. A mapping entry whose schema is not derived from the base (allOf with the base as its one referenced schema) cannot be such a record: an object with that value reads as the base, its other members kept.");

    public static readonly DiagnosticDescriptor PatternNotChecked = Create(
        "CTR124", "Pattern not checked", "The pattern '{0}' is not checked: .NET cannot read it ({1})", DiagnosticSeverity.Warning,
        "A pattern keyword holds a regular expression that .NET's engine rejects (ECMA-262 syntax .NET does not share, such as [^] or \\cX outside a class, or an invalid pattern). Validate() and request validation leave this check out; the rest of the value is still checked. Rewrite the pattern in the syntax both engines read.");

    public static readonly DiagnosticDescriptor ConstraintNotChecked = Create(
        "CTR125", "Constraint not checked", "The constraint '{0}' is not checked: {1}", DiagnosticSeverity.Warning,
        "A validation keyword holds a value no instance can be checked against (multipleOf zero or negative, a negative length or count, a number beyond the range of decimal). Validate() and request validation leave this keyword out; the others are still checked.");

    public static readonly DiagnosticDescriptor DefaultDoesNotFit = Create(
        "CTR126", "Default does not fit its member", "The default {0} of '{1}' is not {2}; it is ignored", DiagnosticSeverity.Warning,
        "A member's default is not a value of its type (a string for an integer, a number beyond its range, a value its enum does not list). The default stays in the member's documentation, but a response that leaves the member out reads as null, as for a member without a default.");

    public static readonly DiagnosticDescriptor LongDataLeftOut = Create(
        "CTR129", "Long example or extension left out", "{0} example or extension member(s) holding a value longer than {1} characters are left out of the document, the first here: {2}", DiagnosticSeverity.Info,
        "The OpenAPI reader refuses YAML and JSON scalars longer than 65,536 characters. The generated code does not depend on examples and x- extensions, so one that holds such a scalar is left out before reading and the rest of the document is generated.");

    public static readonly DiagnosticDescriptor LongValueLeftOut = Create(
        "CTR130", "Long value left out", "The {0} here is {1} characters long, more than the {2} the OpenAPI reader accepts; it is left out of the document", DiagnosticSeverity.Warning,
        "The OpenAPI reader refuses YAML and JSON scalars longer than 65,536 characters. A name, enum value, pattern, default or other value the generated code depends on that is longer is left out, with this warning at the value, and the rest of the document is generated.");

    public static readonly DiagnosticDescriptor LanguageVersionTooOld = Create(
        "CTR131", "C# version too old for the generated code", "The code of '{0}' is not generated: this project compiles C# {1}, and the generated code needs C# {2} or later; set <LangVersion>{2}</LangVersion> (or latest) in the project file", DiagnosticSeverity.Error,
        "The generated records use init accessors and required members (C# 11). .NET Framework and netstandard2.0 projects compile C# 7.3 unless the project sets LangVersion; the generator then adds nothing rather than code the compiler would reject line by line (docs/dotnet-framework.md).");

    public static readonly DiagnosticDescriptor SelectionMatchesNothing = Create(
        "CTR132", "Operation filter matches nothing", "{0} entry '{1}' matches no operation of this document", DiagnosticSeverity.Warning,
        "An entry of IncludeTags, ExcludeTags, IncludePaths, ExcludePaths, IncludeOperations, ExcludeOperations, IncludeMethods or ExcludeMethods matches no operation the document generates: a misspelt tag, path, operationId or method leaves the selection other than intended (docs/selection.md).");

    public static readonly DiagnosticDescriptor SelectionEntryMalformed = Create(
        "CTR133", "Operation filter entry cannot be read", "{0} entry '{1}' cannot be read: {2}; it matches no operation", DiagnosticSeverity.Warning,
        "An entry of an operation filter is not what its list takes (IncludeMethods and ExcludeMethods take HTTP method names). It matches no operation, so an include list of only such entries keeps nothing (docs/selection.md).");

    public static readonly DiagnosticDescriptor OverlayInvalid = Create(
        "CTR134", "Overlay cannot be applied", "The overlay cannot be applied to '{0}': {1}; nothing is generated from it until the overlay is fixed", DiagnosticSeverity.Error,
        "An overlay the spec's Overlays metadata names is not YAML or JSON, is not an Overlay 1.0 document (overlay, info with title and version, a non-empty list of actions, each with a target), or an action's update does not fit the node its target selects. An overlay that cannot be applied is never skipped silently: the spec generates nothing until it is fixed (docs/overlays.md).");

    public static readonly DiagnosticDescriptor OverlayTargetMatchesNothing = Create(
        "CTR135", "Overlay target matches nothing", "The target '{0}' matches nothing in '{1}'; this action changes nothing", DiagnosticSeverity.Warning,
        "An overlay action's JSONPath target selects no node of the description (after the actions before it), so the action has no effect: the description changed, or the target is misspelled. The other actions are applied and the code is generated.");

    public static readonly DiagnosticDescriptor OverlayTargetInvalid = Create(
        "CTR136", "Overlay target is not a JSONPath query", "The target '{0}' is not a valid JSONPath query: {1} (at character {2})", DiagnosticSeverity.Error,
        "An overlay action's target must be an RFC 9535 JSONPath query, starting with $. An action that cannot be applied is never skipped silently: the spec generates nothing until the target is fixed.");

    public static readonly DiagnosticDescriptor OverlayNotFound = Create(
        "CTR137", "Overlay file not found", "The overlay '{0}' is not among the project's AdditionalFiles: resolved against '{1}', it is '{2}'; nothing is generated from '{3}' until it is found", DiagnosticSeverity.Error,
        "Each file the Overlays metadata names (separated by ';', relative to the project directory) must be a .yaml, .yml or .json AdditionalFiles item; the Contracts package adds the files Overlays names for you. With the contracts tool, --overlay paths are relative to the current directory.");

    public static readonly DiagnosticDescriptor RenameCollides = Create(
        "CTR138", "Rename collides", "The name '{0}' given to {1} is already {2}; the rename is not applied", DiagnosticSeverity.Warning,
        "An x-contracts-name (or x-contracts-enum-names) rename would give two types, two members of one type, two methods or two parameters of one method the same C# name, or a member the name of its type or of a member the generated code declares. The name that does not come from the rename keeps it (of two renames, the first in document order), and the renamed element keeps the name it would have without the extension (docs/overrides.md).");

    public static readonly DiagnosticDescriptor OverrideNotUsable = Create(
        "CTR139", "Override not usable", "The {0} here is ignored: {1}", DiagnosticSeverity.Warning,
        "An x-contracts-name must be a C# identifier (letters, digits and underscores, not starting with a digit, not a keyword), x-contracts-enum-names a map from values of the enum to such identifiers, and x-contracts-type the fully qualified name of a non-generic C# type (dotted identifiers, optionally with global::). A value that is not is ignored, and the name or type the element would have without it is generated (docs/overrides.md).");

    public static readonly DiagnosticDescriptor UserTypeNotUsed = Create(
        "CTR140", "User type not used here", "x-contracts-type '{0}' is not used {1}: {2}; the schema is generated as usual", DiagnosticSeverity.Warning,
        "x-contracts-type maps a component schema to a C# type of the project's own, read and written through System.Text.Json. Where the mapping cannot apply (an inline schema, an AWS error schema, an envelope) the extension is ignored and the schema generates what it would without it (docs/overrides.md).");

    public static readonly DiagnosticDescriptor OptionValueNotRecognized = Create(
        "CTR146", "Option value not recognized", "The {0} metadata is '{1}', which is not one of {2}; {3}", DiagnosticSeverity.Warning,
        "An option of the OpenApiContract item that takes one of a few words (Visibility: public or internal; JsonDirections: Used or Both, in any case) has another value. The generator does not guess what was meant: it uses the choice that cannot break a build or a call (public types; converters that read and write every type) and says so here (docs/configuration.md).");

    public static readonly DiagnosticDescriptor GenerateValueNotRecognized = Create(
        "CTR147", "Generate value not recognized", "The Generate metadata is '{0}', which names neither Client nor Server (nor Both); the client is generated", DiagnosticSeverity.Warning,
        "The Generate option of the OpenApiContract item takes Client, Server, Both, or Client and Server separated by ';', '|' or ',', in any case. Another word generates what an unset option does: the client (docs/server.md).");

    public static readonly DiagnosticDescriptor ServerDependencyMissing = Create(
        "CTR148", "The server needs ASP.NET Core and Contracts.Runtime.AspNetCore", "The server of '{0}' is not generated: the project does not reference {1}; add {2}", DiagnosticSeverity.Error,
        "Generate=\"Server\" emits ASP.NET Core minimal-API endpoints, which need the ASP.NET Core shared framework (<FrameworkReference Include=\"Microsoft.AspNetCore.App\" />, or the Microsoft.NET.Sdk.Web SDK) and the Contracts.Runtime.AspNetCore package. Without them no server code is generated (docs/server.md).");

    public static readonly DiagnosticDescriptor OperationNotServed = Create(
        "CTR149", "Operation left out of the server", "Operation '{0}' is left out of the generated server: {1}", DiagnosticSeverity.Warning,
        "The generated server cannot yet bind or answer some operations (union, free-form or application-typed parameters, lists of objects outside deepObject, deepObjects of scalars, union multipart text parts, streams beside another success body or of event-named unions, envelopes other than the document's only one, AWS operations without a constant X-Amz-Target). Such an operation gets no handler method and no endpoint; map it by hand beside the generated ones (docs/server.md).");

    // Every descriptor above, found by reflection so that a new one cannot be left out (fields initialise in order).
    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = Index(
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .ToArray());

    public static DiagnosticDescriptor ById(string id) => s_byId[id];

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLinkBase + id + ".md");

    private static Dictionary<string, DiagnosticDescriptor> Index(params DiagnosticDescriptor[] descriptors)
    {
        var map = new Dictionary<string, DiagnosticDescriptor>();
        foreach (var descriptor in descriptors)
        {
            map.Add(descriptor.Id, descriptor);
        }

        return map;
    }
}
