using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Served;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Contracts.IntegrationTests.Server;

/// <summary>
/// tests/Contracts.Generator.Tests/Specs/server.yaml generated as both sides: the generated endpoints on Kestrel
/// (127.0.0.1), called through the generated client. The handler receives exactly what the client sent, the client reads
/// what the handler returned, and bad input sent by hand is a 400 problem that names it, the handler never called.
/// </summary>
public sealed class ServerRoundTripTests : IAsyncLifetime
{
    private readonly RecordingHandler _handler = new();
    private ServedApp _served = null!;
    private HttpClient _http = null!;
    private PetStoreClient _client = null!;

    public async Task InitializeAsync()
    {
        _served = await ServedApp.StartAsync(
            services =>
            {
                services.AddSingleton<IPetStoreHandler>(_handler);
            },
            app =>
            {
                app.MapPetStore();
            });
        _http = _served.Http;
        _client = new PetStoreClient(_http, new PetStoreClientOptions { BaseAddress = _http.BaseAddress });
    }

    public async Task DisposeAsync()
    {
        await _served.DisposeAsync();
    }

    [Fact]
    public async Task List_pets_receives_every_parameter_in_its_style_and_the_list_comes_back()
    {
        var requestId = Guid.NewGuid();

        var pets = await _client.ListPetsAsync(
            requestId, limit: 5, tags: ["a b", "c,d"], ids: [1, 2], sizes: ["s", "m,l"], status: PetStatus.Sold,
            xTrace: ["t1", "t2"], session: "s=1; x");

        var call = Assert.Single(_handler.Calls);
        Assert.Equal("ListPets", call.Operation);
        Assert.Equal(requestId, call.Arguments[0]);
        Assert.Equal(5, call.Arguments[1]);
        Assert.Equal(["a b", "c,d"], (IReadOnlyList<string>)call.Arguments[2]!);
        Assert.Equal([1L, 2L], (IReadOnlyList<long>)call.Arguments[3]!);
        Assert.Equal(["s", "m,l"], (IReadOnlyList<string>)call.Arguments[4]!);
        Assert.Equal(PetStatus.Sold, call.Arguments[5]);
        Assert.Equal(["t1", "t2"], (IReadOnlyList<string>)call.Arguments[6]!);
        Assert.Equal("s=1; x", call.Arguments[7]);
        Assert.Equal([RecordingHandler.Rex, RecordingHandler.Tom], pets);
    }

    [Fact]
    public async Task Search_pets_receives_the_deepObject_filter_as_sent()
    {
        var pets = await _client.SearchPetsAsync(new SearchPetsFilter { Name = "Rex [the] dog & 50% ünï" });
        await _client.SearchPetsAsync();

        Assert.Equal([RecordingHandler.Rex], pets);
        Assert.Equal(new SearchPetsFilter { Name = "Rex [the] dog & 50% ünï" }, _handler.Calls[0].Arguments[0]);
        Assert.Null(_handler.Calls[1].Arguments[0]);
    }

    [Fact]
    public async Task Optional_parameters_left_out_arrive_as_null()
    {
        var requestId = Guid.NewGuid();

        await _client.ListPetsAsync(requestId);

        var call = Assert.Single(_handler.Calls);
        Assert.Equal(requestId, call.Arguments[0]);
        Assert.All(call.Arguments.Skip(1), Assert.Null);
    }

    [Fact]
    public async Task Create_pet_receives_the_json_body_and_the_client_reads_the_201()
    {
        var created = await _client.CreatePetAsync(new NewPet { Name = "Rex \"the\" dog", Status = PetStatus.Available });

        var call = Assert.Single(_handler.Calls);
        Assert.Equal(new NewPet { Name = "Rex \"the\" dog", Status = PetStatus.Available }, call.Arguments[0]);
        Assert.Equal(new Pet { Id = 7, Name = "Rex \"the\" dog", Status = PetStatus.Available }, created);
    }

