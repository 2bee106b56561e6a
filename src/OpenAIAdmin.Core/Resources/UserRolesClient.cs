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

        public Task<UserRoleAssignment> AssignAsync(string userId, string roleId, CancellationToken cancellationToken = default) =>
            RoleAssignments.AssignUser(this, RolesPath(userId), roleId,
                user => new UserRoleAssignment { UserId = user?.Id ?? userId, User = user }, cancellationToken);

        internal override string PrincipalPath(string principalId) => ApiPath.User(principalId);

        internal override UserRoleAssignment NewAssignment(string principalId) => new UserRoleAssignment { UserId = principalId };

        internal override DeletedRoleAssignment WithPrincipal(DeletedRoleAssignment deleted, string principalId)
        {
            deleted.UserId = principalId;
            return deleted;
        }
    }
}
