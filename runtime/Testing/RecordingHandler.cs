using System;
using System.Reflection;
using System.Threading;

namespace Contracts.Testing;

/// <summary>
/// The handler interface's implementation the kit serves: each call is recorded (its arguments) and answered with
/// the result the running case prepared.
/// </summary>
internal class RecordingHandler : DispatchProxy
{
    private Func<MethodInfo, object?[], object?>? _answer;

    internal void Attach(Func<MethodInfo, object?[], object?> answer) => _answer = answer;

    /// <inheritdoc/>
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod is null || _answer is null)
        {
            throw new InvalidOperationException("The contract-test handler is not attached to a kit.");
        }

        return _answer(targetMethod, args ?? Array.Empty<object?>());
    }
}

/// <summary>One call the recording handler took.</summary>
internal sealed record RecordedCall(MethodInfo Method, object?[] Arguments, CancellationToken Token);
