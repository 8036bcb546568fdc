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

    public static IEnumerable<(string Name, Action<SourceWriter> Write)> Of(TypeFileModel file)
    {
        yield return ("Models." + file.Name, writer => TypeFileEmitter.Write(file, writer));
    }

    public static IEnumerable<(string Name, Action<SourceWriter> Write)> Of(JsonContextModel model)
    {
        yield return ("JsonContext", writer => JsonContextEmitter.Write(model, writer));
    }

    public static IEnumerable<(string Name, Action<SourceWriter> Write)> Of(ClientModel model)
    {
        yield return ("Client", writer => ClientEmitter.Write(model, writer));
        if (model.Aws is not null)
        {
            yield return ("Errors", writer => ErrorsEmitter.Write(model, writer));
        }
    }

    /// <summary>The server's file (<c>{Client}.Server.g.cs</c>); none when the document asks for no server.</summary>
    public static IEnumerable<(string Name, Action<SourceWriter> Write)> Of(EndpointsModel? model)
    {
        if (model is not null)
        {
            yield return ("Server", writer => ServerEmitter.Write(model, writer));
        }
    }

    /// <summary>The server of <paramref name="model"/>, when it asks for one and the project has what it needs (else CTR148).</summary>
    public static EndpointsModel? Server(SpecModel model, CompilationFacts facts) => SchemaDescriptionsModel.ServerOf(model, facts.ServerNeeds is null, facts.HasServerOpenApi);

    /// <summary>Null when the project does not reference Microsoft.Extensions.Http: nothing to emit then.</summary>
    public static DependencyInjectionModel? Registrations(ClientModel client, CompilationFacts facts) =>
        facts.HasHttpClientFactory ? new DependencyInjectionModel(client, facts.HasConfiguration, facts.HasResilience) : null;

    public static IEnumerable<(string Name, Action<SourceWriter> Write)> Of(DependencyInjectionModel? model)
    {
        if (model is not null)
        {
            yield return ("DependencyInjection", writer => DependencyInjectionEmitter.Write(model, writer));
        }
    }

    /// <summary>Every file of one document, in the generator's order: what a build with these <paramref name="facts"/> adds.</summary>
    public static IEnumerable<(string Name, Action<SourceWriter> Write)> All(SpecModel model, CompilationFacts facts)
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

        if (model.GeneratesClient)
        {
            foreach (var file in Of(model.Client))
            {
                yield return file;
            }

            foreach (var file in Of(Registrations(model.Client, facts)))
            {
                yield return file;
            }
        }

        foreach (var file in Of(Server(model, facts)))
        {
            yield return file;
        }
    }
}
