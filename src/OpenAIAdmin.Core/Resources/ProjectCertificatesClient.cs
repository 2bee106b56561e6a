using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    /// <summary>
    /// Certificates in one project: <c>/organization/projects/{project_id}/certificates</c>. A project lists the
    /// organization's certificates it has used and activates or deactivates them for itself.
    /// </summary>
    public sealed class ProjectCertificatesClient : ResourceClient
    {
        internal ProjectCertificatesClient(ApiConnection connection) : base(connection) { }

        /// <summary>The certificates of one project, each with <see cref="Certificate.Active"/> in that project.</summary>
        public IAsyncEnumerable<Certificate> ListAsync(string projectId, string? order = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        {
            var request = new ListRequest<Certificate>(Path(projectId), PagingStyle.IdCursor, 100, c => c.Id)
            {
                Query = new Query().Add("order", order),
            };
            return CertificatesClient.InProject(projectId, List(request, options, cancellationToken), cancellationToken);
        }

        /// <summary>
        /// One certificate as the project sees it (its <see cref="Certificate.Active"/> in the project, its
        /// <see cref="Certificate.ProjectId"/> kept); ApiNotFound when the project has not used it. The API has no
        /// project-level get: the organization's get says nothing of the project, so the project's list is read up to it.
        /// </summary>
        public async Task<Certificate> FindAsync(string projectId, string certificateId, CancellationToken cancellationToken = default)
        {
            ApiPath.Id(certificateId, "certificate id");
            certificateId = certificateId.Trim();
            await foreach (Certificate certificate in ListAsync(projectId, null, null, cancellationToken).ConfigureAwait(false))
            {
                if (string.Equals(certificate.Id, certificateId, StringComparison.Ordinal))
                {
                    return certificate;
                }
            }

            throw new OpenAIAdminException(AdminErrorKind.ApiNotFound, $"Project {projectId} has no certificate '{certificateId}'.");
        }

        /// <summary>Activates 1 to <see cref="CertificatesClient.MaxIdsPerCall"/> of the organization's certificates in one project.</summary>
        public Task<IReadOnlyList<Certificate>> ActivateAsync(string projectId, IReadOnlyCollection<string> certificateIds, CancellationToken cancellationToken = default) =>
            CertificatesClient.ChangeActivation(Connection, Path(projectId) + "/activate", projectId, certificateIds, cancellationToken);

        /// <summary>Deactivates 1 to <see cref="CertificatesClient.MaxIdsPerCall"/> certificates in one project.</summary>
        public Task<IReadOnlyList<Certificate>> DeactivateAsync(string projectId, IReadOnlyCollection<string> certificateIds, CancellationToken cancellationToken = default) =>
            CertificatesClient.ChangeActivation(Connection, Path(projectId) + "/deactivate", projectId, certificateIds, cancellationToken);

        private static string Path(string projectId) => ApiPath.Project(projectId) + "/certificates";
    }
}
