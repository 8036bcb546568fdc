using System;
using System.IO;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Threading;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Readers.Exceptions;
using SharpYaml;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading;

/// <summary>
/// Reads a document as <see cref="OpenApiStringReader"/> does, but keeps the YAML tree the reader builds and throws away.
/// The generator needs a few facts the reader's model drops (<c>additionalProperties: true</c>, <c>collectionFormat: multi</c>);
/// parsing the text a second time for them cost more than half of the model stage (0.7 s on Stripe's description).
/// The reader's two halves — its bounded YAML parse (private) and its YAML-to-document reader (internal in 1.6) — are
/// called through reflection; where either is missing, <see cref="TryRead"/> returns false and the public path is used.
/// </summary>
internal static class ReaderWithTree
{
    private static readonly MethodInfo? s_loadYaml = typeof(OpenApiTextReaderReader).GetMethod(
        "LoadYamlDocument", BindingFlags.NonPublic | BindingFlags.Instance, null, new[] { typeof(TextReader), typeof(CancellationToken) }, null);

    private static readonly Type? s_documentReader = typeof(OpenApiTextReaderReader).Assembly.GetType("Microsoft.OpenApi.Readers.OpenApiYamlDocumentReader");

    private static readonly ConstructorInfo? s_create = s_documentReader?.GetConstructor(
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, null, new[] { typeof(OpenApiReaderSettings) }, null);

    private static readonly MethodInfo? s_read = s_documentReader?.GetMethod(
        "Read", BindingFlags.Public | BindingFlags.Instance, null, new[] { typeof(YamlDocument), typeof(OpenApiDiagnostic).MakeByRefType() }, null);

    /// <summary>True when the reader's internals are there to call; false on a reader version that moved them.</summary>
    public static bool IsAvailable => s_loadYaml is not null && s_create is not null && s_read is not null;

    /// <summary>
    /// Reads <paramref name="text"/> exactly as <c>OpenApiTextReaderReader.Read</c> does (same limits, same diagnostics for
    /// YAML errors) and returns the YAML tree too (null when the YAML itself was rejected). False when unavailable.
    /// </summary>
    public static bool TryRead(string text, OpenApiReaderSettings settings, out OpenApiDocument document, out OpenApiDiagnostic diagnostic, out YamlNode? tree)
    {
        document = null!;
        diagnostic = null!;
        tree = null;
        if (!IsAvailable)
        {
            return false;
        }

        YamlDocument yaml;
        try
        {
            yaml = (YamlDocument)Invoke(s_loadYaml!, new OpenApiTextReaderReader(settings), new object[] { new StringReader(text), CancellationToken.None });
        }
        catch (YamlException exception)
        {
            diagnostic = new OpenApiDiagnostic();
            diagnostic.Errors.Add(new Microsoft.OpenApi.Models.OpenApiError("#line=" + exception.Start.Line, exception.Message));
            document = new OpenApiDocument();
            return true;
        }
        catch (OpenApiReaderException exception)
        {
            diagnostic = new OpenApiDiagnostic();
            diagnostic.Errors.Add(new Microsoft.OpenApi.Models.OpenApiError(exception));
            document = new OpenApiDocument();
            return true;
        }

        var arguments = new object?[] { yaml, null };
        document = (OpenApiDocument)Invoke(s_read!, s_create!.Invoke(new object[] { settings }), arguments);
        diagnostic = (OpenApiDiagnostic)arguments[1]!;
        tree = yaml.RootNode;
        return true;
    }

    /// <summary>Calls <paramref name="method"/>, rethrowing what it threw as itself (not wrapped), so callers catch the reader's own exceptions.</summary>
    private static object Invoke(MethodInfo method, object target, object?[] arguments)
    {
        try
        {
            return method.Invoke(target, arguments)!;
        }
        catch (TargetInvocationException wrapper) when (wrapper.InnerException is { } inner)
        {
            ExceptionDispatchInfo.Capture(inner).Throw();
            throw;
        }
    }
}
