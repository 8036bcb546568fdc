using System.ComponentModel;

namespace Contracts.Runtime.Validation;

/// <summary>A generated type whose values carry constraints of the OpenAPI document, checked member by member. Generated code implements it; it is plumbing.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IValidatable
{
    /// <summary>Adds every violation of this value and of the values inside it to <paramref name="violations"/>.</summary>
    void CollectViolations(ValidationCollector violations);
}
