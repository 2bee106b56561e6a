using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    /// <summary>
    /// Rate limits of one project, one per model: <c>/organization/projects/{project_id}/rate_limits</c>. The API has
    /// no single get: <see cref="FindAsync"/> reads the list to find one limit by id or model.
    /// </summary>
    public sealed class ProjectRateLimitsClient : ResourceClient
    {
        internal ProjectRateLimitsClient(ApiConnection connection) : base(connection) { }

        public IAsyncEnumerable<ProjectRateLimit> ListAsync(string projectId, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            InProject(projectId, List(new ListRequest<ProjectRateLimit>(Path(projectId), PagingStyle.IdCursor, 100, r => r.Id), options, cancellationToken), cancellationToken);

        /// <summary>The limit whose id or model (case-insensitive) is <paramref name="idOrModel"/>; ApiNotFound when the project has none.</summary>
        public async Task<ProjectRateLimit> FindAsync(string projectId, string idOrModel, CancellationToken cancellationToken = default)
        {
            ApiPath.Id(idOrModel, "rate limit id or model");
            await foreach (ProjectRateLimit limit in ListAsync(projectId, null, cancellationToken).ConfigureAwait(false))
            {
                if (string.Equals(limit.Id, idOrModel, StringComparison.Ordinal) || string.Equals(limit.Model, idOrModel, StringComparison.OrdinalIgnoreCase))
                {
                    return limit;
                }
            }

            throw new OpenAIAdminException(AdminErrorKind.ApiNotFound, $"Project {projectId} has no rate limit for '{idOrModel}'.");
        }

        /// <summary>Changes the limits given in <paramref name="request"/> (null ones are not sent).</summary>
        public async Task<ProjectRateLimit> UpdateAsync(string projectId, string rateLimitId, ProjectRateLimitUpdateRequest request, CancellationToken cancellationToken = default)
        {
            if (request.IsEmpty)
            {
                throw InputError.Invalid("Give at least one limit to change.");
            }

            ProjectRateLimit limit = await Connection.PostAsync<ProjectRateLimit>(ApiPath.Item(Path(projectId), rateLimitId, "rate limit id"), request, cancellationToken).ConfigureAwait(false);
            limit.ProjectId = projectId;
            return limit;
        }

        private static string Path(string projectId) => ApiPath.Project(projectId) + "/rate_limits";

        private static async IAsyncEnumerable<ProjectRateLimit> InProject(string projectId, IAsyncEnumerable<ProjectRateLimit> limits,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (ProjectRateLimit limit in limits.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                limit.ProjectId = projectId;
                yield return limit;
            }
        }
    }

    public sealed partial class ProjectsClient
    {
        private ProjectRateLimitsClient? _rateLimits;

        /// <summary>Rate limits in a project: <c>/organization/projects/{project_id}/rate_limits</c>.</summary>
        public ProjectRateLimitsClient RateLimits => _rateLimits ??= new ProjectRateLimitsClient(Connection);
    }
}
