using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Contracts.Generator.Tests.Server;

/// <summary>
/// What a project that generates the server references: the ASP.NET Core shared framework this test host runs with, and
/// Contracts.Runtime.AspNetCore. Until that library is built here, a compiled stand-in of its public API (the shapes the
/// server design fixes) plays its part, under its assembly name, so the generator's facts see it as the real one.
/// </summary>
internal static class ServerReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_aspNetCore = new(LoadAspNetCore);
    private static readonly Lazy<MetadataReference> s_runtime = new(CompileRuntimeApi);

    /// <summary>The ASP.NET Core shared framework's assemblies.</summary>
    public static IReadOnlyList<MetadataReference> AspNetCore => s_aspNetCore.Value;

    /// <summary>Contracts.Runtime.AspNetCore's public API.</summary>
    public static MetadataReference Runtime => s_runtime.Value;

    /// <summary>Both.</summary>
    public static IEnumerable<MetadataReference> All => AspNetCore.Append(Runtime);

    private static IReadOnlyList<MetadataReference> LoadAspNetCore()
    {
        var directory = Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!;
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        // Only the assemblies the .NET shared framework does not have already (the test's compilation references those).
        return Directory.EnumerateFiles(directory, "*.dll")
            .Where(path => !File.Exists(Path.Combine(framework, Path.GetFileName(path))))
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }

    private static MetadataReference CompileRuntimeApi()
    {
        var compilation = GeneratorHarness.CreateCompilation(AspNetCore, RuntimeApi)
            .WithAssemblyName("Contracts.Runtime.AspNetCore");
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("The stand-in runtime does not compile:\n" + GeneratorRun.Format(result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private const string RuntimeApi = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Text.Json.Serialization.Metadata;
        using System.Threading.Tasks;
        using Contracts.Runtime.Http;
        using Microsoft.AspNetCore.Http;

        namespace Contracts.Runtime.AspNetCore
        {
            public enum ParameterSource { Path, Query, Header, Cookie }

            public delegate bool ScalarParser<T>(string text, out T value);

            public sealed class RequestBinder
            {
                public RequestBinder(HttpContext context, string operationId) { Context = context; }
                public HttpContext Context { get; }
                public bool HasErrors => false;
                public string? Path(string routeName, string name, ParameterStyle style, bool explode) => null;
                public IReadOnlyList<string>? PathList(string routeName, string name, ParameterStyle style, bool explode) => null;
                public string? Query(string name, bool required) => null;
                public IReadOnlyList<string>? QueryList(string name, ParameterStyle style, bool explode, bool required) => null;
                public string? Header(string name, bool required) => null;
                public IReadOnlyList<string>? HeaderList(string name, bool required) => null;
                public string? Cookie(string name, bool required) => null;
                public IReadOnlyList<string>? CookieList(string name, bool required) => null;
                public T Scalar<T>(string? text, string name, ParameterSource source, ScalarParser<T> parser, string expected) => default!;
                public IReadOnlyList<T>? List<T>(IReadOnlyList<string>? items, string name, ParameterSource source, ScalarParser<T> parser, string expected) => null;
                public ValueTask<T?> JsonBodyAsync<T>(JsonTypeInfo<T> typeInfo, bool required) => default;
                public ValueTask<string?> TextBodyAsync(bool required) => default;
                public Stream? StreamBody(bool required) => null;
                public void AddError(string name, string message) { }
                public Task WriteProblemAsync() => Task.CompletedTask;
            }

            public static class ScalarParsers
            {
                public static bool String(string text, out string value) { value = text; return true; }
                public static bool Boolean(string text, out bool value) { value = default; return false; }
                public static bool Int32(string text, out int value) { value = default; return false; }
                public static bool Int64(string text, out long value) { value = default; return false; }
                public static bool Single(string text, out float value) { value = default; return false; }
                public static bool Double(string text, out double value) { value = default; return false; }
                public static bool Decimal(string text, out decimal value) { value = default; return false; }
                public static bool Guid(string text, out Guid value) { value = default; return false; }
                public static bool DateTimeOffset(string text, out DateTimeOffset value) { value = default; return false; }
                public static bool Date(string text, out DateOnly value) { value = default; return false; }
                public static bool Duration(string text, out TimeSpan value) { value = default; return false; }
                public static bool UnixTime(string text, out DateTimeOffset value) { value = default; return false; }
                public static bool Bytes(string text, out byte[] value) { value = Array.Empty<byte>(); return false; }
            }

            public static class ResultWriter
            {
                public static Task WriteJsonAsync<T>(HttpContext context, int statusCode, T value, JsonTypeInfo<T> typeInfo) => Task.CompletedTask;
                public static Task WriteTextAsync(HttpContext context, int statusCode, string text, string mediaType) => Task.CompletedTask;
                public static Task WriteStreamAsync(HttpContext context, int statusCode, Stream body, string mediaType) => Task.CompletedTask;
                public static Task WriteEmptyAsync(HttpContext context, int statusCode) => Task.CompletedTask;
                public static Task WriteNoResultAsync(HttpContext context, string operationId) => Task.CompletedTask;
            }
        }
        """;
}
