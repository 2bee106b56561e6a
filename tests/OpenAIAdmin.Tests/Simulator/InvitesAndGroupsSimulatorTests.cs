using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIAdmin.Simulator.Infrastructure;
using OpenAIAdmin.Tests.Core;
using Xunit;

namespace OpenAIAdmin.Tests.Simulator;

/// <summary>The simulator's invites, group CRUD and group users over raw HTTP: envelopes, limits, errors, state.</summary>
public sealed class InvitesAndGroupsSimulatorTests : SimulatorHttpTests
{
    public InvitesAndGroupsSimulatorTests(SimulatorFixture sim)
        : base(sim)
    {
    }

    private Task<Reply> GetAsync(string path) => Api.GetAsync(path);

    private Task<Reply> PostAsync(string path, string json) => Api.PostAsync(path, json);

    private Task<Reply> DeleteAsync(string path) => Api.DeleteAsync(path);

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
        Assert.Equal(new[] { "invite-0001C60e4TdMoMNJWyXp4mhP", "invite-0002fof6xA9m1M1KYmxrZGns" }, Ids(first));
        Assert.Equal("invite-0001C60e4TdMoMNJWyXp4mhP", first.Json.Str("first_id"));
        Assert.Equal("invite-0002fof6xA9m1M1KYmxrZGns", first.Json.Str("last_id"));
        Assert.True(first.Json.GetProperty("has_more").GetBoolean());

        var second = await GetAsync("organization/invites?limit=2&after=invite-0002fof6xA9m1M1KYmxrZGns");
        Assert.Equal(new[] { "invite-0003p28I9NOLyEgqquvVW7hU" }, Ids(second));
        Assert.False(second.Json.GetProperty("has_more").GetBoolean());

        JsonElement invite = first.Data[0];
        Assert.Equal("organization.invite", invite.GetProperty("object").GetString());
        Assert.Equal("alice.pending@example.com", invite.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, invite.GetProperty("accepted_at").ValueKind);
        Assert.Equal("proj_defaultSbtsIO0rWI91rcsUU", invite.GetProperty("projects")[0].GetProperty("id").GetString());