    [Fact]
    public async Task A_declared_range_error_reaches_the_client_with_its_status_and_body()
    {
        var exception = await Assert.ThrowsAsync<Contracts.Runtime.ApiException<Problem>>(() => _client.CreatePetAsync(new NewPet { Name = "taken" }));

        Assert.Equal(409, (int)exception.StatusCode);
        Assert.Equal("Name taken", exception.Error.Title);
    }

    [Fact]
    public async Task Get_pet_binds_path_and_query_and_a_404_is_the_declared_error()
    {
        var since = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2));

        var pet = await _client.GetPetAsync(1, since, verbose: true);
        var missing = await Assert.ThrowsAsync<Contracts.Runtime.ApiException<Problem>>(() => _client.GetPetAsync(404));

        Assert.Equal(RecordingHandler.Rex, pet);
        Assert.Equal((object?[])[1L, since, true], _handler.Calls.First().Arguments);
        Assert.Equal(404, (int)missing.StatusCode);
        Assert.Equal("No pet 404", missing.Error.Title);
    }

    [Fact]
    public async Task Delete_pet_answers_204_without_a_body()
    {
        await _client.DeletePetAsync(3);

        Assert.Equal((object?[])[3L], Assert.Single(_handler.Calls).Arguments);
    }

    [Fact]
    public async Task Text_and_binary_bodies_go_both_ways()
    {
        var note = await _client.PutNoteAsync(2, "héllo\nworld");
        await _client.UploadPhotoAsync(5, new MemoryStream([1, 2, 3, 255]));
        await using var photo = await _client.GetPhotoAsync(5);
        using var copy = new MemoryStream();
        await photo.CopyToAsync(copy);

        Assert.Equal("stored: héllo\nworld", note);
        Assert.Equal(new byte[] { 1, 2, 3, 255 }, _handler.Photo);
        Assert.Equal(new byte[] { 1, 2, 3, 255 }, copy.ToArray());
        Assert.Equal(["PutNote", "UploadPhoto", "GetPhoto"], _handler.Calls.Select(c => c.Operation));
        Assert.Equal((object?[])[2L, "héllo\nworld"], _handler.Calls.First().Arguments);
    }

    [Fact]
    public async Task Label_and_matrix_path_parameters_are_undone()
    {
        var shelters = await _client.GetSheltersAsync("north/east", [3, 4]);

        var call = Assert.Single(_handler.Calls);
        Assert.Equal("north/east", call.Arguments[0]);
        Assert.Equal([3, 4], (IReadOnlyList<int>)call.Arguments[1]!);
        Assert.Equal(["north/east:3", "north/east:4"], shelters);
    }

    [Fact]
    public async Task A_missing_required_header_is_a_400_problem_naming_it()
    {
        using var response = await _http.GetAsync("pets");

        await AssertProblemAsync(response, "X-Request-Id");
    }

    [Fact]
    public async Task A_malformed_integer_in_the_path_is_a_400_problem_naming_it()
    {
        using var response = await _http.GetAsync("pets/abc");

        var text = await AssertProblemAsync(response, "petId");
        Assert.Contains("abc", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_member_of_the_wrong_type_is_a_400_problem_under_the_body()
    {
        using var response = await _http.PostAsync("pets", new StringContent("""{"name": 5}""", Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, "body");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_under_the_body()
    {
        using var response = await _http.PostAsync("pets", new StringContent("""{"name": "Rex" """, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, "body");
    }

    [Fact]
    public async Task Every_bad_value_of_a_request_is_named_at_once()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "pets?limit=many&ids=1,x");
        request.Headers.TryAddWithoutValidation("X-Request-Id", "not-a-uuid");
        using var response = await _http.SendAsync(request);

        var text = await AssertProblemAsync(response, "X-Request-Id");
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("limit", out _), text);
        Assert.True(errors.TryGetProperty("ids", out _), text);
    }

    [Fact]
    public async Task A_body_of_another_media_type_is_the_binders_415_problem()
    {
        using var response = await _http.PostAsync("pets", new StringContent("""{"name": "Rex"}""", Encoding.UTF8, "text/plain"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(415, JsonDocument.Parse(text).RootElement.GetProperty("status").GetInt32());
        Assert.Empty(_handler.Calls);
    }

    /// <summary>A 400 <c>application/problem+json</c> whose errors name <paramref name="name"/>; the handler was not called.</summary>
    private async Task<string> AssertProblemAsync(HttpResponseMessage response, string name)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(problem.RootElement.GetProperty("errors").EnumerateObject().Any(e => e.Name == name || e.Name.StartsWith(name + ".", StringComparison.Ordinal) || e.Name.StartsWith(name + "[", StringComparison.Ordinal)), text);
        Assert.Empty(_handler.Calls);
        return text;
    }

    /// <summary>Records every call with its arguments and answers with fixed values.</summary>
    internal sealed class RecordingHandler : IPetStoreHandler
    {
        public static readonly Pet Rex = new() { Id = 1, Name = "Rex", Status = PetStatus.Available };
        public static readonly Pet Tom = new() { Id = 2, Name = "Tom" };

        private readonly ConcurrentQueue<(string Operation, object?[] Arguments)> _calls = new();

        public IReadOnlyList<(string Operation, object?[] Arguments)> Calls => _calls.ToArray();

        public byte[]? Photo { get; private set; }

        private void Record(string operation, params object?[] arguments) => _calls.Enqueue((operation, arguments));

        public Task<ListPetsResult> ListPetsAsync(Guid xRequestId, int? limit, IReadOnlyList<string>? tags, IReadOnlyList<long>? ids, IReadOnlyList<string>? sizes, PetStatus? status, IReadOnlyList<string>? xTrace, string? session, CancellationToken cancellationToken)
        {
            Record("ListPets", xRequestId, limit, tags, ids, sizes, status, xTrace, session);
            return Task.FromResult(ListPetsResult.Ok([Rex, Tom]));
        }

        public Task<CreatePetResult> CreatePetAsync(NewPet request, CancellationToken cancellationToken)
        {
            Record("CreatePet", request);
            return Task.FromResult(request.Name == "taken"
                ? CreatePetResult.ClientError(409, new Problem { Title = "Name taken", Status = 409 })
                : new Pet { Id = 7, Name = request.Name, Status = request.Status });
        }

        public Task<GetPetResult> GetPetAsync(long petId, DateTimeOffset? since, bool? verbose, CancellationToken cancellationToken)
        {
            Record("GetPet", petId, since, verbose);
            return Task.FromResult(petId == 404 ? GetPetResult.NotFound(new Problem { Title = "No pet 404" }) : Rex);
        }

        public Task<DeletePetResult> DeletePetAsync(long petId, CancellationToken cancellationToken)
        {
            Record("DeletePet", petId);
            return Task.FromResult(DeletePetResult.NoContent());
        }

        public Task<PutNoteResult> PutNoteAsync(long petId, string content, CancellationToken cancellationToken)
        {
            Record("PutNote", petId, content);
            return Task.FromResult<PutNoteResult>("stored: " + content);
        }

        public async Task<UploadPhotoResult> UploadPhotoAsync(long petId, Stream? content, CancellationToken cancellationToken)
        {
            Record("UploadPhoto", petId);
            using var copy = new MemoryStream();
            await content!.CopyToAsync(copy, cancellationToken);
            Photo = copy.ToArray();
            return UploadPhotoResult.NoContent();
        }

        public Task<GetPhotoResult> GetPhotoAsync(long petId, CancellationToken cancellationToken)
        {
            Record("GetPhoto", petId);
            return Task.FromResult<GetPhotoResult>(new MemoryStream(Photo ?? []));
        }

        public Task<SearchPetsResult> SearchPetsAsync(SearchPetsFilter? filter, CancellationToken cancellationToken)
        {
            Record("SearchPets", filter);
            return Task.FromResult(SearchPetsResult.Ok([Rex]));
        }

        public Task<GetSheltersResult> GetSheltersAsync(string region, IReadOnlyList<int> codes, CancellationToken cancellationToken)
        {
            Record("GetShelters", region, codes);
            return Task.FromResult(GetSheltersResult.Ok(codes.Select(c => region + ":" + c).ToList()));
        }
    }
}
