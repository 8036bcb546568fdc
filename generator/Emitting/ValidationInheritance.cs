namespace Contracts.Generator.Emitting;

/// <summary>Where a checked record stands in a hierarchy: how its <c>CollectViolations</c> is declared.</summary>
internal enum ValidationInheritance
{
    /// <summary>A sealed record: <c>Validate()</c> and a plain <c>CollectViolations</c>.</summary>
    None,

    /// <summary>A record others derive from: <c>Validate()</c> and a <c>virtual CollectViolations</c> that derived records extend.</summary>
    Base,

    /// <summary>A derived record: it inherits <c>Validate()</c>; its <c>override CollectViolations</c> checks the base's members first.</summary>
    Derived,
}
