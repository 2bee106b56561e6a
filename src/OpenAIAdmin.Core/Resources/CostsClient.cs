using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    /// <summary>What to read from the costs operation; a filter left null is not sent.</summary>
    public sealed class CostsQuery
    {
        /// <summary>The group_by values costs take.</summary>
        public static readonly IReadOnlyList<string> GroupByValues = new[] { "project_id", "line_item", "api_key_id" };

        /// <summary>The most day buckets one costs request may ask for.</summary>
        public const int MaxBuckets = 180;

        /// <summary>The start of the range (inclusive); required.</summary>
        public DateTimeOffset StartTime { get; set; }

        /// <summary>The end of the range (exclusive); null reads up to now, including today (not complete yet).</summary>
        public DateTimeOffset? EndTime { get; set; }

        /// <summary>Only <c>1d</c> is supported by the API.</summary>
        public string BucketWidth { get; set; } = "1d";

        public IList<string>? ProjectIds { get; set; }

        public IList<string>? ApiKeyIds { get; set; }

        /// <summary><c>project_id</c>, <c>line_item</c>, <c>api_key_id</c>.</summary>
        public IList<string>? GroupBy { get; set; }
    }

    /// <summary>The costs operation: one <see cref="CostsResult"/> per bucket result, in time order, read in windows of up to 180 days, several at once.</summary>
    public sealed class CostsClient
    {
        private readonly AdminClient _client;
        private readonly ApiConnection _connection;

        internal CostsClient(AdminClient client, ApiConnection connection)
        {
            _client = client;
            _connection = connection;
        }

        public IAsyncEnumerable<CostsResult> ListAsync(CostsQuery query, BucketReadOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (query == null)
            {
                throw new OpenAIAdminException(AdminErrorKind.InvalidArgument, "The costs query is missing.");
            }

            options ??= new BucketReadOptions();
            options.Check();
            BucketRead.CheckRange(query.StartTime, query.EndTime);
            if (query.BucketWidth != "1d")
            {
                throw new OpenAIAdminException(AdminErrorKind.InvalidArgument, $"Costs come in day buckets only (1d), not '{query.BucketWidth}'.");
            }

            foreach (string field in query.GroupBy ?? Array.Empty<string>())
            {
                if (!CostsQuery.GroupByValues.Contains(field, StringComparer.Ordinal))
                {
                    throw new OpenAIAdminException(AdminErrorKind.InvalidArgument, $"Costs cannot be grouped by '{field}'; they take {string.Join(", ", CostsQuery.GroupByValues)}.");
                }
            }

            var filters = new Query()
                .Add("bucket_width", query.BucketWidth)
                .AddRepeated("project_ids", query.ProjectIds == null ? null : BucketRead.Values(query.ProjectIds, "project_ids"))
                .AddRepeated("api_key_ids", query.ApiKeyIds == null ? null : BucketRead.Values(query.ApiKeyIds, "api_key_ids"))
                .AddRepeated("group_by", query.GroupBy?.Distinct(StringComparer.Ordinal));
            var request = new BucketRequest("organization/costs", "1d", CostsQuery.MaxBuckets, filters);
            Action<CostsResult>? fill = BucketRead.FillFromFilters<CostsResult>(
                (nameof(CostsResult.ProjectId), query.ProjectIds), (nameof(CostsResult.ApiKeyId), query.ApiKeyIds));
            return BucketRead.ListAsync<CostsResult>(_client, _connection, request, query.StartTime, query.EndTime, options, "Costs", fill, cancellationToken);
        }
    }
}

namespace OpenAIAdmin
{
    public sealed partial class AdminClient
    {
        private Resources.CostsClient? _costs;

        /// <summary>The costs operation (see <see cref="Resources.CostsClient"/>).</summary>
        public Resources.CostsClient Costs => _costs ??= new Resources.CostsClient(this, _connection);
    }
}
