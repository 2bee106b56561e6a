using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    public sealed class GroupsClient : ResourceClient
    {
        private GroupUsersClient? _users;
        private GroupRolesClient? _roles;

        internal GroupsClient(ApiConnection connection) : base(connection) { }

        /// <summary>Membership of groups: <c>/organization/groups/{group_id}/users</c>.</summary>
        public GroupUsersClient Users => _users ??= new GroupUsersClient(Connection);

        /// <summary>Organization roles assigned to groups: <c>/organization/groups/{group_id}/roles</c>.</summary>
        public GroupRolesClient Roles => _roles ??= new GroupRolesClient(Connection);

        /// <param name="order"><c>asc</c> or <c>desc</c> by creation time; null uses the API default (asc).</param>
        public IAsyncEnumerable<Group> ListAsync(string? order = null, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            List(new ListRequest<Group>(ApiPath.Groups, PagingStyle.NextCursor, 1000, g => g.Id)
            {
                Query = new Query().Add("order", order),
            }, options, cancellationToken);

        public Task<Group> GetAsync(string groupId, CancellationToken cancellationToken = default) =>
            Connection.GetAsync<Group>(GroupPath(groupId), null, cancellationToken);

        public Task<Group> CreateAsync(string name, CancellationToken cancellationToken = default) =>
            Connection.PostAsync<Group>(ApiPath.Groups, NameRequest(name), cancellationToken);

        /// <summary>Renames a group. The API's answer has no <c>group_type</c>, so <see cref="Group.GroupType"/> is null.</summary>
        public Task<Group> UpdateAsync(string groupId, string name, CancellationToken cancellationToken = default) =>
            Connection.PostAsync<Group>(GroupPath(groupId), NameRequest(name), cancellationToken);

        public Task<DeletedObject> DeleteAsync(string groupId, CancellationToken cancellationToken = default) =>
            Delete(() => GroupPath(groupId), groupId, cancellationToken);

        internal static string GroupPath(string groupId) => ApiPath.Group(groupId);

        private static GroupNameRequest NameRequest(string name)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > GroupNameRequest.MaxNameLength)
            {
                throw InputError.Invalid($"A group name has 1 to {GroupNameRequest.MaxNameLength} characters and is not blank.");
            }

            return new GroupNameRequest { Name = name };
        }
    }
}

namespace OpenAIAdmin
{
    public sealed partial class AdminClient
    {
        private Resources.GroupsClient? _groups;

        public Resources.GroupsClient Groups => _groups ??= new Resources.GroupsClient(_connection);
    }
}
