using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    /// <summary>Organization roles of users: /organization/users/{user_id}/roles[/{role_id}].</summary>
    public sealed class UserRolesClient : PrincipalRolesClient<UserRoleAssignment>
    {
        internal UserRolesClient(ApiConnection connection) : base(connection) { }

        public async Task<UserRoleAssignment> AssignAsync(string userId, string roleId, CancellationToken cancellationToken = default)
        {
            UserRoleAssignmentResponse response = await Connection.PostAsync<UserRoleAssignmentResponse>(
                RolesPath(userId), RoleAssignments.Body(roleId), cancellationToken).ConfigureAwait(false);
            var assignment = new UserRoleAssignment { UserId = response.User?.Id ?? userId, User = response.User };
            return RoleAssignments.FromRole(assignment, response.Role, roleId);
        }

        internal override string PrincipalPath(string principalId) => ApiPath.User(principalId);

        internal override UserRoleAssignment NewAssignment(string principalId) => new UserRoleAssignment { UserId = principalId };

        internal override DeletedRoleAssignment WithPrincipal(DeletedRoleAssignment deleted, string principalId)
        {
            deleted.UserId = principalId;
            return deleted;
        }
    }
}
