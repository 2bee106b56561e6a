using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIAdmin.Tests.Core;
using Xunit;

namespace OpenAIAdmin.Tests.Simulator;

/// <summary>The simulator's invites, group CRUD and group users over raw HTTP: envelopes, limits, errors, state.</summary>
public sealed class InvitesAndGroupsSimulatorTests : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private readonly SimulatorFixture _sim;
    private readonly SimApi _api;

    public InvitesAndGroupsSimulatorTests(SimulatorFixture sim)
    {
        _sim = sim;
        _api = new SimApi(sim);
    }

    public Task InitializeAsync() => _sim.ResetAsync();

    public Task DisposeAsync()
    {
        _api.Dispose();
        return Task.CompletedTask;
    }

    private Task<Reply> GetAsync(string path) => _api.GetAsync(path);

    private Task<Reply> PostAsync(string path, string json) => _api.PostAsync(path, json);

    private Task<Reply> DeleteAsync(string path) => _api.DeleteAsync(path);

    /// <summary>The real error shape with <paramref name="status"/>; for a 400, also the parameter it names.</summary>
    private static void AssertError(int status, Reply reply, string? param = null)
    {
        JsonElement error = reply.Error(status);
        Assert.Equal("invalid_request_error", error.Str("type"));
        if (param != null)
        {
            Assert.Equal(param, error.Str("param"));
        }
    }

    private static string[] Ids(Reply reply) => reply.Data.Ids();

    [Fact]
    public async Task Invites_list_is_an_id_cursor_list_with_its_limits()
    {
        var first = await GetAsync("organization/invites?limit=2");
        first.Ok();
        Assert.Equal("list", first.Json.Str("object"));
        Assert.Equal(new[] { "invite_0001", "invite_0002" }, Ids(first));
        Assert.Equal("invite_0001", first.Json.Str("first_id"));
        Assert.Equal("invite_0002", first.Json.Str("last_id"));
        Assert.True(first.Json.GetProperty("has_more").GetBoolean());

        var second = await GetAsync("organization/invites?limit=2&after=invite_0002");
        Assert.Equal(new[] { "invite_0003" }, Ids(second));
        Assert.False(second.Json.GetProperty("has_more").GetBoolean());

        JsonElement invite = first.Data[0];
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
        legacy.Ok();
        Assert.Equal("pending", legacy.Json.Str("status"));
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
        Assert.Equal(5, all.Data.GetArrayLength());
    }

    [Fact]
    public async Task Invite_delete_refuses_accepted_ones_and_removes_pending_ones()
    {
        AssertError(400, await DeleteAsync("organization/invites/invite_0002"));
        (await GetAsync("organization/invites/invite_0002")).Ok();

        var deleted = await DeleteAsync("organization/invites/invite_0003");
        deleted.Ok();
        Assert.Equal("organization.invite.deleted", deleted.Json.Str("object"));
        Assert.Equal("invite_0003", deleted.Json.Str("id"));
        Assert.True(deleted.Json.GetProperty("deleted").GetBoolean());
        AssertError(404, await GetAsync("organization/invites/invite_0003"));
        AssertError(404, await DeleteAsync("organization/invites/invite_0003"));
    }

    [Fact]
    public async Task Group_create_get_rename_and_delete_use_their_own_shapes()
    {
        var created = await PostAsync("organization/groups", "{\"name\":\"Incident responders\"}");
        created.Ok();
        string id = created.Json.Str("id");
        Assert.StartsWith("group_", id);
        Assert.Equal("group", created.Json.Str("group_type"));
        Assert.False(created.Json.GetProperty("is_scim_managed").GetBoolean());

        var fetched = await GetAsync("organization/groups/" + id);
        Assert.Equal("Incident responders", fetched.Json.Str("name"));

        var renamed = await PostAsync("organization/groups/" + id, "{\"name\":\"Responders\"}");
        Assert.Equal("Responders", renamed.Json.Str("name"));
        Assert.False(renamed.Json.TryGetProperty("group_type", out _), "the rename answer (GroupResourceWithSuccess) has no group_type");
        Assert.Equal("Responders", (await GetAsync("organization/groups/" + id)).Json.Str("name"));

        var deleted = await DeleteAsync("organization/groups/" + id);
        Assert.Equal("group.deleted", deleted.Json.Str("object"));
        Assert.Equal(id, deleted.Json.Str("id"));
        Assert.True(deleted.Json.GetProperty("deleted").GetBoolean());
        AssertError(404, await GetAsync("organization/groups/" + id));
        AssertError(404, await GetAsync($"organization/groups/{id}/users"));
        Assert.DoesNotContain(id, Ids(await GetAsync("organization/groups?limit=1000")));
    }

    [Fact]
    public async Task Group_names_have_one_to_255_characters()
    {
        AssertError(400, await PostAsync("organization/groups", "{\"name\":\"\"}"), "name");
        AssertError(400, await PostAsync("organization/groups", "{}"), "name");
        AssertError(400, await PostAsync("organization/groups", $"{{\"name\":\"{new string('x', 256)}\"}}"), "name");
        AssertError(400, await PostAsync("organization/groups/group_0001", "{\"name\":\"\"}"), "name");
        (await PostAsync("organization/groups", $"{{\"name\":\"{new string('x', 255)}\"}}")).Ok();
        AssertError(404, await PostAsync("organization/groups/group_missing", "{\"name\":\"x\"}"));
    }

    [Fact]
    public async Task Group_users_list_desc_by_default_with_opaque_next_cursors_and_limits()
    {
        var page = await GetAsync("organization/groups/group_0001/users?limit=7");
        page.Ok();
        Assert.Equal("list", page.Json.Str("object"));
        Assert.Equal("user_0030", Ids(page)[0]);
        JsonElement member = page.Data[0];
        Assert.Equal(new[] { "id", "name", "email" }, member.EnumerateObject().Select(p => p.Name));
        string next = page.Json.Str("next");
        Assert.DoesNotContain("user_", next);

        var all = new List<string>(Ids(page));
        while (page.Json.GetProperty("has_more").GetBoolean())
        {
            page = await GetAsync("organization/groups/group_0001/users?limit=7&after=" + page.Json.Str("next"));
            all.AddRange(Ids(page));
        }

        Assert.Equal(Enumerable.Range(1, 30).Reverse().Select(i => $"user_{i:0000}"), all);
        Assert.Equal(JsonValueKind.Null, page.Json.GetProperty("next").ValueKind);

        var ascending = await GetAsync("organization/groups/group_0002/users?order=asc");
        Assert.Equal(new[] { "user_0011", "user_0012", "user_0013", "user_0014", "user_0015" }, Ids(ascending));
        Assert.Equal(3, (await GetAsync("organization/groups/group_0003/users")).Data.GetArrayLength());
        Assert.Equal(0, (await GetAsync("organization/groups/group_0004/users")).Data.GetArrayLength());

        // "Provide the ID of the last user": an id of a member continues after it (newest first); any other id is a 400.
        Assert.Equal(new[] { "user_0023", "user_0022" }, Ids(await GetAsync("organization/groups/group_0001/users?limit=2&after=user_0024")));
        AssertError(400, await GetAsync("organization/groups/group_0001/users?after=user_0031"), "after");
        AssertError(400, await GetAsync("organization/groups/group_0001/users?limit=1001"), "limit");
        AssertError(400, await GetAsync("organization/groups/group_0001/users?order=up"), "order");
        AssertError(404, await GetAsync("organization/groups/group_missing/users"));
    }

    [Fact]
    public async Task Group_users_add_retrieve_and_remove_change_the_list()
    {
        var added = await PostAsync("organization/groups/group_0002/users", "{\"user_id\":\"user_0100\"}");
        added.Ok();
        Assert.Equal("group.user", added.Json.Str("object"));
        Assert.Equal("user_0100", added.Json.Str("user_id"));
        Assert.Equal("group_0002", added.Json.Str("group_id"));
        Assert.Equal("user_0100", Ids(await GetAsync("organization/groups/group_0002/users"))[0]);

        AssertError(400, await PostAsync("organization/groups/group_0002/users", "{\"user_id\":\"user_0100\"}"), "user_id");
        AssertError(404, await PostAsync("organization/groups/group_0002/users", "{\"user_id\":\"user_9999\"}"));
        AssertError(400, await PostAsync("organization/groups/group_0002/users", "{}"), "user_id");
        AssertError(404, await PostAsync("organization/groups/group_missing/users", "{\"user_id\":\"user_0100\"}"));

        var found = await GetAsync("organization/groups/group_0002/users/user_0100");
        found.Ok();
        Assert.Equal("user", found.Json.Str("user_type"));
        Assert.Equal(JsonValueKind.Null, found.Json.GetProperty("picture").ValueKind);
        Assert.False(found.Json.GetProperty("is_service_account").GetBoolean());
        AssertError(404, await GetAsync("organization/groups/group_0002/users/user_0200"));

        var removed = await DeleteAsync("organization/groups/group_0002/users/user_0100");
        removed.Ok();
        Assert.Equal("group.user.deleted", removed.Json.Str("object"));
        Assert.True(removed.Json.GetProperty("deleted").GetBoolean());
        Assert.False(removed.Json.TryGetProperty("id", out _), "the API's group user delete answer has no id");
        AssertError(404, await DeleteAsync("organization/groups/group_0002/users/user_0100"));
        Assert.DoesNotContain("user_0100", Ids(await GetAsync("organization/groups/group_0002/users")));
    }

    [Fact]
    public async Task A_user_removed_from_the_organization_leaves_every_group()
    {
        (await DeleteAsync("organization/users/user_0012")).Ok();
        Assert.DoesNotContain("user_0012", Ids(await GetAsync("organization/groups/group_0002/users")));
        Assert.DoesNotContain("user_0012", Ids(await GetAsync("organization/groups/group_0001/users")));
        AssertError(404, await GetAsync("organization/groups/group_0002/users/user_0012"));
    }
}
