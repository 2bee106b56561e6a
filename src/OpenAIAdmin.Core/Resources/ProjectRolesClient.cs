using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    /// <summary>Roles of one project: <c>/projects/{project_id}/roles[/{role_id}]</c>. Every role carries the project id of the request.</summary>
    public sealed class ProjectRolesClient : ResourceClient
    {
        /// <summary>The most roles one list request may ask for (also the API's default).</summary>
        public const int MaxPageSize = 1000;

        internal ProjectRolesClient(ApiConnection connection) : base(connection) { }

        public IAsyncEnumerable<ProjectRole> ListAsync(string projectId, string? order = null, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            InProject(projectId, List(new ListRequest<ProjectRole>(RolesPath(projectId), PagingStyle.NextCursor, MaxPageSize, r => r.Id)
            {
                Query = new Query().Add("order", order),
            }, options, cancellationToken), cancellationToken);

        public async Task<ProjectRole> GetAsync(string projectId, string roleId, CancellationToken cancellationToken = default) =>
            With(projectId, await Connection.GetAsync<ProjectRole>(RolePath(projectId, roleId), null, cancellationToken).ConfigureAwait(false));

        /// <summary>Creates a custom project role (the same body as an organization role).</summary>
        public async Task<ProjectRole> CreateAsync(string projectId, RoleCreateRequest request, CancellationToken cancellationToken = default)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            string path = RolesPath(projectId);
            if (string.IsNullOrWhiteSpace(request.RoleName))
            {
                throw InputError.Invalid("A role needs a name that is not blank.");
            }

            return With(projectId, await Connection.PostAsync<ProjectRole>(path, request, cancellationToken).ConfigureAwait(false));
        }

        /// <summary>Changes a custom project role; null fields of <paramref name="request"/> are left unchanged.</summary>
        public async Task<ProjectRole> UpdateAsync(string projectId, string roleId, RoleUpdateRequest request, CancellationToken cancellationToken = default)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            string path = RolePath(projectId, roleId);
            if (request.RoleName == null && request.Permissions == null && request.Description == null)
            {
                throw InputError.Invalid("Nothing to change: give a name, permissions or a description.");
            }

            return With(projectId, await Connection.PostAsync<ProjectRole>(path, request, cancellationToken).ConfigureAwait(false));
        }

        /// <summary>Deletes a custom project role; users and groups holding it in the project lose it.</summary>
        public Task<DeletedObject> DeleteAsync(string projectId, string roleId, CancellationToken cancellationToken = default) =>
            Delete(() => RolePath(projectId, roleId), roleId, cancellationToken, projectId);

        private static string RolesPath(string projectId) => ApiPath.ProjectScope(projectId) + "/roles";

        private static string RolePath(string projectId, string roleId) => ApiPath.Item(RolesPath(projectId), roleId, "role id");

        private static ProjectRole With(string projectId, ProjectRole role)
        {
            role.ProjectId = projectId;
            return role;
        }

        private static async IAsyncEnumerable<ProjectRole> InProject(string projectId, IAsyncEnumerable<ProjectRole> source,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (ProjectRole role in source.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return With(projectId, role);
            }
        }
    }

    public sealed partial class ProjectsClient
    {
        private ProjectRolesClient? _roles;

        /// <summary>Roles of a project: <c>/projects/{project_id}/roles</c>.</summary>
        public ProjectRolesClient Roles => _roles ??= new ProjectRolesClient(Connection);
    }
}
