using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    /// <summary>API keys of one project: <c>/organization/projects/{project_id}/api_keys</c>. Each key carries the project id.</summary>
    public sealed class ProjectApiKeysClient : ResourceClient
    {
        internal ProjectApiKeysClient(ApiConnection connection) : base(connection) { }

        /// <param name="ownerProjectAccess"><c>active</c>, <c>inactive</c> or <c>any</c>; null applies the API's membership-based visibility.</param>
        public IAsyncEnumerable<ProjectApiKey> ListAsync(string projectId, string? ownerProjectAccess = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        {
            var request = new ListRequest<ProjectApiKey>(Path(projectId), PagingStyle.IdCursor, 100, k => k.Id)
            {
                Query = new Query().Add("owner_project_access", ownerProjectAccess),
            };
            return InProject(projectId, List(request, options, cancellationToken), cancellationToken);
        }

        public async Task<ProjectApiKey> GetAsync(string projectId, string apiKeyId, CancellationToken cancellationToken = default)
        {
            ProjectApiKey key = await Connection.GetAsync<ProjectApiKey>(ItemPath(projectId, apiKeyId), null, cancellationToken).ConfigureAwait(false);
            key.ProjectId = projectId;
            return key;
        }

        /// <summary>Revokes a key. The API refuses (400) keys that belong to a service account.</summary>
        public Task<DeletedObject> DeleteAsync(string projectId, string apiKeyId, CancellationToken cancellationToken = default) =>
            Delete(() => ItemPath(projectId, apiKeyId), apiKeyId, cancellationToken, projectId);

        private static string Path(string projectId) => ApiPath.Project(projectId) + "/api_keys";

        private static string ItemPath(string projectId, string apiKeyId) => ApiPath.Item(Path(projectId), apiKeyId, "API key id");

        private static async IAsyncEnumerable<ProjectApiKey> InProject(string projectId, IAsyncEnumerable<ProjectApiKey> keys,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (ProjectApiKey key in keys.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                key.ProjectId = projectId;
                yield return key;
            }
        }
    }

    public sealed partial class ProjectsClient
    {
        private ProjectApiKeysClient? _apiKeys;

        /// <summary>API keys in a project: <c>/organization/projects/{project_id}/api_keys</c>.</summary>
        public ProjectApiKeysClient ApiKeys => _apiKeys ??= new ProjectApiKeysClient(Connection);
    }
}
