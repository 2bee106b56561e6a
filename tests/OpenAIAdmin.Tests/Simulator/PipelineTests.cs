using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Tests.Core;
using Xunit;

namespace OpenAIAdmin.Tests.Simulator;

/// <summary>Auth, request ids, unknown routes, every fault kind, the request log and reset.</summary>
public sealed class PipelineTests : SimulatorHttpTests
{
    private const string Projects = "/v1/organization/projects";
    public PipelineTests(SimulatorFixture sim)
        : base(sim)
    {
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("sk-not-an-admin-key-000000000000", "invalid_api_key")]
    [InlineData("sk-admin-", "invalid_api_key")]
    public async Task Missing_or_wrong_keys_are_401_in_the_real_shape(string? key, string? code)
    {
        using var api = new SimApi(Sim, key);
        Reply reply = await api.GetAsync("organization/projects");
        JsonElement error = reply.Error(401);
        Assert.Equal("invalid_request_error", error.Str("type"));
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Contains("sk-admin-", error.Str("message"));
        if (key != null)
        {
            Assert.DoesNotContain(key, reply.Text.Replace("(sk-admin-...)", string.Empty, StringComparison.Ordinal));
        }

        Assert.Equal(401, (await Sim.RequestsAsync()).Single().Status);
    }

    [Theory]
    [InlineData("sk-proj-pester-fake-key")]
    [InlineData("sk-svcacct-fake-key-0000000000000000000000000")]
    public async Task Project_keys_are_told_that_an_admin_key_is_needed(string key)
    {
        using var api = new SimApi(Sim, key);
        Reply reply = await api.GetAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU");
        JsonElement error = reply.Error(401);
        Assert.Contains("admin API key", error.Str("message"));
        Assert.Contains("settings/organization/admin-keys", error.Str("message"));
        Assert.DoesNotContain(key, reply.Text);
    }

