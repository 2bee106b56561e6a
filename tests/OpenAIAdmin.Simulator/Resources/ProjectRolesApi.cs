using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>One project role held by one user or group of that project.</summary>
internal sealed record ProjectRoleAssignmentRecord(string ProjectId, string PrincipalType, string PrincipalId, string RoleId);

/// <summary>
/// Project roles and the project roles assigned to users and groups. Every project has the two predefined roles
/// <c>Owner</c> and <c>Member</c> (made on first use, with ids derived from the project id, so new projects have
/// them too); the seed adds the custom role <c>Deployer</c> to Production chatbot, held there by user 0002.
/// </summary>
internal sealed class ProjectRolesStore : IResourceStore
{
    private readonly Dictionary<string, List<RoleRecord>> _roles = new(StringComparer.Ordinal);

    /// <summary>In assignment order (the order of the assignment lists).</summary>
    public List<ProjectRoleAssignmentRecord> Assignments { get; } = new();

    public static readonly string ProductionChatbot = SeedIds.Project("productionchatbot");

    /// <summary>The predefined <c>Owner</c> and <c>Member</c> roles of a project have these ids.</summary>
    public static string PredefinedId(string projectId, string name) => IdShape.Role.Seeded("01JP", projectId + "|" + name);

    public void Seed(SimState state)
    {
        _roles.Clear();
        Assignments.Clear();
        Of(ProductionChatbot).Add(new RoleRecord
        {
            Id = DeployerId,
            Name = "Deployer",
            Description = "Deploys models and manages project API keys",
            Permissions = new List<string> { "api.project.models.read", "api.project.api_keys.write" },
            ResourceType = "api.project",
            CreatedAt = SimState.At(TimeSpan.FromDays(120)),
            UpdatedAt = SimState.At(TimeSpan.FromDays(120)),
            CreatedBy = SeedIds.User(1),
            Metadata = new Dictionary<string, object?>(),
        });
        Assignments.Add(new ProjectRoleAssignmentRecord(ProductionChatbot, RolesStore.User, SeedIds.User(2), DeployerId));
    }

    /// <summary>The seeded custom role <c>Deployer</c> of Production chatbot.</summary>
    public static readonly string DeployerId = IdShape.Role.Seeded("01JP0001");

    /// <summary>The roles of a project in creation order, predefined ones first.</summary>
    public List<RoleRecord> Of(string projectId)
    {
        if (!_roles.TryGetValue(projectId, out List<RoleRecord>? roles))
        {
            roles = new List<RoleRecord>
            {
                Predefined(projectId, "Owner", "Full control of the project", "api.project.read", "api.project.write"),
                Predefined(projectId, "Member", "Uses the project", "api.project.read"),
            };
            _roles[projectId] = roles;
        }

        return roles;
    }

    public RoleRecord Get(string projectId, string roleId) =>
        Of(projectId).Find(r => r.Id == roleId)
        ?? throw new ApiException(404, $"No role with id '{roleId}' in project '{projectId}'.", "invalid_request_error");

    public List<ProjectRoleAssignmentRecord> Held(string projectId, string principalType, string principalId) =>
        Assignments.Where(a => a.ProjectId == projectId && a.PrincipalType == principalType && a.PrincipalId == principalId).ToList();

    public ProjectRoleAssignmentRecord? Find(string projectId, string principalType, string principalId, string roleId) =>
        Assignments.Find(a => a.ProjectId == projectId && a.PrincipalType == principalType && a.PrincipalId == principalId && a.RoleId == roleId);

    /// <summary>Removes every role a principal holds in a project (it left the project).</summary>
    public void RemovePrincipal(string projectId, string principalType, string principalId) =>
        Assignments.RemoveAll(a => a.ProjectId == projectId && a.PrincipalType == principalType && a.PrincipalId == principalId);

    private static RoleRecord Predefined(string projectId, string name, string description, params string[] permissions) => new()
    {
        Id = PredefinedId(projectId, name),
        Name = name,
        Description = description,
        Permissions = permissions.ToList(),
        ResourceType = "api.project",
        PredefinedRole = true,
    };
}

/// <summary>
/// Project roles (inventory §6.21) and the project role assignments of users (§6.14) and groups (§6.20), under
/// <c>/projects/{project_id}</c>. Archived projects refuse every change with 400. Predefined roles cannot be changed
/// or deleted (400); deleting a role removes its assignments; a role is assigned only to a user or group of the project.
/// </summary>
internal static class ProjectRolesApi
{
    /// <summary>Next-cursor, limit 0..1000 (default 1000), <c>order</c> asc by default.</summary>
    public static readonly ListContract List = ListContract.NextCursor(0, 1000, 1000, descendingByDefault: false);

