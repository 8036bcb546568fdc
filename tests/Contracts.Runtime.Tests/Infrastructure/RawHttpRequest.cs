using System;
using System.Collections.Generic;
using System.Text;

namespace Contracts.Runtime.Tests.Infrastructure;

/// <summary>
/// A request as the SigV4 suite writes it (<c>.req</c>): a request line whose target may contain spaces, header
/// lines (a line starting with whitespace continues the previous value), a blank line, then the body.
/// </summary>
internal sealed class RawHttpRequest
{
    private RawHttpRequest(string method, string path, string query, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
    {
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
    }

    public string Method { get; }

    public string Path { get; }

    /// <summary>The query without its '?', empty when there is none.</summary>
    public string Query { get; }

    /// <summary>Headers in file order; a folded value keeps its line breaks and indentation.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    public static RawHttpRequest Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');

        // "GET /example space/ HTTP/1.1": the target is everything between the first and the last space.
        var requestLine = lines[0];
        var firstSpace = requestLine.IndexOf(' ');
        var lastSpace = requestLine.LastIndexOf(' ');
        if (firstSpace <= 0 || lastSpace <= firstSpace)
        {
            throw new FormatException("Not a request line: " + requestLine);
        }

        var method = requestLine.Substring(0, firstSpace);
        var target = requestLine.Substring(firstSpace + 1, lastSpace - firstSpace - 1);
        var questionMark = target.IndexOf('?');
        var path = questionMark < 0 ? target : target.Substring(0, questionMark);
        var query = questionMark < 0 ? string.Empty : target.Substring(questionMark + 1);

        var headers = new List<KeyValuePair<string, string>>();
        var index = 1;
        for (; index < lines.Length && lines[index].Length > 0; index++)
        {
            var line = lines[index];
            if (line[0] == ' ' || line[0] == '\t')
            {
                var previous = headers[headers.Count - 1];
                headers[headers.Count - 1] = new KeyValuePair<string, string>(previous.Key, previous.Value + "\n" + line);
                continue;
            }

            var colon = line.IndexOf(':');
            headers.Add(new KeyValuePair<string, string>(line.Substring(0, colon), line.Substring(colon + 1)));
        }

        var body = index + 1 < lines.Length ? string.Join("\n", lines, index + 1, lines.Length - index - 1) : string.Empty;
        return new RawHttpRequest(method, path, query, headers, Encoding.UTF8.GetBytes(body));
    }
}
