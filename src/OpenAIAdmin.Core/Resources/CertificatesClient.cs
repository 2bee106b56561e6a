using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    /// <summary>
    /// Certificates of the organization (upload, get, rename, delete, list, (de)activate) and their activation in
    /// projects (list, (de)activate). There is no project-level upload, get or delete: a project uses the
    /// organization's certificates.
    /// </summary>
    public sealed class CertificatesClient : ResourceClient
    {
        /// <summary>The API activates or deactivates at most this many certificates per call.</summary>
        public const int MaxIdsPerCall = 10;

        private const string Path = ApiPath.Certificates;

        internal CertificatesClient(ApiConnection connection) : base(connection) { }

        /// <param name="order"><c>asc</c> or <c>desc</c> by upload time; null uses the API default (desc).</param>
        public IAsyncEnumerable<Certificate> ListAsync(string? order = null, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            List(new ListRequest<Certificate>(Path, PagingStyle.IdCursor, 100, c => c.Id)
            {
                Query = new Query().Add("order", order),
            }, options, cancellationToken);

        /// <param name="includeContent">Also return the PEM text (<c>include[]=content</c>).</param>
        public Task<Certificate> GetAsync(string certificateId, bool includeContent = false, CancellationToken cancellationToken = default) =>
            Connection.GetAsync<Certificate>(
                ApiPath.Certificate(certificateId),
                new Query().AddArray("include", includeContent ? new[] { "content" } : null),
                cancellationToken);

        /// <summary>
        /// Uploads a certificate (not activated: see <see cref="ActivateAsync"/>). The PEM text is checked first
        /// (<see cref="CertificatePem.Parse"/>) and sent re-encoded; bad text throws before any request.
        /// </summary>
        public Task<Certificate> UploadAsync(string pem, string? name = null, CancellationToken cancellationToken = default)
        {
            PemCertificate certificate = CertificatePem.Parse(pem);
            return Connection.PostAsync<Certificate>(Path, new CertificateUploadRequest { Certificate = certificate.Pem, Name = name }, cancellationToken);
        }

        /// <summary>Renames a certificate; the name is the only thing the API lets you change.</summary>
        public Task<Certificate> UpdateAsync(string certificateId, string name, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw InputError.Invalid("The new name of the certificate is empty.");
            }

            return Connection.PostAsync<Certificate>(
                ApiPath.Certificate(certificateId), new CertificateUpdateRequest { Name = name }, cancellationToken);
        }

        /// <summary>
        /// Deletes a certificate. The API refuses while it is active in the organization or any project. Its answer
        /// (<c>{object: "certificate.deleted", id}</c>) has no <c>deleted</c> flag, so <see cref="DeletedObject.Deleted"/> stays null.
        /// </summary>
        public Task<DeletedObject> DeleteAsync(string certificateId, CancellationToken cancellationToken = default) =>
            Delete(() => ApiPath.Certificate(certificateId), certificateId, cancellationToken);

        /// <summary>Activates 1 to <see cref="MaxIdsPerCall"/> certificates in the organization, atomically and idempotently.</summary>
        public Task<IReadOnlyList<Certificate>> ActivateAsync(IReadOnlyCollection<string> certificateIds, CancellationToken cancellationToken = default) =>
            ChangeActivation(Connection, Path + "/activate", null, certificateIds, cancellationToken);

        /// <summary>Deactivates 1 to <see cref="MaxIdsPerCall"/> certificates in the organization, atomically and idempotently.</summary>
        public Task<IReadOnlyList<Certificate>> DeactivateAsync(IReadOnlyCollection<string> certificateIds, CancellationToken cancellationToken = default) =>
            ChangeActivation(Connection, Path + "/deactivate", null, certificateIds, cancellationToken);

        internal static async IAsyncEnumerable<Certificate> InProject(
            string projectId, IAsyncEnumerable<Certificate> certificates, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (Certificate certificate in certificates.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                certificate.ProjectId = projectId;
                yield return certificate;
            }
        }

        internal static async Task<IReadOnlyList<Certificate>> ChangeActivation(ApiConnection connection, string path, string? projectId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
        {
            if (ids == null || ids.Count < 1 || ids.Count > MaxIdsPerCall)
            {
                throw InputError.Invalid($"Give 1 to {MaxIdsPerCall} certificate ids per call; {ids?.Count ?? 0} were given.");
            }

            foreach (string id in ids)
            {
                ApiPath.Id(id, "certificate id");
            }

            // Single-page style: the whole answer is one envelope without cursors.
            ListEnvelope<Certificate> result = await connection.PostAsync<ListEnvelope<Certificate>>(
                path, new { certificate_ids = ids.ToArray() }, cancellationToken).ConfigureAwait(false);
            List<Certificate> certificates = result.Data ?? new List<Certificate>();
            foreach (Certificate certificate in certificates)
            {
                certificate.ProjectId = projectId;
            }

            return certificates;
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
