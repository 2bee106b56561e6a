using System;
using System.Collections.Generic;
using System.Threading;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    /// <summary>Shared plumbing of the resource groups: id checks, path escaping, paging.</summary>
    public abstract class ResourceClient
    {
        internal ResourceClient(ApiConnection connection) => Connection = connection;

        internal ApiConnection Connection { get; }

        internal static string Segment(string value, string name)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"{name} must not be empty.", name);
            }

            return Uri.EscapeDataString(value);
        }

        internal IAsyncEnumerable<T> List<T>(ListRequest<T> request, ListOptions? options, CancellationToken cancellationToken) =>
            Pager.ListAsync(Connection, request, options, cancellationToken);
    }
}
