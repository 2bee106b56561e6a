using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    /// <summary>Organization roles of users: /organization/users/{user_id}/roles[/{role_id}].</summary>
    public sealed class UserRolesClient : ResourceClient
    {
        internal UserRolesClient(ApiConnection connection) : base(connection) { }

        public IAsyncEnumerable<UserRoleAssignment> ListAsync(string userId, string? order = null, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            RoleAssignments.List(this, Base(userId), order, options, d => d.Fill(new UserRoleAssignment { UserId = userId }), cancellationToken);

        public async Task<UserRoleAssignment> GetAsync(string userId, string roleId, CancellationToken cancellationToken = default)
        {
            AssignedRoleDetails details = await Connection.GetAsync<AssignedRoleDetails>(
                Base(userId) + "/" + Segment(roleId, nameof(roleId)), null, cancellationToken).ConfigureAwait(false);
            return details.Fill(new UserRoleAssignment { UserId = userId });
        }

        public async Task<UserRoleAssignment> AssignAsync(string userId, string roleId, CancellationToken cancellationToken = default)
        {
            string path = Base(userId);
            UserRoleAssignmentResponse response = await Connection.PostAsync<UserRoleAssignmentResponse>(
                path, RoleAssignments.Body(roleId), cancellationToken).ConfigureAwait(false);
            var assignment = new UserRoleAssignment { UserId = response.User?.Id ?? userId, User = response.User };
            return RoleAssignments.FromRole(assignment, response.Role, roleId);
        }

        public async Task<DeletedRoleAssignment> UnassignAsync(string userId, string roleId, CancellationToken cancellationToken = default)
        {
            DeletedRoleAssignmentResponse response = await Connection.DeleteAsync<DeletedRoleAssignmentResponse>(
                Base(userId) + "/" + Segment(roleId, nameof(roleId)), cancellationToken).ConfigureAwait(false);
            return new DeletedRoleAssignment { Object = response.Object, Deleted = response.Deleted, RoleId = roleId, UserId = userId };
        }

        private static string Base(string userId) => ApiPath.User(userId) + "/roles";
    }
}
