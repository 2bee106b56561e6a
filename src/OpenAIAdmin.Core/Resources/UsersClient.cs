using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    public sealed class UsersClient : ResourceClient
    {
        internal UsersClient(ApiConnection connection) : base(connection) { }

        public IAsyncEnumerable<OrganizationUser> ListAsync(IEnumerable<string>? emails = null, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            List(new ListRequest<OrganizationUser>("organization/users", PagingStyle.IdCursor, 100, u => u.Id)
            {
                Query = new Query().AddArray("emails", emails),
            }, options, cancellationToken);

        public Task<OrganizationUser> GetAsync(string userId, CancellationToken cancellationToken = default) =>
            Connection.GetAsync<OrganizationUser>("organization/users/" + Segment(userId, nameof(userId)), null, cancellationToken);

        public Task<OrganizationUser> UpdateAsync(string userId, UserUpdateRequest request, CancellationToken cancellationToken = default) =>
            Connection.PostAsync<OrganizationUser>("organization/users/" + Segment(userId, nameof(userId)), request, cancellationToken);

        public Task<DeletedObject> DeleteAsync(string userId, CancellationToken cancellationToken = default) =>
            Delete(() => "organization/users/" + Segment(userId, nameof(userId)), userId, cancellationToken);
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
