using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Contracts.Benchmarks.Wire.Models;
using Contracts.Benchmarks.Wire.Ours;
using Contracts.Benchmarks.Wire.Serializers;
using K = Contracts.Benchmarks.Peers.Kiota.Models;

namespace Contracts.Benchmarks.Wire;

/// <summary>
/// Proves the comparison is fair before anything is timed: every reader reads the same values from the payload's
/// bytes, and every writer's output, read back by our reader and the reference reader, holds those values again.
/// Throws on any difference (BenchmarkDotNet then reports the benchmark as failed rather than timing it).
/// </summary>
public static class Validation
{
    public static void Check(Payload payload)
    {
        var expected = Describe(payload.Ours);
        var reads = new (string Name, Func<string> Read)[]
        {
            ("ours", () => Describe(OursWire.Read(payload.Json))),
            ("ours (envelope)", () => Describe(OursWire.ReadEnvelope(payload.EnvelopeJson))),
            ("ours (converter)", () => Describe(OursWire.ReadConverter(payload.Json))),
            ("ours (envelope, converter)", () => Describe(OursWire.ReadEnvelopeConverter(payload.EnvelopeJson))),
            ("STJ source gen", () => Describe(StjWire.SourceGenRead(payload.Json))),
            ("STJ source gen (envelope)", () => Describe(StjWire.SourceGenReadEnvelope(payload.EnvelopeJson))),
            ("STJ reflection", () => Describe(StjWire.ReflectionRead(payload.Json))),
            ("STJ reflection (envelope)", () => Describe(StjWire.ReflectionReadEnvelope(payload.EnvelopeJson))),
            ("Newtonsoft", () => Describe(NewtonsoftWire.Read(payload.Json))),
            ("Newtonsoft (envelope)", () => Describe(NewtonsoftWire.ReadEnvelope(payload.EnvelopeJson))),
            ("Kiota", () => Describe(KiotaWire.Read(payload.Json))),
            ("Kiota (envelope)", () => Describe(KiotaWire.ReadEnvelope(payload.EnvelopeJson))),
            ("hand-written", () => Describe(HandWrittenWire.Read(payload.Json))),
            ("hand-written (envelope)", () => Describe(HandWrittenWire.ReadEnvelope(payload.EnvelopeJson))),
        };
        foreach (var (name, read) in reads)
        {
            Same(expected, read(), "reader " + name);
        }

        var writes = new (string Name, byte[] Json, bool Enveloped)[]
        {
            ("ours", OursWire.Write(payload.Ours), false),
            ("ours (envelope)", OursWire.WriteEnvelope(payload.Ours), true),
            ("STJ source gen", StjWire.SourceGenWrite(payload.Reference), false),
            ("STJ source gen (envelope)", StjWire.SourceGenWriteEnvelope(payload.ReferenceEnvelope), true),
            ("STJ reflection", StjWire.ReflectionWrite(payload.Reference), false),
            ("STJ reflection (envelope)", StjWire.ReflectionWriteEnvelope(payload.ReferenceEnvelope), true),
            ("Newtonsoft", NewtonsoftWire.Write(payload.Reference), false),
            ("Newtonsoft (envelope)", NewtonsoftWire.WriteEnvelope(payload.ReferenceEnvelope), true),
            ("Kiota", KiotaWire.Write(payload.Kiota), false),
            ("Kiota (envelope)", KiotaWire.WriteEnvelope(payload.KiotaEnvelope), true),
            ("hand-written", HandWrittenWire.Write(payload.Ours), false),
            ("hand-written (envelope)", HandWrittenWire.WriteEnvelope(payload.Ours), true),
        };
        foreach (var (name, json, enveloped) in writes)
        {
            var ours = enveloped ? OursWire.ReadEnvelope(json) : OursWire.Read(json);
            var reference = enveloped ? StjWire.SourceGenReadEnvelope(json) : StjWire.SourceGenRead(json);
            Same(expected, Describe(ours), "writer " + name + " read back by ours");
            Same(expected, Describe(reference), "writer " + name + " read back by the STJ source generator");
        }

        // Writers that produce the same members in the same order must produce the same bytes.
        Same(Encoding.UTF8.GetString(HandWrittenWire.Write(payload.Ours)), Encoding.UTF8.GetString(OursWire.Write(payload.Ours)), "ours vs hand-written bytes");
    }

    private static void Same(string expected, string actual, string what)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            var at = Enumerable.Range(0, Math.Min(expected.Length, actual.Length)).FirstOrDefault(i => expected[i] != actual[i]);
            throw new InvalidOperationException(what + " differs at " + at + ": expected …" + Slice(expected, at) + "… but got …" + Slice(actual, at) + "…");
        }
    }

    private static string Slice(string text, int at) => text.Substring(Math.Max(0, at - 40), Math.Min(80, text.Length - Math.Max(0, at - 40)));

    // One line per key, the same text for every model: values are compared, not object identities.
    public static string Describe(BucketAccessKeys value) =>
        Describe(value.Id, value.CreatedAt, value.AccessKeys?.Select(k => Key(k.AccessKeyId, k.SecretAccessKey, k.Status?.Value, k.CreatedAt, k.LastUsed is null, k.LastUsed?.LastUsedDate, k.LastUsed?.Region, k.LastUsed?.ServiceName)));

    public static string Describe(RefBucketAccessKeys value) =>
        Describe(value.Id, value.CreatedAt, value.AccessKeys?.Select(k => Key(k.AccessKeyId, k.SecretAccessKey, k.Status?.ToString(), k.CreatedAt, k.LastUsed is null, k.LastUsed?.LastUsedDate, k.LastUsed?.Region, k.LastUsed?.ServiceName)));

    public static string Describe(K.BucketAccessKeys value) =>
        Describe(value.Id, value.CreatedAt, value.AccessKeys?.Select(k => Key(k.AccessKeyId, k.SecretAccessKey, k.Status?.ToString(), k.CreatedAt, k.LastUsed is null, k.LastUsed?.LastUsedDate, k.LastUsed?.Region, k.LastUsed?.ServiceName)));

    private static string Describe(string? id, DateTimeOffset? created, IEnumerable<string>? keys) =>
        "id=" + id + " created=" + Date(created) + "\n" + (keys is null ? "no keys" : string.Join("\n", keys));

    private static string Key(string? id, string? secret, string? status, DateTimeOffset? created, bool noLastUsed, DateTimeOffset? lastUsed, string? region, string? service) =>
        id + "|" + (secret ?? "-") + "|" + status + "|" + Date(created) + "|" + (noLastUsed ? "never" : Date(lastUsed) + "|" + region + "|" + service);

    private static string Date(DateTimeOffset? value) => value?.ToString("O", CultureInfo.InvariantCulture) ?? "null";
}
