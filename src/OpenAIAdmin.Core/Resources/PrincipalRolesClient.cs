using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIAdmin.Resources
{
    /// <summary>
    /// Roles assigned to one kind of principal under <c>{principal path}/roles[/{role_id}]</c>. The user and group
    /// clients (and the project ones to come) differ only in their path, their assignment type and the shape of the
    /// assign answer.
    /// </summary>
    public abstract class PrincipalRolesClient<T> : ResourceClient where T : RoleAssignment
    {
        internal PrincipalRolesClient(ApiConnection connection) : base(connection) { }

        public IAsyncEnumerable<T> ListAsync(string principalId, string? order = null, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            RoleAssignments.List(this, RolesPath(principalId), order, options, d => d.Fill(NewAssignment(principalId)), cancellationToken);

        public async Task<T> GetAsync(string principalId, string roleId, CancellationToken cancellationToken = default)
        {
            AssignedRoleDetails details = await Connection.GetAsync<AssignedRoleDetails>(RolePath(principalId, roleId), null, cancellationToken).ConfigureAwait(false);
            return details.Fill(NewAssignment(principalId));
        }

        public async Task<DeletedRoleAssignment> UnassignAsync(string principalId, string roleId, CancellationToken cancellationToken = default)
        {
            DeletedRoleAssignmentResponse response = await Connection.DeleteAsync<DeletedRoleAssignmentResponse>(
                RolePath(principalId, roleId), cancellationToken).ConfigureAwait(false);
            DeletedRoleAssignment deleted = new DeletedRoleAssignment { Object = response.Object, Deleted = response.Deleted, RoleId = roleId };
            return WithPrincipal(deleted, principalId);
        }

        /// <summary>The principal's item path, e.g. <c>organization/users/{user_id}</c>.</summary>
        internal abstract string PrincipalPath(string principalId);

        internal abstract T NewAssignment(string principalId);

        internal abstract DeletedRoleAssignment WithPrincipal(DeletedRoleAssignment deleted, string principalId);

        internal string RolesPath(string principalId) => PrincipalPath(principalId) + "/roles";

        private string RolePath(string principalId, string roleId) => ApiPath.Item(RolesPath(principalId), roleId, "role id");
    }
}
