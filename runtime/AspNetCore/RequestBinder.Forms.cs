using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Contracts.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Contracts.Runtime.AspNetCore;

/// <summary>
/// Objects and maps in parameters, <c>application/x-www-form-urlencoded</c> bodies and <c>multipart/form-data</c>
/// bodies, as generated clients write them (<see cref="ParameterStyles"/>, <see cref="FormBody"/>,
/// <see cref="MultipartBody"/>). Field text is turned into JSON by the value's <see cref="FormShape"/> and read through
/// the generated JSON metadata, so the generated readers check it as they check a JSON body.
/// </summary>
public sealed partial class RequestBinder
{
    private IFormCollection? _form;

    /// <summary>
    /// Object or map path parameter <paramref name="name"/> (see <see cref="Path"/>): <c>k,v,k2,v2</c> or, exploded,
    /// <c>k=v,k2=v2</c>, after the style's prefix (label's <c>.</c>, matrix's <c>;name=</c>; exploded label and
    /// matrix repeat <c>.</c> and <c>;</c> instead of commas).
    /// </summary>
    public T? PathObject<T>(string routeName, string name, int segment, ParameterStyle style, bool explode, FormShape shape, JsonTypeInfo<T> typeInfo)
    {
        // Read as simple style: an exploded matrix object has no ";name=" in front, so the prefix is checked here.
        var raw = PathText(routeName, name, segment, ParameterStyle.Simple, out _);
        if (raw is null)
        {
            return default;
        }

        var prefix = style switch
        {
            ParameterStyle.Label => ".",
            ParameterStyle.Matrix when !explode => ";" + Uri.EscapeDataString(name) + "=",
            ParameterStyle.Matrix => ";",
            _ => string.Empty,
        };
        if (!raw.StartsWith(prefix, StringComparison.Ordinal))
        {
            AddError(name, Quote(Unescape(raw)) + " does not start with '" + prefix + "' as the " + style.ToString().ToLowerInvariant() + " style writes it (path).");
            return default;
        }

        raw = raw.Substring(prefix.Length);
        var separator = explode && style == ParameterStyle.Label ? '.' : explode && style == ParameterStyle.Matrix ? ';' : ',';
        return MembersObject(name, SplitMembers(name, raw, separator, explode, escaped: true), shape, typeInfo);
    }

    /// <summary>
    /// Object or map query parameter <paramref name="name"/>: deepObject (<c>name[k]=v</c>, and for a list of objects
    /// <c>name[0][k]=v</c>), exploded form (each member its own parameter; those named in
    /// <paramref name="otherNames"/> belong to the operation's other parameters) or form (<c>name=k,v,k2,v2</c>).
    /// </summary>
    public T? QueryObject<T>(string name, ParameterStyle style, bool explode, bool required, FormShape shape, JsonTypeInfo<T> typeInfo, params string[] otherNames)
    {
        if (style == ParameterStyle.DeepObject)
        {
            var fields = new FormFields(name);
            foreach (var pair in QueryPairs())
            {
                var segments = FormFields.Segments(pair.Key);
                if (segments.Count > 1 && segments[0] == name)
                {
                    segments.RemoveAt(0);
                    fields.Add(segments, Unescape(pair.Value));
                }
            }

            return fields.IsEmpty ? MissingObject<T>(name, ParameterSource.Query, required) : FieldsObject(fields, shape, typeInfo, name, null, listsAreJson: false);
        }

        if (explode)
        {
            var fields = new FormFields(null);
            foreach (var pair in QueryPairs())
            {
                if (Array.IndexOf(otherNames, pair.Key) < 0 && shape.Member(pair.Key) is not null)
                {
                    fields.Add(new[] { pair.Key }, Unescape(pair.Value));
                }
            }

            return fields.IsEmpty ? MissingObject<T>(name, ParameterSource.Query, required) : FieldsObject(fields, shape, typeInfo, null, null, listsAreJson: true);
        }

        var values = Find(QueryPairs(), name);
        if (values.Count == 0)
        {
            return MissingObject<T>(name, ParameterSource.Query, required);
        }

        if (values.Count > 1)
        {
            AddError(name, "is given " + values.Count + " times in the query; one value is expected.");
            return default;
        }

        return MembersObject(name, SplitMembers(name, values[0], ',', explode: false, escaped: true), shape, typeInfo);
    }

