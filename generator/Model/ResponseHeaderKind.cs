namespace Contracts.Generator.Model;

/// <summary>How a declared response header is read: the C# type of its property and the <c>ResponseHeaders</c> getter behind it.</summary>
internal enum ResponseHeaderKind
{
    /// <summary><c>string?</c>: any other schema (numbers and booleans included), read as sent.</summary>
    String,

    /// <summary><c>int?</c>: <c>type: integer, format: int32</c>.</summary>
    Int32,

    /// <summary><c>long?</c>: any other <c>type: integer</c>.</summary>
    Int64,

    /// <summary><c>DateTimeOffset?</c>: <c>format: date-time</c> or <c>http-date</c>, or an HTTP-date header (<c>Date</c>, <c>Expires</c>, <c>Last-Modified</c>) declared as a string.</summary>
    DateTimeOffset,

    /// <summary><c>IReadOnlyList&lt;string&gt;</c>: <c>type: array</c>, a comma-separated list.</summary>
    List,
}
