using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    public sealed class CostsQuery
    {
        public DateTimeOffset StartTime { get; set; }

        public DateTimeOffset? EndTime { get; set; }

        /// <summary>Only <c>1d</c> is supported by the API today.</summary>
        public string? BucketWidth { get; set; }

        public IList<string>? ProjectIds { get; set; }

        public IList<string>? ApiKeyIds { get; set; }

        /// <summary><c>project_id</c>, <c>line_item</c>, <c>api_key_id</c>.</summary>
        public IList<string>? GroupBy { get; set; }
    }

    public sealed class CostsClient : ResourceClient
    {
        internal CostsClient(ApiConnection connection) : base(connection) { }

        /// <summary>Streams one <see cref="CostsResult"/> per bucket result; <see cref="ListOptions.PageSize"/> counts day buckets (1..180).</summary>
        public async IAsyncEnumerable<CostsResult> ListAsync(CostsQuery query, ListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var request = new ListRequest<TimeBucket<CostsResult>>("organization/costs", PagingStyle.PageToken, 180, b => b.StartTime.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                Query = new Query()
                    .Add("start_time", query.StartTime)
                    .Add("end_time", query.EndTime)
                    .Add("bucket_width", query.BucketWidth)
                    .AddArray("project_ids", query.ProjectIds)
                    .AddArray("api_key_ids", query.ApiKeyIds)
                    .AddArray("group_by", query.GroupBy),
            };

            var bucketOptions = new ListOptions { PageSize = options?.PageSize };
            long emitted = 0;
            await foreach (TimeBucket<CostsResult> bucket in List(request, bucketOptions, cancellationToken).ConfigureAwait(false))
            {
                foreach (CostsResult result in bucket.Results ?? new List<CostsResult>())
                {
                    result.StartTime = bucket.StartTime;
                    result.EndTime = bucket.EndTime;
                    yield return result;
                    if (options?.MaxItems is long max && ++emitted >= max)
                    {
                        yield break;
                    }
                }
            }
        }
    }
}

namespace OpenAIAdmin
{
    public sealed partial class AdminClient
    {
        private Resources.CostsClient? _costs;

        public Resources.CostsClient Costs => _costs ??= new Resources.CostsClient(_connection);
    }
}
