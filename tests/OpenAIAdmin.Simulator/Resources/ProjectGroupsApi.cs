using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>One group's access to one project.</summary>
internal sealed class ProjectGroupRecord
{
    public required string GroupId { get; init; }

    public long CreatedAt { get; init; }
}

/// <summary>
/// Which groups have access to which project. Groups are joined at read time, so a deleted group disappears from
/// every project. Seed: Production chatbot: Engineering (role Member); Data science: Finance (role Member).
/// </summary>
internal sealed class ProjectGroupsStore : IResourceStore
{
    private readonly Dictionary<string, List<ProjectGroupRecord>> _groups = new(StringComparer.Ordinal);

    public void Seed(SimState state)
    {
        _groups.Clear();
        Add(state, SeedIds.Project("productionchatbot"), SeedIds.Group(1), 130);
        Add(state, SeedIds.Project("datascience"), SeedIds.Group(3), 131);
    }

    /// <summary>The groups of a project, oldest grant first.</summary>
    public List<ProjectGroupRecord> Of(string projectId) =>
        _groups.TryGetValue(projectId, out List<ProjectGroupRecord>? groups) ? groups : _groups[projectId] = new List<ProjectGroupRecord>();

    private void Add(SimState state, string projectId, string groupId, int day)
    {
        Of(projectId).Add(new ProjectGroupRecord { GroupId = groupId, CreatedAt = SimState.At(TimeSpan.FromDays(day)) });
        state.ProjectRoles.Assignments.Add(new ProjectRoleAssignmentRecord(
            projectId, RolesStore.Group, groupId, ProjectRolesStore.PredefinedId(projectId, "Member")));
    }
}

/// <summary>
/// Project groups (inventory §6.19): list, add with a project role, retrieve (<c>group_type</c> must match), remove.
/// Adding a group assigns it the given project role; removing it removes every project role it held there. An
/// archived project refuses changes with 400.
/// </summary>
internal static class ProjectGroupsApi
{
    private static readonly string[] GroupTypes = { "group", "tenant_group" };

    /// <summary>Next-cursor, limit 0..100 (default 20), <c>order</c> asc by default; <c>after</c> is "the ID of the last group".</summary>
    public static readonly ListContract List = ListContract.NextCursor(0, 100, 20, descendingByDefault: false) with { AfterMayBeId = true };

    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        ProjectGroupsStore store = state.ProjectGroups;

        v1.MapGet("/organization/projects/{projectId}/groups", (HttpContext context, string projectId) =>
        {
            var list = ListRequest.Read(context, state, List);
            lock (state.Gate)
            {
                ProjectRecord project = state.Projects.Get(projectId);
                var groups = Members(state, projectId).Select(m => View(project, m.Grant, m.Group));
                return SimJson.Ok(list.Page($"project_groups.{projectId}", groups, g => g.GroupId));
            }
        });

        v1.MapPost("/organization/projects/{projectId}/groups", (HttpContext context, string projectId) =>
        {
            JsonBody body = JsonBody.Read(context, "group_id", "role");
            string groupId = body.String("group_id", required: true, allowEmpty: false)!;
            string roleId = body.String("role", required: true, allowEmpty: false)!;
            lock (state.Gate)
            {
                ProjectRecord project = ProjectRolesApi.RequireChangeable(state, projectId);
                GroupRecord group = state.Groups.Get(groupId);
                if (!state.ProjectRoles.Of(projectId).Any(r => r.Id == roleId))
                {
                    throw ApiException.InvalidValue("role", $"'{roleId}' is not a role of project '{projectId}'.");
                }

                List<ProjectGroupRecord> grants = store.Of(projectId);
                if (grants.Any(g => g.GroupId == groupId))
                {
                    throw ApiException.BadRequest($"Group '{groupId}' already has access to project '{projectId}'.", "group_id", "already_member");
                }

                var grant = new ProjectGroupRecord { GroupId = groupId, CreatedAt = state.Now };
                grants.Add(grant);
                state.ProjectRoles.Assignments.Add(new ProjectRoleAssignmentRecord(projectId, RolesStore.Group, groupId, roleId));
                return SimJson.Ok(View(project, grant, group));
            }
        });

        v1.MapGet("/organization/projects/{projectId}/groups/{groupId}", (HttpContext context, string projectId, string groupId) =>
        {
            string groupType = QueryReader.String(context, "group_type") ?? "group";
            if (!GroupTypes.Contains(groupType))
            {
                throw ApiException.InvalidValue("group_type", $"'{groupType}' is not one of: group, tenant_group.");
            }

            lock (state.Gate)
            {
                ProjectRecord project = state.Projects.Get(projectId);
                var (grant, group) = Member(state, projectId, groupId);
                if (group.GroupType != groupType)
                {
                    throw new ApiException(404, $"No {groupType} with id '{groupId}' in project '{projectId}'.", "invalid_request_error");
                }

                return SimJson.Ok(View(project, grant, group));
            }
        });

        v1.MapDelete("/organization/projects/{projectId}/groups/{groupId}", (string projectId, string groupId) =>
        {
            lock (state.Gate)
            {
                ProjectRolesApi.RequireChangeable(state, projectId);
                var (grant, _) = Member(state, projectId, groupId);
                store.Of(projectId).Remove(grant);
                state.ProjectRoles.RemovePrincipal(projectId, RolesStore.Group, groupId);
                return SimJson.Ok(new { @object = "project.group.deleted", deleted = true });
            }
        });
    }

    /// <summary>The grant and the group, or 404 when the group has no access to the project.</summary>
    public static (ProjectGroupRecord Grant, GroupRecord Group) Member(SimState state, string projectId, string groupId)
    {
        state.Projects.Get(projectId);
        return Members(state, projectId).Find(m => m.Group.Id == groupId) is { Group: not null } found
            ? found
            : throw new ApiException(404, $"No group with id '{groupId}' in project '{projectId}'.", "invalid_request_error");
    }

    private static List<(ProjectGroupRecord Grant, GroupRecord Group)> Members(SimState state, string projectId) =>
        state.ProjectGroups.Of(projectId)
            .Select(g => (Grant: g, Group: state.Groups.Items.Find(x => x.Id == g.GroupId)!))
            .Where(g => g.Group is not null)
            .ToList();

    /// <summary>The API's <c>ProjectGroup</c>.</summary>
    private static ProjectGroupView View(ProjectRecord project, ProjectGroupRecord grant, GroupRecord group) =>
        new(project.Id, group.Id, group.Name, group.GroupType, grant.CreatedAt);

    private sealed record ProjectGroupView(string ProjectId, string GroupId, string GroupName, string GroupType, long CreatedAt)
    {
        [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
        public string Object => "project.group";
    }
}
