using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Xunit;

namespace Contracts.Generator.Tests.Infrastructure;

/// <summary>
/// The output compilation of a generator run, emitted and loaded into a collectible load context so that tests can call
/// the generated code. Contracts.Runtime resolves from the test's own load context.
/// </summary>
internal sealed class LoadedOutput : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private LoadedOutput(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public static LoadedOutput Load(GeneratorRun run)
    {
        run.AssertCompilesCleanly();
        using var image = new MemoryStream();
        var emitted = run.OutputCompilation.Emit(image);
        Assert.True(emitted.Success, "Emit failed:\n" + GeneratorRun.Format(emitted.Diagnostics));
        image.Position = 0;
        var context = new AssemblyLoadContext("Generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new LoadedOutput(context, context.LoadFromStream(image));
    }

    public Type Type(string fullName) =>
        Assembly.GetType(fullName) ?? throw new InvalidOperationException($"{fullName} is not in the generated assembly.");

    /// <summary>Creates an instance of <paramref name="typeName"/> and sets the given properties.</summary>
    public object Create(string typeName, object?[] arguments, params (string Name, object? Value)[] properties)
    {
        var instance = Activator.CreateInstance(Type(typeName), arguments)!;
        foreach (var (name, value) in properties)
        {
            instance.GetType().GetProperty(name)!.SetValue(instance, value);
        }

        return instance;
    }

    /// <summary>Deserializes <paramref name="json"/> with the <c>Default.&lt;typeProperty&gt;</c> metadata of a generated context.</summary>
    public object? Deserialize(string contextTypeName, string typeProperty, string json) =>
        JsonSerializer.Deserialize(json, TypeInfo(contextTypeName, typeProperty));

    /// <summary>Serializes <paramref name="value"/> with the <c>Default.&lt;typeProperty&gt;</c> metadata of a generated context.</summary>
    public string Serialize(string contextTypeName, string typeProperty, object? value) =>
        JsonSerializer.Serialize(value, TypeInfo(contextTypeName, typeProperty));

    /// <summary>
    /// Calls an async method of <paramref name="target"/> and returns its result (null for a plain Task). Trailing
    /// optional parameters left out (the per-call <c>RequestOptions</c>) get their defaults, as at a C# call site.
    /// </summary>
    public static async Task<object?> InvokeAsync(object target, string method, params object?[] arguments)
    {
        var candidates = target.GetType().GetMethods()
            .Where(m => m.Name == method && m.GetParameters().Length >= arguments.Length && m.GetParameters().Skip(arguments.Length).All(p => p.IsOptional))
            .ToList();
        var info = Assert.Single(candidates);
        var parameters = info.GetParameters();
        var values = arguments.Concat(parameters.Skip(arguments.Length).Select(p => p.DefaultValue)).ToArray();
        Task task;
        try
        {
            task = (Task)info.Invoke(target, values)!;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }

        await task;
        return task.GetType().GetProperty("Result")?.GetValue(task);
    }

    public void Dispose() => _context.Unload();

    private JsonTypeInfo TypeInfo(string contextTypeName, string typeProperty)
    {
        var context = Type(contextTypeName).GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        return (JsonTypeInfo)context.GetType().GetProperty(typeProperty)!.GetValue(context)!;
    }
}
