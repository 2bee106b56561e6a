using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    public sealed class AdminApiKeysClient : ResourceClient
    {
        internal AdminApiKeysClient(ApiConnection connection) : base(connection) { }

        /// <param name="order"><c>asc</c> or <c>desc</c> by creation time; null uses the API default (asc).</param>
        public IAsyncEnumerable<AdminApiKey> ListAsync(string? order = null, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            List(new ListRequest<AdminApiKey>(ApiPath.AdminApiKeys, PagingStyle.IdCursor, 100, k => k.Id)
            {
                Query = new Query().Add("order", order),
            }, options, cancellationToken);

        public Task<AdminApiKey> GetAsync(string keyId, CancellationToken cancellationToken = default) =>
            Connection.GetAsync<AdminApiKey>(ApiPath.AdminApiKey(keyId), null, cancellationToken);

        public Task<AdminApiKeySecret> CreateAsync(string name, long? expiresInSeconds = null, CancellationToken cancellationToken = default) =>
            Connection.PostAsync<AdminApiKeySecret>(
                ApiPath.AdminApiKeys,
                new AdminApiKeyCreateRequest { Name = name, ExpiresInSeconds = expiresInSeconds },
                cancellationToken);

        public Task<DeletedObject> DeleteAsync(string keyId, CancellationToken cancellationToken = default) =>
            Delete(() => ApiPath.AdminApiKey(keyId), keyId, cancellationToken);
    }
}

namespace OpenAIAdmin
{
    public sealed partial class AdminClient
    {
        private Resources.AdminApiKeysClient? _adminApiKeys;

        public Resources.AdminApiKeysClient AdminApiKeys => _adminApiKeys ??= new Resources.AdminApiKeysClient(_connection);
    }
}
