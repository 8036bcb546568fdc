using System;
using System.Linq;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Contracts.Benchmarks.Generation;

/// <summary>
/// Item 3 of issue 7: what an edit costs with the driver kept warm, as in the IDE. Each invocation flips between two
/// states, so every run sees a real change: an unrelated C# edit, a one-line description edit in the spec, a schema added.
/// <see cref="EditTimer"/> (<c>edits &lt;spec&gt;</c>) times the same edits with a stopwatch, for the alternating comparison of
/// two builds (<c>benchmarks/spec-edits.sh</c>).
/// </summary>
[MemoryDiagnoser]
public class IncrementalGeneration
{
    private GeneratorDriver _driver = null!;
    private Compilation _compilation = null!;
    private Compilation _editedCompilation = null!;
    private AdditionalText _spec = null!;
    private AdditionalText _descriptionEdited = null!;
    private AdditionalText _schemaAdded = null!;
    private AdditionalText _current = null!;
    private bool _flipped;

    [Params("seed", "lightsail", "github", "stripe")]
    public string Spec { get; set; } = "seed";

    [GlobalSetup]
    public void Setup()
    {
        var input = GenerationPipeline.Load(BenchmarkSpecs.Resolve(Spec));
        _spec = new TextFile(input.Path, input.Text);
        _descriptionEdited = new TextFile(input.Path, SpecEdits.EditFirstDescription(input.Text));
        _schemaAdded = new TextFile(input.Path, SpecEdits.AddSchema(input.Text));
        _compilation = GenerationPipeline.CreateCompilation();
        _editedCompilation = _compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace App { internal sealed class Unrelated { } }", GenerationPipeline.ParseOptions, "/src/Unrelated.cs"));
        _driver = GenerationPipeline.CreateDriver(_spec).RunGenerators(_compilation);
        _current = _spec;
        AssertCSharpEditRerunsNothing();
    }

    /// <summary>As a keystroke in the IDE: a new compilation with one C# file replaced, over the same references.</summary>
    [Benchmark]
    public GeneratorDriver UnrelatedCSharpEdit()
    {
        _flipped = !_flipped;
        var tree = _editedCompilation.SyntaxTrees.Last();
        var edited = _editedCompilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().WithChanges(
            new Microsoft.CodeAnalysis.Text.TextChange(new Microsoft.CodeAnalysis.Text.TextSpan(0, 0), _flipped ? " " : "  "))));
        return _driver = _driver.RunGenerators(edited);
    }

    /// <summary>A first build's generator run in a warm process: a new driver over the spec, nothing cached.</summary>
    public GeneratorDriver FirstBuild() => GenerationPipeline.CreateDriver(_spec).RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver DescriptionEdit() => Flip(_descriptionEdited);

    [Benchmark]
    public GeneratorDriver SchemaAdded() => Flip(_schemaAdded);

    /// <summary>From the spec to <paramref name="edited"/>, or back to the spec from any edit (the spec edits keep their own state, apart from the C# edit's).</summary>
    private GeneratorDriver Flip(AdditionalText edited)
    {
        var next = ReferenceEquals(_current, _spec) ? edited : _spec;
        _driver = _driver.ReplaceAdditionalText(_current, next);
        _current = next;
        return _driver = _driver.RunGenerators(_compilation);
    }

    /// <summary>
    /// Which run reasons the description edit gives the parse (<c>ParseSpecs</c>) and how many type, context and client files
    /// it re-emits, from a driver that tracks its steps: what the edit's time is made of.
    /// </summary>
    public (string Parse, int FilesReemitted, int Files) DescriptionEditReasons()
    {
        var first = GenerationPipeline.CreateDriver(_spec, trackSteps: true).RunGenerators(_compilation);
        var edited = first.ReplaceAdditionalText(_spec, _descriptionEdited).RunGenerators(_compilation);
        var result = edited.GetRunResult().Results.Single();
        var parse = string.Join("/", result.TrackedSteps.TryGetValue("ParseSpecs", out var runs)
            ? runs.SelectMany(run => run.Outputs.Select(output => output.Reason.ToString())).Distinct()
            : new[] { "?" });
        var files = result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs).ToList();
        return (parse, files.Count(output => output.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified), files.Count);
    }

    /// <summary>The benchmark is only meaningful if a C# edit really reruns nothing: every tracked step must be Cached or Unchanged.</summary>
    private void AssertCSharpEditRerunsNothing()
    {
        var tracking = GenerationPipeline.CreateDriver(_spec, trackSteps: true).RunGenerators(_compilation).RunGenerators(_editedCompilation);
        var reran = tracking.GetRunResult().Results.Single().TrackedSteps
            .Where(step => !step.Key.StartsWith("Compilation", StringComparison.Ordinal))
            .SelectMany(step => step.Value.SelectMany(run => run.Outputs.Select(output => (step.Key, output.Reason))))
            .Where(pair => pair.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .ToList();
        if (reran.Count > 0)
        {
            throw new InvalidOperationException("An unrelated C# edit reran: " + string.Join(", ", reran.Select(r => r.Key + " " + r.Reason).Distinct()));
        }
    }
}

/// <summary>The spec edits the incremental benchmark flips between.</summary>
internal static class SpecEdits
{
    private static readonly Regex s_plainDescription = new(@"^(\s+description: [A-Za-z][^'""\r\n]*[A-Za-z.])$", RegexOptions.Multiline);
    private static readonly Regex s_schemas = new(@"^(\s+)schemas:\r?\n(\s+)", RegexOptions.Multiline);

    /// <summary>Appends a word to the first plain one-line description.</summary>
    public static string EditFirstDescription(string text)
    {
        var match = s_plainDescription.Match(text);
        return match.Success
            ? text.Substring(0, match.Index + match.Length) + " Edited." + text.Substring(match.Index + match.Length)
            : throw new InvalidOperationException("no plain one-line description to edit");
    }

    /// <summary>Adds a small object schema as the first entry of components/schemas.</summary>
    public static string AddSchema(string text)
    {
        var match = s_schemas.Match(text);
        if (!match.Success)
        {
            throw new InvalidOperationException("no components/schemas to add to");
        }

        var indent = match.Groups[2].Value;
        var schema = indent + "BenchmarkAddedSchema:\n" + indent + "  type: object\n" + indent + "  properties:\n"
            + indent + "    name:\n" + indent + "      type: string\n";
        var at = match.Index + match.Length - indent.Length;
        return text.Substring(0, at) + schema + text.Substring(at);
    }
}