    /// <summary>Project user and group role assignments: next-cursor, limit 0..1000 (no default in the contract; 1000 here).</summary>
    public static readonly ListContract AssignmentList = ListContract.NextCursor(0, 1000, 1000, descendingByDefault: false);

    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        ProjectRolesStore store = state.ProjectRoles;

        v1.MapGet("/projects/{projectId}/roles", (HttpContext context, string projectId) =>
        {
            var list = ListRequest.Read(context, state, List);
            lock (state.Gate)
            {
                state.Projects.Get(projectId);
                return SimJson.Ok(list.Page($"project_roles.{projectId}", store.Of(projectId), r => r.Id, r => r.ToRole()));
            }
        });

        v1.MapPost("/projects/{projectId}/roles", (HttpContext context, string projectId) =>
        {
            JsonBody body = JsonBody.Read(context, "role_name", "permissions", "description");
            string name = body.String("role_name", required: true, allowEmpty: false, maxLength: 255)!;
            List<string> permissions = body.StringArray("permissions", 0, 100, required: true)!.Distinct(StringComparer.Ordinal).ToList();
            string? description = body.String("description");
            lock (state.Gate)
            {
                RequireChangeable(state, projectId);
                RequireUniqueName(store, projectId, name, null);
                long now = state.Now;
                var role = new RoleRecord
                {
                    Id = state.Ids.New(IdShape.Role),
                    Name = name,
                    Description = description,
                    Permissions = permissions,
                    ResourceType = "api.project",
                    CreatedAt = now,
                    UpdatedAt = now,
                    CreatedBy = SeedIds.User(1),
                    Metadata = new Dictionary<string, object?>(),
                };
                store.Of(projectId).Add(role);
                return SimJson.Ok(role.ToRole());
            }
        });

        v1.MapGet("/projects/{projectId}/roles/{roleId}", (string projectId, string roleId) =>
        {
            lock (state.Gate)
            {
                state.Projects.Get(projectId);
                return SimJson.Ok(store.Get(projectId, roleId).ToRole());
            }
        });

        v1.MapPost("/projects/{projectId}/roles/{roleId}", (HttpContext context, string projectId, string roleId) =>
        {
            JsonBody body = JsonBody.Read(context, "role_name", "permissions", "description");
            string? name = body.String("role_name", allowEmpty: false, maxLength: 255);
            List<string>? permissions = body.StringArray("permissions", 0, 100)?.Distinct(StringComparer.Ordinal).ToList();
            string? description = body.String("description");
            if (body.IsEmpty)
            {
                throw ApiException.BadRequest("Nothing to update: give role_name, permissions or description.", null, "missing_required_parameter");
            }

            lock (state.Gate)
            {
                RequireChangeable(state, projectId);
                RoleRecord role = store.Get(projectId, roleId);
                RefusePredefined(role, "modified");
                if (name is not null)
                {
                    RequireUniqueName(store, projectId, name, role.Id);
                    role.Name = name;
                }

                role.Permissions = permissions ?? role.Permissions;
                role.Description = description is null ? role.Description : description.Length == 0 ? null : description;
                role.UpdatedAt = state.Now;
                return SimJson.Ok(role.ToRole());
            }
        });

        v1.MapDelete("/projects/{projectId}/roles/{roleId}", (string projectId, string roleId) =>
        {
            lock (state.Gate)
            {
                RequireChangeable(state, projectId);
                RoleRecord role = store.Get(projectId, roleId);
                RefusePredefined(role, "deleted");
                store.Of(projectId).Remove(role);
                store.Assignments.RemoveAll(a => a.ProjectId == projectId && a.RoleId == roleId);
                return SimJson.Ok(new { @object = "role.deleted", id = roleId, deleted = true });
            }
        });

