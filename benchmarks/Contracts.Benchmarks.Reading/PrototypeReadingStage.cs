using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace Contracts.Benchmarks.Reading;

/// <summary>
/// The prototype on Microsoft.OpenApi 3.x, loaded from its own folder into its own <see cref="AssemblyLoadContext"/>
/// (the generator's Microsoft.OpenApi 3.11 is in the default one under the same name; the prototype keeps its own copy so that it measures as it did). Framework assemblies
/// (System.*) come from the host, as the compiler's analyzer loader gives an analyzer the compiler's own copies:
/// System.Text.Json is the runtime's, not the 8.0.5 the package asks for.
/// </summary>
internal sealed class PrototypeReadingStage : AssemblyLoadContext
{
    private readonly string _folder;

    private PrototypeReadingStage(string folder)
        : base("Microsoft.OpenApi 3.x prototype", isCollectible: false) => _folder = folder;

    public static string Folder => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "prototype"));

    public Func<string, long[]> ReaderAlone { get; private set; } = null!;

    public Func<string, long[]> ReadLocateFacts { get; private set; } = null!;

    public Func<string, long[]> ReadLocateFactsPublic { get; private set; } = null!;

    public Func<string, string[]> Positions { get; private set; } = null!;

    public Func<string, string[]> Describe { get; private set; } = null!;

    public Func<string, string[]> DescribePublic { get; private set; } = null!;

    public Func<string, string[]> ReaderErrors { get; private set; } = null!;

    public Assembly Stage { get; private set; } = null!;

    public static PrototypeReadingStage Load()
    {
        var context = new PrototypeReadingStage(Folder);
        context.Stage = context.LoadFromAssemblyPath(Path.Combine(Folder, "Contracts.Benchmarks.Reading.Prototype.dll"));
        var type = context.Stage.GetType("Contracts.Benchmarks.Reading.Prototype.OpenApi3ReadingStage", throwOnError: true)!;
        context.ReaderAlone = type.GetMethod("ReaderAlone")!.CreateDelegate<Func<string, long[]>>();
        context.ReadLocateFacts = type.GetMethod("ReadLocateFacts", new[] { typeof(string) })!.CreateDelegate<Func<string, long[]>>();
        context.ReadLocateFactsPublic = type.GetMethod("ReadLocateFactsPublic")!.CreateDelegate<Func<string, long[]>>();
        context.Positions = type.GetMethod("Positions")!.CreateDelegate<Func<string, string[]>>();
        context.Describe = type.GetMethod("Describe", new[] { typeof(string) })!.CreateDelegate<Func<string, string[]>>();
        context.DescribePublic = type.GetMethod("DescribePublic")!.CreateDelegate<Func<string, string[]>>();
        context.ReaderErrors = type.GetMethod("ReaderErrors")!.CreateDelegate<Func<string, string[]>>();
        return context;
    }

    protected override Assembly? Load(AssemblyName name)
    {
        if (name.Name is null || name.Name.StartsWith("System.", StringComparison.Ordinal) || name.Name.StartsWith("Microsoft.Bcl.", StringComparison.Ordinal))
        {
            return null;
        }

        var path = Path.Combine(_folder, name.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
