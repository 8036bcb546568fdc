using System.Linq;
using Xunit;

namespace Contracts.Generator.Tests.Infrastructure;

/// <summary>
/// Finds a generated type's code in a <see cref="GeneratorRun"/>. Here rather than in the shared harness because it
/// reads how the generator names its files, which is internal to the generator.
/// </summary>
internal static class GeneratedTypeSource
{
    /// <summary>
    /// The generated code of the type <paramref name="typeName"/>: the namespace blocks of its file (types are grouped into
    /// files by first letter) that declare it or its converter.
    /// </summary>
    public static string TypeSource(this GeneratorRun run, string typeName)
    {
        var file = run.Source("Models." + Contracts.Generator.Model.TypeFileModel.FileNameOf(typeName) + ".g.cs");
        var declares = new System.Text.RegularExpressions.Regex(@"\b(record|class|struct|enum) " + typeName + @"\b");
        var blocks = file.Split("\nnamespace ").Skip(1).Where(block => declares.IsMatch(block)).ToList();
        Assert.True(blocks.Count > 0, $"No type '{typeName}' in its file.");
        return "namespace " + string.Join("\nnamespace ", blocks);
    }
}
