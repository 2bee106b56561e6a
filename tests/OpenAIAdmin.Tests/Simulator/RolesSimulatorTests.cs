using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIAdmin.Tests.Core;
using Xunit;

namespace OpenAIAdmin.Tests.Simulator;

/// <summary>The simulator's roles and role-assignment endpoints against the inventory (§6.7, §6.10, §6.11, X2, X4), over raw HTTP.</summary>
public sealed class RolesSimulatorTests : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private readonly SimulatorFixture _sim;
    private readonly HttpClient _http = new();

    public RolesSimulatorTests(SimulatorFixture sim)
    {
        _sim = sim;
        _http.BaseAddress = sim.BaseUri;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SimulatorFixture.FakeKey);
    }

    public Task InitializeAsync() => _sim.ResetAsync();

    public Task DisposeAsync()
    {
        _http.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Role_list_is_a_next_cursor_envelope_with_the_seeded_roles()
    {
        JsonElement page = await Get("organization/roles");
        Assert.Equal("list", page.GetProperty("object").GetString());
        Assert.False(page.GetProperty("has_more").GetBoolean());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        JsonElement[] roles = page.GetProperty("data").EnumerateArray().ToArray();
        Assert.Equal(new[] { "Owner", "Reader", "Billing reader", "Security auditor", "Project creator" }, roles.Select(r => r.GetProperty("name").GetString()));
        Assert.All(roles, r => Assert.Equal("role", r.GetProperty("object").GetString()));
        Assert.Equal(new[] { true, true, false, false, false }, roles.Select(r => r.GetProperty("predefined_role").GetBoolean()));
        Assert.Equal("api.organization", roles[2].GetProperty("resource_type").GetString());
    }

    [Fact]
    public async Task Role_list_pages_with_an_opaque_next_and_rejects_a_raw_id_as_cursor()
    {
        JsonElement first = await Get("organization/roles?limit=2");
        Assert.True(first.GetProperty("has_more").GetBoolean());
        string next = first.GetProperty("next").GetString()!;
        Assert.NotEqual("role_0002", next);
        JsonElement second = await Get("organization/roles?limit=2&after=" + next);
        Assert.Equal(new[] { "role_0003", "role_0004" }, Ids(second));
        JsonElement desc = await Get("organization/roles?order=desc&limit=1");
        Assert.Equal(new[] { "role_0005" }, Ids(desc));

        await AssertError(await _http.GetAsync("organization/roles?after=role_0002"), 400, "invalid_cursor");
        await AssertError(await _http.GetAsync("organization/roles?limit=1001"), 400, "integer_out_of_range");
    }

    [Fact]
    public async Task Create_update_and_delete_a_custom_role()
    {
        JsonElement created = await Send(HttpMethod.Post, "organization/roles",
            new { role_name = "Group manager", permissions = new[] { "api.groups.read", "api.groups.write", "api.groups.read" }, description = "Manages groups" });
        string id = created.GetProperty("id").GetString()!;
        Assert.StartsWith("role_", id);
        Assert.Equal(new[] { "api.groups.read", "api.groups.write" }, created.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.False(created.GetProperty("predefined_role").GetBoolean());

        JsonElement updated = await Send(HttpMethod.Post, "organization/roles/" + id, new { role_name = "Group admin", description = "" });
        Assert.Equal("Group admin", updated.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("description").ValueKind);
        Assert.Equal(2, updated.GetProperty("permissions").GetArrayLength());
        Assert.Equal("Group admin", (await Get("organization/roles/" + id)).GetProperty("name").GetString());

        JsonElement deleted = await Send(HttpMethod.Delete, "organization/roles/" + id, null);
        Assert.Equal("role.deleted", deleted.GetProperty("object").GetString());
        Assert.Equal(id, deleted.GetProperty("id").GetString());
        Assert.True(deleted.GetProperty("deleted").GetBoolean());
        await AssertError(await _http.GetAsync("organization/roles/" + id), 404, null);
    }

    [Fact]
    public async Task Refuses_duplicate_names_bad_permissions_unknown_fields_and_changes_to_predefined_roles()
    {
        await AssertError(await Raw(HttpMethod.Post, "organization/roles", new { role_name = "billing READER", permissions = new[] { "api.groups.read" } }), 400, "role_name_taken");
        await AssertError(await Raw(HttpMethod.Post, "organization/roles", new { role_name = "X", permissions = new[] { "read everything" } }), 400, "invalid_value");
        await AssertError(await Raw(HttpMethod.Post, "organization/roles", new { role_name = "X" }), 400, "missing_required_parameter");
        await AssertError(await Raw(HttpMethod.Post, "organization/roles", new { name = "X", permissions = new[] { "api.groups.read" } }), 400, "unknown_parameter");
        await AssertError(await Raw(HttpMethod.Post, "organization/roles/role_0001", new { role_name = "Boss" }), 400, "predefined_role");
        await AssertError(await Raw(HttpMethod.Delete, "organization/roles/role_0002", null), 400, "predefined_role");
        Assert.Equal(5, (await Get("organization/roles")).GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task User_assignments_are_stateful_and_use_the_inventory_shapes()
    {
        JsonElement list = await Get("organization/users/user_0002/roles");
        JsonElement entry = Assert.Single(list.GetProperty("data").EnumerateArray());
        Assert.False(entry.TryGetProperty("object", out _));
        Assert.Equal("role_0003", entry.GetProperty("id").GetString());
        Assert.Equal("user_0002", entry.GetProperty("assignment_sources")[0].GetProperty("principal_id").GetString());
        Assert.Equal("user_0001", entry.GetProperty("created_by").GetString());

        JsonElement assigned = await Send(HttpMethod.Post, "organization/users/user_0002/roles", new { role_id = "role_0004" });
        Assert.Equal("user.role", assigned.GetProperty("object").GetString());
        Assert.Equal("organization.user", assigned.GetProperty("user").GetProperty("object").GetString());
        Assert.Equal("user_0002", assigned.GetProperty("user").GetProperty("id").GetString());
        Assert.Equal("role", assigned.GetProperty("role").GetProperty("object").GetString());
        Assert.Equal(new[] { "role_0003", "role_0004" }, Ids(await Get("organization/users/user_0002/roles")));
        Assert.Equal("role_0004", (await Get("organization/users/user_0002/roles/role_0004")).GetProperty("id").GetString());

        await AssertError(await Raw(HttpMethod.Post, "organization/users/user_0002/roles", new { role_id = "role_0004" }), 400, "role_already_assigned");
        await AssertError(await Raw(HttpMethod.Post, "organization/users/user_0002/roles", new { role_id = "role_missing" }), 404, null);
        await AssertError(await Raw(HttpMethod.Post, "organization/users/user_missing/roles", new { role_id = "role_0004" }), 404, null);

        JsonElement deleted = await Send(HttpMethod.Delete, "organization/users/user_0002/roles/role_0004", null);
        Assert.Equal("user.role.deleted", deleted.GetProperty("object").GetString());
        Assert.True(deleted.GetProperty("deleted").GetBoolean());
        Assert.False(deleted.TryGetProperty("id", out _));
        await AssertError(await _http.GetAsync("organization/users/user_0002/roles/role_0004"), 404, null);
        await AssertError(await Raw(HttpMethod.Delete, "organization/users/user_0002/roles/role_0004", null), 404, null);
        Assert.Empty((await Get("organization/users/user_0003/roles")).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Group_assignment_embeds_the_role_assignment_group_shape()
    {
        Assert.Equal(new[] { "role_0003" }, Ids(await Get("organization/groups/group_0003/roles")));
        JsonElement assigned = await Send(HttpMethod.Post, "organization/groups/group_0005/roles", new { role_id = "role_0004" });
        Assert.Equal("group.role", assigned.GetProperty("object").GetString());
        JsonElement group = assigned.GetProperty("group");
        Assert.Equal("group", group.GetProperty("object").GetString());
        Assert.True(group.GetProperty("scim_managed").GetBoolean());
        Assert.False(group.TryGetProperty("is_scim_managed", out _));
        Assert.False(group.TryGetProperty("group_type", out _));
        JsonElement deleted = await Send(HttpMethod.Delete, "organization/groups/group_0005/roles/role_0004", null);
        Assert.Equal("group.role.deleted", deleted.GetProperty("object").GetString());
        await AssertError(await _http.GetAsync("organization/groups/group_missing/roles"), 404, null);
    }

    [Fact]
    public async Task Assignment_lists_page_with_opaque_cursors_scoped_to_the_principal()
    {
        foreach (string role in new[] { "role_0001", "role_0002", "role_0004" })
        {
            await Send(HttpMethod.Post, "organization/users/user_0002/roles", new { role_id = role });
        }

        JsonElement first = await Get("organization/users/user_0002/roles?limit=3");
        Assert.True(first.GetProperty("has_more").GetBoolean());
        string next = first.GetProperty("next").GetString()!;
        Assert.Equal(new[] { "role_0004" }, Ids(await Get("organization/users/user_0002/roles?limit=3&after=" + next)));
        await AssertError(await _http.GetAsync("organization/users/user_0003/roles?after=" + next), 400, "invalid_cursor");
    }

    [Fact]
    public async Task Deleting_a_role_removes_its_assignments()
    {
        await Send(HttpMethod.Delete, "organization/roles/role_0003", null);
        Assert.Empty((await Get("organization/users/user_0002/roles")).GetProperty("data").EnumerateArray());
        Assert.Empty((await Get("organization/groups/group_0003/roles")).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Reset_restores_the_seed()
    {
        await Send(HttpMethod.Post, "organization/roles", new { role_name = "Temp", permissions = new[] { "api.groups.read" } });
        await Send(HttpMethod.Delete, "organization/users/user_0002/roles/role_0003", null);
        await _sim.ResetAsync();
        Assert.Equal(5, (await Get("organization/roles")).GetProperty("data").GetArrayLength());
        Assert.Equal(new[] { "role_0003" }, Ids(await Get("organization/users/user_0002/roles")));
    }

    private static string?[] Ids(JsonElement page) => page.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToArray();

    private async Task<JsonElement> Get(string path) => await Send(HttpMethod.Get, path, null);

    private async Task<JsonElement> Send(HttpMethod method, string path, object? body)
    {
        using HttpResponseMessage response = await Raw(method, path, body);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private Task<HttpResponseMessage> Raw(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (body != null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        return _http.SendAsync(request);
    }

    private static async Task AssertError(HttpResponseMessage response, int status, string? code)
    {
        using (response)
        {
            Assert.Equal((HttpStatusCode)status, response.StatusCode);
            JsonElement error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
            Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
            Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
            Assert.True(error.TryGetProperty("param", out _));
            if (code != null)
            {
                Assert.Equal(code, error.GetProperty("code").GetString());
            }
        }
    }
}
