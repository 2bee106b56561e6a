using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIAdmin.Tests.Core;
using Xunit;

namespace OpenAIAdmin.Tests.Simulator;

/// <summary>The list variants of <c>/_sim/behaviour</c> and the route list of <c>/_sim/routes</c>, straight over HTTP.</summary>
public sealed class ListBehaviourTests : SimulatorHttpTests
{
    public ListBehaviourTests(SimulatorFixture sim)
        : base(sim)
    {
    }

    [Fact]
    public async Task Defaults_are_opaque_next_cursors_bounds_present_and_a_cursor_whenever_has_more()
    {
        JsonElement behaviour = await ControlAsync(HttpMethod.Get, "_sim/behaviour", null, 200);
        Assert.Equal("opaque", behaviour.Str("next_cursor"));
        Assert.Equal("present", behaviour.Str("id_cursor_bounds"));
        Assert.False(behaviour.GetProperty("cursor_missing").GetBoolean());

        JsonElement groups = (await Api.GetAsync("organization/groups?limit=2")).Json;
        Assert.DoesNotContain(groups.Str("next"), groups.GetProperty("data").Ids());
        JsonElement users = (await Api.GetAsync("organization/users?limit=2")).Json;
        string[] ids = users.GetProperty("data").Ids();
        Assert.Equal(ids[0], users.Str("first_id"));
        Assert.Equal(ids[1], users.Str("last_id"));
    }

    [Fact]
    public async Task Roles_take_only_their_own_next_by_default_and_also_ids_when_next_is_the_last_id()
    {
        string[] roles = (await Api.GetAsync("organization/roles")).Data.Ids();
        Assert.Equal(5, roles.Length);

        // The role lists' contract says "the value from the previous response's next": an id is not that by default.
        Assert.Equal("invalid_cursor", (await Api.GetAsync("organization/roles?after=" + roles[1])).BadRequest("after").Str("code"));

        await Sim.SetBehaviourAsync(new { next_cursor = "last_id" });
        JsonElement first = (await Api.GetAsync("organization/roles?limit=2")).Json;
        Assert.Equal(roles[1], first.Str("next"));
        Reply second = await Api.GetAsync("organization/roles?limit=2&after=" + roles[1]);
        Assert.Equal(roles[2..4], second.Data.Ids());
        Assert.Equal(roles[3], second.Json.Str("next"));
        (await Api.GetAsync("organization/roles?after=role_not_in_this_list")).BadRequest("after");
    }

    [Theory]
    [InlineData("groups")]
    [InlineData("group users")]
    [InlineData("user roles")]
    public async Task Last_id_variant_answers_the_last_item_as_next(string list)
    {
        string path = list switch
        {
            "groups" => "organization/groups",
            "group users" => $"organization/groups/{(await Api.GetAsync("organization/groups?limit=1")).Data.Ids()[0]}/users",
            _ => $"organization/users/{(await Api.GetAsync("organization/users?limit=1")).Data.Ids()[0]}/roles",
        };
        if (list == "user roles")
        {
            // Give the user three roles so that the list has a second page.
            foreach (JsonElement role in (await Api.GetAsync("organization/roles")).Data.EnumerateArray().Where(r => !r.GetProperty("predefined_role").GetBoolean()))
            {
                (await Api.PostAsync(path, $"{{\"role_id\":\"{role.Str("id")}\"}}")).Ok();
            }
        }

        string[] all = (await Api.GetAsync(path + "?limit=1000")).Data.Ids();
        Assert.True(all.Length >= 3, path);
        await Sim.SetBehaviourAsync(new { next_cursor = "last_id" });
        JsonElement page = (await Api.GetAsync(path + "?limit=2")).Json;
        Assert.True(page.GetProperty("has_more").GetBoolean());
        Assert.Equal(all[1], page.Str("next"));
        Assert.Equal(all[2], (await Api.GetAsync($"{path}?limit=2&after={all[1]}")).Data.Ids()[0]);
    }

