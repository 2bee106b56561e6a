using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIAdmin.Resources
{
    /// <summary>
    /// Roles assigned to one kind of principal under <c>{principal path}/roles[/{role_id}]</c>. The user and group
    /// clients differ only in their path, their assignment type and the shape of the assign answer. The project-scoped
    /// clients (<see cref="ProjectUserRolesClient"/>, <see cref="ProjectGroupRolesClient"/>) take two ids and share
    /// the same implementation in <see cref="RoleAssignments"/>.
    /// </summary>
    public abstract class PrincipalRolesClient<T> : ResourceClient where T : RoleAssignment
    {
        internal PrincipalRolesClient(ApiConnection connection) : base(connection) { }

        public IAsyncEnumerable<T> ListAsync(string principalId, string? order = null, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            RoleAssignments.List(this, RolesPath(principalId), order, options, d => d.Fill(NewAssignment(principalId)), cancellationToken);

        public Task<T> GetAsync(string principalId, string roleId, CancellationToken cancellationToken = default) =>
            RoleAssignments.Get(this, RolePath(principalId, roleId), NewAssignment(principalId), cancellationToken);

        public Task<DeletedRoleAssignment> UnassignAsync(string principalId, string roleId, CancellationToken cancellationToken = default) =>
            RoleAssignments.Unassign(this, RolePath(principalId, roleId), roleId, d => WithPrincipal(d, principalId), cancellationToken);

        /// <summary>The principal's item path, e.g. <c>organization/users/{user_id}</c>.</summary>
        internal abstract string PrincipalPath(string principalId);

        internal abstract T NewAssignment(string principalId);

        internal abstract DeletedRoleAssignment WithPrincipal(DeletedRoleAssignment deleted, string principalId);

        internal string RolesPath(string principalId) => PrincipalPath(principalId) + "/roles";

        private string RolePath(string principalId, string roleId) => ApiPath.Item(RolesPath(principalId), roleId, "role id");
    }
}
