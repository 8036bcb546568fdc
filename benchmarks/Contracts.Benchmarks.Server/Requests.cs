using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;

namespace Contracts.Benchmarks.Server;

public enum Operation
{
    GetPet,
    ListPets,
    CreatePet,
    GetPetBadRequest,
}

/// <summary>The requests measured, identical for every server; each response body is read to its end.</summary>
public static class Requests
{
    private static readonly byte[] s_newPet = Encoding.UTF8.GetBytes("{\"name\":\"" + PetData.NewName + "\",\"tag\":\"a\"}");
    private static readonly MediaTypeHeaderValue s_json = new("application/json");
    private static readonly byte[] s_drain = new byte[16 * 1024];

    public static readonly Operation[] All = [Operation.GetPet, Operation.ListPets, Operation.CreatePet, Operation.GetPetBadRequest];

    public static int ExpectedStatus(Operation operation) => operation switch
    {
        Operation.GetPet => 200,
        Operation.ListPets => 200,
        Operation.CreatePet => 201,
        Operation.GetPetBadRequest => 400,
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    public static HttpRequestMessage Create(Operation operation) => operation switch
    {
        Operation.GetPet => new HttpRequestMessage(HttpMethod.Get, "/pets/" + PetData.KnownId),
        Operation.ListPets => new HttpRequestMessage(HttpMethod.Get, "/pets?limit=10&tag=a&tag=b"),
        Operation.CreatePet => new HttpRequestMessage(HttpMethod.Post, "/pets") { Content = new ByteArrayContent(s_newPet) { Headers = { ContentType = s_json } } },
        Operation.GetPetBadRequest => new HttpRequestMessage(HttpMethod.Get, "/pets/abc"),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    /// <summary>Sends one request and reads the whole response body (into a shared buffer: nothing kept).</summary>
    public static async Task<int> SendAsync(HttpClient client, Operation operation)
    {
        using var request = Create(operation);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        while (await body.ReadAsync(s_drain) > 0)
        {
        }

        return (int)response.StatusCode;
    }

    /// <summary>The status and body of one request, for the checks (a benchmark that measures a 404 is worthless).</summary>
    public static async Task<(int Status, string ContentType, string Body)> DescribeAsync(HttpClient client, Operation operation)
    {
        using var request = Create(operation);
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "", await response.Content.ReadAsStringAsync());
    }

    public static async Task CheckAsync(HttpClient client, string server, Operation operation)
    {
        var (status, _, body) = await DescribeAsync(client, operation);
        if (status != ExpectedStatus(operation))
        {
            throw new InvalidOperationException(server + " answered " + operation + " with " + status + " (expected " + ExpectedStatus(operation) + "): " + body);
        }
    }
}
