using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Contracts.Cli.Checking;

/// <summary>The counts of a check run and its closing line.</summary>
internal sealed class CheckSummary
{
    private readonly int _total;
    private readonly int _clean;
    private readonly int _warnings;
    private readonly int _compileFailed;
    private readonly int _generatorErrors;

    public CheckSummary(IReadOnlyCollection<SpecReport> counted)
    {
        _total = counted.Count;
        _clean = counted.Count(r => r.Verdict == SpecVerdict.Clean);
        _warnings = counted.Count(r => r.Verdict == SpecVerdict.Warnings);
        _compileFailed = counted.Count(r => r.Verdict == SpecVerdict.CompileFailed);
        _generatorErrors = counted.Count(r => r.Verdict == SpecVerdict.GeneratorError);
    }

    /// <summary>Every spec compiled (or, without --compile, generated) clean or with warnings only.</summary>
    public bool Succeeded => _compileFailed == 0 && _generatorErrors == 0;

    /// <summary><c>&lt;n&gt; specs: &lt;c&gt; compiled clean, &lt;w&gt; with warnings, &lt;f&gt; failed to compile, &lt;x&gt; generator errors</c>.</summary>
    public string CompiledLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"{_total} specs: {_clean} compiled clean, {_warnings} with warnings, {_compileFailed} failed to compile, {_generatorErrors} generator errors");

    /// <summary>The same without compiling: <c>&lt;n&gt; specs: &lt;c&gt; clean, &lt;w&gt; with warnings, &lt;x&gt; generator errors</c>.</summary>
    public string GeneratedLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"{_total} specs: {_clean} clean, {_warnings} with warnings, {_generatorErrors} generator errors");
}
