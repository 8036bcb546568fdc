using System.ComponentModel;

namespace Contracts.Runtime.Http;

/// <summary>OpenAPI's <c>style</c> of a parameter: how a value, a list or an object is spelled in its location.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ParameterStyle
{
    /// <summary><c>name=a,b</c> (query, cookie); exploded <c>name=a&amp;name=b</c>.</summary>
    Form,

    /// <summary><c>a,b</c> (path, header).</summary>
    Simple,

    /// <summary><c>.a.b</c> or <c>.a,b</c> (path).</summary>
    Label,

    /// <summary><c>;name=a,b</c> or <c>;name=a;name=b</c> (path).</summary>
    Matrix,

    /// <summary><c>name=a%20b</c> (query lists).</summary>
    SpaceDelimited,

    /// <summary><c>name=a|b</c> (query lists).</summary>
    PipeDelimited,

    /// <summary><c>name[key]=value</c> (query objects).</summary>
    DeepObject,
}
