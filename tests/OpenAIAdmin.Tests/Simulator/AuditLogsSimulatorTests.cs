using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIAdmin.Tests.Core;
using Xunit;

namespace OpenAIAdmin.Tests.Simulator;

/// <summary>The simulator's audit log over raw HTTP: the contract's limits, both cursors, every filter, and the append control.</summary>
public sealed class AuditLogsSimulatorTests : SimulatorHttpTests
{
    public AuditLogsSimulatorTests(SimulatorFixture sim)
        : base(sim)
    {
    }

    [Fact]
    public async Task Pages_default_to_20_take_1_to_100_and_refuse_anything_else()
    {
        Reply first = await Api.GetAsync("organization/audit_logs");
        first.Ok();
        Assert.Equal("list", first.Json.Str("object"));
        Assert.Equal(20, first.Data.GetArrayLength());
        Assert.True(first.Json.GetProperty("has_more").GetBoolean());
        Assert.Equal(first.Data.Ids()[0], first.Json.Str("first_id"));
        Assert.Equal(first.Data.Ids()[^1], first.Json.Str("last_id"));
        Assert.Equal(100, (await Api.GetAsync("organization/audit_logs?limit=100")).Data.GetArrayLength());
        foreach (string limit in new[] { "0", "101", "x" })
        {
            (await Api.GetAsync("organization/audit_logs?limit=" + limit)).BadRequest("limit");
        }
    }

    [Fact]
    public async Task After_walks_to_older_events_and_before_to_newer_ones()
    {
        List<JsonElement> all = await AllAsync(string.Empty);
        string[] ids = all.Select(e => e.Str("id")).ToArray();

        Reply after = await Api.GetAsync($"organization/audit_logs?limit=5&after={ids[9]}");
        Assert.Equal(ids.Skip(10).Take(5), after.Data.Ids());
        Reply before = await Api.GetAsync($"organization/audit_logs?limit=5&before={ids[9]}");
        Assert.Equal(ids.Skip(4).Take(5), before.Data.Ids());
        Assert.True(before.Json.GetProperty("has_more").GetBoolean());
        Reply top = await Api.GetAsync($"organization/audit_logs?limit=5&before={ids[3]}");
        Assert.Equal(ids.Take(3), top.Data.Ids());
        Assert.False(top.Json.GetProperty("has_more").GetBoolean());
        Reply end = await Api.GetAsync($"organization/audit_logs?limit=5&after={ids[^2]}");
        Assert.Equal(new[] { ids[^1] }, end.Data.Ids());
        Assert.False(end.Json.GetProperty("has_more").GetBoolean());

        (await Api.GetAsync("organization/audit_logs?after=audit_log-nosuchevent")).BadRequest("after");
        (await Api.GetAsync($"organization/audit_logs?after={ids[1]}&before={ids[0]}")).BadRequest("before");
    }

