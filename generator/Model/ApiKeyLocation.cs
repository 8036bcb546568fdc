namespace Contracts.Generator.Model;

/// <summary>Where an <c>apiKey</c> scheme sends its key (mirrors <c>Contracts.Runtime.Authentication.ApiKeyLocation</c>).</summary>
internal enum ApiKeyLocation
{
    Header,
    Query,
    Cookie,
}