        AssertError(400, await GetAsync("organization/invites?limit=101"), "limit");
        AssertError(400, await GetAsync("organization/invites?limit=0"), "limit");
    }

    [Fact]
    public async Task Invite_create_validates_and_keeps_the_projects_rule()
    {
        var legacy = await PostAsync("organization/invites", "{\"email\":\"dan@contoso.com\",\"role\":\"reader\"}");
        legacy.Ok();
        Assert.Equal("pending", legacy.Json.Str("status"));
        Assert.Equal("proj_defaultSbtsIO0rWI91rcsUU", legacy.Json.GetProperty("projects")[0].GetProperty("id").GetString());
        Assert.True(legacy.Json.GetProperty("expires_at").GetInt64() > legacy.Json.GetProperty("created_at").GetInt64());

        var none = await PostAsync("organization/invites", "{\"email\":\"erin@contoso.com\",\"role\":\"owner\",\"projects\":[]}");
        Assert.Equal(0, none.Json.GetProperty("projects").GetArrayLength());

        AssertError(400, await PostAsync("organization/invites", "{\"email\":\"x@contoso.com\",\"role\":\"admin\"}"), "role");
        AssertError(400, await PostAsync("organization/invites", "{\"role\":\"reader\"}"), "email");
        AssertError(400, await PostAsync("organization/invites", "{\"email\":\"x@contoso.com\",\"role\":\"reader\",\"projects\":[{\"id\":\"proj_defaultSbtsIO0rWI91rcsUU\",\"role\":\"admin\"}]}"), "projects[0].role");
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
        AssertError(400, await DeleteAsync("organization/invites/invite-0002fof6xA9m1M1KYmxrZGns"));
        (await GetAsync("organization/invites/invite-0002fof6xA9m1M1KYmxrZGns")).Ok();

        var deleted = await DeleteAsync("organization/invites/invite-0003p28I9NOLyEgqquvVW7hU");
        deleted.Ok();
        Assert.Equal("organization.invite.deleted", deleted.Json.Str("object"));
        Assert.Equal("invite-0003p28I9NOLyEgqquvVW7hU", deleted.Json.Str("id"));
        Assert.True(deleted.Json.GetProperty("deleted").GetBoolean());
        AssertError(404, await GetAsync("organization/invites/invite-0003p28I9NOLyEgqquvVW7hU"));
        AssertError(404, await DeleteAsync("organization/invites/invite-0003p28I9NOLyEgqquvVW7hU"));
    }

    [Fact]
    public async Task Group_create_get_rename_and_delete_use_their_own_shapes()
    {
        var created = await PostAsync("organization/groups", "{\"name\":\"Incident responders\"}");
        created.Ok();
        string id = created.Json.Str("id");
        Assert.True(IdShape.Group.Matches(id), id);
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
        AssertError(400, await PostAsync("organization/groups/group_01JG0001C6N1WS7T07CCA3XQAN", "{\"name\":\"\"}"), "name");
        (await PostAsync("organization/groups", $"{{\"name\":\"{new string('x', 255)}\"}}")).Ok();
        AssertError(404, await PostAsync("organization/groups/group_missing", "{\"name\":\"x\"}"));
    }

    [Fact]
    public async Task Group_users_list_desc_by_default_with_opaque_next_cursors_and_limits()
    {
        var page = await GetAsync("organization/groups/group_01JG0001C6N1WS7T07CCA3XQAN/users?limit=7");
        page.Ok();
        Assert.Equal("list", page.Json.Str("object"));
        Assert.Equal("user-0030t4rgZ9RhTJgLWc0Xkyqb", Ids(page)[0]);
        JsonElement member = page.Data[0];
        Assert.Equal(new[] { "id", "name", "email" }, member.EnumerateObject().Select(p => p.Name));
        string next = page.Json.Str("next");
        Assert.DoesNotContain("user-", next);

        var all = new List<string>(Ids(page));
        while (page.Json.GetProperty("has_more").GetBoolean())
        {
            page = await GetAsync("organization/groups/group_01JG0001C6N1WS7T07CCA3XQAN/users?limit=7&after=" + page.Json.Str("next"));
            all.AddRange(Ids(page));
        }

        Assert.Equal(Enumerable.Range(1, 30).Reverse().Select(SeedIds.User), all);
        Assert.Equal(JsonValueKind.Null, page.Json.GetProperty("next").ValueKind);

        var ascending = await GetAsync("organization/groups/group_01JG0002G4HXWT9AVGWCFEE87V/users?order=asc");
        Assert.Equal(new[] { "user-0011Rmd6WBRxNcDdQ5YyiP6J", "user-0012bt4xCFKrlRiuOXvhWnZC", "user-0013BeEOTU1qDtT7tnIvUub1", "user-0014nN11nXo23ywN6vGaYibQ", "user-00154zB8VtEwUBTWpADgXmj5" }, Ids(ascending));
        Assert.Equal(3, (await GetAsync("organization/groups/group_01JG00039R95E99VB9Z3F7ZPY9/users")).Data.GetArrayLength());
        Assert.Equal(0, (await GetAsync("organization/groups/group_01JG0004S7QRF7Z0YKY3DBVK0S/users")).Data.GetArrayLength());

        // "Provide the ID of the last user": an id of a member continues after it (newest first); any other id is a 400.
        Assert.Equal(new[] { "user-0023bqV4HqvpCEfDZMyJjscr", "user-00225hhXqRVCd5xVRuo3CZWY" }, Ids(await GetAsync("organization/groups/group_01JG0001C6N1WS7T07CCA3XQAN/users?limit=2&after=user-0024ZIL5h9fXLbkiW6e809Cy")));
        AssertError(400, await GetAsync("organization/groups/group_01JG0001C6N1WS7T07CCA3XQAN/users?after=user-0031522Of5H0VV2iSGTtHHhG"), "after");
        AssertError(400, await GetAsync("organization/groups/group_01JG0001C6N1WS7T07CCA3XQAN/users?limit=1001"), "limit");
        AssertError(400, await GetAsync("organization/groups/group_01JG0001C6N1WS7T07CCA3XQAN/users?order=up"), "order");
        AssertError(404, await GetAsync("organization/groups/group_missing/users"));
    }

    [Fact]
    public async Task Group_users_add_retrieve_and_remove_change_the_list()
    {
        var added = await PostAsync("organization/groups/group_01JG0002G4HXWT9AVGWCFEE87V/users", "{\"user_id\":\"user-0100iTGELQLvL5EJgGzTp28c\"}");
        added.Ok();
        Assert.Equal("group.user", added.Json.Str("object"));
        Assert.Equal("user-0100iTGELQLvL5EJgGzTp28c", added.Json.Str("user_id"));
        Assert.Equal("group_01JG0002G4HXWT9AVGWCFEE87V", added.Json.Str("group_id"));
        Assert.Equal("user-0100iTGELQLvL5EJgGzTp28c", Ids(await GetAsync("organization/groups/group_01JG0002G4HXWT9AVGWCFEE87V/users"))[0]);

        AssertError(400, await PostAsync("organization/groups/group_01JG0002G4HXWT9AVGWCFEE87V/users", "{\"user_id\":\"user-0100iTGELQLvL5EJgGzTp28c\"}"), "user_id");
        AssertError(404, await PostAsync("organization/groups/group_01JG0002G4HXWT9AVGWCFEE87V/users", "{\"user_id\":\"user_9999\"}"));
        AssertError(400, await PostAsync("organization/groups/group_01JG0002G4HXWT9AVGWCFEE87V/users", "{}"), "user_id");
        AssertError(404, await PostAsync("organization/groups/group_missing/users", "{\"user_id\":\"user-0100iTGELQLvL5EJgGzTp28c\"}"));

        var found = await GetAsync("organization/groups/group_01JG0002G4HXWT9AVGWCFEE87V/users/user-0100iTGELQLvL5EJgGzTp28c");
        found.Ok();
        Assert.Equal("user", found.Json.Str("user_type"));
        Assert.Equal(JsonValueKind.Null, found.Json.GetProperty("picture").ValueKind);
        Assert.False(found.Json.GetProperty("is_service_account").GetBoolean());
        AssertError(404, await GetAsync("organization/groups/group_01JG0002G4HXWT9AVGWCFEE87V/users/user-0200mb5SP1MYd9FKmEBN7oYB"));

        var removed = await DeleteAsync("organization/groups/group_01JG0002G4HXWT9AVGWCFEE87V/users/user-0100iTGELQLvL5EJgGzTp28c");
        removed.Ok();
        Assert.Equal("group.user.deleted", removed.Json.Str("object"));
        Assert.True(removed.Json.GetProperty("deleted").GetBoolean());
        Assert.False(removed.Json.TryGetProperty("id", out _), "the API's group user delete answer has no id");
        AssertError(404, await DeleteAsync("organization/groups/group_01JG0002G4HXWT9AVGWCFEE87V/users/user-0100iTGELQLvL5EJgGzTp28c"));
        Assert.DoesNotContain("user-0100iTGELQLvL5EJgGzTp28c", Ids(await GetAsync("organization/groups/group_01JG0002G4HXWT9AVGWCFEE87V/users")));
    }

    [Fact]
    public async Task A_user_removed_from_the_organization_leaves_every_group()
    {
        (await DeleteAsync("organization/users/user-0012bt4xCFKrlRiuOXvhWnZC")).Ok();
        Assert.DoesNotContain("user-0012bt4xCFKrlRiuOXvhWnZC", Ids(await GetAsync("organization/groups/group_01JG0002G4HXWT9AVGWCFEE87V/users")));
        Assert.DoesNotContain("user-0012bt4xCFKrlRiuOXvhWnZC", Ids(await GetAsync("organization/groups/group_01JG0001C6N1WS7T07CCA3XQAN/users")));
        AssertError(404, await GetAsync("organization/groups/group_01JG0002G4HXWT9AVGWCFEE87V/users/user-0012bt4xCFKrlRiuOXvhWnZC"));
    }
}
