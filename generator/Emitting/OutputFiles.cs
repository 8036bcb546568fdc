using System;
using System.Collections.Generic;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// The source files each model item becomes, named once: the generator's outputs, the contracts tool and the benchmarks
/// all go through here, so they emit the same files under the same hint names.
/// </summary>
internal static class OutputFiles
{
    /// <summary>The hint name of a file: unique per client, so two documents in one project do not collide.</summary>
    public static string HintName(EmitTarget target, string name) => target.ClientName + "." + name + ".g.cs";

    public static IEnumerable<(string Name, Func<string> Emit)> Of(TypeFileModel file)
    {
        yield return ("Models." + file.Name, () => TypeFileEmitter.Emit(file));
    }

    public static IEnumerable<(string Name, Func<string> Emit)> Of(JsonContextModel model)
    {
        yield return ("JsonContext", () => JsonContextEmitter.Emit(model));
    }

    public static IEnumerable<(string Name, Func<string> Emit)> Of(ClientModel model)
    {
        yield return ("Client", () => ClientEmitter.Emit(model));
        if (model.Aws is not null)
        {
            yield return ("Errors", () => ErrorsEmitter.Emit(model));
        }
    }

    /// <summary>Null when the project does not reference Microsoft.Extensions.Http: nothing to emit then.</summary>
    public static DependencyInjectionModel? Registrations(ClientModel client, CompilationFacts facts) =>
        facts.HasHttpClientFactory ? new DependencyInjectionModel(client, facts.HasConfiguration) : null;

    public static IEnumerable<(string Name, Func<string> Emit)> Of(DependencyInjectionModel? model)
    {
        if (model is not null)
        {
            yield return ("DependencyInjection", () => DependencyInjectionEmitter.Emit(model));
        }
    }

    /// <summary>Every file of one document, in the generator's order: what a build with these <paramref name="facts"/> adds.</summary>
    public static IEnumerable<(string Name, Func<string> Emit)> All(SpecModel model, CompilationFacts facts)
    {
        foreach (var types in TypeFileModel.Of(model))
        {
            foreach (var file in Of(types))
            {
                yield return file;
            }
        }

        foreach (var file in Of(model.JsonContext))
        {
            yield return file;
        }

        foreach (var file in Of(model.Client))
        {
            yield return file;
        }

        foreach (var file in Of(Registrations(model.Client, facts)))
        {
            yield return file;
        }
    }
}
