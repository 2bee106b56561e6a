using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    /// <summary>Organization roles of groups: /organization/groups/{group_id}/roles[/{role_id}].</summary>
    public sealed class GroupRolesClient : PrincipalRolesClient<GroupRoleAssignment>
    {
        internal GroupRolesClient(ApiConnection connection) : base(connection) { }

        public async Task<GroupRoleAssignment> AssignAsync(string groupId, string roleId, CancellationToken cancellationToken = default)
        {
            GroupRoleAssignmentResponse response = await Connection.PostAsync<GroupRoleAssignmentResponse>(
                RolesPath(groupId), RoleAssignments.Body(roleId), cancellationToken).ConfigureAwait(false);
            Group? group = response.Group?.ToGroup();
            var assignment = new GroupRoleAssignment { GroupId = group?.Id ?? groupId, Group = group };
            return RoleAssignments.FromRole(assignment, response.Role, roleId);
        }

        internal override string PrincipalPath(string principalId) => ApiPath.Group(principalId);

        internal override GroupRoleAssignment NewAssignment(string principalId) => new GroupRoleAssignment { GroupId = principalId };

        internal override DeletedRoleAssignment WithPrincipal(DeletedRoleAssignment deleted, string principalId)
        {
            deleted.GroupId = principalId;
            return deleted;
        }
    }
}
