using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    public sealed class UsersClient : ResourceClient
    {
        private UserRolesClient? _roles;

        internal UsersClient(ApiConnection connection) : base(connection) { }

        /// <summary>Organization roles assigned to users: <c>/organization/users/{user_id}/roles</c>.</summary>
        public UserRolesClient Roles => _roles ??= new UserRolesClient(Connection);

        public IAsyncEnumerable<OrganizationUser> ListAsync(IEnumerable<string>? emails = null, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            List(new ListRequest<OrganizationUser>(ApiPath.Users, PagingStyle.IdCursor, 100, u => u.Id)
            {
                Query = new Query().AddArray("emails", emails),
            }, options, cancellationToken);

        public Task<OrganizationUser> GetAsync(string userId, CancellationToken cancellationToken = default) =>
            Connection.GetAsync<OrganizationUser>(ApiPath.User(userId), null, cancellationToken);

        public Task<OrganizationUser> UpdateAsync(string userId, UserUpdateRequest request, CancellationToken cancellationToken = default) =>
            Connection.PostAsync<OrganizationUser>(ApiPath.User(userId), request, cancellationToken);

        public Task<DeletedObject> DeleteAsync(string userId, CancellationToken cancellationToken = default) =>
            Delete(() => ApiPath.User(userId), userId, cancellationToken);
    }
}

namespace OpenAIAdmin
{
    public sealed partial class AdminClient
    {
        private Resources.UsersClient? _users;

        public Resources.UsersClient Users => _users ??= new Resources.UsersClient(_connection);
    }
}
