using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    /// <summary>
    /// Users of one project: <c>/organization/projects/{project_id}/users[/{user_id}]</c>. Every result carries the
    /// project id of the request.
    /// </summary>
    public sealed class ProjectUsersClient : ResourceClient
    {
        /// <summary>The project roles a user may have: <c>owner</c> or <c>member</c>.</summary>
        public static readonly IReadOnlyList<string> KnownRoles = new[] { "owner", "member" };

        private ProjectUserRolesClient? _roles;

        internal ProjectUsersClient(ApiConnection connection) : base(connection) { }

        /// <summary>Project roles of users: <c>/projects/{project_id}/users/{user_id}/roles</c>.</summary>
        public ProjectUserRolesClient Roles => _roles ??= new ProjectUserRolesClient(Connection);

        public IAsyncEnumerable<ProjectUser> ListAsync(string projectId, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            InProject(projectId, List(new ListRequest<ProjectUser>(UsersPath(projectId), PagingStyle.IdCursor, 100, u => u.Id), options, cancellationToken), cancellationToken);

        public async Task<ProjectUser> GetAsync(string projectId, string userId, CancellationToken cancellationToken = default) =>
            With(projectId, await Connection.GetAsync<ProjectUser>(UserPath(projectId, userId), null, cancellationToken).ConfigureAwait(false));

        /// <summary>Adds an organization member to the project, named by <paramref name="userId"/> or <paramref name="email"/>.</summary>
        public async Task<ProjectUser> AddAsync(string projectId, string? userId, string? email, string role, CancellationToken cancellationToken = default)
        {
            string path = UsersPath(projectId);
            if (string.IsNullOrWhiteSpace(userId) && string.IsNullOrWhiteSpace(email))
            {
                throw InputError.Invalid("Give the user id or the e-mail address of the user to add.");
            }

            var body = new AddRequest { UserId = userId, Email = email, Role = RequireRole(role) };
            return With(projectId, await Connection.PostAsync<ProjectUser>(path, body, cancellationToken).ConfigureAwait(false));
        }

        /// <summary>Changes the user's project role to <c>owner</c> or <c>member</c>.</summary>
        public async Task<ProjectUser> UpdateAsync(string projectId, string userId, string role, CancellationToken cancellationToken = default)
        {
            string path = UserPath(projectId, userId);
            var body = new UpdateRequest { Role = RequireRole(role) };
            return With(projectId, await Connection.PostAsync<ProjectUser>(path, body, cancellationToken).ConfigureAwait(false));
        }

        /// <summary>Removes the user from the project (not from the organization).</summary>
        public Task<DeletedObject> RemoveAsync(string projectId, string userId, CancellationToken cancellationToken = default) =>
            Delete(() => UserPath(projectId, userId), userId, cancellationToken, projectId);

        internal static string UsersPath(string projectId) => ApiPath.Project(projectId) + "/users";

        private static string UserPath(string projectId, string userId) => ApiPath.Item(UsersPath(projectId), userId, "user id");

        private static string RequireRole(string role)
        {
            foreach (string known in KnownRoles)
            {
                if (string.Equals(known, role, StringComparison.OrdinalIgnoreCase))
                {
                    return known;
                }
            }

            throw InputError.Invalid($"'{InputError.Shorten(role ?? string.Empty)}' is not a project role of a user: use owner or member.");
        }

        private static ProjectUser With(string projectId, ProjectUser user)
        {
            user.ProjectId = projectId;
            return user;
        }

        private static async IAsyncEnumerable<ProjectUser> InProject(string projectId, IAsyncEnumerable<ProjectUser> source,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (ProjectUser user in source.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return With(projectId, user);
            }
        }

        private sealed class AddRequest
        {
            public string? UserId { get; set; }

            public string? Email { get; set; }

            public string Role { get; set; } = string.Empty;
        }

        private sealed class UpdateRequest
        {
            public string Role { get; set; } = string.Empty;
        }
    }

    /// <summary>Project roles of users within a project: <c>/projects/{project_id}/users/{user_id}/roles[/{role_id}]</c>.</summary>
    public sealed class ProjectUserRolesClient : ResourceClient
    {
        internal ProjectUserRolesClient(ApiConnection connection) : base(connection) { }

        public IAsyncEnumerable<ProjectUserRoleAssignment> ListAsync(string projectId, string userId, string? order = null, ListOptions? options = null,
            CancellationToken cancellationToken = default) =>
            RoleAssignments.List(this, RolesPath(projectId, userId), order, options, d => d.Fill(New(projectId, userId)), cancellationToken);

        public Task<ProjectUserRoleAssignment> GetAsync(string projectId, string userId, string roleId, CancellationToken cancellationToken = default) =>
            RoleAssignments.Get(this, RolePath(projectId, userId, roleId), New(projectId, userId), cancellationToken);

        public Task<ProjectUserRoleAssignment> AssignAsync(string projectId, string userId, string roleId, CancellationToken cancellationToken = default) =>
            RoleAssignments.AssignUser(this, RolesPath(projectId, userId), roleId,
                user => new ProjectUserRoleAssignment { ProjectId = projectId, UserId = user?.Id ?? userId, User = user }, cancellationToken);

        public Task<DeletedRoleAssignment> UnassignAsync(string projectId, string userId, string roleId, CancellationToken cancellationToken = default) =>
            RoleAssignments.Unassign(this, RolePath(projectId, userId, roleId), roleId, d =>
            {
                d.ProjectId = projectId;
                d.UserId = userId;
                return d;
            }, cancellationToken);

        private static ProjectUserRoleAssignment New(string projectId, string userId) => new ProjectUserRoleAssignment { ProjectId = projectId, UserId = userId };

        private static string RolesPath(string projectId, string userId) =>
            ApiPath.Item(ApiPath.ProjectScope(projectId) + "/users", userId, "user id") + "/roles";

        private static string RolePath(string projectId, string userId, string roleId) => ApiPath.Item(RolesPath(projectId, userId), roleId, "role id");
    }

    public sealed partial class ProjectsClient
    {
        private ProjectUsersClient? _users;

        /// <summary>Users in a project: <c>/organization/projects/{project_id}/users</c>; their project roles under <c>Users.Roles</c>.</summary>
        public ProjectUsersClient Users => _users ??= new ProjectUsersClient(Connection);
    }
}
