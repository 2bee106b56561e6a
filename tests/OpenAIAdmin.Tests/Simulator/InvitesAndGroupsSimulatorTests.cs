using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIAdmin.Tests.Core;
using Xunit;

namespace OpenAIAdmin.Tests.Simulator;

/// <summary>The simulator's invites, group CRUD and group users over raw HTTP: envelopes, limits, errors, state.</summary>
public sealed class InvitesAndGroupsSimulatorTests : IClassFixture<SimulatorFixture>, IAsyncLifetime, IDisposable
{
    private readonly SimulatorFixture _sim;
    private readonly HttpClient _http;

    public InvitesAndGroupsSimulatorTests(SimulatorFixture sim)
    {
        _sim = sim;
        _http = new HttpClient { BaseAddress = sim.BaseUri };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SimulatorFixture.FakeKey);
    }

    public Task InitializeAsync() => _sim.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _http.Dispose();

    private async Task<(int Status, JsonElement Json)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json != null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using HttpResponseMessage response = await _http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private Task<(int Status, JsonElement Json)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    private Task<(int Status, JsonElement Json)> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    private Task<(int Status, JsonElement Json)> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    private static void AssertError(int expectedStatus, (int Status, JsonElement Json) reply, string? param = null)
    {
        Assert.Equal(expectedStatus, reply.Status);
        JsonElement error = reply.Json.GetProperty("error");
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.True(error.TryGetProperty("code", out _));
        if (param != null)
        {
            Assert.Equal(param, error.GetProperty("param").GetString());
        }
    }

    private static string[] Ids(JsonElement list) => list.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray();

    [Fact]
    public async Task Invites_list_is_an_id_cursor_list_with_its_limits()
    {
        var first = await GetAsync("organization/invites?limit=2");
        Assert.Equal(200, first.Status);
        Assert.Equal("list", first.Json.GetProperty("object").GetString());
        Assert.Equal(new[] { "invite_0001", "invite_0002" }, Ids(first.Json));
        Assert.Equal("invite_0001", first.Json.GetProperty("first_id").GetString());
        Assert.Equal("invite_0002", first.Json.GetProperty("last_id").GetString());
        Assert.True(first.Json.GetProperty("has_more").GetBoolean());

        var second = await GetAsync("organization/invites?limit=2&after=invite_0002");
        Assert.Equal(new[] { "invite_0003" }, Ids(second.Json));
        Assert.False(second.Json.GetProperty("has_more").GetBoolean());

        JsonElement invite = first.Json.GetProperty("data")[0];
        Assert.Equal("organization.invite", invite.GetProperty("object").GetString());
        Assert.Equal("alice.pending@example.com", invite.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, invite.GetProperty("accepted_at").ValueKind);
        Assert.Equal("proj_default", invite.GetProperty("projects")[0].GetProperty("id").GetString());

        AssertError(400, await GetAsync("organization/invites?limit=101"), "limit");
        AssertError(400, await GetAsync("organization/invites?limit=0"), "limit");
    }

    [Fact]
    public async Task Invite_create_validates_and_keeps_the_projects_rule()
    {
        var legacy = await PostAsync("organization/invites", "{\"email\":\"dan@contoso.com\",\"role\":\"reader\"}");
        Assert.Equal(200, legacy.Status);
        Assert.Equal("pending", legacy.Json.GetProperty("status").GetString());
        Assert.Equal("proj_default", legacy.Json.GetProperty("projects")[0].GetProperty("id").GetString());
        Assert.True(legacy.Json.GetProperty("expires_at").GetInt64() > legacy.Json.GetProperty("created_at").GetInt64());

        var none = await PostAsync("organization/invites", "{\"email\":\"erin@contoso.com\",\"role\":\"owner\",\"projects\":[]}");
        Assert.Equal(0, none.Json.GetProperty("projects").GetArrayLength());

        AssertError(400, await PostAsync("organization/invites", "{\"email\":\"x@contoso.com\",\"role\":\"admin\"}"), "role");
        AssertError(400, await PostAsync("organization/invites", "{\"role\":\"reader\"}"), "email");
        AssertError(400, await PostAsync("organization/invites", "{\"email\":\"x@contoso.com\",\"role\":\"reader\",\"projects\":[{\"id\":\"proj_default\",\"role\":\"admin\"}]}"), "projects[0].role");
        AssertError(400, await PostAsync("organization/invites", "{\"email\":\"x@contoso.com\",\"role\":\"reader\",\"projects\":[{\"id\":\"proj_nope\",\"role\":\"member\"}]}"), "projects");
        AssertError(400, await PostAsync("organization/invites", "{\"email\":\"dan@contoso.com\",\"role\":\"reader\"}"), "email");
        AssertError(400, await PostAsync("organization/invites", "{\"email\":\"user-0001@example.com\",\"role\":\"reader\"}"), "email");
        AssertError(400, await PostAsync("organization/invites", "{\"email\":\"x@contoso.com\",\"role\":\"reader\",\"team\":\"a\"}"), "team");

        var all = await GetAsync("organization/invites?limit=100");
        Assert.Equal(5, all.Json.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Invite_delete_refuses_accepted_ones_and_removes_pending_ones()
    {
        AssertError(400, await DeleteAsync("organization/invites/invite_0002"));
        Assert.Equal(200, (await GetAsync("organization/invites/invite_0002")).Status);

        var deleted = await DeleteAsync("organization/invites/invite_0003");
        Assert.Equal(200, deleted.Status);
        Assert.Equal("organization.invite.deleted", deleted.Json.GetProperty("object").GetString());
        Assert.Equal("invite_0003", deleted.Json.GetProperty("id").GetString());
        Assert.True(deleted.Json.GetProperty("deleted").GetBoolean());
        AssertError(404, await GetAsync("organization/invites/invite_0003"));
        AssertError(404, await DeleteAsync("organization/invites/invite_0003"));
    }

    [Fact]
    public async Task Group_create_get_rename_and_delete_use_their_own_shapes()
    {
        var created = await PostAsync("organization/groups", "{\"name\":\"Incident responders\"}");
        Assert.Equal(200, created.Status);
        string id = created.Json.GetProperty("id").GetString()!;
        Assert.StartsWith("group_", id);
        Assert.Equal("group", created.Json.GetProperty("group_type").GetString());
        Assert.False(created.Json.GetProperty("is_scim_managed").GetBoolean());

        var fetched = await GetAsync("organization/groups/" + id);
        Assert.Equal("Incident responders", fetched.Json.GetProperty("name").GetString());

        var renamed = await PostAsync("organization/groups/" + id, "{\"name\":\"Responders\"}");
        Assert.Equal("Responders", renamed.Json.GetProperty("name").GetString());
        Assert.False(renamed.Json.TryGetProperty("group_type", out _), "the rename answer (GroupResourceWithSuccess) has no group_type");
        Assert.Equal("Responders", (await GetAsync("organization/groups/" + id)).Json.GetProperty("name").GetString());

        var deleted = await DeleteAsync("organization/groups/" + id);
        Assert.Equal("group.deleted", deleted.Json.GetProperty("object").GetString());
        Assert.Equal(id, deleted.Json.GetProperty("id").GetString());
        Assert.True(deleted.Json.GetProperty("deleted").GetBoolean());
        AssertError(404, await GetAsync("organization/groups/" + id));
        AssertError(404, await GetAsync($"organization/groups/{id}/users"));
        Assert.DoesNotContain(id, Ids((await GetAsync("organization/groups?limit=1000")).Json));
    }

    [Fact]
    public async Task Group_names_have_one_to_255_characters()
    {
        AssertError(400, await PostAsync("organization/groups", "{\"name\":\"\"}"), "name");
        AssertError(400, await PostAsync("organization/groups", "{}"), "name");
        AssertError(400, await PostAsync("organization/groups", $"{{\"name\":\"{new string('x', 256)}\"}}"), "name");
        AssertError(400, await PostAsync("organization/groups/group_0001", "{\"name\":\"\"}"), "name");
        Assert.Equal(200, (await PostAsync("organization/groups", $"{{\"name\":\"{new string('x', 255)}\"}}")).Status);
        AssertError(404, await PostAsync("organization/groups/group_missing", "{\"name\":\"x\"}"));
    }

    [Fact]
    public async Task Group_users_list_desc_by_default_with_opaque_next_cursors_and_limits()
    {
        var page = await GetAsync("organization/groups/group_0001/users?limit=7");
        Assert.Equal(200, page.Status);
        Assert.Equal("list", page.Json.GetProperty("object").GetString());
        Assert.Equal("user_0030", Ids(page.Json)[0]);
        JsonElement member = page.Json.GetProperty("data")[0];
        Assert.Equal(new[] { "id", "name", "email" }, member.EnumerateObject().Select(p => p.Name));
        string next = page.Json.GetProperty("next").GetString()!;
        Assert.DoesNotContain("user_", next);

        var all = new List<string>(Ids(page.Json));
        while (page.Json.GetProperty("has_more").GetBoolean())
        {
            page = await GetAsync("organization/groups/group_0001/users?limit=7&after=" + page.Json.GetProperty("next").GetString());
            all.AddRange(Ids(page.Json));
        }

        Assert.Equal(Enumerable.Range(1, 30).Reverse().Select(i => $"user_{i:0000}"), all);
        Assert.Equal(JsonValueKind.Null, page.Json.GetProperty("next").ValueKind);

        var ascending = await GetAsync("organization/groups/group_0002/users?order=asc");
        Assert.Equal(new[] { "user_0011", "user_0012", "user_0013", "user_0014", "user_0015" }, Ids(ascending.Json));
        Assert.Equal(3, (await GetAsync("organization/groups/group_0003/users")).Json.GetProperty("data").GetArrayLength());
        Assert.Equal(0, (await GetAsync("organization/groups/group_0004/users")).Json.GetProperty("data").GetArrayLength());

        AssertError(400, await GetAsync("organization/groups/group_0001/users?after=user_0024"), "after");
        AssertError(400, await GetAsync("organization/groups/group_0001/users?limit=1001"), "limit");
        AssertError(400, await GetAsync("organization/groups/group_0001/users?order=up"), "order");
        AssertError(404, await GetAsync("organization/groups/group_missing/users"));
    }

    [Fact]
    public async Task Group_users_add_retrieve_and_remove_change_the_list()
    {
        var added = await PostAsync("organization/groups/group_0002/users", "{\"user_id\":\"user_0100\"}");
        Assert.Equal(200, added.Status);
        Assert.Equal("group.user", added.Json.GetProperty("object").GetString());
        Assert.Equal("user_0100", added.Json.GetProperty("user_id").GetString());
        Assert.Equal("group_0002", added.Json.GetProperty("group_id").GetString());
        Assert.Equal("user_0100", Ids((await GetAsync("organization/groups/group_0002/users")).Json)[0]);

        AssertError(400, await PostAsync("organization/groups/group_0002/users", "{\"user_id\":\"user_0100\"}"), "user_id");
        AssertError(404, await PostAsync("organization/groups/group_0002/users", "{\"user_id\":\"user_9999\"}"));
        AssertError(400, await PostAsync("organization/groups/group_0002/users", "{}"), "user_id");
        AssertError(404, await PostAsync("organization/groups/group_missing/users", "{\"user_id\":\"user_0100\"}"));

        var found = await GetAsync("organization/groups/group_0002/users/user_0100");
        Assert.Equal(200, found.Status);
        Assert.Equal("user", found.Json.GetProperty("user_type").GetString());
        Assert.Equal(JsonValueKind.Null, found.Json.GetProperty("picture").ValueKind);
        Assert.False(found.Json.GetProperty("is_service_account").GetBoolean());
        AssertError(404, await GetAsync("organization/groups/group_0002/users/user_0200"));

        var removed = await DeleteAsync("organization/groups/group_0002/users/user_0100");
        Assert.Equal(200, removed.Status);
        Assert.Equal("group.user.deleted", removed.Json.GetProperty("object").GetString());
        Assert.True(removed.Json.GetProperty("deleted").GetBoolean());
        Assert.False(removed.Json.TryGetProperty("id", out _), "the API's group user delete answer has no id");
        AssertError(404, await DeleteAsync("organization/groups/group_0002/users/user_0100"));
        Assert.DoesNotContain("user_0100", Ids((await GetAsync("organization/groups/group_0002/users")).Json));
    }

    [Fact]
    public async Task A_user_removed_from_the_organization_leaves_every_group()
    {
        Assert.Equal(200, (await DeleteAsync("organization/users/user_0012")).Status);
        Assert.DoesNotContain("user_0012", Ids((await GetAsync("organization/groups/group_0002/users")).Json));
        Assert.DoesNotContain("user_0012", Ids((await GetAsync("organization/groups/group_0001/users")).Json));
        AssertError(404, await GetAsync("organization/groups/group_0002/users/user_0012"));
    }
}
