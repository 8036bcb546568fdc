using BenchmarkDotNet.Attributes;
using Contracts.Generator.Configuration;
using Contracts.Generator.Locating;
using Contracts.Generator.Model;
using Contracts.Generator.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.OpenApi;
using Microsoft.OpenApi.YamlReader;

namespace Contracts.Benchmarks.Generation;

/// <summary>
/// Item 1 of issue 7: each stage of the generator on its own, warm, with the OpenAPI reader alone as the baseline (the
/// ratio column says what each stage costs next to it), and the whole generator as the compiler runs it on a cold build.
/// </summary>
[MemoryDiagnoser]
public class GenerationStages
{
    private SpecInput _input = null!;
    private GenerationPipeline.ReadResult _read = null!;
    private SpecModel _model = null!;
    private TextFile _file = null!;
    private Compilation _compilation = null!;

    [Params("seed", "lightsail", "github", "stripe")]
    public string Spec { get; set; } = "seed";

    [GlobalSetup]
    public void Setup()
    {
        _input = GenerationPipeline.Load(BenchmarkSpecs.Resolve(Spec));
        _read = GenerationPipeline.Read(_input);
        _model = GenerationPipeline.BuildModel(_input, Fresh(_read));
        _file = new TextFile(_input.Path, _input.Text);
        _compilation = GenerationPipeline.CreateCompilation();

        // Building the model must not change the reader's document, or the Model benchmark would measure a different input.
        var again = GenerationPipeline.BuildModel(_input, Fresh(_read));
        if (!again.Equals(_model) || !again.Equals(GenerationPipeline.BuildModel(_input, GenerationPipeline.Read(_input))))
        {
            throw new System.InvalidOperationException("The model of " + Spec + " differs between runs over the same document.");
        }
    }

    /// <summary>Microsoft.OpenApi on its own, public path (its YAML reader), with the generator's settings: the floor every stage is compared with.</summary>
    [Benchmark(Baseline = true)]
    public OpenApiDocument? ReaderAlone()
    {
        var settings = OpenApiTextReader.Settings();
        settings.TryAddReader(OpenApiConstants.Yaml, new OpenApiYamlReader());
        return OpenApiDocument.Parse(_input.Text, null, settings).Document;
    }

    /// <summary>Stage 1: our read — text preparation, the reader, and the YAML tree kept for the model's few facts.</summary>
    [Benchmark]
    public object Read() => GenerationPipeline.Read(_input);

    /// <summary>Stage 2: the equatable model from the document.</summary>
    [Benchmark]
    public object Model() => GenerationPipeline.BuildModel(_input, Fresh(_read));

    /// <summary>Stage 3: every file's text.</summary>
    [Benchmark]
    public (int Files, long Characters) Emit() => GenerationPipeline.Emit(_model);

    /// <summary>All stages through Roslyn's driver, as a cold build runs the generator (including adding the files).</summary>
    [Benchmark]
    public GeneratorDriver Generator() => GenerationPipeline.CreateDriver(_file).RunGenerators(_compilation);

    private static GenerationPipeline.ReadResult Fresh(GenerationPipeline.ReadResult read) => read with { Diagnostics = new DiagnosticBag() };
}
