using System.Globalization;
using System.Text.RegularExpressions;
using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>An organization role with everything the API reports about it (inventory §6.11, <c>AssignedRoleDetails</c>).</summary>
internal sealed class RoleRecord
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public List<string> Permissions { get; set; } = new();

    public string ResourceType { get; init; } = "api.organization";

    public bool PredefinedRole { get; init; }

    public long? CreatedAt { get; init; }

    public long? UpdatedAt { get; set; }

    public string? CreatedBy { get; init; }

    public Dictionary<string, object?>? CreatedByUserObj { get; init; }

    public Dictionary<string, object?>? Metadata { get; init; }

    /// <summary>The API's <c>Role</c>: what create, get, update and the assign responses carry.</summary>
    public object ToRole() => new
    {
        @object = "role",
        id = Id,
        name = Name,
        description = Description,
        permissions = Permissions,
        resource_type = ResourceType,
        predefined_role = PredefinedRole,
    };

    /// <summary>The API's <c>AssignedRoleDetails</c>: what the assignment list and get return.</summary>
    public object ToAssignedDetails(string principalType, string principalId) => new
    {
        id = Id,
        name = Name,
        permissions = Permissions,
        resource_type = ResourceType,
        predefined_role = PredefinedRole,
        description = Description,
        created_at = CreatedAt,
        updated_at = UpdatedAt,
        created_by = CreatedBy,
        created_by_user_obj = CreatedByUserObj,
        metadata = Metadata,
        assignment_sources = new[] { new { principal_id = principalId, principal_type = principalType } },
    };
}

/// <summary>One role held by one user or group.</summary>
internal sealed record RoleAssignmentRecord(string PrincipalType, string PrincipalId, string RoleId);

/// <summary>Organization roles and the roles assigned to users and groups.</summary>
internal sealed class RolesStore : IResourceStore
{
    public const string User = "user";
    public const string Group = "group";

    /// <summary>In creation order (the list order).</summary>
    public List<RoleRecord> Items { get; } = new();

    /// <summary>In assignment order (the order of the assignment lists).</summary>
    public List<RoleAssignmentRecord> Assignments { get; } = new();

    public void Seed(SimState state)
    {
        Items.Clear();
        Assignments.Clear();
        var creator = new Dictionary<string, object?> { ["id"] = SeedIds.User(1), ["name"] = "User 0001", ["email"] = "user-0001@example.com" };
        Items.Add(Predefined(SeedIds.Role(1), "Owner", "Full control of the organization",
            "api.organization.read", "api.organization.write", "api.groups.read", "api.groups.write", "api.roles.read", "api.roles.write",
            "api.organization.projects.api_keys.read", "api.organization.projects.api_keys.write"));
        Items.Add(Predefined(SeedIds.Role(2), "Reader", "Read access to the organization",
            "api.organization.read", "api.groups.read", "api.roles.read"));
        Items.Add(Custom(SeedIds.Role(3), "Billing reader", "Reads costs and usage for finance reporting", 100, creator,
            "api.organization.costs.read", "api.organization.usage.read"));
        Items.Add(Custom(SeedIds.Role(4), "Security auditor", "Reads audit logs, groups and roles", 101, creator,
            "api.organization.audit_logs.read", "api.groups.read", "api.roles.read"));
        Items.Add(Custom(SeedIds.Role(5), "Project creator", "Creates projects", 102, creator,
            "api.organization.projects.write"));
        Assignments.Add(new RoleAssignmentRecord(User, SeedIds.User(2), SeedIds.Role(3)));
        Assignments.Add(new RoleAssignmentRecord(Group, SeedIds.Group(3), SeedIds.Role(3)));
    }

    public RoleRecord Get(string id) =>
        Items.Find(r => r.Id == id) ?? throw ApiException.NotFound("role", id);

    public List<RoleAssignmentRecord> Of(string principalType, string principalId) =>
        Assignments.Where(a => a.PrincipalType == principalType && a.PrincipalId == principalId).ToList();

    public RoleAssignmentRecord? Find(string principalType, string principalId, string roleId) =>
        Assignments.Find(a => a.PrincipalType == principalType && a.PrincipalId == principalId && a.RoleId == roleId);

    private static RoleRecord Predefined(string id, string name, string description, params string[] permissions) => new()
    {
        Id = id,
        Name = name,
        Description = description,
        Permissions = permissions.ToList(),
        PredefinedRole = true,
    };

