using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    /// <summary>Projects; each area inside a project adds its client as a property in its own partial file.</summary>
    public sealed partial class ProjectsClient : ResourceClient
    {
        private ProjectCertificatesClient? _certificates;

        internal ProjectsClient(ApiConnection connection) : base(connection) { }

        /// <summary>Certificates in a project: <c>/organization/projects/{project_id}/certificates</c>.</summary>
        public ProjectCertificatesClient Certificates => _certificates ??= new ProjectCertificatesClient(Connection);

        public IAsyncEnumerable<Project> ListAsync(bool includeArchived = false, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            List(new ListRequest<Project>(ApiPath.Projects, PagingStyle.IdCursor, 100, p => p.Id)
            {
                Query = new Query().Add("include_archived", includeArchived ? true : (bool?)null),
            }, options, cancellationToken);

        public Task<Project> GetAsync(string projectId, CancellationToken cancellationToken = default) =>
            Connection.GetAsync<Project>(ApiPath.Project(projectId), null, cancellationToken);

        public Task<Project> CreateAsync(ProjectCreateRequest request, CancellationToken cancellationToken = default) =>
            Connection.PostAsync<Project>(ApiPath.Projects, request, cancellationToken);

        public Task<Project> UpdateAsync(string projectId, ProjectUpdateRequest request, CancellationToken cancellationToken = default) =>
            Connection.PostAsync<Project>(ApiPath.Project(projectId), request, cancellationToken);

        public Task<Project> ArchiveAsync(string projectId, CancellationToken cancellationToken = default) =>
            Connection.PostAsync<Project>(ApiPath.Project(projectId) + "/archive", null, cancellationToken);
    }
}

namespace OpenAIAdmin
{
    public sealed partial class AdminClient
    {
        private Resources.ProjectsClient? _projects;

        public Resources.ProjectsClient Projects => _projects ??= new Resources.ProjectsClient(_connection);
    }
}