    [Fact]
    public async Task Every_filter_selects_what_it_names()
    {
        List<JsonElement> all = await AllAsync(string.Empty);
        JsonElement sample = all.First(e => e.TryGetProperty("project", out _) && e.GetProperty("actor").Str("type") == "session" && e.Str("type") == "api_key.created");
        long at = sample.GetProperty("effective_at").GetInt64();
        string project = sample.GetProperty("project").Str("id");
        string user = sample.GetProperty("actor").GetProperty("session").GetProperty("user").Str("id");
        string email = sample.GetProperty("actor").GetProperty("session").GetProperty("user").Str("email");
        string target = sample.GetProperty("api_key.created").Str("id");

        Assert.All(await AllAsync($"&effective_at[gte]={at}&effective_at[lte]={at}"), e => Assert.Equal(at, e.GetProperty("effective_at").GetInt64()));
        Assert.Equal(all.Count(e => e.GetProperty("effective_at").GetInt64() > at), (await AllAsync($"&effective_at[gt]={at}")).Count);
        Assert.Equal(all.Count(e => e.GetProperty("effective_at").GetInt64() < at), (await AllAsync($"&effective_at[lt]={at}")).Count);
        Assert.All(await AllAsync($"&project_ids[]={project}"), e => Assert.Equal(project, e.GetProperty("project").Str("id")));
        Assert.All(await AllAsync("&event_types[]=login.failed&event_types[]=logout.failed"), e => Assert.Contains(e.Str("type"), new[] { "login.failed", "logout.failed" }));
        Assert.All(await AllAsync($"&actor_ids[]={user}"), e => Assert.Contains(user, e.GetProperty("actor").ToString()));
        Assert.All(await AllAsync($"&actor_emails[]={Uri.EscapeDataString(email.ToUpperInvariant())}"), e => Assert.Contains(email, e.GetProperty("actor").ToString()));
        Assert.Equal(new[] { sample.Str("id") }, (await AllAsync($"&resource_ids[]={target}")).Select(e => e.Str("id")));

        JsonElement byKey = all.First(e => e.GetProperty("actor").Str("type") == "api_key" && e.GetProperty("actor").GetProperty("api_key").Str("type") == "service_account");
        string account = byKey.GetProperty("actor").GetProperty("api_key").GetProperty("service_account").Str("id");
        string key = byKey.GetProperty("actor").GetProperty("api_key").Str("id");
        Assert.Equal((await AllAsync($"&actor_ids[]={account}")).Count, (await AllAsync($"&actor_ids[]={key}")).Count);

        List<JsonElement> tenant = await AllAsync("&tenant_only=true");
        Assert.All(tenant, e => Assert.True(e.Str("type").StartsWith("tenant.", StringComparison.Ordinal) || e.Str("type").StartsWith("role.", StringComparison.Ordinal)));
        Assert.DoesNotContain(all, e => e.Str("type").StartsWith("tenant.", StringComparison.Ordinal));
        Assert.Equal(88, tenant.Select(e => e.Str("type")).Distinct().Count());
        Assert.All(tenant.Where(e => e.Str("type").StartsWith("role.", StringComparison.Ordinal)), e =>
            Assert.Contains(e.GetProperty(e.Str("type")).Str("source"), new[] { "role_toggle", "role_connector_update", "role_delete", "workspace_permissions", "connector_publish" }));
        Assert.Equal(57, all.Select(e => e.Str("type")).Distinct().Count());
        Assert.Contains(all.GroupBy(e => e.GetProperty("effective_at").GetInt64()), g => g.Count() >= 4);
    }

    [Fact]
    public async Task Filters_that_cannot_be_met_are_400s_naming_the_parameter()
    {
        (await Api.GetAsync("organization/audit_logs?event_types[]=project.renamed")).BadRequest("event_types");
        (await Api.GetAsync("organization/audit_logs?tenant_only=true&event_types[]=login.failed")).BadRequest("event_types");
        (await Api.GetAsync("organization/audit_logs?effective_at[gte]=soon")).BadRequest("effective_at[gte]");
        (await Api.GetAsync("organization/audit_logs?effective_at[from]=1")).BadRequest("effective_at[from]");
        (await Api.GetAsync("organization/audit_logs?effective_at=1")).BadRequest("effective_at");
        (await Api.GetAsync("organization/audit_logs?tenant_only=maybe")).BadRequest("tenant_only");
    }

