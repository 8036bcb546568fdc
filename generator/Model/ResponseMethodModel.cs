using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

/// <summary>
/// The twin of an operation's method that returns the response's status code and headers with its result
/// (<c>GetPetWithResponseAsync</c> beside <c>GetPetAsync</c>).
/// </summary>
/// <param name="MethodName">The twin's name, set by <see cref="Passes.MethodSignatures"/> (empty before it runs).</param>
/// <param name="ClassName">The generated response class with one property per declared header; null when the success responses declare none (the twin returns <c>ApiResponse&lt;T&gt;</c>).</param>
/// <param name="Headers">The headers the success responses declare, in document order, each once.</param>
internal sealed record ResponseMethodModel(string MethodName, string? ClassName, EquatableArray<ResponseHeaderModel> Headers)
{
    public static readonly ResponseMethodModel Unnamed = new(string.Empty, null, EquatableArray<ResponseHeaderModel>.Empty);
}
