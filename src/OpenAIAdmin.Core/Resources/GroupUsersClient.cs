using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    /// <summary>
    /// Group membership. The API answers in three shapes (list item, single lookup, add confirmation) and a delete
    /// confirmation without an id; every call here returns <see cref="GroupMember"/> or <see cref="DeletedObject"/>
    /// with both ids filled from the request.
    /// </summary>
    public sealed class GroupUsersClient : ResourceClient
    {
        internal GroupUsersClient(ApiConnection connection) : base(connection) { }

        /// <param name="order"><c>asc</c> or <c>desc</c>; null uses the API default, which for members is <c>desc</c>.</param>
        public IAsyncEnumerable<GroupMember> ListAsync(string groupId, string? order = null, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            ListMembers(groupId, null, order, options, cancellationToken);

        /// <summary>Lists the members of <paramref name="group"/>; each member also carries the group's name.</summary>
        public IAsyncEnumerable<GroupMember> ListAsync(Group group, string? order = null, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            ListMembers(group.Id, group.Name, order, options, cancellationToken);

        public async Task<GroupMember> GetAsync(string groupId, string userId, CancellationToken cancellationToken = default)
        {
            GroupUserResponse user = await Connection.GetAsync<GroupUserResponse>(UserPath(groupId, userId), null, cancellationToken).ConfigureAwait(false);
            return user.ToMember(groupId, null);
        }

        public async Task<GroupMember> AddAsync(string groupId, string userId, CancellationToken cancellationToken = default)
        {
            ApiPath.Id(userId, "user id");
            GroupUserAssignmentResponse added = await Connection.PostAsync<GroupUserAssignmentResponse>(
                UsersPath(groupId), new GroupUserAddRequest { UserId = userId }, cancellationToken).ConfigureAwait(false);
            return new GroupMember { GroupId = added.GroupId ?? groupId, UserId = added.UserId ?? userId };
        }

        /// <summary>Removes the membership; the API's confirmation has no id, so <see cref="DeletedObject.Id"/> is the user id.</summary>
        public Task<DeletedObject> RemoveAsync(string groupId, string userId, CancellationToken cancellationToken = default) =>
            Delete(() => UserPath(groupId, userId), userId, cancellationToken);

        private async IAsyncEnumerable<GroupMember> ListMembers(string groupId, string? groupName, string? order, ListOptions? options,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var request = new ListRequest<GroupUserResponse>(UsersPath(groupId), PagingStyle.NextCursor, 1000, u => u.Id)
            {
                Query = new Query().Add("order", order),
            };
            await foreach (GroupUserResponse user in List(request, options, cancellationToken).ConfigureAwait(false))
            {
                yield return user.ToMember(groupId, groupName);
            }
        }

        private static string UsersPath(string groupId) => ApiPath.Group(groupId) + "/users";

        private static string UserPath(string groupId, string userId) => ApiPath.Item(UsersPath(groupId), userId, "user id");

        /// <summary><c>GroupUser</c> (list) and <c>GroupMemberUser</c> (lookup): the second adds three fields.</summary>
        private sealed class GroupUserResponse
        {
            public string Id { get; set; } = string.Empty;

            public string? Name { get; set; }

            public string? Email { get; set; }

            public string? Picture { get; set; }

            public bool? IsServiceAccount { get; set; }

            public string? UserType { get; set; }

            public GroupMember ToMember(string groupId, string? groupName) => new GroupMember
            {
                GroupId = groupId,
                GroupName = groupName,
                UserId = Id,
                Name = Name,
                Email = Email,
                Picture = Picture,
                IsServiceAccount = IsServiceAccount,
                UserType = UserType,
            };
        }

        /// <summary><c>GroupUserAssignment</c>: {object: "group.user", user_id, group_id}.</summary>
        private sealed class GroupUserAssignmentResponse
        {
            public string? UserId { get; set; }

            public string? GroupId { get; set; }
        }

        private sealed class GroupUserAddRequest
        {
            public string UserId { get; set; } = string.Empty;
        }
    }
}
