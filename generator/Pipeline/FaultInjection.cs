using System;
using System.Collections.Immutable;
using System.Threading;

namespace Contracts.Generator.Pipeline;

/// <summary>
/// A test seam that makes a step throw as a bug of ours would, so tests can show that the exception becomes CTR006 in
/// the analyzer and in the contracts tool (the generator has no known bug to trigger it for real). Chosen over the
/// alternatives because it adds nothing a user can reach: an options key would be settable in any project's
/// .editorconfig (or, honoured only in Debug builds, would make the tests depend on the configuration they are built
/// in), and a parameter would have to be threaded through the analyzer's constructor and the tool's commands. A fault
/// is keyed by the spec's path (translation) or the file's hint name (emission), so tests running in parallel do not
/// see each other's faults; without faults each check is one read of an empty map.
/// </summary>
internal static class FaultInjection
{
    private static ImmutableDictionary<string, string> s_faults = ImmutableDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Until the returned scope is disposed, translating the spec at <paramref name="specPath"/> throws <see cref="InvalidOperationException"/> with <paramref name="message"/>.</summary>
    public static IDisposable InTranslation(string specPath, string message) => Inject(TranslationKey(specPath), message);

    /// <summary>Until the returned scope is disposed, emitting the file <paramref name="hintName"/> throws <see cref="InvalidOperationException"/> with <paramref name="message"/>.</summary>
    public static IDisposable InEmission(string hintName, string message) => Inject(EmissionKey(hintName), message);

    internal static void ThrowInTranslation(string specPath) => ThrowIfInjected(TranslationKey(specPath));

    internal static void ThrowInEmission(string hintName) => ThrowIfInjected(EmissionKey(hintName));

    private static string TranslationKey(string specPath) => "translation:" + specPath;

    private static string EmissionKey(string hintName) => "emission:" + hintName;

    private static void ThrowIfInjected(string key)
    {
        var faults = Volatile.Read(ref s_faults);
        if (!faults.IsEmpty && faults.TryGetValue(key, out var message))
        {
            throw new InvalidOperationException(message);
        }
    }

    private static IDisposable Inject(string key, string message)
    {
        ImmutableInterlocked.Update(ref s_faults, static (faults, fault) => faults.Add(fault.Key, fault.Message), (Key: key, Message: message));
        return new Scope(key);
    }

    private sealed class Scope(string key) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref s_faults, static (faults, k) => faults.Remove(k), key);
    }
}
