using System.ComponentModel;

namespace Contracts.Runtime.AspNetCore;

/// <summary>Where a request parameter travels; named in the problems a bad value is answered with.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ParameterSource
{
    /// <summary>A segment of the path.</summary>
    Path,

    /// <summary>The query string.</summary>
    Query,

    /// <summary>A request header.</summary>
    Header,

    /// <summary>The <c>Cookie</c> header.</summary>
    Cookie,
}
