using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Contracts.Runtime.AspNetCore;

/// <summary>
/// Serves an AWS JSON service (every operation a <c>POST /</c> named by its <c>X-Amz-Target</c> header): the
/// operation's endpoint answers, and a missing or unknown target is refused as AWS refuses it
/// (<c>UnknownOperationException</c>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AwsJsonDispatch
{
    /// <summary>One request delegate for <c>POST /</c> choosing among <paramref name="operations"/> by target (compared exactly).</summary>
    public static RequestDelegate Create(IReadOnlyDictionary<string, RequestDelegate> operations)
    {
        if (operations is null)
        {
            throw new ArgumentNullException(nameof(operations));
        }

        var byTarget = new Dictionary<string, RequestDelegate>(operations, StringComparer.Ordinal);
        return context =>
        {
            var target = context.Request.Headers["X-Amz-Target"].ToString();
            if (target.Length > 0 && byTarget.TryGetValue(target, out var operation))
            {
                return operation(context);
            }

            return ProblemWriter.WriteAwsAsync(
                context,
                StatusCodes.Status400BadRequest,
                "UnknownOperationException",
                target.Length == 0 ? "The request has no X-Amz-Target header." : "The operation " + RequestBinder.Quote(target) + " is not served here.");
        };
    }

}