    [Fact]
    public async Task The_control_appends_events_in_time_order_and_reset_brings_the_seed_back()
    {
        List<JsonElement> seed = await AllAsync(string.Empty);
        long newest = seed[0].GetProperty("effective_at").GetInt64();

        JsonElement appended = await ControlAsync(new { count = 5, effective_at = newest, per_second = 2, type = "user.updated" });
        var added = appended.GetProperty("appended").EnumerateArray().ToList();
        Assert.Equal(new long[] { newest, newest, newest + 1, newest + 1, newest + 2 }, added.Select(e => e.GetProperty("effective_at").GetInt64()));
        Assert.All(added, e => Assert.Equal("user.updated", e.Str("type")));
        Assert.All(added, e => Assert.Matches("^audit_log-[A-Za-z0-9]{24}$", e.Str("id")));

        List<JsonElement> after = await AllAsync(string.Empty);
        Assert.Equal(seed.Count + 5, after.Count);
        // Newest first; in one second the later arrival first.
        Assert.Equal(added.Select(e => e.Str("id")).Reverse(), after.Take(5).Select(e => e.Str("id")));
        Assert.Equal("user.updated", after[0].Str("type"));
        Assert.True(after[0].TryGetProperty("user.updated", out JsonElement payload));
        Assert.StartsWith("user-", payload.Str("id"));

        JsonElement older = await ControlAsync(new { count = 1, effective_at = newest - 3600, project_id = seed.First(e => e.TryGetProperty("project", out _)).GetProperty("project").Str("id") });
        string olderId = older.GetProperty("appended")[0].Str("id");
        int position = (await AllAsync(string.Empty)).FindIndex(e => e.Str("id") == olderId);
        Assert.True(position > 5, "an event of an earlier second takes its place in time order");

        await BadControlAsync(new { count = 0 });
        await BadControlAsync(new { type = "no.such" });
        await BadControlAsync(new { colour = "red" });

        await Sim.ResetAsync();
        Assert.Equal(seed.Select(e => e.Str("id")), (await AllAsync(string.Empty)).Select(e => e.Str("id")));
    }

    [Fact]
    public async Task Pages_follow_the_list_behaviour_and_the_cursor_faults()
    {
        await Sim.SetBehaviourAsync(new { id_cursor_bounds = "omitted" });
        JsonElement page = (await Api.GetAsync("organization/audit_logs?limit=3")).Json;
        Assert.False(page.TryGetProperty("first_id", out _));
        Assert.False(page.TryGetProperty("last_id", out _));
        await Sim.ResetAsync();

        string[] ids = (await Api.GetAsync("organization/audit_logs?limit=3")).Data.Ids();
        await Sim.AddFaultAsync(new { kind = "overlap", path = "/v1/organization/audit_logs" });
        Assert.Equal(ids[2], (await Api.GetAsync($"organization/audit_logs?limit=3&after={ids[2]}")).Data.Ids()[0]);
        await Sim.AddFaultAsync(new { kind = "repeat_cursor", path = "/v1/organization/audit_logs" });
        JsonElement repeated = (await Api.GetAsync($"organization/audit_logs?limit=3&after={ids[2]}")).Json;
        Assert.Equal(ids[2], repeated.Str("last_id"));
        Assert.True(repeated.GetProperty("has_more").GetBoolean());
    }

    private async Task<List<JsonElement>> AllAsync(string filters)
    {
        var all = new List<JsonElement>();
        string? after = null;
        while (true)
        {
            Reply reply = await Api.GetAsync("organization/audit_logs?limit=100" + filters + (after == null ? string.Empty : "&after=" + after));
            reply.Ok();
            all.AddRange(reply.Data.EnumerateArray().Select(e => e.Clone()));
            if (!reply.Json.GetProperty("has_more").GetBoolean())
            {
                return all;
            }

            after = reply.Json.Str("last_id");
        }
    }

    private async Task<JsonElement> ControlAsync(object body)
    {
        using var http = new HttpClient { BaseAddress = Sim.RootUri };
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        HttpResponseMessage response = await http.PostAsync("_sim/audit_logs", content);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task BadControlAsync(object body)
    {
        using var http = new HttpClient { BaseAddress = Sim.RootUri };
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        HttpResponseMessage response = await http.PostAsync("_sim/audit_logs", content);
        Assert.Equal(400, (int)response.StatusCode);
    }
}