    [Fact]
    public async Task Omitted_bounds_leave_first_and_last_id_out_except_where_the_contract_requires_them()
    {
        await Sim.SetBehaviourAsync(new { id_cursor_bounds = "omitted" });
        foreach (string path in new[] { "organization/users?limit=2", "organization/projects?limit=2", "organization/invites?limit=2", "organization/admin_api_keys?limit=2" })
        {
            JsonElement page = (await Api.GetAsync(path)).Json;
            Assert.True(page.GetProperty("has_more").GetBoolean(), path);
            Assert.False(page.TryGetProperty("first_id", out _), path);
            Assert.False(page.TryGetProperty("last_id", out _), path);
            Assert.Equal(2, page.GetProperty("data").GetArrayLength());
        }

        // Certificate lists require both fields (nullable): they stay, as null.
        string defaultProject = (await Api.GetAsync("organization/projects?limit=1")).Data.Ids()[0];
        foreach (string path in new[] { "organization/certificates?limit=2", $"organization/projects/{defaultProject}/certificates?limit=1" })
        {
            JsonElement page = (await Api.GetAsync(path)).Json;
            Assert.Equal(JsonValueKind.Null, page.GetProperty("first_id").ValueKind);
            Assert.Equal(JsonValueKind.Null, page.GetProperty("last_id").ValueKind);
            Assert.True(page.GetProperty("has_more").GetBoolean(), path);
        }

        // Paging on the last item's id still works.
        string[] users = (await Api.GetAsync("organization/users?limit=4")).Data.Ids();
        Assert.Equal(users[2..4], (await Api.GetAsync("organization/users?limit=2&after=" + users[1])).Data.Ids());
    }

    [Fact]
    public async Task Cursor_missing_answers_has_more_with_a_null_next_and_next_page()
    {
        await Sim.SetBehaviourAsync(new { cursor_missing = true });
        JsonElement groups = (await Api.GetAsync("organization/groups?limit=5")).Json;
        Assert.True(groups.GetProperty("has_more").GetBoolean());
        Assert.Equal(JsonValueKind.Null, groups.GetProperty("next").ValueKind);
        Assert.Equal(5, groups.GetProperty("data").GetArrayLength());

        long start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        JsonElement costs = (await Api.GetAsync($"organization/costs?start_time={start}&end_time={start + (9 * 86400)}&limit=3")).Json;
        Assert.True(costs.GetProperty("has_more").GetBoolean());
        Assert.Equal(JsonValueKind.Null, costs.GetProperty("next_page").ValueKind);

        // The last page of a list is unchanged: has_more false, next null.
        JsonElement all = (await Api.GetAsync("organization/groups")).Json;
        Assert.False(all.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task Behaviour_changes_only_the_fields_given_rejects_anything_else_and_reset_restores_it()
    {
        await ControlAsync(HttpMethod.Post, "_sim/behaviour", "{\"cursor_missing\":true}", 200);
        JsonElement both = await ControlAsync(HttpMethod.Post, "_sim/behaviour", "{\"next_cursor\":\"last_id\"}", 200);
        Assert.Equal("last_id", both.Str("next_cursor"));
        Assert.True(both.GetProperty("cursor_missing").GetBoolean());

        Assert.Equal("next_cursors", (await ControlAsync(HttpMethod.Post, "_sim/behaviour", "{\"next_cursors\":\"opaque\"}", 400)).GetProperty("error").Str("param"));
        Assert.Equal("next_cursor", (await ControlAsync(HttpMethod.Post, "_sim/behaviour", "{\"next_cursor\":\"id\"}", 400)).GetProperty("error").Str("param"));
        Assert.Equal("cursor_missing", (await ControlAsync(HttpMethod.Post, "_sim/behaviour", "{\"cursor_missing\":\"yes\"}", 400)).GetProperty("error").Str("param"));
        await ControlAsync(HttpMethod.Post, "_sim/behaviour", "[]", 400);
        Assert.Equal("last_id", (await ControlAsync(HttpMethod.Get, "_sim/behaviour", null, 200)).Str("next_cursor"));

        await Sim.ResetAsync();
        JsonElement reset = await ControlAsync(HttpMethod.Get, "_sim/behaviour", null, 200);
        Assert.Equal("opaque", reset.Str("next_cursor"));
        Assert.False(reset.GetProperty("cursor_missing").GetBoolean());
    }

    [Fact]
    public async Task Routes_lists_every_api_route_relative_to_v1_and_no_control_route()
    {
        JsonElement routes = await ControlAsync(HttpMethod.Get, "_sim/routes", null, 200);
        var pairs = routes.EnumerateArray().Select(r => r.Str("method") + " " + r.Str("path")).ToList();
        Assert.Contains("GET /organization/projects", pairs);
        Assert.Contains("POST /organization/projects/{projectId}/archive", pairs);
        Assert.Contains("DELETE /organization/groups/{principalId}/roles/{roleId}", pairs);
        Assert.DoesNotContain(pairs, p => p.Contains("_sim", StringComparison.Ordinal) || p.Contains("/v1", StringComparison.Ordinal));
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
    }

    private async Task<JsonElement> ControlAsync(HttpMethod method, string path, string? json, int status)
    {
        using var http = new HttpClient { BaseAddress = Sim.RootUri };
        using var request = new HttpRequestMessage(method, path);
        if (json != null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using HttpResponseMessage response = await http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