        MapAssignments(v1, state, RolesStore.User, "/projects/{projectId}/users/{principalId}/roles",
            (projectId, userId) => ProjectUsersApi.Member(state, projectId, userId).User);
        MapAssignments(v1, state, RolesStore.Group, "/projects/{projectId}/groups/{principalId}/roles",
            (projectId, groupId) => ProjectGroupsApi.Member(state, projectId, groupId).Group);
    }

    /// <summary>400 when the project is archived (the API refuses changes to archived projects), 404 when it does not exist.</summary>
    public static ProjectRecord RequireChangeable(SimState state, string projectId)
    {
        ProjectRecord project = state.Projects.Get(projectId);
        if (project.Status == "archived")
        {
            throw ApiException.BadRequest($"Project '{projectId}' is archived; archived projects cannot be changed.", null, "project_archived");
        }

        return project;
    }

    private static void MapAssignments(RouteGroupBuilder v1, SimState state, string principalType, string route, Func<string, string, object> requireMember)
    {
        ProjectRolesStore store = state.ProjectRoles;

        v1.MapGet(route, (HttpContext context, string projectId, string principalId) =>
        {
            var list = ListRequest.Read(context, state, AssignmentList);
            lock (state.Gate)
            {
                state.Projects.Get(projectId);
                requireMember(projectId, principalId);
                var held = store.Held(projectId, principalType, principalId).Select(a => store.Get(projectId, a.RoleId));
                return SimJson.Ok(list.Page($"project_{principalType}_roles.{projectId}.{principalId}", held, r => r.Id,
                    r => r.ToAssignedDetails(principalType, principalId)));
            }
        });

        v1.MapPost(route, (HttpContext context, string projectId, string principalId) =>
        {
            JsonBody body = JsonBody.Read(context, "role_id");
            string roleId = body.String("role_id", required: true, allowEmpty: false)!;
            lock (state.Gate)
            {
                RequireChangeable(state, projectId);
                object principal = requireMember(projectId, principalId);
                RoleRecord role = store.Get(projectId, roleId);
                if (store.Find(projectId, principalType, principalId, roleId) is not null)
                {
                    throw ApiException.BadRequest(
                        $"The {principalType} '{principalId}' already has the role '{roleId}' in project '{projectId}'.", "role_id", "role_already_assigned");
                }

                store.Assignments.Add(new ProjectRoleAssignmentRecord(projectId, principalType, principalId, roleId));
                return principalType == RolesStore.User
                    ? SimJson.Ok(new { @object = "user.role", user = principal, role = role.ToRole() })
                    : SimJson.Ok(new { @object = "group.role", group = EmbeddedGroup((GroupRecord)principal), role = role.ToRole() });
            }
        });

        v1.MapGet(route + "/{roleId}", (string projectId, string principalId, string roleId) =>
        {
            lock (state.Gate)
            {
                state.Projects.Get(projectId);
                requireMember(projectId, principalId);
                ProjectRoleAssignmentRecord assignment = Require(store, projectId, principalType, principalId, roleId);
                return SimJson.Ok(store.Get(projectId, assignment.RoleId).ToAssignedDetails(principalType, principalId));
            }
        });

        v1.MapDelete(route + "/{roleId}", (string projectId, string principalId, string roleId) =>
        {
            lock (state.Gate)
            {
                RequireChangeable(state, projectId);
                requireMember(projectId, principalId);
                store.Assignments.Remove(Require(store, projectId, principalType, principalId, roleId));
                return SimJson.Ok(new { @object = principalType + ".role.deleted", deleted = true });
            }
        });
    }

    /// <summary>The <c>Group</c> of role assignments: <c>scim_managed</c>, not <c>is_scim_managed</c> (inventory X1).</summary>
    private static object EmbeddedGroup(GroupRecord group) => new
    {
        @object = "group",
        id = group.Id,
        name = group.Name,
        created_at = group.CreatedAt,
        scim_managed = group.IsScimManaged,
    };

    private static ProjectRoleAssignmentRecord Require(ProjectRolesStore store, string projectId, string principalType, string principalId, string roleId) =>
        store.Find(projectId, principalType, principalId, roleId)
        ?? throw new ApiException(404, $"The {principalType} '{principalId}' does not have the role '{roleId}' in project '{projectId}'.", "invalid_request_error");

    private static void RequireUniqueName(ProjectRolesStore store, string projectId, string name, string? exceptId)
    {
        if (store.Of(projectId).Any(r => r.Id != exceptId && string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw ApiException.BadRequest($"A role named '{name}' already exists in project '{projectId}'.", "role_name", "role_name_taken");
        }
    }

    private static void RefusePredefined(RoleRecord role, string verb)
    {
        if (role.PredefinedRole)
        {
            throw ApiException.BadRequest($"The role '{role.Name}' ({role.Id}) is predefined and cannot be {verb}.", "role_id", "predefined_role");
        }
    }
}
