using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    /// <summary>What the user and group role-assignment clients share, organization- and project-scoped: one implementation of each call.</summary>
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

        /// <summary>GET of one assignment (<c>AssignedRoleDetails</c>), filled into <paramref name="assignment"/>.</summary>
        public static async Task<T> Get<T>(ResourceClient client, string path, T assignment, CancellationToken cancellationToken) where T : RoleAssignment
        {
            AssignedRoleDetails details = await client.Connection.GetAsync<AssignedRoleDetails>(path, null, cancellationToken).ConfigureAwait(false);
            return details.Fill(assignment);
        }

        /// <summary>DELETE of one assignment; the API answers without ids, so <paramref name="withPrincipal"/> adds the request's.</summary>
        public static async Task<DeletedRoleAssignment> Unassign(
            ResourceClient client, string path, string roleId, Func<DeletedRoleAssignment, DeletedRoleAssignment> withPrincipal, CancellationToken cancellationToken)
        {
            DeletedRoleAssignmentResponse response = await client.Connection.DeleteAsync<DeletedRoleAssignmentResponse>(path, cancellationToken).ConfigureAwait(false);
            return withPrincipal(new DeletedRoleAssignment { Object = response.Object, Deleted = response.Deleted, RoleId = roleId });
        }

        /// <summary>POST of a user assignment (answer <c>user.role</c>).</summary>
        public static async Task<T> AssignUser<T>(ResourceClient client, string path, string roleId, Func<OrganizationUser?, T> make, CancellationToken cancellationToken)
            where T : RoleAssignment
        {
            UserRoleAssignmentResponse response = await client.Connection.PostAsync<UserRoleAssignmentResponse>(path, Body(roleId), cancellationToken).ConfigureAwait(false);
            return FromRole(make(response.User), response.Role, roleId);
        }

        /// <summary>POST of a group assignment (answer <c>group.role</c>, whose group has its own shape).</summary>
        public static async Task<T> AssignGroup<T>(ResourceClient client, string path, string roleId, Func<Group?, T> make, CancellationToken cancellationToken)
            where T : RoleAssignment
        {
            GroupRoleAssignmentResponse response = await client.Connection.PostAsync<GroupRoleAssignmentResponse>(path, Body(roleId), cancellationToken).ConfigureAwait(false);
            return FromRole(make(response.Group?.ToGroup()), response.Role, roleId);
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
            ApiPath.Id(roleId, "role id");
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
