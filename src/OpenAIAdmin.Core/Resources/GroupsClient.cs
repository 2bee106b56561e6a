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
