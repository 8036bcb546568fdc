using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Generator.Tests.Infrastructure;
using Contracts.Runtime;
using Xunit;

namespace Contracts.Generator.Tests.Naming;

/// <summary>
/// Specs/naming.yaml's "a value, or the empty string" members (Stripe's way to unset a field), compiled and loaded:
/// each is a <see cref="Clearable{T}"/>, not a union type of its own; <c>""</c> reads as the clear and is written back
/// as <c>""</c> in JSON and as <c>name=</c> in a form body; an unset member is not sent.
/// </summary>
public sealed class ClearableBehaviourTests(ClearableBehaviourTests.Output fixture) : IClassFixture<ClearableBehaviourTests.Output>
{
    private const string Context = "Contracts.Tests.Naming.NamingJsonContext";
    private const string Ns = "Contracts.Tests.Naming.";

    private readonly LoadedOutput _output = fixture.Loaded;

    [Fact]
    public void Members_that_are_a_value_or_the_empty_string_are_clearables_and_no_union_is_generated()
    {
        var request = _output.Type(Ns + "CreateCustomerRequest");

        Assert.Equal(typeof(Clearable<>), request.GetProperty("TrialEnd")!.PropertyType.GetGenericTypeDefinition());
        Assert.Equal(typeof(Clearable<long>), request.GetProperty("TrialEnd")!.PropertyType);
        Assert.Equal(typeof(Clearable<IReadOnlyList<string>>), request.GetProperty("TaxRates")!.PropertyType);
        Assert.Equal(typeof(Clearable<IReadOnlyDictionary<string, string>>), request.GetProperty("Metadata")!.PropertyType);
        Assert.Equal(typeof(string), request.GetProperty("Coupon")!.PropertyType);
        Assert.Equal(typeof(Clearable<>).MakeGenericType(_output.Type(Ns + "Address")), _output.Type(Ns + "Customer").GetProperty("Address")!.PropertyType);

        // A component schema of the same shape keeps its name and stays a union.
        Assert.True(_output.Type(Ns + "ClearableAlias").IsAbstract);
    }

    [Fact]
    public void The_empty_string_reads_as_the_clear_and_is_written_back()
    {
        const string Json = """{"id":"cus_1","address":"","balance":""}""";

        var customer = _output.Deserialize(Context, "Customer", Json)!;

        var address = Get(customer, "Address")!;
        Assert.True((bool)address.GetType().GetProperty("IsClear")!.GetValue(address)!);
        Assert.Equal(Clearable<long>.Clear, Get(customer, "Balance"));
        Assert.Equal(Json, _output.Serialize(Context, "Customer", customer));
    }

    [Fact]
    public void A_value_reads_as_the_value_and_is_written_back()
    {
        const string Json = """{"id":"cus_1","address":{"line1":"1 Main St","city":"Springfield"},"balance":-250}""";

        var customer = _output.Deserialize(Context, "Customer", Json)!;

        Assert.Equal((Clearable<long>)(-250), Get(customer, "Balance"));
        var address = Get(customer, "Address")!;
        Assert.False((bool)address.GetType().GetProperty("IsClear")!.GetValue(address)!);
        Assert.Equal(Json, _output.Serialize(Context, "Customer", customer));
    }

    [Fact]
    public void Null_and_missing_members_stay_null()
    {
        var customer = _output.Deserialize(Context, "Customer", """{"id":"cus_1","address":null}""")!;

        Assert.Null(Get(customer, "Address"));
        Assert.Null(Get(customer, "Balance"));
        Assert.Equal("""{"id":"cus_1"}""", _output.Serialize(Context, "Customer", customer));
    }

    [Fact]
    public async Task A_form_body_sends_a_clear_as_an_empty_field_a_value_as_its_fields_and_nothing_for_unset_members()
    {
        var request = _output.Create(Ns + "CreateCustomerRequest", [],
            ("Name", "Ada"),
            ("Address", Clear(Ns + "OptionalFieldsAddress")),
            ("TaxRates", (Clearable<IReadOnlyList<string>>)new List<string> { "txr_1", "txr 2" }),
            ("Metadata", Clearable<IReadOnlyDictionary<string, string>>.Clear),
            ("TrialEnd", (Clearable<long>)1700000000));
        var handler = new ScriptedHandler(_ => Json("""{"id":"cus_1"}"""));
        var client = _output.Create(Ns + "NamingClient", [new HttpClient(handler), null]);

        await LoadedOutput.InvokeAsync(client, "CreateCustomerAsync", request, CancellationToken.None);

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("application/x-www-form-urlencoded", sent.ContentType);
        Assert.Equal("name=Ada&address=&metadata=&tax_rates=txr_1&tax_rates=txr%202&trial_end=1700000000", sent.BodyText);
    }

    [Fact]
    public async Task A_form_body_sends_a_clearable_objects_members_with_brackets()
    {
        var request = _output.Deserialize(Context, "CreateCustomerRequest", """{"shipping":{"line1":"1 Main St"},"trial_end":""}""")!;
        var handler = new ScriptedHandler(_ => Json("""{"id":"cus_1"}"""));
        var client = _output.Create(Ns + "NamingClient", [new HttpClient(handler), null]);

        await LoadedOutput.InvokeAsync(client, "CreateCustomerAsync", request, CancellationToken.None);

        Assert.Equal("shipping%5Bline1%5D=1%20Main%20St&trial_end=", Assert.Single(handler.Requests).BodyText);
    }

    private object Clear(string valueType)
    {
        var clearable = typeof(Clearable<>).MakeGenericType(_output.Type(valueType));
        return clearable.GetProperty("Clear")!.GetValue(null)!;
    }

    private static object? Get(object instance, string property) => instance.GetType().GetProperty(property)!.GetValue(instance);

    private static HttpResponseMessage Json(string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    /// <summary>The naming spec's output, generated, compiled and loaded once for the class.</summary>
    public sealed class Output : IDisposable
    {
        internal LoadedOutput Loaded { get; } = LoadedOutput.Load(GeneratorHarness.Run(SpecFile.FromOutput(NamingSnapshotTests.Spec, NamingSnapshotTests.Namespace, NamingSnapshotTests.ClientName).ReadAndWritten()));

        public void Dispose() => Loaded.Dispose();
    }
}
