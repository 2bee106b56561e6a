using System.Collections.Generic;
using System.Threading;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    public sealed class GroupsClient : ResourceClient
    {
        internal GroupsClient(ApiConnection connection) : base(connection) { }

        public IAsyncEnumerable<Group> ListAsync(string? order = null, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            List(new ListRequest<Group>("organization/groups", PagingStyle.NextCursor, 1000, g => g.Id)
            {
                Query = new Query().Add("order", order),
            }, options, cancellationToken);
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
