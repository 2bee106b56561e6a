using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenAIAdmin.Simulator.Infrastructure;
using Xunit;

namespace OpenAIAdmin.Tests.Core;

/// <summary>The invite, group and group-member client methods against the simulator over real sockets.</summary>
public sealed class GroupsAndInvitesClientTests : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private readonly SimulatorFixture _sim;

    public GroupsAndInvitesClientTests(SimulatorFixture sim) => _sim = sim;

    public Task InitializeAsync() => _sim.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Groups_list_get_and_create_read_GroupResponse_with_group_type()
    {
        using AdminClient client = _sim.NewClient();
        var groups = await client.Groups.ListAsync().ToListAsync();
        Assert.Equal(12, groups.Count);
        Assert.Equal(("group_01JG0001C6N1WS7T07CCA3XQAN", "Engineering"), (groups[0].Id, groups[0].Name));
        Assert.All(groups, g => Assert.Equal("group", g.GroupType));
        Assert.True(groups.Single(g => g.Name == "Security").IsScimManaged);

        Group created = await client.Groups.CreateAsync("Incident responders");
        Assert.True(IdShape.Group.Matches(created.Id), created.Id);
        Assert.Equal("group", created.GroupType);
        Assert.Equal(created.Id, created.ToString());

        Group fetched = await client.Groups.GetAsync(created.Id);
        Assert.Equal("Incident responders", fetched.Name);
        Assert.Equal(created.CreatedAt, fetched.CreatedAt);
        Assert.Equal(TimeSpan.Zero, fetched.CreatedAt.Offset);
    }

    [Fact]
    public async Task Rename_reads_the_shape_without_group_type_and_delete_confirms_with_the_id()
    {
        using AdminClient client = _sim.NewClient();
        Group renamed = await client.Groups.UpdateAsync("group_01JG0002G4HXWT9AVGWCFEE87V", "External contractors");
        Assert.Equal(("group_01JG0002G4HXWT9AVGWCFEE87V", "External contractors"), (renamed.Id, renamed.Name));
        Assert.Null(renamed.GroupType);
        Assert.False(renamed.IsScimManaged);
        var call = (await _sim.RequestsToAsync("/organization/groups/group_01JG0002G4HXWT9AVGWCFEE87V")).Single();
        Assert.Equal("POST", call.Method);
        Assert.Equal("{\"name\":\"External contractors\"}", call.Body);

        DeletedObject deleted = await client.Groups.DeleteAsync("group_01JG0002G4HXWT9AVGWCFEE87V");
        Assert.Equal(("group_01JG0002G4HXWT9AVGWCFEE87V", "group.deleted", (bool?)true), (deleted.Id, deleted.Object, deleted.Deleted));
        var missing = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Groups.GetAsync("group_01JG0002G4HXWT9AVGWCFEE87V"));
        Assert.Equal(AdminErrorKind.ApiNotFound, missing.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Group_names_are_checked_before_any_request(string name)
    {
        using AdminClient client = _sim.NewClient();
        await InputChecks.Refused(() => client.Groups.CreateAsync(name));
        await InputChecks.Refused(() => client.Groups.UpdateAsync("group_01JG0001C6N1WS7T07CCA3XQAN", new string('x', 256)));
        await InputChecks.Refused(() => client.Groups.GetAsync(" "));
        Assert.Empty(await _sim.RequestsAsync());
    }

    [Fact]
    public async Task Members_stream_in_the_api_default_desc_order_with_both_ids_and_page_with_next()
    {
        using AdminClient client = _sim.NewClient();
        var members = await client.Groups.Users.ListAsync("group_01JG0001C6N1WS7T07CCA3XQAN", options: new ListOptions { PageSize = 7 }).ToListAsync();
        Assert.Equal(30, members.Count);
        Assert.Equal("user-0030t4rgZ9RhTJgLWc0Xkyqb", members[0].UserId);
        Assert.Equal("user-0001dFOBZZvO66McY18E82hx", members[^1].UserId);
        Assert.All(members, m => Assert.Equal("group_01JG0001C6N1WS7T07CCA3XQAN", m.GroupId));
        Assert.All(members, m => Assert.Null(m.GroupName));
        Assert.Equal("User 0030", members[0].Name);
        Assert.Equal("user-0030@example.com", members[0].Email);
        Assert.Equal("user-0030t4rgZ9RhTJgLWc0Xkyqb", members[0].ToString());

        var calls = await _sim.RequestsToAsync("/organization/groups/group_01JG0001C6N1WS7T07CCA3XQAN/users");
        Assert.Equal(5, calls.Count);
        Assert.DoesNotContain("order=", calls[0].Query);
        Assert.All(calls.Skip(1), c => Assert.Contains("after=", c.Query));
        Assert.DoesNotContain("after=user_", string.Concat(calls.Select(c => c.Query)));
    }

    [Fact]
    public async Task Members_of_a_group_object_carry_its_name_and_ascending_is_asked_for()
    {
        using AdminClient client = _sim.NewClient();
        Group contractors = await client.Groups.GetAsync("group_01JG0002G4HXWT9AVGWCFEE87V");
        var members = await client.Groups.Users.ListAsync(contractors, "asc").ToListAsync();
        Assert.Equal(new[] { "user-0011Rmd6WBRxNcDdQ5YyiP6J", "user-0012bt4xCFKrlRiuOXvhWnZC", "user-0013BeEOTU1qDtT7tnIvUub1", "user-0014nN11nXo23ywN6vGaYibQ", "user-00154zB8VtEwUBTWpADgXmj5" }, members.Select(m => m.UserId));
        Assert.All(members, m => Assert.Equal(("group_01JG0002G4HXWT9AVGWCFEE87V", "Contractors"), (m.GroupId, m.GroupName)));
        Assert.Contains("order=asc", (await _sim.RequestsToAsync("/organization/groups/group_01JG0002G4HXWT9AVGWCFEE87V/users")).Single().Query);
    }

    [Fact]
    public async Task Add_lookup_and_remove_return_memberships_with_both_ids()
    {
        using AdminClient client = _sim.NewClient();
        GroupMember added = await client.Groups.Users.AddAsync("group_01JG0002G4HXWT9AVGWCFEE87V", "user-0100iTGELQLvL5EJgGzTp28c");
        Assert.Equal(("group_01JG0002G4HXWT9AVGWCFEE87V", "user-0100iTGELQLvL5EJgGzTp28c"), (added.GroupId, added.UserId));
        Assert.Null(added.Name);
        Assert.Equal("{\"user_id\":\"user-0100iTGELQLvL5EJgGzTp28c\"}", (await _sim.RequestsToAsync("/organization/groups/group_01JG0002G4HXWT9AVGWCFEE87V/users")).Single().Body);

        GroupMember found = await client.Groups.Users.GetAsync("group_01JG0002G4HXWT9AVGWCFEE87V", "user-0100iTGELQLvL5EJgGzTp28c");
        Assert.Equal(("group_01JG0002G4HXWT9AVGWCFEE87V", "user-0100iTGELQLvL5EJgGzTp28c", "User 0100", "user"), (found.GroupId, found.UserId, found.Name, found.UserType));
        Assert.False(found.IsServiceAccount);

        DeletedObject removed = await client.Groups.Users.RemoveAsync("group_01JG0002G4HXWT9AVGWCFEE87V", "user-0100iTGELQLvL5EJgGzTp28c");
        Assert.Equal(("user-0100iTGELQLvL5EJgGzTp28c", "group.user.deleted", (bool?)true), (removed.Id, removed.Object, removed.Deleted));
        var gone = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Groups.Users.GetAsync("group_01JG0002G4HXWT9AVGWCFEE87V", "user-0100iTGELQLvL5EJgGzTp28c"));
        Assert.Equal(AdminErrorKind.ApiNotFound, gone.Kind);
        Assert.Equal(5, (await client.Groups.Users.ListAsync("group_01JG0002G4HXWT9AVGWCFEE87V").ToListAsync()).Count);
    }

    [Fact]
    public async Task Invites_list_with_projects_and_times()
    {
        using AdminClient client = _sim.NewClient();
        var invites = await client.Invites.ListAsync(new ListOptions { PageSize = 2 }).ToListAsync();
        Assert.Equal(new[] { "invite-0001C60e4TdMoMNJWyXp4mhP", "invite-0002fof6xA9m1M1KYmxrZGns", "invite-0003p28I9NOLyEgqquvVW7hU" }, invites.Select(i => i.Id));
        Assert.Equal(new[] { "pending", "accepted", "expired" }, invites.Select(i => i.Status));
        Assert.Equal("organization.invite", invites[0].Object);
        Assert.Equal("proj_defaultSbtsIO0rWI91rcsUU (member)", invites[0].Projects.Single().ToString());
        Assert.NotNull(invites[1].AcceptedAt);
        Assert.Null(invites[0].AcceptedAt);
        Assert.True(invites[0].ExpiresAt > DateTimeOffset.UtcNow);
        Assert.Empty(invites[2].Projects);
        Assert.Equal(2, (await _sim.RequestsToAsync("/organization/invites")).Count);
    }

    [Fact]
    public async Task Create_omits_projects_for_the_default_project_and_sends_an_empty_list_for_none()
    {
        using AdminClient client = _sim.NewClient();
        Invite legacy = await client.Invites.CreateAsync(new InviteCreateRequest { Email = "dan@contoso.com", Role = "reader" });
        Assert.Equal(("pending", "reader"), (legacy.Status, legacy.Role));
        Assert.Equal("proj_defaultSbtsIO0rWI91rcsUU", legacy.Projects.Single().Id);

        Invite none = await client.Invites.CreateAsync(new InviteCreateRequest { Email = "erin@contoso.com", Role = "owner", Projects = new List<InviteProject>() });
        Assert.Empty(none.Projects);

        Invite granted = await client.Invites.CreateAsync(new InviteCreateRequest
        {
            Email = "fay@contoso.com",
            Role = "reader",
            Projects = new List<InviteProject> { new("proj_datascienceZ7xkBKUkwT43I", "owner"), new("proj_supportbottE5emakLryq7y4", "member") },
        });
        Assert.Equal(new[] { "proj_datascienceZ7xkBKUkwT43I (owner)", "proj_supportbottE5emakLryq7y4 (member)" }, granted.Projects.Select(p => p.ToString()));

        var bodies = (await _sim.RequestsToAsync("/organization/invites")).Select(c => c.Body).ToList();
        Assert.Equal("{\"email\":\"dan@contoso.com\",\"role\":\"reader\"}", bodies[0]);
        Assert.Equal("{\"email\":\"erin@contoso.com\",\"role\":\"owner\",\"projects\":[]}", bodies[1]);
        Assert.Contains("\"projects\":[{\"id\":\"proj_datascienceZ7xkBKUkwT43I\",\"role\":\"owner\"},{\"id\":\"proj_supportbottE5emakLryq7y4\",\"role\":\"member\"}]", bodies[2]);
    }

    [Fact]
    public async Task Deleting_an_accepted_invite_is_a_bad_request_and_a_pending_one_is_confirmed()
    {
        using AdminClient client = _sim.NewClient();
        var refused = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Invites.DeleteAsync("invite-0002fof6xA9m1M1KYmxrZGns"));
        Assert.Equal(AdminErrorKind.ApiBadRequest, refused.Kind);
        Assert.Contains("already been accepted", refused.ApiMessage);

        DeletedObject deleted = await client.Invites.DeleteAsync("invite-0001C60e4TdMoMNJWyXp4mhP");
        Assert.Equal(("invite-0001C60e4TdMoMNJWyXp4mhP", "organization.invite.deleted", (bool?)true), (deleted.Id, deleted.Object, deleted.Deleted));
        var missing = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Invites.GetAsync("invite-0001C60e4TdMoMNJWyXp4mhP"));
        Assert.Equal(AdminErrorKind.ApiNotFound, missing.Kind);
    }
    [Fact]
    public void An_invite_with_null_projects_reads_as_none_and_a_renamed_group_without_type()
    {
        Invite invite = System.Text.Json.JsonSerializer.Deserialize<Invite>("{\"id\":\"invite_x\",\"email\":\"a@b.c\",\"created_at\":1700000000,\"projects\":null}", Json.Options)!;
        Assert.NotNull(invite.Projects);
        Assert.Empty(invite.Projects);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), invite.CreatedAt);

        Group group = System.Text.Json.JsonSerializer.Deserialize<Group>("{\"id\":\"group_x\",\"name\":\"n\",\"created_at\":1700000000,\"is_scim_managed\":true}", Json.Options)!;
        Assert.Null(group.GroupType);
        Assert.True(group.IsScimManaged);
    }
}
