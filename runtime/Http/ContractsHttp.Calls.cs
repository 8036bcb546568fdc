using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace Contracts.Runtime.Http;

/// <summary>
/// What lets a generated method stay a plain (not <c>async</c>) method that returns the sender's task: the compiler
/// builds no state machine for it, which is most of what a client method costs to compile.
/// </summary>
public static partial class ContractsHttp
{
    /// <summary>
    /// The task of a call whose request could not be built (a null argument, an invalid request, a value that cannot
    /// be written): <paramref name="exception"/> is delivered through the task, as an <c>async</c> method delivers
    /// what it throws, and <paramref name="request"/>, when it was created, is disposed.
    /// </summary>
    public static Task Fail(HttpRequestMessage? request, Exception exception) => Fail<bool>(request, exception);

    /// <inheritdoc cref="Fail(HttpRequestMessage?, Exception)"/>
    public static Task<T> Fail<T>(HttpRequestMessage? request, Exception exception)
    {
        request?.Dispose();
        var failed = new TaskCompletionSource<T>();
        if (exception is OperationCanceledException canceled)
        {
            // As an async method ends on one: canceled rather than faulted.
            failed.TrySetCanceled(canceled.CancellationToken);
        }
        else
        {
            failed.TrySetException(exception);
        }

        return failed.Task;
    }
}
