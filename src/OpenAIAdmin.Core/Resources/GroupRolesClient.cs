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

        public Task<GroupRoleAssignment> AssignAsync(string groupId, string roleId, CancellationToken cancellationToken = default) =>
            RoleAssignments.AssignGroup(this, RolesPath(groupId), roleId,
                group => new GroupRoleAssignment { GroupId = group?.Id ?? groupId, Group = group }, cancellationToken);

        internal override string PrincipalPath(string principalId) => ApiPath.Group(principalId);

        internal override GroupRoleAssignment NewAssignment(string principalId) => new GroupRoleAssignment { GroupId = principalId };

        internal override DeletedRoleAssignment WithPrincipal(DeletedRoleAssignment deleted, string principalId)
        {
            deleted.GroupId = principalId;
            return deleted;
        }
    }
}