    [Fact]
    public async Task Any_admin_shaped_key_is_accepted()
    {
        using var api = new SimApi(Sim, "sk-admin-anything");
        (await api.GetAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU")).Ok();
    }

    [Fact]
    public async Task Every_response_carries_a_request_id_that_the_log_records()
    {
        Reply ok = await Api.GetAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU");
        Reply missing = await Api.GetAsync("organization/projects/proj_missing");
        using var anonymous = new SimApi(Sim, null);
        Reply unauthorized = await anonymous.GetAsync("organization/users");
        Reply unknown = await Api.GetAsync("organization/nothing_here");

        Reply[] replies = { ok, missing, unauthorized, unknown };
        Assert.All(replies, r => Assert.Matches(new Regex("^req_[0-9a-f]{32}$"), r.RequestId!));
        Assert.Equal(4, replies.Select(r => r.RequestId).Distinct().Count());
        var log = await Sim.RequestsAsync();
        Assert.Equal(replies.Select(r => r.RequestId), log.Select(c => c.RequestId));
        Assert.Equal(new[] { 200, 404, 401, 404 }, log.Select(c => c.Status));

        JsonElement error = unknown.Error(404);
        Assert.Contains("/v1/organization/nothing_here", error.Str("message"));
    }

    [Fact]
    public async Task Request_log_keeps_method_path_raw_query_and_body_and_skips_the_control_surface()
    {
        await Api.GetAsync("organization/users?limit=2&emails[]=a%40b.com");
        await Api.PostAsync("organization/projects", "{\"name\":\"logged\"}");
        await Api.DeleteAsync("organization/users/user-0200mb5SP1MYd9FKmEBN7oYB");
        var log = await Sim.RequestsAsync();
        Assert.Equal(3, log.Count);
        Assert.Equal(("GET", "/v1/organization/users", "limit=2&emails[]=a%40b.com", (string?)null), (log[0].Method, log[0].Path, log[0].Query, log[0].Body));
        Assert.Equal(("POST", "/v1/organization/projects", "", "{\"name\":\"logged\"}"), (log[1].Method, log[1].Path, log[1].Query, log[1].Body));
        Assert.Equal(("DELETE", "/v1/organization/users/user-0200mb5SP1MYd9FKmEBN7oYB", 200), (log[2].Method, log[2].Path, log[2].Status));
    }

    [Fact]
    public async Task Reset_restores_the_seed_and_clears_faults_and_the_log()
    {
        await Api.PostAsync("organization/projects", "{\"name\":\"temporary\"}");
        await Api.DeleteAsync("organization/users/user-0001dFOBZZvO66McY18E82hx");
        await Sim.AddFaultAsync(new { kind = "status", status = 500, count = -1 });
        await Sim.ResetAsync();

        Assert.Empty(await Sim.RequestsAsync());
        Reply projects = await Api.GetAsync("organization/projects?limit=100");
        projects.Ok();
        Assert.DoesNotContain(projects.Data.EnumerateArray(), p => p.Str("name") == "temporary");
        (await Api.GetAsync("organization/users/user-0001dFOBZZvO66McY18E82hx")).Ok();

        // Ids are deterministic: the same create after a reset gives the same id.
        string first = (await Api.PostAsync("organization/projects", "{\"name\":\"same\"}")).Json.Str("id");
        await Sim.ResetAsync();
        Assert.Equal(first, (await Api.PostAsync("organization/projects", "{\"name\":\"same\"}")).Json.Str("id"));
    }

    [Fact]
    public async Task Status_fault_sends_the_retry_headers_and_a_real_error_then_stops_after_count()
    {
        await Sim.AddFaultAsync(new { kind = "status", status = 429, retry_after = "2", retry_after_ms = 1500, should_retry = "true", path = Projects, count = 2 });
        for (int i = 0; i < 2; i++)
        {
            Reply limited = await Api.GetAsync("organization/projects");
            JsonElement error = limited.Error(429);
            Assert.Equal("rate_limit_exceeded", error.Str("code"));
            Assert.Equal("2", limited.Headers.GetValues("Retry-After").Single());
            Assert.Equal("1500", limited.Headers.GetValues("retry-after-ms").Single());
            Assert.Equal("true", limited.Headers.GetValues("x-should-retry").Single());
        }

        (await Api.GetAsync("organization/projects")).Ok();
        Assert.Equal(new[] { 429, 429, 200 }, (await Sim.RequestsAsync()).Select(c => c.Status));
    }

    [Fact]
    public async Task Faults_filter_by_method_and_path_prefix_and_honour_skip_and_forever()
    {
        await Sim.AddFaultAsync(new { kind = "status", status = 503, method = "POST", path = Projects, count = -1 });
        await Sim.AddFaultAsync(new { kind = "status", status = 500, path = "/v1/organization/users", skip = 1, count = 1 });
        (await Api.GetAsync("organization/projects")).Ok();
        JsonElement error = (await Api.PostAsync("organization/projects", "{\"name\":\"x\"}")).Error(503);
        Assert.Equal("server_error", error.Str("type"));
        Assert.Equal(503, (await Api.PostAsync("organization/projects/proj_supportbottE5emakLryq7y4/archive")).Status);
        Assert.Equal(503, (await Api.PostAsync("organization/projects", "{\"name\":\"y\"}")).Status);
        (await Api.GetAsync("organization/users")).Ok();
        Assert.Equal(500, (await Api.GetAsync("organization/users")).Status);
        (await Api.GetAsync("organization/users")).Ok();
        (await Api.GetAsync("organization/groups")).Ok();
    }

    [Fact]
    public async Task Skip_counts_requests_that_an_earlier_rule_answered()
    {
        await Sim.AddFaultAsync(new { kind = "status", status = 502, count = 1 });
        await Sim.AddFaultAsync(new { kind = "drop", skip = 1, count = 1 });
        Assert.Equal(502, (await Api.GetAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU")).Status);
        await Assert.ThrowsAsync<HttpRequestException>(() => Api.GetAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU"));
        (await Api.GetAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU")).Ok();
        Assert.Equal(new[] { 502, 0, 200 }, (await Sim.RequestsAsync()).Select(c => c.Status));
    }

    [Fact]
    public async Task Drop_closes_the_connection_without_a_response()
    {
        await Sim.AddFaultAsync(new { kind = "drop", method = "POST", path = Projects });
        await Assert.ThrowsAsync<HttpRequestException>(() => Api.PostAsync("organization/projects", "{\"name\":\"dropped\"}"));
        RecordedCall call = (await Sim.RequestsAsync()).Single();
        Assert.Equal(0, call.Status);
        Assert.Equal("{\"name\":\"dropped\"}", call.Body);
        // The simulator dropped the connection before acting: the project was not created.
        Assert.DoesNotContain("dropped", (await Api.GetAsync("organization/projects?limit=100")).Text);
    }

    [Fact]
    public async Task Delay_waits_then_serves_and_a_client_that_gives_up_is_logged_as_499()
    {
        await Sim.AddFaultAsync(new { kind = "delay", delay_ms = 400, path = Projects + "/proj_defaultSbtsIO0rWI91rcsUU" });
        var watch = Stopwatch.StartNew();
        (await Api.GetAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU")).Ok();
        Assert.True(watch.ElapsedMilliseconds >= 350, $"served after {watch.ElapsedMilliseconds} ms");

        await Sim.AddFaultAsync(new { kind = "delay", delay_ms = 30000, path = Projects });
        using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Api.Http.GetAsync("organization/projects", cancel.Token));
        }

        int status = -1;
        for (int i = 0; i < 40 && status != 499; i++)
        {
            await Task.Delay(50);
            status = (await Sim.RequestsAsync())[1].Status;
        }

        Assert.Equal(499, status);
        (await Api.GetAsync("organization/projects")).Ok();
    }

    [Fact]
    public async Task Malformed_sends_200_with_a_body_that_is_not_json()
    {
        await Sim.AddFaultAsync(new { kind = "malformed", path = Projects });
        Reply reply = await Api.GetAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU");
        Assert.Equal(200, reply.Status);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(reply.Text));
        (await Api.GetAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU")).Ok();
    }

    [Fact]
    public async Task Repeat_cursor_echoes_the_incoming_cursor_in_every_paging_style()
    {
        await Sim.AddFaultAsync(new { kind = "repeat_cursor", count = -1 });
        Reply first = await Api.GetAsync("organization/users?limit=10");
        Assert.Equal("user-00102WvBLPMlfZS0PJIMaYRO", first.Json.Str("last_id"));
        Reply second = await Api.GetAsync("organization/users?limit=10&after=user-00102WvBLPMlfZS0PJIMaYRO");
        Assert.Equal("user-0011Rmd6WBRxNcDdQ5YyiP6J", second.Data.Ids()[0]);
        Assert.Equal("user-00102WvBLPMlfZS0PJIMaYRO", second.Json.Str("last_id"));
        Assert.True(second.Json.GetProperty("has_more").GetBoolean());

        // Even at the end of the list the cursor comes back with has_more.
        Reply end = await Api.GetAsync("organization/users?limit=10&after=user-0250jYjDpnjRPFvzivST84KZ");
        Assert.Equal(0, end.Data.GetArrayLength());
        Assert.Equal("user-0250jYjDpnjRPFvzivST84KZ", end.Json.Str("last_id"));
        Assert.True(end.Json.GetProperty("has_more").GetBoolean());

        string next = (await Api.GetAsync("organization/groups?limit=2")).Json.Str("next");
        Reply groups = await Api.GetAsync("organization/groups?limit=2&after=" + Uri.EscapeDataString(next));
        Assert.Equal(next, groups.Json.Str("next"));
        Assert.Equal(new[] { "group_01JG00039R95E99VB9Z3F7ZPY9", "group_01JG0004S7QRF7Z0YKY3DBVK0S" }, groups.Data.Ids());

        long start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        string page = (await Api.GetAsync($"organization/costs?start_time={start}&end_time={start + (9 * 86400)}&limit=3")).Json.Str("next_page");
        Reply costs = await Api.GetAsync($"organization/costs?start_time={start}&end_time={start + (9 * 86400)}&limit=3&page={page}");
        Assert.Equal(page, costs.Json.Str("next_page"));
    }

    [Fact]
    public async Task Repeat_cursor_count_is_spent_only_on_requests_that_carry_a_cursor()
    {
        await Sim.AddFaultAsync(new { kind = "repeat_cursor", path = "/v1/organization/users", count = 1 });
        Reply first = await Api.GetAsync("organization/users?limit=5");
        Reply second = await Api.GetAsync("organization/users?limit=5&after=" + first.Json.Str("last_id"));
        Assert.Equal("user-0005iWmK9D5TKHdUt4HCAUYy", second.Json.Str("last_id"));
        Reply third = await Api.GetAsync("organization/users?limit=5&after=user-00102WvBLPMlfZS0PJIMaYRO");
        Assert.Equal("user-00154zB8VtEwUBTWpADgXmj5", third.Json.Str("last_id"));
    }

    [Fact]
    public async Task Rules_are_checked_in_insertion_order()
    {
        await Sim.AddFaultAsync(new { kind = "status", status = 500, path = Projects });
        await Sim.AddFaultAsync(new { kind = "status", status = 429, path = Projects });
        Assert.Equal(500, (await Api.GetAsync("organization/projects")).Status);
        Assert.Equal(429, (await Api.GetAsync("organization/projects")).Status);
        Assert.Equal(200, (await Api.GetAsync("organization/projects")).Status);
    }

    [Theory]
    [InlineData("{\"kind\":\"explode\"}")]
    [InlineData("{\"kind\":\"status\"}")]
    [InlineData("{\"kind\":\"status\",\"status\":200}")]
    [InlineData("{\"kind\":\"delay\"}")]
    [InlineData("{\"kind\":\"drop\",\"count\":0}")]
    [InlineData("{\"kind\":\"drop\",\"method\":\"PATCH\"}")]
    [InlineData("not json")]
    public async Task Invalid_fault_rules_are_refused(string rule)
    {
        using var control = new HttpClient { BaseAddress = new Uri(Sim.BaseUri, "/") };
        using var content = new StringContent(rule, System.Text.Encoding.UTF8, "application/json");
        HttpResponseMessage response = await control.PostAsync("_sim/faults", content);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync());
        (await Api.GetAsync("organization/projects")).Ok();
    }
}