    private static RoleRecord Custom(string id, string name, string description, int day, Dictionary<string, object?> creator, params string[] permissions) => new()
    {
        Id = id,
        Name = name,
        Description = description,
        Permissions = permissions.ToList(),
        CreatedAt = SimState.At(TimeSpan.FromDays(day)),
        UpdatedAt = SimState.At(TimeSpan.FromDays(day)),
        CreatedBy = SeedIds.User(1),
        CreatedByUserObj = creator,
        Metadata = new Dictionary<string, object?>(),
    };
}

/// <summary>
/// Organization roles (inventory §6.11) and user/group role assignments (§6.7, §6.10); the lists' paging is in
/// <see cref="List"/> and <see cref="AssignmentList"/>. Predefined roles cannot be changed or deleted (400). Deleting
/// a role removes its assignments (the inventory does not say; documented in docs/ARCHITECTURE.md).
/// </summary>
internal static class RolesApi
{
    private static readonly Regex PermissionShape = new("^api(\\.[a-z0-9_]+)+$", RegexOptions.CultureInvariant);

    /// <summary>Next-cursor, limit 0..1000 (default 1000), <c>order</c> asc by default; <c>after</c> is the previous <c>next</c>.</summary>
    public static readonly ListContract List = ListContract.NextCursor(0, 1000, 1000, descendingByDefault: false);

    /// <summary>
    /// User and group role assignments: next-cursor, limit 0..1000, <c>order</c> asc/desc. The contract gives no
    /// default limit; 1000 here, as for the role list.
    /// </summary>
    public static readonly ListContract AssignmentList = ListContract.NextCursor(0, 1000, 1000, descendingByDefault: false);

    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        RolesStore store = state.Roles;

        v1.MapGet("/organization/roles", (HttpContext context) =>
        {
            var list = ListRequest.Read(context, state, List);
            lock (state.Gate)
            {
                return SimJson.Ok(list.Page("roles", store.Items, r => r.Id, r => r.ToRole()));
            }
        });

        v1.MapPost("/organization/roles", (HttpContext context) =>
        {
            JsonBody body = JsonBody.Read(context, "role_name", "permissions", "description");
            string name = body.String("role_name", required: true, allowEmpty: false, maxLength: 255)!;
            List<string> permissions = Permissions(body, required: true)!;
            string? description = body.String("description");
            lock (state.Gate)
            {
                RequireUniqueName(store, name, null);
                long now = state.Now;
                var role = new RoleRecord
                {
                    Id = state.Ids.New(IdShape.Role),
                    Name = name,
                    Description = description,
                    Permissions = permissions,
                    CreatedAt = now,
                    UpdatedAt = now,
                    CreatedBy = SeedIds.User(1),
                    CreatedByUserObj = new Dictionary<string, object?> { ["id"] = SeedIds.User(1), ["name"] = "User 0001", ["email"] = "user-0001@example.com" },
                    Metadata = new Dictionary<string, object?>(),
                };
                store.Items.Add(role);
                return SimJson.Ok(role.ToRole());
            }
        });

        v1.MapGet("/organization/roles/{roleId}", (string roleId) =>
        {
            lock (state.Gate)
            {
                return SimJson.Ok(store.Get(roleId).ToRole());
            }
        });

        v1.MapPost("/organization/roles/{roleId}", (HttpContext context, string roleId) =>
        {
            JsonBody body = JsonBody.Read(context, "role_name", "permissions", "description");
            string? name = body.String("role_name", allowEmpty: false, maxLength: 255);
            List<string>? permissions = Permissions(body, required: false);
            string? description = body.String("description");
            if (body.IsEmpty)
            {
                throw ApiException.BadRequest("Nothing to update: give role_name, permissions or description.", null, "missing_required_parameter");
            }

            lock (state.Gate)
            {
                RoleRecord role = store.Get(roleId);
                RefusePredefined(role, "modified");
                if (name is not null)
                {
                    RequireUniqueName(store, name, role.Id);
                    role.Name = name;
                }

                role.Permissions = permissions ?? role.Permissions;
                role.Description = description is null ? role.Description : description.Length == 0 ? null : description;
                role.UpdatedAt = state.Now;
                return SimJson.Ok(role.ToRole());
            }
        });

