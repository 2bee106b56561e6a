using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    public sealed class CertificatesClient : ResourceClient
    {
        /// <summary>The API activates or deactivates at most this many certificates per call.</summary>
        public const int MaxIdsPerCall = 10;

        internal CertificatesClient(ApiConnection connection) : base(connection) { }

        public IAsyncEnumerable<Certificate> ListAsync(string? order = null, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            List(new ListRequest<Certificate>("organization/certificates", PagingStyle.IdCursor, 100, c => c.Id)
            {
                Query = new Query().Add("order", order),
            }, options, cancellationToken);

        public Task<IReadOnlyList<Certificate>> ActivateAsync(IReadOnlyCollection<string> certificateIds, CancellationToken cancellationToken = default) =>
            ChangeActivation("organization/certificates/activate", certificateIds, cancellationToken);

        public Task<IReadOnlyList<Certificate>> DeactivateAsync(IReadOnlyCollection<string> certificateIds, CancellationToken cancellationToken = default) =>
            ChangeActivation("organization/certificates/deactivate", certificateIds, cancellationToken);

        private async Task<IReadOnlyList<Certificate>> ChangeActivation(string path, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
        {
            if (ids.Count < 1 || ids.Count > MaxIdsPerCall)
            {
                throw new System.ArgumentOutOfRangeException(nameof(ids), ids.Count, $"Between 1 and {MaxIdsPerCall} certificate ids per call.");
            }

            foreach (string id in ids)
            {
                Segment(id, "certificateId");
            }

            // Single-page style: the whole answer is one envelope without cursors.
            ListEnvelope<Certificate> result = await Connection.PostAsync<ListEnvelope<Certificate>>(
                path, new { certificate_ids = ids.ToArray() }, cancellationToken).ConfigureAwait(false);
            return result.Data ?? new List<Certificate>();
        }
    }
}

namespace OpenAIAdmin
{
    public sealed partial class AdminClient
    {
        private Resources.CertificatesClient? _certificates;

        public Resources.CertificatesClient Certificates => _certificates ??= new Resources.CertificatesClient(_connection);
    }
}
