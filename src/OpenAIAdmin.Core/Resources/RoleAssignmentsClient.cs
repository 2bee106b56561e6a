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

        private static string Base(string userId) => "organization/users/" + Segment(userId, nameof(userId)) + "/roles";
    }

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

        private static string Base(string groupId) => "organization/groups/" + Segment(groupId, nameof(groupId)) + "/roles";
    }

    /// <summary>What the user and group role-assignment clients share.</summary>
    internal static class RoleAssignments
    {
        /// <summary>The most assignments one list request may ask for (the API sets no default).</summary>
        public const int MaxPageSize = 1000;

        public static IAsyncEnumerable<T> List<T>(
            ResourceClient client, string path, string? order, ListOptions? options, Func<AssignedRoleDetails, T> map, CancellationToken cancellationToken)
        {
            var request = new ListRequest<AssignedRoleDetails>(path, PagingStyle.NextCursor, MaxPageSize, d => d.Id)
            {
                Query = new Query().Add("order", order),
            };
            return Map(Pager.ListAsync(client.Connection, request, options, cancellationToken), map, cancellationToken);
        }

        public static object Body(string roleId) => new AssignBody { RoleId = Required(roleId) };

        /// <summary>Fills an assignment from the role an assign call returns (no assignment data there).</summary>
        public static T FromRole<T>(T assignment, Role? role, string requestedRoleId) where T : RoleAssignment
        {
            assignment.RoleId = role?.Id ?? requestedRoleId;
            assignment.RoleName = role?.Name;
            assignment.Description = role?.Description;
            assignment.Permissions = role?.Permissions ?? Array.Empty<string>();
            assignment.ResourceType = role?.ResourceType;
            assignment.PredefinedRole = role?.PredefinedRole ?? false;
            return assignment;
        }

        private static string Required(string roleId)
        {
            if (string.IsNullOrWhiteSpace(roleId))
            {
                throw new ArgumentException("roleId must not be empty.", nameof(roleId));
            }

            return roleId;
        }

        private static async IAsyncEnumerable<T> Map<T>(
            IAsyncEnumerable<AssignedRoleDetails> source, Func<AssignedRoleDetails, T> map, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (AssignedRoleDetails item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return map(item);
            }
        }

        internal sealed class AssignBody
        {
            public string RoleId { get; set; } = string.Empty;
        }
    }
}

namespace OpenAIAdmin
{
    public sealed partial class AdminClient
    {
        private Resources.UserRolesClient? _userRoles;
        private Resources.GroupRolesClient? _groupRoles;

        /// <summary>Organization roles assigned to users.</summary>
        public Resources.UserRolesClient UserRoles => _userRoles ??= new Resources.UserRolesClient(_connection);

        /// <summary>Organization roles assigned to groups.</summary>
        public Resources.GroupRolesClient GroupRoles => _groupRoles ??= new Resources.GroupRolesClient(_connection);
    }
}
