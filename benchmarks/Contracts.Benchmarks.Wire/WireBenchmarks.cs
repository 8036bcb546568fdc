using BenchmarkDotNet.Attributes;
using Contracts.Benchmarks.Wire.Models;
using Contracts.Benchmarks.Wire.Serializers;
using K = Contracts.Benchmarks.Peers.Kiota.Models;

namespace Contracts.Benchmarks.Wire;

/// <summary>What is read or written: the bare <c>data</c> payload, or the whole <c>{"success": true, "data": …}</c> envelope.</summary>
public enum Body
{
    Bare,
    Envelope,
}

/// <summary>Shared parameters: the GetBucketAccessKeys result with 2 and 2,000 keys, bare and enveloped.</summary>
public abstract class WireBenchmark
{
    [Params(2, 2000)]
    public int Keys { get; set; }

    [Params(Body.Bare, Body.Envelope)]
    public Body Body { get; set; }

    protected Payload Payload { get; private set; } = null!;

    protected byte[] Json { get; private set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        Payload = Payload.Of(Keys);
        Json = Body == Body.Bare ? Payload.Json : Payload.EnvelopeJson;
        Validation.Check(Payload);
    }
}

/// <summary>Deserializing the same bytes with each serializer; the STJ source generator is the baseline.</summary>
[MemoryDiagnoser]
public class ReadBenchmarks : WireBenchmark
{
    [Benchmark(Baseline = true)]
    public RefBucketAccessKeys StjSourceGen() => Body == Body.Bare ? StjWire.SourceGenRead(Json) : StjWire.SourceGenReadEnvelope(Json);

    [Benchmark]
    public Ours.BucketAccessKeys Ours() => Body == Body.Bare ? OursWire.Read(Json) : OursWire.ReadEnvelope(Json);

    /// <summary>
    /// Bare: the generated converter called without JsonSerializer's entry (what the client's call adds on top).
    /// Envelope: EnvelopeReader's loop reading the data in one pass through JsonValueReader (what it would cost with it).
    /// </summary>
    [Benchmark]
    public Ours.BucketAccessKeys OursDirect() => Body == Body.Bare ? OursWire.ReadConverter(Json) : OursWire.ReadEnvelopeConverter(Json);

    [Benchmark]
    public RefBucketAccessKeys StjReflection() => Body == Body.Bare ? StjWire.ReflectionRead(Json) : StjWire.ReflectionReadEnvelope(Json);

    [Benchmark]
    public RefBucketAccessKeys Newtonsoft() => Body == Body.Bare ? NewtonsoftWire.Read(Json) : NewtonsoftWire.ReadEnvelope(Json);

    [Benchmark]
    public K.BucketAccessKeys Kiota() => Body == Body.Bare ? KiotaWire.Read(Json) : KiotaWire.ReadEnvelope(Json);

    [Benchmark]
    public Ours.BucketAccessKeys HandWritten() => Body == Body.Bare ? HandWrittenWire.Read(Json) : HandWrittenWire.ReadEnvelope(Json);
}

/// <summary>Serializing identical data to UTF-8 bytes with each serializer; the STJ source generator is the baseline.</summary>
[MemoryDiagnoser]
public class WriteBenchmarks : WireBenchmark
{
    [Benchmark(Baseline = true)]
    public byte[] StjSourceGen() => Body == Body.Bare ? StjWire.SourceGenWrite(Payload.Reference) : StjWire.SourceGenWriteEnvelope(Payload.ReferenceEnvelope);

    [Benchmark]
    public byte[] Ours() => Body == Body.Bare ? OursWire.Write(Payload.Ours) : OursWire.WriteEnvelope(Payload.Ours);

    [Benchmark]
    public byte[] StjReflection() => Body == Body.Bare ? StjWire.ReflectionWrite(Payload.Reference) : StjWire.ReflectionWriteEnvelope(Payload.ReferenceEnvelope);

    [Benchmark]
    public byte[] Newtonsoft() => Body == Body.Bare ? NewtonsoftWire.Write(Payload.Reference) : NewtonsoftWire.WriteEnvelope(Payload.ReferenceEnvelope);

    [Benchmark]
    public byte[] Kiota() => Body == Body.Bare ? KiotaWire.Write(Payload.Kiota) : KiotaWire.WriteEnvelope(Payload.KiotaEnvelope);

    [Benchmark]
    public byte[] HandWritten() => Body == Body.Bare ? HandWrittenWire.Write(Payload.Ours) : HandWrittenWire.WriteEnvelope(Payload.Ours);
}
