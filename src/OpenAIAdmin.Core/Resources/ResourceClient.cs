using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    /// <summary>Shared plumbing of the resource groups: id checks, path escaping, paging.</summary>
    public abstract class ResourceClient
    {
        internal ResourceClient(ApiConnection connection) => Connection = connection;

        internal ApiConnection Connection { get; }

        /// <summary>One checked, escaped path segment (see <see cref="ApiPath.Id"/>); <paramref name="name"/> is the core's parameter name.</summary>
        internal static string Segment(string value, string name) => ApiPath.Id(value, ApiPath.Words(name));

        /// <summary>
        /// Deletes, filling the id from the request where the API's confirmation leaves it out, and the project of a
        /// deletion inside one (the API never sends it), so a log of removals across projects says where each was.
        /// </summary>
        internal async Task<DeletedObject> Delete(Func<string> path, string id, CancellationToken cancellationToken, string? projectId = null)
        {
            DeletedObject deleted = await Connection.DeleteAsync<DeletedObject>(path(), cancellationToken).ConfigureAwait(false);
            deleted.Id ??= id;
            deleted.ProjectId = projectId;
            return deleted;
        }

        internal IAsyncEnumerable<T> List<T>(ListRequest<T> request, ListOptions? options, CancellationToken cancellationToken) =>
            Pager.ListAsync(Connection, request, options, cancellationToken);
    }
}
