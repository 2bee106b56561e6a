using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    /// <summary>
    /// Service accounts of one project: <c>/organization/projects/{project_id}/service_accounts</c>, and the keys
    /// issued for them (<c>…/{service_account_id}/api_keys</c>). Every result carries the project id (and a key the
    /// service account id) from the request, so it pipes on within the same project.
    /// </summary>
    public sealed class ProjectServiceAccountsClient : ResourceClient
    {
        internal ProjectServiceAccountsClient(ApiConnection connection) : base(connection) { }

        public IAsyncEnumerable<ProjectServiceAccount> ListAsync(string projectId, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            InProject(projectId, List(new ListRequest<ProjectServiceAccount>(Path(projectId), PagingStyle.IdCursor, 100, a => a.Id), options, cancellationToken), cancellationToken);

        public async Task<ProjectServiceAccount> GetAsync(string projectId, string serviceAccountId, CancellationToken cancellationToken = default) =>
            InProject(projectId, await Connection.GetAsync<ProjectServiceAccount>(ItemPath(projectId, serviceAccountId), null, cancellationToken).ConfigureAwait(false));

        /// <summary>
        /// Creates a service account. With <paramref name="accountOnly"/> the API creates it without default roles and
        /// without a key (<c>create_service_account_only</c>); otherwise the answer carries its first key, once.
        /// </summary>
        public async Task<ProjectServiceAccountCreated> CreateAsync(string projectId, string name, bool accountOnly = false, CancellationToken cancellationToken = default)
        {
            ProjectServiceAccountCreated created = await Connection.PostAsync<ProjectServiceAccountCreated>(
                Path(projectId), new ServiceAccountCreateRequest { Name = name, CreateServiceAccountOnly = accountOnly ? true : (bool?)null }, cancellationToken).ConfigureAwait(false);
            InProject(projectId, created);
            if (created.ApiKey != null)
            {
                created.ApiKey.ProjectId = projectId;
                created.ApiKey.ServiceAccountId = created.Id;
            }

            return created;
        }

        public async Task<ProjectServiceAccount> UpdateAsync(string projectId, string serviceAccountId, ServiceAccountUpdateRequest request, CancellationToken cancellationToken = default)
        {
            if (request.Name == null && request.Role == null)
            {
                throw InputError.Invalid("Give a new name or role for the service account.");
            }

            return InProject(projectId, await Connection.PostAsync<ProjectServiceAccount>(ItemPath(projectId, serviceAccountId), request, cancellationToken).ConfigureAwait(false));
        }

        /// <summary>Deletes the service account; its keys stop working with it.</summary>
        public Task<DeletedObject> DeleteAsync(string projectId, string serviceAccountId, CancellationToken cancellationToken = default) =>
            Delete(() => ItemPath(projectId, serviceAccountId), serviceAccountId, cancellationToken, projectId);

        /// <summary>Issues another key for an existing service account (the rotation primitive); the value is returned once.</summary>
        public async Task<ServiceAccountApiKeySecret> CreateApiKeyAsync(string projectId, string serviceAccountId, string? name = null, IReadOnlyList<string>? scopes = null,
            CancellationToken cancellationToken = default)
        {
            string[]? scopeArray = scopes == null ? null : new List<string>(scopes).ToArray();
            ServiceAccountApiKeySecret key = await Connection.PostAsync<ServiceAccountApiKeySecret>(
                ItemPath(projectId, serviceAccountId) + "/api_keys", new ServiceAccountApiKeyCreateRequest { Name = name, Scopes = scopeArray }, cancellationToken).ConfigureAwait(false);
            key.ProjectId = projectId;
            key.ServiceAccountId = serviceAccountId;
            return key;
        }

        private static string Path(string projectId) => ApiPath.Project(projectId) + "/service_accounts";

        private static string ItemPath(string projectId, string serviceAccountId) => ApiPath.Item(Path(projectId), serviceAccountId, "service account id");

        private static T InProject<T>(string projectId, T account) where T : ProjectServiceAccount
        {
            account.ProjectId = projectId;
            return account;
        }

        private static async IAsyncEnumerable<ProjectServiceAccount> InProject(string projectId, IAsyncEnumerable<ProjectServiceAccount> accounts,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (ProjectServiceAccount account in accounts.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                account.ProjectId = projectId;
                yield return account;
            }
        }
    }

    public sealed partial class ProjectsClient
    {
        private ProjectServiceAccountsClient? _serviceAccounts;

        /// <summary>Service accounts in a project and their keys: <c>/organization/projects/{project_id}/service_accounts</c>.</summary>
        public ProjectServiceAccountsClient ServiceAccounts => _serviceAccounts ??= new ProjectServiceAccountsClient(Connection);
    }
}
