using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace OpenAIAdmin.Tests.Core;

/// <summary>The roles and role-assignment clients against the simulator over real sockets.</summary>
public sealed class RolesClientTests : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private readonly SimulatorFixture _sim;

    public RolesClientTests(SimulatorFixture sim) => _sim = sim;

    public Task InitializeAsync() => _sim.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Lists_roles_through_next_cursor_pages()
    {
        using AdminClient client = _sim.NewClient();
        var roles = await client.Roles.ListAsync(options: new ListOptions { PageSize = 2 }).ToListAsync();
        Assert.Equal(new[] { "role_01JR0001EAYCQ1FRPJE6X0E5QA", "role_01JR0002PSFWEXD4YP85XYRX2F", "role_01JR00039WRYDRWASJNY9WK5YG", "role_01JR0004BVXEKF1SKEW82NV711", "role_01JR0005QDZ33W45MC1BQTQHRQ" }, roles.Select(r => r.Id));
        Assert.True(roles[0].PredefinedRole);
        Assert.Equal("role", roles[2].Object);
        Assert.Equal(new[] { "api.organization.costs.read", "api.organization.usage.read" }, roles[2].Permissions);
        Assert.Equal("role_01JR00039WRYDRWASJNY9WK5YG", roles[2].ToString());

        var calls = await _sim.RequestsToAsync("/organization/roles");
        Assert.Equal(3, calls.Count);
        Assert.Contains("limit=2", calls[0].Query);
        Assert.DoesNotContain("role_01JR0002PSFWEXD4YP85XYRX2F", calls[1].Query);

        await _sim.ResetAsync();
        var all = await client.Roles.ListAsync().ToListAsync();
        Assert.Equal(5, all.Count);
        Assert.Contains("limit=1000", Assert.Single(await _sim.RequestsToAsync("/organization/roles")).Query);
    }

    [Fact]
    public async Task Creates_updates_and_deletes_a_role()
    {
        using AdminClient client = _sim.NewClient();
        Role created = await client.Roles.CreateAsync(new RoleCreateRequest
        {
            RoleName = "Group manager",
            Permissions = new[] { "api.groups.read", "api.groups.write" },
            Description = "Manages groups",
        });
        var post = Assert.Single(await _sim.RequestsToAsync("/organization/roles"), c => c.Method == "POST");
        Assert.Equal("{\"role_name\":\"Group manager\",\"permissions\":[\"api.groups.read\",\"api.groups.write\"],\"description\":\"Manages groups\"}", post.Body);

        Role updated = await client.Roles.UpdateAsync(created.Id, new RoleUpdateRequest { Permissions = new[] { "api.groups.read" } });
        Assert.Equal(new[] { "api.groups.read" }, updated.Permissions);
        Assert.Equal("Group manager", updated.Name);
        var update = Assert.Single(await _sim.RequestsToAsync("/organization/roles/" + created.Id), c => c.Method == "POST");
        Assert.Equal("{\"permissions\":[\"api.groups.read\"]}", update.Body);

        DeletedObject deleted = await client.Roles.DeleteAsync(created.Id);
        Assert.Equal(created.Id, deleted.Id);
        Assert.Equal("role.deleted", deleted.Object);
        Assert.True(deleted.Deleted);
        var missing = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Roles.GetAsync(created.Id));
        Assert.Equal(AdminErrorKind.ApiNotFound, missing.Kind);
    }

    [Fact]
    public async Task Rejects_empty_input_before_sending_anything()
    {
        using AdminClient client = _sim.NewClient();
        await InputChecks.Refused(() => client.Roles.GetAsync(" "));
        await InputChecks.Refused(() => client.Roles.CreateAsync(new RoleCreateRequest { RoleName = "" }));
        await InputChecks.Refused(() => client.Roles.UpdateAsync("role_01JR00039WRYDRWASJNY9WK5YG", new RoleUpdateRequest()));
        await InputChecks.Refused(() => client.Users.Roles.AssignAsync("user-0002JeNiLqIA6WxFhRLL4olw", ""));
        await InputChecks.Refused(() => client.Groups.Roles.UnassignAsync("", "role_01JR00039WRYDRWASJNY9WK5YG"));
        Assert.Empty(await _sim.RequestsAsync());
    }

    [Fact]
    public async Task Predefined_roles_and_duplicate_names_surface_as_bad_requests()
    {
        using AdminClient client = _sim.NewClient();
        var predefined = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Roles.DeleteAsync("role_01JR0001EAYCQ1FRPJE6X0E5QA"));
        Assert.Equal(AdminErrorKind.ApiBadRequest, predefined.Kind);
        Assert.Equal("predefined_role", predefined.ErrorCode);
        var taken = await Assert.ThrowsAsync<OpenAIAdminApiException>(() =>
            client.Roles.CreateAsync(new RoleCreateRequest { RoleName = "Billing reader", Permissions = new[] { "api.groups.read" } }));
        Assert.Equal("role_name_taken", taken.ErrorCode);
    }

    [Fact]
    public async Task User_roles_from_list_get_and_assign_share_one_shape()
    {
        using AdminClient client = _sim.NewClient();
        UserRoleAssignment listed = Assert.Single(await client.Users.Roles.ListAsync("user-0002JeNiLqIA6WxFhRLL4olw").ToListAsync());
        Assert.Equal("user-0002JeNiLqIA6WxFhRLL4olw", listed.UserId);
        Assert.Equal("role_01JR00039WRYDRWASJNY9WK5YG", listed.RoleId);
        Assert.Equal("Billing reader", listed.RoleName);
        Assert.Equal("user-0001dFOBZZvO66McY18E82hx", listed.RoleCreatedBy);
        Assert.Equal("User 0001", listed.RoleCreatedByUser!["name"]);
        Assert.NotNull(listed.RoleCreatedAt);
        Assert.Equal("user user-0002JeNiLqIA6WxFhRLL4olw", Assert.Single(listed.AssignmentSources!).ToString());
        Assert.Null(listed.User);
        Assert.Equal("role_01JR00039WRYDRWASJNY9WK5YG", listed.ToString());

        UserRoleAssignment assigned = await client.Users.Roles.AssignAsync("user-0002JeNiLqIA6WxFhRLL4olw", "role_01JR0004BVXEKF1SKEW82NV711");
        Assert.Equal("user-0002JeNiLqIA6WxFhRLL4olw", assigned.UserId);
        Assert.Equal("role_01JR0004BVXEKF1SKEW82NV711", assigned.RoleId);
        Assert.Equal("Security auditor", assigned.RoleName);
        Assert.Equal(3, assigned.Permissions.Length);
        Assert.Equal("user-0002@example.com", assigned.User!.Email);
        Assert.Null(assigned.AssignmentSources);
        Assert.Null(assigned.RoleCreatedAt);
        Assert.Equal("{\"role_id\":\"role_01JR0004BVXEKF1SKEW82NV711\"}", Assert.Single(await _sim.RequestsToAsync("/users/user-0002JeNiLqIA6WxFhRLL4olw/roles"), c => c.Method == "POST").Body);

        UserRoleAssignment got = await client.Users.Roles.GetAsync("user-0002JeNiLqIA6WxFhRLL4olw", "role_01JR0004BVXEKF1SKEW82NV711");
        Assert.Equal(assigned.RoleName, got.RoleName);
        Assert.Equal(assigned.Permissions, got.Permissions);
        Assert.Equal(new[] { "role_01JR00039WRYDRWASJNY9WK5YG", "role_01JR0004BVXEKF1SKEW82NV711" }, (await client.Users.Roles.ListAsync("user-0002JeNiLqIA6WxFhRLL4olw").ToListAsync()).Select(a => a.RoleId));

        DeletedRoleAssignment removed = await client.Users.Roles.UnassignAsync("user-0002JeNiLqIA6WxFhRLL4olw", "role_01JR0004BVXEKF1SKEW82NV711");
        Assert.Equal("user.role.deleted", removed.Object);
        Assert.True(removed.Deleted);
        Assert.Equal("role_01JR0004BVXEKF1SKEW82NV711", removed.RoleId);
        Assert.Equal("user-0002JeNiLqIA6WxFhRLL4olw", removed.UserId);
        Assert.Null(removed.GroupId);
        var gone = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Users.Roles.GetAsync("user-0002JeNiLqIA6WxFhRLL4olw", "role_01JR0004BVXEKF1SKEW82NV711"));
        Assert.Equal(AdminErrorKind.ApiNotFound, gone.Kind);
    }

    [Fact]
    public async Task Group_roles_map_the_embedded_group()
    {
        using AdminClient client = _sim.NewClient();
        GroupRoleAssignment assigned = await client.Groups.Roles.AssignAsync("group_01JG000577GCF98PY016Z1J7D9", "role_01JR0004BVXEKF1SKEW82NV711");
        Assert.Equal("group_01JG000577GCF98PY016Z1J7D9", assigned.GroupId);
        Assert.Equal("Security", assigned.Group!.Name);
        Assert.True(assigned.Group.IsScimManaged);
        Assert.Null(assigned.Group.GroupType);
        Assert.Equal("Security auditor", assigned.RoleName);

        GroupRoleAssignment listed = Assert.Single(await client.Groups.Roles.ListAsync("group_01JG000577GCF98PY016Z1J7D9").ToListAsync());
        Assert.Equal("group_01JG000577GCF98PY016Z1J7D9", listed.GroupId);
        Assert.Equal("group group_01JG000577GCF98PY016Z1J7D9", Assert.Single(listed.AssignmentSources!).ToString());

        DeletedRoleAssignment removed = await client.Groups.Roles.UnassignAsync("group_01JG000577GCF98PY016Z1J7D9", "role_01JR0004BVXEKF1SKEW82NV711");
        Assert.Equal("group.role.deleted", removed.Object);
        Assert.Equal("group_01JG000577GCF98PY016Z1J7D9", removed.GroupId);
        Assert.Null(removed.UserId);
        var missing = await Assert.ThrowsAsync<OpenAIAdminApiException>(async () => await client.Groups.Roles.ListAsync("group_missing").ToListAsync());
        Assert.Equal(AdminErrorKind.ApiNotFound, missing.Kind);
    }

    [Fact]
    public async Task Assignment_list_honours_page_size_and_max_items()
    {
        using AdminClient client = _sim.NewClient();
        foreach (string role in new[] { "role_01JR0001EAYCQ1FRPJE6X0E5QA", "role_01JR0002PSFWEXD4YP85XYRX2F", "role_01JR0004BVXEKF1SKEW82NV711", "role_01JR0005QDZ33W45MC1BQTQHRQ" })
        {
            await client.Users.Roles.AssignAsync("user-00102WvBLPMlfZS0PJIMaYRO", role);
        }

        var paged = await client.Users.Roles.ListAsync("user-00102WvBLPMlfZS0PJIMaYRO", options: new ListOptions { PageSize = 3 }).ToListAsync();
        Assert.Equal(new[] { "role_01JR0001EAYCQ1FRPJE6X0E5QA", "role_01JR0002PSFWEXD4YP85XYRX2F", "role_01JR0004BVXEKF1SKEW82NV711", "role_01JR0005QDZ33W45MC1BQTQHRQ" }, paged.Select(a => a.RoleId));
        Assert.Equal(2, (await _sim.RequestsToAsync("/users/user-00102WvBLPMlfZS0PJIMaYRO/roles")).Count(c => c.Method == "GET"));

        var desc = await client.Users.Roles.ListAsync("user-00102WvBLPMlfZS0PJIMaYRO", "desc", new ListOptions { MaxItems = 1 }).ToListAsync();
        Assert.Equal("role_01JR0005QDZ33W45MC1BQTQHRQ", Assert.Single(desc).RoleId);
    }
}
