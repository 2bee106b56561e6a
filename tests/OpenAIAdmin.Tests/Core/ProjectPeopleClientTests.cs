using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace OpenAIAdmin.Tests.Core;

/// <summary>Projects.Users, Projects.Groups (each with .Roles) and Projects.Roles against the simulator over real sockets.</summary>
public sealed class ProjectPeopleClientTests : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private const string Prod = "proj_productionchatbotrC4xJHX";
    private const string User2 = "user-0002JeNiLqIA6WxFhRLL4olw";
    private const string User3 = "user-0003S96RP8civznnHCEbos4T";
    private const string Engineering = "group_01JG0001C6N1WS7T07CCA3XQAN";
    private const string Contractors = "group_01JG0002G4HXWT9AVGWCFEE87V";
    private const string Deployer = "role_01JP0001506CNFSQ0G2C6D8JJD";
    private const string Member = "role_01JPEEYA7RPP56YM5HEJRY3KYM";

    private readonly SimulatorFixture _sim;

    public ProjectPeopleClientTests(SimulatorFixture sim) => _sim = sim;

    public Task InitializeAsync() => _sim.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Lists_project_users_through_id_cursor_pages_with_the_project_id_filled_in()
    {
        using AdminClient client = _sim.NewClient();
        var users = await client.Projects.Users.ListAsync(Prod, new ListOptions { PageSize = 4 }).ToListAsync();
        Assert.Equal(6, users.Count);
        Assert.All(users, u => Assert.Equal(Prod, u.ProjectId));
        Assert.Equal(new[] { "owner", "member" }, users.Take(2).Select(u => u.Role));
        Assert.Equal("organization.project.user", users[0].Object);
        Assert.Equal(User2, users[1].ToString());

        var calls = await _sim.RequestsToAsync($"/organization/projects/{Prod}/users");
        Assert.Equal(2, calls.Count);
        Assert.Equal("limit=4", calls[0].Query);
        Assert.Equal("limit=4&after=" + users[3].Id, calls[1].Query);
    }

    [Fact]
    public async Task Adds_changes_and_removes_a_project_user()
    {
        using AdminClient client = _sim.NewClient();
        ProjectUser added = await client.Projects.Users.AddAsync(Prod, null, "user-0020@example.com", "Member");
        Assert.Equal("member", added.Role);
        Assert.Equal(Prod, added.ProjectId);
        Assert.StartsWith("user-0020", added.Id, StringComparison.Ordinal);
        var post = Assert.Single(await _sim.RequestsToAsync($"/organization/projects/{Prod}/users"), c => c.Method == "POST");
        Assert.Equal("{\"email\":\"user-0020@example.com\",\"role\":\"member\"}", post.Body);

        ProjectUser changed = await client.Projects.Users.UpdateAsync(Prod, added.Id, "owner");
        Assert.Equal("owner", changed.Role);
        Assert.Equal("owner", (await client.Projects.Users.GetAsync(Prod, added.Id)).Role);

        DeletedObject deleted = await client.Projects.Users.RemoveAsync(Prod, added.Id);
        Assert.Equal(added.Id, deleted.Id);
        Assert.Equal("organization.project.user.deleted", deleted.Object);
        var gone = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Projects.Users.GetAsync(Prod, added.Id));
        Assert.Equal(AdminErrorKind.ApiNotFound, gone.Kind);
    }

    [Fact]
    public async Task An_archived_project_refuses_its_user_list_and_changes_with_400()
    {
        using AdminClient client = _sim.NewClient();
        Project archived = (await client.Projects.ListAsync(includeArchived: true).ToListAsync()).Single(p => p.Status == "archived");
        var list = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Projects.Users.ListAsync(archived.Id).ToListAsync().AsTask());
        Assert.Equal(AdminErrorKind.ApiBadRequest, list.Kind);
        Assert.Equal(400, (int)list.StatusCode);
        var role = await Assert.ThrowsAsync<OpenAIAdminApiException>(() =>
            client.Projects.Roles.CreateAsync(archived.Id, new RoleCreateRequest { RoleName = "x", Permissions = new[] { "api.project.read" } }));
        Assert.Equal(AdminErrorKind.ApiBadRequest, role.Kind);
        Assert.Contains("archived", role.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Project_user_roles_use_the_projects_scope_and_both_answer_shapes()
    {
        using AdminClient client = _sim.NewClient();
        ProjectUserRoleAssignment held = Assert.Single(await client.Projects.Users.Roles.ListAsync(Prod, User2).ToListAsync());
        Assert.Equal((Prod, User2, Deployer, "Deployer"), (held.ProjectId, held.UserId, held.RoleId, held.RoleName));
        Assert.Equal("api.project", held.ResourceType);
        Assert.Equal("limit=1000", Assert.Single(await _sim.RequestsToAsync($"/projects/{Prod}/users/{User2}/roles")).Query);

        ProjectUserRoleAssignment assigned = await client.Projects.Users.Roles.AssignAsync(Prod, User3, Deployer);
        Assert.Equal((Prod, User3, Deployer), (assigned.ProjectId, assigned.UserId, assigned.RoleId));
        Assert.Equal("user-0003@example.com", assigned.User?.Email);
        Assert.Null(assigned.AssignmentSources);
        Assert.Equal(Deployer, (await client.Projects.Users.Roles.GetAsync(Prod, User3, Deployer)).RoleId);

        DeletedRoleAssignment deleted = await client.Projects.Users.Roles.UnassignAsync(Prod, User3, Deployer);
        Assert.Equal(("user.role.deleted", true, Prod, User3, Deployer), (deleted.Object, deleted.Deleted, deleted.ProjectId, deleted.UserId, deleted.RoleId));
        Assert.Null(deleted.GroupId);
        Assert.Empty(await client.Projects.Users.Roles.ListAsync(Prod, User3).ToListAsync());
    }

    [Fact]
    public async Task Project_groups_page_by_next_cursor_and_carry_their_roles()
    {
        using AdminClient client = _sim.NewClient();
        ProjectGroup added = await client.Projects.Groups.AddAsync(Prod, Contractors, Member);
        Assert.Equal((Prod, Contractors, "Contractors", "group", "project.group"), (added.ProjectId, added.GroupId, added.GroupName, added.GroupType, added.Object));
        var post = Assert.Single(await _sim.RequestsToAsync($"/organization/projects/{Prod}/groups"), c => c.Method == "POST");
        Assert.Equal("{\"group_id\":\"" + Contractors + "\",\"role\":\"" + Member + "\"}", post.Body);

        await _sim.ResetAsync();
        await client.Projects.Groups.AddAsync(Prod, Contractors, Member);
        var groups = await client.Projects.Groups.ListAsync(Prod, options: new ListOptions { PageSize = 1 }).ToListAsync();
        Assert.Equal(new[] { Engineering, Contractors }, groups.Select(g => g.GroupId));
        var lists = (await _sim.RequestsToAsync($"/organization/projects/{Prod}/groups")).Where(c => c.Method == "GET").ToList();
        Assert.Equal(2, lists.Count);
        Assert.Contains("after=", lists[1].Query);

        Assert.Equal(Member, Assert.Single(await client.Projects.Groups.Roles.ListAsync(Prod, Contractors).ToListAsync()).RoleId);
        ProjectGroupRoleAssignment assigned = await client.Projects.Groups.Roles.AssignAsync(Prod, Contractors, Deployer);
        Assert.Equal("Contractors", assigned.Group?.Name);
        Assert.Equal(Prod, assigned.ProjectId);

        var wrongType = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Projects.Groups.GetAsync(Prod, Contractors, "tenant_group"));
        Assert.Equal(AdminErrorKind.ApiNotFound, wrongType.Kind);
        Assert.Equal("Contractors", (await client.Projects.Groups.GetAsync(Prod, Contractors)).GroupName);

        DeletedObject removed = await client.Projects.Groups.RemoveAsync(Prod, Contractors);
        Assert.Equal((Contractors, "project.group.deleted", (bool?)true), (removed.Id, removed.Object, removed.Deleted));
        var roles = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Projects.Groups.Roles.ListAsync(Prod, Contractors).ToListAsync().AsTask());
        Assert.Equal(AdminErrorKind.ApiNotFound, roles.Kind);
        Assert.Equal(new[] { Engineering }, (await client.Projects.Groups.ListAsync(Prod).ToListAsync()).Select(g => g.GroupId));
    }

    [Fact]
    public async Task Project_roles_are_per_project_and_deleting_one_removes_its_assignments()
    {
        using AdminClient client = _sim.NewClient();
        var roles = await client.Projects.Roles.ListAsync(Prod).ToListAsync();
        Assert.Equal(new[] { "Owner", "Member", "Deployer" }, roles.Select(r => r.Name));
        Assert.All(roles, r => Assert.Equal(Prod, r.ProjectId));
        Assert.Equal("limit=1000", Assert.Single(await _sim.RequestsToAsync($"/projects/{Prod}/roles")).Query);
        var otherProject = (await client.Projects.ListAsync().ToListAsync()).First().Id;
        Assert.DoesNotContain(Deployer, (await client.Projects.Roles.ListAsync(otherProject).ToListAsync()).Select(r => r.Id));

        ProjectRole created = await client.Projects.Roles.CreateAsync(Prod, new RoleCreateRequest { RoleName = "Viewer", Permissions = new[] { "api.project.read" } });
        Assert.Equal(Prod, created.ProjectId);
        ProjectRole updated = await client.Projects.Roles.UpdateAsync(Prod, created.Id, new RoleUpdateRequest { Description = "Reads" });
        Assert.Equal(("Viewer", "Reads"), (updated.Name, updated.Description));
        var update = Assert.Single(await _sim.RequestsToAsync($"/projects/{Prod}/roles/{created.Id}"), c => c.Method == "POST");
        Assert.Equal("{\"description\":\"Reads\"}", update.Body);

        DeletedObject deleted = await client.Projects.Roles.DeleteAsync(Prod, Deployer);
        Assert.Equal((Deployer, "role.deleted"), (deleted.Id, deleted.Object));
        Assert.Empty(await client.Projects.Users.Roles.ListAsync(Prod, User2).ToListAsync());

        var predefined = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Projects.Roles.DeleteAsync(Prod, Member));
        Assert.Equal(AdminErrorKind.ApiBadRequest, predefined.Kind);
    }

    [Fact]
    public async Task Rejects_bad_input_before_sending_anything()
    {
        using AdminClient client = _sim.NewClient();
        await InputChecks.Refused(() => client.Projects.Users.GetAsync("..", User2));
        await InputChecks.Refused(() => client.Projects.Users.AddAsync(Prod, null, " ", "member"));
        await InputChecks.Refused(() => client.Projects.Users.AddAsync(Prod, User2, null, "reader"));
        await InputChecks.Refused(() => client.Projects.Users.UpdateAsync(Prod, User2, "admin"));
        await InputChecks.Refused(() => client.Projects.Groups.AddAsync(Prod, Contractors, ""));
        await InputChecks.Refused(() => client.Projects.Groups.Roles.UnassignAsync(Prod, ".", Deployer));
        await InputChecks.Refused(() => client.Projects.Users.Roles.AssignAsync(Prod, User2, " "));
        await InputChecks.Refused(() => client.Projects.Roles.UpdateAsync(Prod, Deployer, new RoleUpdateRequest()));
        await InputChecks.Refused(() => client.Projects.Roles.CreateAsync(" ", new RoleCreateRequest { RoleName = "x" }));
        Assert.Empty(await _sim.RequestsAsync());
    }
}
