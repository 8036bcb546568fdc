using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Contracts.Testing;

/// <summary>
/// What a <see cref="ContractTestKit.RunAsync{TClient}"/> run did: the operations it drove and with how many cases, those it
/// skipped and why, and every disagreement between the client and the server.
/// </summary>
public sealed class ContractTestReport
{
    internal ContractTestReport(int seed, IReadOnlyList<ContractOperationResult> operations)
    {
        Seed = seed;
        Operations = operations;
    }

    /// <summary>The seed the values were drawn with; the same seed draws the same values again.</summary>
    public int Seed { get; }

    /// <summary>Every operation of the handler interface, in its order.</summary>
    public IReadOnlyList<ContractOperationResult> Operations { get; }

    /// <summary>The operations driven (not skipped).</summary>
    public int DrivenCount => Operations.Count(o => o.SkipReason is null);

    /// <summary>The cases run, over all operations.</summary>
    public int CaseCount => Operations.Sum(o => o.Cases);

    /// <summary>The operations skipped, each with its reason.</summary>
    public IReadOnlyList<ContractOperationResult> Skipped => Operations.Where(o => o.SkipReason is not null).ToList();

    /// <summary>Every disagreement found.</summary>
    public IReadOnlyList<ContractMismatch> Mismatches => Operations.SelectMany(o => o.Mismatches).ToList();

    /// <summary>True when no case found a disagreement (skipped operations do not fail a run: check <see cref="Skipped"/>).</summary>
    public bool Passed => Operations.All(o => o.Mismatches.Count == 0);

    /// <summary>A summary line, then each skipped operation with its reason, the responses no case answered with, then each disagreement.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Contract test (seed {Seed}): {DrivenCount} operations driven, {CaseCount} cases, {Skipped.Count} skipped, {Mismatches.Count} mismatches");
        foreach (var skipped in Skipped)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  skipped {skipped.OperationId}: {skipped.SkipReason}");
        }

        foreach (var operation in Operations.Where(o => o.SkipReason is null && o.UnansweredResponses.Count > 0))
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  not answered in {operation.OperationId}: {string.Join(", ", operation.UnansweredResponses)}");
        }

        foreach (var mismatch in Mismatches)
        {
            text.AppendLine().Append("  ").Append(mismatch);
        }

        return text.ToString();
    }
}

/// <summary>One operation of a run: driven with <see cref="Cases"/> cases, or skipped with <see cref="SkipReason"/>.</summary>
public sealed class ContractOperationResult
{
    internal ContractOperationResult(string operationId, int cases, string? skipReason, IReadOnlyList<ContractMismatch> mismatches, IReadOnlyList<string>? unanswered = null)
    {
        UnansweredResponses = unanswered ?? [];
        OperationId = operationId;
        Cases = cases;
        SkipReason = skipReason;
        Mismatches = mismatches;
    }

    /// <summary>The document's <c>operationId</c> (or the handler method's name when the document has no such operation).</summary>
    public string OperationId { get; }

    /// <summary>The cases run.</summary>
    public int Cases { get; }

    /// <summary>Why the operation was not driven, or <see langword="null"/> when it was.</summary>
    public string? SkipReason { get; }

    /// <summary>The disagreements its cases found.</summary>
    public IReadOnlyList<ContractMismatch> Mismatches { get; }

    /// <summary>Declared responses no case answered with (a redirect, a byte stream, no factory, …), each with the reason.</summary>
    public IReadOnlyList<string> UnansweredResponses { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        SkipReason is null ? $"{OperationId}: {Cases} cases, {Mismatches.Count} mismatches" : $"{OperationId}: skipped, {SkipReason}";
}

/// <summary>A disagreement between what one side sent and what the other got.</summary>
public sealed class ContractMismatch
{
    internal ContractMismatch(string operationId, int caseNumber, int seed, string path, string expected, string actual)
    {
        OperationId = operationId;
        CaseNumber = caseNumber;
        Seed = seed;
        Path = path;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The operation.</summary>
    public string OperationId { get; }

    /// <summary>The case, counted from 0 within the operation.</summary>
    public int CaseNumber { get; }

    /// <summary>The run's seed, to replay it.</summary>
    public int Seed { get; }

    /// <summary>
    /// Where they differ: <c>received.</c> and a parameter's name for what the handler received
    /// (<c>received.request.name</c>), <c>read.</c> for what the client read (<c>read.body.items[2].id</c>,
    /// <c>read.status</c>, or <c>read</c> when the call failed).
    /// </summary>
    public string Path { get; }

    /// <summary>The value sent (by the client for a request, by the handler for a response), as JSON.</summary>
    public string Expected { get; }

    /// <summary>The value received, as JSON (or what went wrong).</summary>
    public string Actual { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{OperationId} case {CaseNumber} (seed {Seed}): {Path}: sent {Expected}, got {Actual}";
}