    /// <summary>Object or map header parameter <paramref name="name"/> (simple style): <c>k,v,k2,v2</c> or, exploded, <c>k=v,k2=v2</c>.</summary>
    public T? HeaderObject<T>(string name, bool explode, bool required, FormShape shape, JsonTypeInfo<T> typeInfo)
    {
        var values = Context.Request.Headers[name];
        if (values.Count == 0)
        {
            return MissingObject<T>(name, ParameterSource.Header, required);
        }

        return MembersObject(name, SplitMembers(name, values.ToString(), ',', explode, escaped: false), shape, typeInfo);
    }

    /// <summary>
    /// Object or map cookie parameter <paramref name="name"/>: exploded, each member its own cookie (those named in
    /// <paramref name="otherNames"/> belong to other parameters); else <c>name=k,v,k2,v2</c>.
    /// </summary>
    public T? CookieObject<T>(string name, bool explode, bool required, FormShape shape, JsonTypeInfo<T> typeInfo, params string[] otherNames)
    {
        if (explode)
        {
            var members = new List<KeyValuePair<string, string>>();
            foreach (var pair in CookiePairs())
            {
                if (Array.IndexOf(otherNames, pair.Key) < 0 && shape.Member(pair.Key) is not null)
                {
                    members.Add(new KeyValuePair<string, string>(pair.Key, Unescape(pair.Value)));
                }
            }

            return members.Count == 0 ? MissingObject<T>(name, ParameterSource.Cookie, required) : MembersObject(name, members, shape, typeInfo);
        }

        var values = Find(CookiePairs(), name);
        if (values.Count == 0)
        {
            return MissingObject<T>(name, ParameterSource.Cookie, required);
        }

        if (values.Count > 1)
        {
            AddError(name, "is given " + values.Count + " times in the Cookie header; one value is expected.");
            return default;
        }

        return MembersObject(name, SplitMembers(name, values[0], ',', explode: false, escaped: true), shape, typeInfo);
    }