        v1.MapDelete("/organization/roles/{roleId}", (string roleId) =>
        {
            lock (state.Gate)
            {
                RoleRecord role = store.Get(roleId);
                RefusePredefined(role, "deleted");
                store.Items.Remove(role);
                store.Assignments.RemoveAll(a => a.RoleId == roleId);
                return SimJson.Ok(new { @object = "role.deleted", id = roleId, deleted = true });
            }
        });

        MapAssignments(v1, state, RolesStore.User, "/organization/users/{principalId}/roles", id => state.Users.Get(id));
        MapAssignments(v1, state, RolesStore.Group, "/organization/groups/{principalId}/roles", id => state.Groups.Get(id));
    }

    private static void MapAssignments(RouteGroupBuilder v1, SimState state, string principalType, string route, Func<string, object> requirePrincipal)
    {
        RolesStore store = state.Roles;

        v1.MapGet(route, (HttpContext context, string principalId) =>
        {
            var list = ListRequest.Read(context, state, AssignmentList);
            lock (state.Gate)
            {
                requirePrincipal(principalId);
                var held = store.Of(principalType, principalId).Select(a => store.Get(a.RoleId));
                return SimJson.Ok(list.Page($"{principalType}_roles.{principalId}", held, r => r.Id, r => r.ToAssignedDetails(principalType, principalId)));
            }
        });

        v1.MapPost(route, (HttpContext context, string principalId) =>
        {
            JsonBody body = JsonBody.Read(context, "role_id");
            string roleId = body.String("role_id", required: true, allowEmpty: false)!;
            lock (state.Gate)
            {
                object principal = requirePrincipal(principalId);
                RoleRecord role = store.Get(roleId);
                if (store.Find(principalType, principalId, roleId) is not null)
                {
                    throw ApiException.BadRequest(
                        $"The {principalType} '{principalId}' already has the role '{roleId}'.", "role_id", "role_already_assigned");
                }

                store.Assignments.Add(new RoleAssignmentRecord(principalType, principalId, roleId));
                return principalType == RolesStore.User
                    ? SimJson.Ok(new { @object = "user.role", user = principal, role = role.ToRole() })
                    : SimJson.Ok(new { @object = "group.role", group = EmbeddedGroup((GroupRecord)principal), role = role.ToRole() });
            }
        });

        v1.MapGet(route + "/{roleId}", (string principalId, string roleId) =>
        {
            lock (state.Gate)
            {
                requirePrincipal(principalId);
                RoleAssignmentRecord assignment = Require(store, principalType, principalId, roleId);
                return SimJson.Ok(store.Get(assignment.RoleId).ToAssignedDetails(principalType, principalId));
            }
        });

        v1.MapDelete(route + "/{roleId}", (string principalId, string roleId) =>
        {
            lock (state.Gate)
            {
                requirePrincipal(principalId);
                store.Assignments.Remove(Require(store, principalType, principalId, roleId));
                return SimJson.Ok(new { @object = principalType + ".role.deleted", deleted = true });
            }
        });
    }

    /// <summary>The <c>Group</c> of role assignments: <c>scim_managed</c>, not <c>is_scim_managed</c>, and no <c>group_type</c> (inventory X1).</summary>
    private static object EmbeddedGroup(GroupRecord group) => new
    {
        @object = "group",
        id = group.Id,
        name = group.Name,
        created_at = group.CreatedAt,
        scim_managed = group.IsScimManaged,
    };

    private static RoleAssignmentRecord Require(RolesStore store, string principalType, string principalId, string roleId) =>
        store.Find(principalType, principalId, roleId)
        ?? throw new ApiException(404, $"The {principalType} '{principalId}' does not have the role '{roleId}'.", "invalid_request_error");

    private static List<string>? Permissions(JsonBody body, bool required)
    {
        IReadOnlyList<string>? permissions = body.StringArray("permissions", 0, 100, required);
        if (permissions is null)
        {
            return null;
        }

        foreach (string permission in permissions)
        {
            if (!PermissionShape.IsMatch(permission))
            {
                throw ApiException.InvalidValue("permissions", $"'{permission}' is not a known permission.");
            }
        }

        return permissions.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void RequireUniqueName(RolesStore store, string name, string? exceptId)
    {
        if (store.Items.Any(r => r.Id != exceptId && string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw ApiException.BadRequest($"A role named '{name}' already exists in this organization.", "role_name", "role_name_taken");
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
