using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Locating;
using Contracts.Generator.Model;
using Contracts.Generator.Translation.Naming;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using static Contracts.Generator.Translation.SchemaShapes;

namespace Contracts.Generator.Translation;

/// <summary>
/// Response envelopes declared with <c>x-contracts-envelope</c> on a schema. A response whose schema is, or is an
/// <c>allOf</c> including, such a schema returns the envelope's data member and throws its error member. Owns the
/// envelopes in use and the names of their client fields.
/// </summary>
internal sealed class EnvelopeTranslator
{
    internal const string EnvelopeExtension = "x-contracts-envelope";

    private readonly SchemaTranslator _schemas;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<IOpenApiSchema, Draft> _envelopes = new();
    private readonly UniqueNameBuilder _envelopeFields = new();

    public EnvelopeTranslator(SchemaTranslator schemas, DiagnosticBag diagnostics)
    {
        _schemas = schemas;
        _diagnostics = diagnostics;
    }

    /// <summary>An envelope in use: its member names, the client field that describes it, and its error member's type.</summary>
    public sealed record Draft(string FieldName, string Success, string Data, string Error, string ErrorCode, string ErrorMessage, TypeRef ErrorType);

    public static bool IsEnvelope(IOpenApiSchema schema) => schema.ExtensionMap().ContainsKey(EnvelopeExtension);

    public static IOpenApiSchema? FindEnvelope(IOpenApiSchema schema) =>
        IsEnvelope(schema) ? schema : schema.AllOfList().FirstOrDefault(part => part is not null && IsEnvelope(part));

    /// <summary>The schema of the data member: from the allOf part that narrows it, else from the envelope itself.</summary>
    public static IOpenApiSchema? EnvelopeDataSchema(IOpenApiSchema response, IOpenApiSchema envelope, string dataMember)
    {
        foreach (var part in response.AllOfList().Where(p => p is not null && !ReferenceEquals(p, envelope)))
        {
            if (part.PropertyMap().TryGetValue(dataMember, out var narrowed))
            {
                return narrowed;
            }
        }

        return envelope.PropertyMap().TryGetValue(dataMember, out var declared) ? declared : null;
    }

    /// <summary>Registers the envelope (once per schema): its member names and the client field that describes it.</summary>
    public Draft Use(IOpenApiSchema envelope, string pointer)
    {
        if (_envelopes.TryGetValue(envelope, out var known))
        {
            return known;
        }

        var id = envelope.ReferenceId();
        var envelopePointer = id is null ? pointer : "#/components/schemas/" + Escape(id);
        var (success, data, error, errorCode, errorMessage) = ReadShape(envelope, envelopePointer);
        var errorType = TypeRef.Any;
        if (envelope.PropertyMap().TryGetValue(error, out var errorSchema))
        {
            errorType = _schemas.Resolve(errorSchema, envelopePointer + "/properties/" + Escape(error), Identifiers.ToPascalCase(id ?? "Envelope", "Envelope") + "Error");
        }
        else
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidEnvelope, envelopePointer, "the envelope declares no '" + error + "' member, so errors are kept as JSON");
        }

        var envelopeName = Identifiers.ToPascalCase(id ?? "Response", "Response");
        var fieldName = _envelopeFields.Claim("s_" + (envelopeName.EndsWith("Envelope", StringComparison.Ordinal) ? envelopeName : envelopeName + "Envelope"));
        var draft = new Draft(fieldName, success, data, error, errorCode, errorMessage, errorType);
        _envelopes.Add(envelope, draft);
        return draft;
    }

    private (string Success, string Data, string Error, string ErrorCode, string ErrorMessage) ReadShape(IOpenApiSchema envelope, string pointer)
    {
        var declaration = JsonValues.Of(envelope.ExtensionMap()[EnvelopeExtension]) as JsonObject;
        if (declaration is null)
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidEnvelope, pointer + "/" + EnvelopeExtension, "it must be an object of member names; the defaults are used");
        }

        string Member(string key, string fallback) =>
            declaration is not null && declaration.TryGetPropertyValue(key, out var value) && JsonValues.AsString(value) is { Length: > 0 } text ? text : fallback;

        return (Member("success", "success"), Member("data", "data"), Member("error", "error"), Member("errorCode", "code"), Member("errorMessage", "message"));
    }

    /// <summary>Turns the drafts into models, given every record (the error's code and message members are looked up by JSON name).</summary>
    public List<EnvelopeModel> Build(IReadOnlyList<RecordModel> records)
    {
        var result = new List<EnvelopeModel>();
        foreach (var draft in _envelopes.Values.OrderBy(d => d.FieldName, StringComparer.Ordinal))
        {
            var record = draft.ErrorType.Kind == TypeKind.Object ? records.FirstOrDefault(r => r.Name == draft.ErrorType.Name) : null;
            string? Member(string jsonName) =>
                record?.Members.FirstOrDefault(p => p.JsonName == jsonName && p.Type.Kind == TypeKind.String)?.Name;

            result.Add(new EnvelopeModel(draft.FieldName, draft.Success, draft.Data, draft.Error, draft.ErrorType, string.Empty, Member(draft.ErrorCode), Member(draft.ErrorMessage)));
        }

        return result;
    }
}
