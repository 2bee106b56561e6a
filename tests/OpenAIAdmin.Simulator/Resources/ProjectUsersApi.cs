using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>One user's membership of one project, with the project role <c>owner</c> or <c>member</c>.</summary>
internal sealed class ProjectUserRecord
{
    public required string UserId { get; init; }

    public required string Role { get; set; }

    public long AddedAt { get; init; }
}

/// <summary>
/// Who is in which project. Users are joined at read time, so a user removed from the organization disappears from
/// every project. Seed: Default project: user 0001 owner; Production chatbot: 0001 owner, 0002..0006 members; Data
/// science: 0007 owner, 0008..0009 members; the archived Legacy chatbot has no users.
/// </summary>
internal sealed class ProjectUsersStore : IResourceStore
{
    public static readonly string[] Roles = { "owner", "member" };

    private readonly Dictionary<string, List<ProjectUserRecord>> _members = new(StringComparer.Ordinal);

    public void Seed(SimState state)
    {
        _members.Clear();
        Add(ProjectsStore.DefaultProjectId, 1, 1, 1);
        Add(SeedIds.Project("productionchatbot"), 1, 6, 1);
        Add(SeedIds.Project("datascience"), 7, 9, 7);
    }

    /// <summary>The memberships of a project, oldest first.</summary>
    public List<ProjectUserRecord> Of(string projectId) =>
        _members.TryGetValue(projectId, out List<ProjectUserRecord>? members) ? members : _members[projectId] = new List<ProjectUserRecord>();

    private void Add(string projectId, int first, int last, int owner)
    {
        List<ProjectUserRecord> members = Of(projectId);
        for (int i = first; i <= last; i++)
        {
            members.Add(new ProjectUserRecord
            {
                UserId = SeedIds.User(i),
                Role = i == owner ? "owner" : "member",
                AddedAt = SimState.At(TimeSpan.FromDays(100 + i)),
            });
        }
    }
}

/// <summary>
/// Project users (inventory §6.13): list, add (by <c>user_id</c> or <c>email</c> of an organization member), retrieve,
/// change role, remove. An archived project refuses the list and every change with 400 (it has no users, X16).
/// Removing a user from a project removes the project roles it held there.
/// </summary>
internal static class ProjectUsersApi
{
    /// <summary>Id-cursor, limit 1..100 (default 20), no <c>order</c>.</summary>
    public static readonly ListContract List = ListContract.IdCursor(1, 100, 20);

    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        ProjectUsersStore store = state.ProjectUsers;

        v1.MapGet("/organization/projects/{projectId}/users", (HttpContext context, string projectId) =>
        {
            var list = ListRequest.Read(context, state, List);
            lock (state.Gate)
            {
                RequireActive(state, projectId);
                var users = Members(state, projectId).Select(m => View(m.Membership, m.User));
                return SimJson.Ok(list.Page($"project_users.{projectId}", users, u => u.Id));
            }
        });

        v1.MapPost("/organization/projects/{projectId}/users", (HttpContext context, string projectId) =>
        {
            JsonBody body = JsonBody.Read(context, "user_id", "email", "role");
            string? userId = body.String("user_id", allowEmpty: false);
            string? email = body.String("email", allowEmpty: false);
            string role = body.Enum("role", ProjectUsersStore.Roles, required: true)!;
            if (userId is null && email is null)
            {
                throw ApiException.BadRequest("Give user_id or email of the user to add.", "user_id", "missing_required_parameter");
            }

            lock (state.Gate)
            {
                RequireActive(state, projectId);
                UserRecord user = (userId is not null
                        ? state.Users.Items.Find(u => u.Id == userId)
                        : state.Users.Items.Find(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase)))
                    ?? throw ApiException.BadRequest(
                        $"'{userId ?? email}' is not a member of the organization; users must join the organization before they are added to a project.",
                        userId is not null ? "user_id" : "email", "user_not_in_organization");
                if (userId is not null && email is not null && !string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase))
                {
                    throw ApiException.BadRequest($"The email '{email}' is not the email of user '{userId}'.", "email", "invalid_value");
                }

                List<ProjectUserRecord> members = store.Of(projectId);
                if (members.Any(m => m.UserId == user.Id))
                {
                    throw ApiException.BadRequest($"User '{user.Id}' is already a member of project '{projectId}'.", "user_id", "already_member");
                }

                var membership = new ProjectUserRecord { UserId = user.Id, Role = role, AddedAt = state.Now };
                members.Add(membership);
                return SimJson.Ok(View(membership, user));
            }
        });

        v1.MapGet("/organization/projects/{projectId}/users/{userId}", (string projectId, string userId) =>
        {
            lock (state.Gate)
            {
                RequireActive(state, projectId);
                var (membership, user) = Member(state, projectId, userId);
                return SimJson.Ok(View(membership, user));
            }
        });

        v1.MapPost("/organization/projects/{projectId}/users/{userId}", (HttpContext context, string projectId, string userId) =>
        {
            JsonBody body = JsonBody.Read(context, "role");
            string? role = body.Enum("role", ProjectUsersStore.Roles);
            lock (state.Gate)
            {
                RequireActive(state, projectId);
                var (membership, user) = Member(state, projectId, userId);
                membership.Role = role ?? membership.Role;
                return SimJson.Ok(View(membership, user));
            }
        });

        v1.MapDelete("/organization/projects/{projectId}/users/{userId}", (string projectId, string userId) =>
        {
            lock (state.Gate)
            {
                RequireActive(state, projectId);
                var (membership, _) = Member(state, projectId, userId);
                store.Of(projectId).Remove(membership);
                state.ProjectRoles.RemovePrincipal(projectId, RolesStore.User, userId);
                return SimJson.Ok(new { @object = "organization.project.user.deleted", id = userId, deleted = true });
            }
        });
    }

    /// <summary>The membership and the user, or 404 when the user is not in the project (or the project does not exist).</summary>
    public static (ProjectUserRecord Membership, UserRecord User) Member(SimState state, string projectId, string userId)
    {
        state.Projects.Get(projectId);
        return Members(state, projectId).Find(m => m.User.Id == userId) is { User: not null } found
            ? found
            : throw new ApiException(404, $"No user with id '{userId}' in project '{projectId}'.", "invalid_request_error");
    }

    private static void RequireActive(SimState state, string projectId) => ProjectRolesApi.RequireChangeable(state, projectId);

    private static List<(ProjectUserRecord Membership, UserRecord User)> Members(SimState state, string projectId) =>
        state.ProjectUsers.Of(projectId)
            .Select(m => (Membership: m, User: state.Users.Items.Find(u => u.Id == m.UserId)!))
            .Where(m => m.User is not null)
            .ToList();

    /// <summary>The API's <c>ProjectUser</c>.</summary>
    private static ProjectUserView View(ProjectUserRecord membership, UserRecord user) =>
        new(user.Id, user.Name, user.Email, membership.Role, membership.AddedAt);

    private sealed record ProjectUserView(string Id, string? Name, string? Email, string Role, long AddedAt)
    {
        [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
        public string Object => "organization.project.user";
    }
}
