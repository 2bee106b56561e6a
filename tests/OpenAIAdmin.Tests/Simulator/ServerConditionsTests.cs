using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using OpenAIAdmin.Tests.Core;
using Xunit;

namespace OpenAIAdmin.Tests.Simulator;

/// <summary>The benchmark controls of the simulator: the rate limit, bulk data, and what a reset restores.</summary>
public sealed class ServerConditionsTests : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private readonly SimulatorFixture _sim;

    public ServerConditionsTests(SimulatorFixture sim) => _sim = sim;

    public Task InitializeAsync() => _sim.ResetAsync();

    public Task DisposeAsync() => _sim.ResetAsync();

    [Fact]
    public async Task An_empty_bucket_answers_the_api_429_with_Retry_After_in_whole_seconds_and_a_reset_lifts_the_limit()
    {
        // One request a minute with a bucket of two: the third request within the minute is refused.
        await ControlAsync("_sim/conditions", "{\"requests_per_minute\":1,\"burst\":2}");
        using var api = new SimApi(_sim);
        Assert.Equal(200, (await api.GetAsync("organization/projects")).Status);
        Assert.Equal(200, (await api.GetAsync("organization/projects")).Status);
        Reply refused = await api.GetAsync("organization/projects");
        Assert.Equal("rate_limit_exceeded", refused.Error(429).GetProperty("code").GetString());
        int seconds = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 60);

        // The refusal is in the request log like any answer.
        var calls = await _sim.RequestsToAsync("/organization/projects");
        Assert.Equal(new[] { 200, 200, 429 }, calls.Select(c => c.Status).ToArray());

        await _sim.ResetAsync();
        Assert.Equal(200, (await api.GetAsync("organization/projects")).Status);
        Assert.Contains("\"requests_per_minute\":null", await ControlAsync("_sim/conditions", null));
    }

    [Fact]
    public async Task Retry_after_ms_adds_the_exact_wait_to_the_whole_seconds()
    {
        // 60 a minute with a bucket of one: the second request finds the bucket empty for about a second.
        Assert.Contains("\"retry_after_ms\":true", await ControlAsync("_sim/conditions", "{\"requests_per_minute\":60,\"burst\":1,\"retry_after_ms\":true}"));
        using var api = new SimApi(_sim);
        Assert.Equal(200, (await api.GetAsync("organization/projects")).Status);
        Reply refused = await api.GetAsync("organization/projects");
        Assert.Equal(429, refused.Status);
        int millis = int.Parse(refused.Headers.GetValues("retry-after-ms").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(millis, 1, 1000);
        Assert.Equal("1", refused.Headers.GetValues("Retry-After").Single());

        // New conditions start with a full bucket.
        await ControlAsync("_sim/conditions", "{\"retry_after_ms\":false}");
        Assert.Equal(200, (await api.GetAsync("organization/projects")).Status);
        Reply plain = await api.GetAsync("organization/projects");
        Assert.Equal(429, plain.Status);
        Assert.False(plain.Headers.Contains("retry-after-ms"));
    }

    [Fact]
    public async Task Bulk_data_grows_the_organization_and_a_reset_removes_it()
    {
        Assert.Contains("\"users\":1000", await ControlAsync("_sim/bulk", "{\"users\":1000,\"projects\":3,\"project_members\":2}"));
        using var api = new SimApi(_sim);
        Reply last = await api.GetAsync("organization/users?limit=100&after=" + Uri.EscapeDataString(await IdOfUserAsync(api, 900)));
        Assert.Equal(100, last.Data.GetArrayLength());
        Assert.False(last.Json.GetProperty("has_more").GetBoolean());

        Reply projects = await api.GetAsync("organization/projects?limit=100");
        var bench = projects.Data.EnumerateArray().Where(p => p.GetProperty("name").GetString()!.StartsWith("Bench project", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, bench.Count);
        Reply members = await api.GetAsync($"organization/projects/{bench[0].GetProperty("id").GetString()}/users");
        Assert.Equal(new[] { "owner", "member" }, members.Data.EnumerateArray().Select(u => u.GetProperty("role").GetString()).ToArray());

        await _sim.ResetAsync();
        Reply after = await api.GetAsync("organization/users?limit=100&after=" + Uri.EscapeDataString(await IdOfUserAsync(api, 200)));
        Assert.Equal(50, after.Data.GetArrayLength());
    }

    [Fact]
    public async Task Conditions_refuse_an_unknown_field()
    {
        using var http = new HttpClient { BaseAddress = _sim.RootUri };
        using var content = new StringContent("{\"latency\":5}", Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await http.PostAsync("_sim/conditions", content);
        Assert.Equal(400, (int)response.StatusCode);
    }

    /// <summary>The id of the n-th user in list order (1-based).</summary>
    private static async Task<string> IdOfUserAsync(SimApi api, int n)
    {
        string? after = null;
        int seen = 0;
        while (true)
        {
            Reply page = await api.GetAsync("organization/users?limit=100" + (after == null ? string.Empty : "&after=" + Uri.EscapeDataString(after)));
            foreach (var user in page.Data.EnumerateArray())
            {
                if (++seen == n)
                {
                    return user.GetProperty("id").GetString()!;
                }
            }

            after = page.Json.GetProperty("last_id").GetString();
        }
    }

    private async Task<string> ControlAsync(string path, string? json)
    {
        using var http = new HttpClient { BaseAddress = _sim.RootUri };
        using HttpResponseMessage response = json == null
            ? await http.GetAsync(path)
            : await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return text;
    }
}
