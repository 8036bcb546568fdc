namespace Contracts.Runtime.Authentication;

/// <summary>Where an <c>apiKey</c> security scheme sends its key (the scheme's <c>in</c>).</summary>
public enum ApiKeyLocation
{
    /// <summary>A request header named after the scheme's <c>name</c>.</summary>
    Header,

    /// <summary>A query parameter named after the scheme's <c>name</c>, escaped and appended to the request URI.</summary>
    Query,

    /// <summary>A cookie named after the scheme's <c>name</c>, merged into the request's one <c>Cookie</c> header.</summary>
    Cookie,
}