    /// <summary>
    /// Reads an <c>application/x-www-form-urlencoded</c> body into <typeparamref name="T"/>: fields named
    /// <c>card[number]</c> are nested members, <c>tag=a&amp;tag=b</c> and <c>tag[0]=a</c> lists. Text that does not fit
    /// its member is a problem under the field's name; absent when <paramref name="required"/>: a problem under
    /// <c>body</c>; too large: <c>413</c>; another media type: <c>415</c>.
    /// </summary>
    public async ValueTask<T?> FormBodyAsync<T>(JsonTypeInfo<T> typeInfo, FormShape shape, bool required)
    {
        if (!HasBody())
        {
            Missing("body", null, required);
            return default;
        }

        if (!IsMediaType(Context.Request.ContentType, "application/x-www-form-urlencoded"))
        {
            UnsupportedMediaType("application/x-www-form-urlencoded");
            return default;
        }

        string text;
        try
        {
            // Form fields are UTF-8 (HTML's form encoding); the server's request size limit applies while reading.
            using var reader = new StreamReader(Context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
            text = await reader.ReadToEndAsync(Context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception)
        {
            RefusedBody(exception);
            return default;
        }

        var fields = new FormFields(null);
        foreach (var pair in text.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var key = Unescape(equals < 0 ? pair : pair.Substring(0, equals));
            fields.Add(FormFields.Segments(key), equals < 0 ? string.Empty : Unescape(pair.Substring(equals + 1)));
        }

        return FieldsObject(fields, shape, typeInfo, null, null, listsAreJson: false);
    }

    /// <summary>
    /// Reads a <c>multipart/form-data</c> body (<see cref="HttpRequest.ReadFormAsync"/>: every part before the handler
    /// runs, files buffered by ASP.NET Core, its form limits and the request size limit applying) for the part
    /// readers below. False when there is none (a problem when <paramref name="required"/>), it is too large (<c>413</c>),
    /// of another media type (<c>415</c>) or unreadable.
    /// </summary>
    public async ValueTask<bool> MultipartAsync(bool required)
    {
        if (!HasBody())
        {
            Missing("body", null, required);
            return false;
        }

        if (!IsMediaType(Context.Request.ContentType, "multipart/form-data"))
        {
            UnsupportedMediaType("multipart/form-data");
            return false;
        }

        try
        {
            _form = await Context.Request.ReadFormAsync(Context.RequestAborted).ConfigureAwait(false);
            return true;
        }
        catch (BadHttpRequestException exception)
        {
            RefusedBody(exception);
        }
        catch (InvalidDataException exception)
        {
            // FormOptions' limits (body length, part count, header length) and malformed multipart text.
            if (exception.Message.IndexOf("limit", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                _status = StatusCodes.Status413PayloadTooLarge;
                AddError("body", "is larger than this server accepts (" + exception.Message + ").");
            }
            else
            {
                AddError("body", "could not be read as multipart/form-data: " + exception.Message);
            }
        }
        catch (IOException exception)
        {
            AddError("body", "could not be read as multipart/form-data: " + exception.Message);
        }

        return false;
    }

    /// <summary>The text of multipart field <paramref name="name"/>; null when absent (a problem when <paramref name="required"/>) or repeated.</summary>
    public string? Part(string name, bool required)
    {
        var values = PartValues(name);
        if (values.Count == 0)
        {
            return MissingPart<string>(name, required);
        }

        if (values.Count > 1)
        {
            AddError(name, "is given " + values.Count + " times in the multipart body; one part is expected.");
            return null;
        }

        return values[0];
    }

    /// <summary>The multipart body has field <paramref name="name"/> (an optional part that is absent is null, not its type's default).</summary>
    public bool HasPart(string name) => PartValues(name).Count > 0;

    /// <summary>The texts of multipart field <paramref name="name"/>, one part per item.</summary>
    public IReadOnlyList<string>? PartList(string name, bool required)
    {
        var values = PartValues(name);
        if (values.Count == 0)
        {
            return MissingPart<IReadOnlyList<string>>(name, required);
        }

        var items = new string[values.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = values[i] ?? string.Empty;
        }

        return items;
    }

    /// <summary>The file of multipart part <paramref name="name"/>: its stream (buffered by ASP.NET Core), file name and media type.</summary>
    public FilePart? FilePart(string name, bool required)
    {
        var files = _form?.Files.GetFiles(PartName(name));
        if (files is null || files.Count == 0)
        {
            return MissingPart<FilePart>(name, required);
        }

        if (files.Count > 1)
        {
            AddError(name, "is given " + files.Count + " times in the multipart body; one file is expected.");
            return null;
        }

        return ToFilePart(files[0]);
    }

    /// <summary>The files of multipart part <paramref name="name"/>, in the order sent.</summary>
    public IReadOnlyList<FilePart>? FileParts(string name, bool required)
    {
        var files = _form?.Files.GetFiles(PartName(name));
        if (files is null || files.Count == 0)
        {
            return MissingPart<IReadOnlyList<FilePart>>(name, required);
        }

        var parts = new FilePart[files.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = ToFilePart(files[i]);
        }

        return parts;
    }

    /// <summary>Multipart part <paramref name="name"/> read as JSON through the generated metadata; malformed: a problem naming the part.</summary>
    public T? JsonPart<T>(string name, JsonTypeInfo<T> typeInfo, bool required)
    {
        if (Part(name, required) is not { } text)
        {
            return default;
        }

        try
        {
            var value = JsonSerializer.Deserialize(text, typeInfo);
            if (value is null && required)
            {
                AddError(name, "is required, but the part is null.");
            }

            return value;
        }
        catch (JsonException exception)
        {
            AddError(name, DescribeJsonError(exception));
            return default;
        }
    }

    /// <summary>Converts a multipart field's text (see <see cref="Scalar{T}"/>).</summary>
    public T PartScalar<T>(string? text, string name, ScalarParser<T> parser, string expected)
    {
        if (text is null)
        {
            return default!;
        }

        if (parser(text, out var value))
        {
            return value;
        }

        AddError(name, Quote(text) + " is not " + expected + " (multipart part).");
        return default!;
    }

    /// <summary>Converts each item of a multipart field (see <see cref="List{T}"/>).</summary>
    public IReadOnlyList<T>? PartScalarList<T>(IReadOnlyList<string>? items, string name, ScalarParser<T> parser, string expected)
    {
        if (items is null)
        {
            return null;
        }

        var values = new T[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            if (!parser(items[i], out values[i]))
            {
                AddError(name, "item " + i + ", " + Quote(items[i]) + ", is not " + expected + " (multipart part).");
                return null;
            }
        }

        return values;
    }

    private Microsoft.Extensions.Primitives.StringValues PartValues(string name) =>
        _form is null ? default : _form[PartName(name)];

    // As the client's MultipartBody quotes a name: a quote or line break in it is percent-encoded.
    private static string PartName(string name) => name.Replace("\"", "%22").Replace("\r", "%0D").Replace("\n", "%0A");

    private static FilePart ToFilePart(IFormFile file) =>
        new(file.OpenReadStream(), file.FileName, string.IsNullOrEmpty(file.ContentType) ? null : file.ContentType);

    private T? MissingPart<T>(string name, bool required)
        where T : class
    {
        // Only a body that was read can lack a part; an unreadable one is already the problem.
        if (required && _form is not null)
        {
            AddError(name, "is required (multipart part).");
        }

        return null;
    }

    private T? MissingObject<T>(string name, ParameterSource source, bool required)
    {
        Missing(name, source, required);
        return default;
    }

    /// <summary>
    /// The members of a value written as one text: pairs split on <paramref name="separator"/>, either alternating
    /// (<c>k,v,k2,v2</c>) or, exploded, <c>k=v</c> each; <paramref name="escaped"/> text is unescaped after splitting.
    /// </summary>
    private List<KeyValuePair<string, string>>? SplitMembers(string name, string text, char separator, bool explode, bool escaped)
    {
        var members = new List<KeyValuePair<string, string>>();
        if (text.Length == 0)
        {
            return members;
        }

        var parts = text.Split(separator);
        string Text(string part) => escaped ? Unescape(part) : part.Trim(' ', '\t');
        if (explode)
        {
            foreach (var part in parts)
            {
                var equals = part.IndexOf('=');
                if (equals < 0 && separator == '.' && members.Count > 0)
                {
                    // Escaping leaves '.' as it is: in exploded label style a piece without '=' is the rest of a value.
                    var last = members[members.Count - 1];
                    members[members.Count - 1] = new KeyValuePair<string, string>(last.Key, last.Value + "." + Text(part));
                    continue;
                }

                if (equals < 0)
                {
                    AddError(name, Quote(Text(part)) + " is not a name=value member.");
                    return null;
                }

                members.Add(new KeyValuePair<string, string>(Text(part.Substring(0, equals)), Text(part.Substring(equals + 1))));
            }

            return members;
        }

        if (parts.Length % 2 != 0)
        {
            AddError(name, "has " + parts.Length + " comma-separated items; names and values in pairs are expected.");
            return null;
        }

        for (var i = 0; i < parts.Length; i += 2)
        {
            members.Add(new KeyValuePair<string, string>(Text(parts[i]), Text(parts[i + 1])));
        }

        return members;
    }

    /// <summary>An object parameter from its members' text; problems are named after the parameter, each saying which member.</summary>
    private T? MembersObject<T>(string name, List<KeyValuePair<string, string>>? members, FormShape shape, JsonTypeInfo<T> typeInfo)
    {
        if (members is null)
        {
            return default;
        }

        var fields = new FormFields(null);
        foreach (var member in members)
        {
            fields.Add(new[] { member.Key }, member.Value);
        }

        return FieldsObject(fields, shape, typeInfo, null, name, listsAreJson: true);
    }

    /// <summary>
    /// The value of <paramref name="fields"/>: JSON by <paramref name="shape"/>, read through <paramref name="typeInfo"/>.
    /// A problem is named after its field (after <paramref name="prefix"/>), or after <paramref name="parameter"/> when given.
    /// </summary>
    private T? FieldsObject<T>(FormFields fields, FormShape shape, JsonTypeInfo<T> typeInfo, string? prefix, string? parameter, bool listsAreJson)
    {
        void Report(string field, string message)
        {
            if (parameter is null)
            {
                AddError(field.Length == 0 ? "body" : field, message);
            }
            else
            {
                AddError(parameter, "member '" + field + "': " + message);
            }
        }

        var json = fields.ToJson(shape, Report, listsAreJson);
        if (json is null)
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (JsonException exception)
        {
            // The generated readers name the member; the path points at the field it came from.
            var field = FormFields.FieldOf(exception.Path, prefix);
            AddError(parameter ?? field ?? prefix ?? "body", exception.Message);
            return default;
        }
    }

    private static bool IsMediaType(string? contentType, string expected) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType) && mediaType.MediaType.Equals(expected, StringComparison.OrdinalIgnoreCase);
}
