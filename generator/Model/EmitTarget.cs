namespace Contracts.Generator.Model;

/// <summary>Where and how one document's code is emitted; every fanned-out model carries it.</summary>
/// <param name="Namespace">The namespace of every generated type.</param>
/// <param name="ClientName">The client class; also the prefix of every hint name.</param>
/// <param name="InterfaceName">The client interface.</param>
/// <param name="OptionsName">The client options class.</param>
/// <param name="ContextName">The JSON serializer context.</param>
/// <param name="ServiceExtensionsName">The static class with the dependency-injection extension methods.</param>
/// <param name="Accessibility"><c>public</c> or <c>internal</c>.</param>
/// <param name="GeneratorVersion">Stamped into <c>[GeneratedCode]</c>.</param>
/// <param name="EpochTimestamps">Timestamps are written as epoch seconds (the AWS JSON protocol) instead of ISO-8601.</param>
internal sealed record EmitTarget(
    string Namespace,
    string ClientName,
    string InterfaceName,
    string OptionsName,
    string ContextName,
    string ServiceExtensionsName,
    string Accessibility,
    string GeneratorVersion,
    bool EpochTimestamps = false);
