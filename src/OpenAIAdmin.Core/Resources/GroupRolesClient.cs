using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    /// <summary>Organization roles of groups: /organization/groups/{group_id}/roles[/{role_id}].</summary>
    public sealed class GroupRolesClient : ResourceClient
    {
        internal GroupRolesClient(ApiConnection connection) : base(connection) { }

        public IAsyncEnumerable<GroupRoleAssignment> ListAsync(string groupId, string? order = null, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            RoleAssignments.List(this, Base(groupId), order, options, d => d.Fill(new GroupRoleAssignment { GroupId = groupId }), cancellationToken);

        public async Task<GroupRoleAssignment> GetAsync(string groupId, string roleId, CancellationToken cancellationToken = default)
        {
            AssignedRoleDetails details = await Connection.GetAsync<AssignedRoleDetails>(
                Base(groupId) + "/" + Segment(roleId, nameof(roleId)), null, cancellationToken).ConfigureAwait(false);
            return details.Fill(new GroupRoleAssignment { GroupId = groupId });
        }

        public async Task<GroupRoleAssignment> AssignAsync(string groupId, string roleId, CancellationToken cancellationToken = default)
        {
            string path = Base(groupId);
            GroupRoleAssignmentResponse response = await Connection.PostAsync<GroupRoleAssignmentResponse>(
                path, RoleAssignments.Body(roleId), cancellationToken).ConfigureAwait(false);
            Group? group = response.Group?.ToGroup();
            var assignment = new GroupRoleAssignment { GroupId = group?.Id ?? groupId, Group = group };
            return RoleAssignments.FromRole(assignment, response.Role, roleId);
        }

        public async Task<DeletedRoleAssignment> UnassignAsync(string groupId, string roleId, CancellationToken cancellationToken = default)
        {
            DeletedRoleAssignmentResponse response = await Connection.DeleteAsync<DeletedRoleAssignmentResponse>(
                Base(groupId) + "/" + Segment(roleId, nameof(roleId)), cancellationToken).ConfigureAwait(false);
            return new DeletedRoleAssignment { Object = response.Object, Deleted = response.Deleted, RoleId = roleId, GroupId = groupId };
        }

        private static string Base(string groupId) => ApiPath.Group(groupId) + "/roles";
    }
}
