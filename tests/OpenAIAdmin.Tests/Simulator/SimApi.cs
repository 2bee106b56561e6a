using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIAdmin.Tests.Core;
using Xunit;

namespace OpenAIAdmin.Tests.Simulator;

/// <summary>Raw HTTP access to the simulator, so these tests see exactly what a client would, with no client logic in between.</summary>
public sealed class SimApi : IDisposable
{
    private readonly HttpClient _http;

    public SimApi(SimulatorFixture fixture, string? key = SimulatorFixture.FakeKey)
    {
        _http = new HttpClient { BaseAddress = fixture.BaseUri };
        if (key != null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
    }

    public Task<Reply> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<Reply> PostAsync(string path, string? json = null) => SendAsync(HttpMethod.Post, path, json);

    public Task<Reply> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<Reply> SendAsync(HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json != null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using HttpResponseMessage response = await _http.SendAsync(request);
        return new Reply(response, await response.Content.ReadAsStringAsync());
    }

    public HttpClient Http => _http;

    public void Dispose() => _http.Dispose();
}

public sealed class Reply
{
    public Reply(HttpResponseMessage response, string text)
    {
        Status = (int)response.StatusCode;
        Text = text;
        Headers = response.Headers;
        RequestId = response.Headers.TryGetValues("x-request-id", out var ids) ? string.Join(",", ids) : null;
    }

    public int Status { get; }

    public string Text { get; }

    public HttpResponseHeaders Headers { get; }

    public string? RequestId { get; }

    public JsonElement Json => JsonDocument.Parse(Text).RootElement;

    public JsonElement Data => Json.GetProperty("data");

    /// <summary>Asserts the real error shape and returns the error object.</summary>
    public JsonElement Error(int status)
    {
        Assert.True(Status == status, $"expected HTTP {status}, got {Status}: {Text}");
        JsonElement error = Json.GetProperty("error");
        foreach (string key in new[] { "message", "type", "param", "code" })
        {
            Assert.True(error.TryGetProperty(key, out _), $"error.{key} is missing: {Text}");
        }

        Assert.Equal(JsonValueKind.String, error.GetProperty("message").ValueKind);
        Assert.Equal(JsonValueKind.String, error.GetProperty("type").ValueKind);
        return error;
    }

    /// <summary>A 400 whose error names <paramref name="param"/>.</summary>
    public JsonElement BadRequest(string param)
    {
        JsonElement error = Error(400);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal(param, error.GetProperty("param").GetString());
        return error;
    }

    public void Ok()
    {
        Assert.True(Status == 200, $"expected HTTP 200, got {Status}: {Text}");
    }
}

public static class JsonExtensions
{
    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static string[] Ids(this JsonElement array)
    {
        var ids = new string[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            ids[i++] = item.Str("id");
        }

        return ids;
    }
}

/// <summary>
/// Base of the tests that talk to the shared simulator over raw HTTP: the simulator is reset before each test, and each
/// test gets its own client.
/// </summary>
public abstract class SimulatorHttpTests : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    protected SimulatorHttpTests(SimulatorFixture sim)
    {
        Sim = sim;
        Api = new SimApi(sim);
    }

    protected SimulatorFixture Sim { get; }

    protected SimApi Api { get; }

    public Task InitializeAsync() => Sim.ResetAsync();

    public Task DisposeAsync()
    {
        Api.Dispose();
        return Task.CompletedTask;
    }
}
