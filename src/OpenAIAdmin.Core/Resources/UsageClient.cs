using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    /// <summary>What to read from a usage operation; a filter left null is not sent.</summary>
    public sealed class UsageQuery
    {
        /// <summary>The start of the range (inclusive); required.</summary>
        public DateTimeOffset StartTime { get; set; }

        /// <summary>The end of the range (exclusive); null reads up to now, including the bucket that is still open.</summary>
        public DateTimeOffset? EndTime { get; set; }

        /// <summary><c>1d</c> (the API's default), <c>1h</c> or <c>1m</c>.</summary>
        public string BucketWidth { get; set; } = "1d";

        public IList<string>? GroupBy { get; set; }

        public IList<string>? ProjectIds { get; set; }

        public IList<string>? UserIds { get; set; }

        public IList<string>? ApiKeyIds { get; set; }

        public IList<string>? Models { get; set; }

        /// <summary>Completions only: true for batch requests only, false for the others only, null for both.</summary>
        public bool? Batch { get; set; }

        public IList<string>? Sources { get; set; }

        public IList<string>? Sizes { get; set; }

        public IList<string>? ContextLevels { get; set; }

        public IList<string>? VectorStoreIds { get; set; }

        /// <summary>The filters given, by query name, with their values (arrays as lists, <c>batch</c> as a bool).</summary>
        internal IEnumerable<KeyValuePair<string, object>> GivenFilters()
        {
            var all = new (string Name, object? Value)[]
            {
                (UsageKindInfo.ProjectIds, ProjectIds), (UsageKindInfo.UserIds, UserIds), (UsageKindInfo.ApiKeyIds, ApiKeyIds),
                (UsageKindInfo.Models, Models), (UsageKindInfo.Batch, Batch), (UsageKindInfo.Sources, Sources), (UsageKindInfo.Sizes, Sizes),
                (UsageKindInfo.ContextLevels, ContextLevels), (UsageKindInfo.VectorStoreIds, VectorStoreIds),
            };
            return all.Where(f => f.Value != null).Select(f => new KeyValuePair<string, object>(f.Name, f.Value!));
        }
    }

    /// <summary>
    /// The ten usage operations. Each streams one result object per bucket result (<c>Usage&lt;Kind&gt;Result</c>), in time
    /// order, read window by window with several windows at once (<see cref="BucketPager{T}"/>).
    /// </summary>
    public sealed class UsageClient
    {
        private readonly AdminClient _client;
        private readonly ApiConnection _connection;

        internal UsageClient(AdminClient client, ApiConnection connection)
        {
            _client = client;
            _connection = connection;
        }

        public IAsyncEnumerable<UsageResult> ListAsync(UsageKind kind, UsageQuery query, BucketReadOptions? options = null, CancellationToken cancellationToken = default)
        {
            switch (kind)
            {
                case UsageKind.Completions: return ListAsync<UsageCompletionsResult>(kind, query, options, cancellationToken);
                case UsageKind.Embeddings: return ListAsync<UsageEmbeddingsResult>(kind, query, options, cancellationToken);
                case UsageKind.Moderations: return ListAsync<UsageModerationsResult>(kind, query, options, cancellationToken);
                case UsageKind.Images: return ListAsync<UsageImagesResult>(kind, query, options, cancellationToken);
                case UsageKind.AudioSpeeches: return ListAsync<UsageAudioSpeechesResult>(kind, query, options, cancellationToken);
                case UsageKind.AudioTranscriptions: return ListAsync<UsageAudioTranscriptionsResult>(kind, query, options, cancellationToken);
                case UsageKind.VectorStores: return ListAsync<UsageVectorStoresResult>(kind, query, options, cancellationToken);
                case UsageKind.CodeInterpreterSessions: return ListAsync<UsageCodeInterpreterSessionsResult>(kind, query, options, cancellationToken);
                case UsageKind.FileSearchCalls: return ListAsync<UsageFileSearchCallsResult>(kind, query, options, cancellationToken);
                case UsageKind.WebSearchCalls: return ListAsync<UsageWebSearchCallsResult>(kind, query, options, cancellationToken);
                default: throw new OpenAIAdminException(AdminErrorKind.InvalidArgument, $"'{kind}' is not a usage kind.");
            }
        }

        /// <summary>One kind, typed; <typeparamref name="T"/> must be the kind's result type.</summary>
        internal IAsyncEnumerable<T> ListAsync<T>(UsageKind kind, UsageQuery query, BucketReadOptions? options, CancellationToken cancellationToken)
            where T : UsageResult, IBucketResult
        {
            UsageKindInfo info = UsageKindInfo.For(kind);
            if (info.ResultType != typeof(T))
            {
                throw new OpenAIAdminException(AdminErrorKind.InvalidArgument, $"{kind} usage is read as {info.ResultType.Name}, not {typeof(T).Name}.");
            }

            if (query == null)
            {
                throw new OpenAIAdminException(AdminErrorKind.InvalidArgument, "The usage query is missing.");
            }

            options ??= new BucketReadOptions();
            options.Check();
            BucketRead.CheckRange(query.StartTime, query.EndTime);
            if (!UsageKindInfo.MaxBuckets.TryGetValue(query.BucketWidth ?? string.Empty, out int max))
            {
                throw new OpenAIAdminException(AdminErrorKind.InvalidArgument, $"The bucket width '{query.BucketWidth}' is not one of 1d, 1h, 1m.");
            }

            var filters = new Query().Add("bucket_width", query.BucketWidth);
            foreach (KeyValuePair<string, object> filter in query.GivenFilters())
            {
                if (!info.TakesFilter(filter.Key))
                {
                    throw new OpenAIAdminException(AdminErrorKind.InvalidArgument, $"{kind} usage has no '{filter.Key}' filter.");
                }

                if (filter.Value is bool flag)
                {
                    filters.Add(filter.Key, flag);
                }
                else
                {
                    filters.AddRepeated(filter.Key, BucketRead.Values((IList<string>)filter.Value, filter.Key));
                }
            }

            foreach (string field in query.GroupBy ?? Array.Empty<string>())
            {
                if (!info.TakesGroupBy(field))
                {
                    throw new OpenAIAdminException(AdminErrorKind.InvalidArgument,
                        $"{kind} usage cannot be grouped by '{field}'; it takes {string.Join(", ", info.GroupBy)}.");
                }
            }

            filters.AddRepeated("group_by", query.GroupBy?.Distinct(StringComparer.Ordinal));
            var request = new BucketRequest(info.Path, query.BucketWidth!, max, filters);
            Action<T>? fill = BucketRead.FillFromFilters<T>(
                (nameof(UsageCompletionsResult.ProjectId), query.ProjectIds), (nameof(UsageCompletionsResult.UserId), query.UserIds),
                (nameof(UsageCompletionsResult.ApiKeyId), query.ApiKeyIds), (nameof(UsageCompletionsResult.Model), query.Models));
            return BucketRead.ListAsync<T>(_client, _connection, request, query.StartTime, query.EndTime, options, "Usage " + info.Path.Substring("organization/usage/".Length), fill, cancellationToken);
        }
    }

    /// <summary>What the usage and costs clients share: range checks and streaming the pager's windows as rows, with names.</summary>
    internal static class BucketRead
    {
        public static void CheckRange(DateTimeOffset start, DateTimeOffset? end)
        {
            if (start.UtcDateTime.Year < 1970)
            {
                throw new OpenAIAdminException(AdminErrorKind.InvalidArgument,
                    $"The start time ({BucketWindow.Text(start)} UTC) is missing or before 1970: the API's times begin on 1970-01-01 (UTC).");
            }

            if (end is DateTimeOffset e && e <= start)
            {
                throw new OpenAIAdminException(AdminErrorKind.InvalidArgument,
                    $"The end time ({BucketWindow.Text(e)} UTC) must be after the start time ({BucketWindow.Text(start)} UTC).");
            }
        }

        public static IEnumerable<string> Values(IList<string> values, string name)
        {
            if (values.Any(string.IsNullOrWhiteSpace))
            {
                throw new OpenAIAdminException(AdminErrorKind.InvalidArgument, $"A value of '{name}' is empty.");
            }

            // Trimmed as ids in paths are (ApiPath.Id): ' key_1' matched nothing, and costs then read as $0.00.
            return values.Select(value => value.Trim()).Distinct(StringComparer.Ordinal);
        }

        /// <summary>
        /// What a filter of one value says of every row: the usage of one project (piped projects are read one by one) has
        /// no project_id unless grouped by it, so the rows of several projects could not be told apart, and
        /// <c>-IncludeName</c> had no id to name. Such a row gets the filter's value; a row the API filled (grouped by
        /// that field) keeps its own. Null when no filter has exactly one value that <typeparamref name="T"/> can carry.
        /// </summary>
        public static Action<T>? FillFromFilters<T>(params (string Property, IList<string>? Values)[] filters)
        {
            var setters = new List<(PropertyInfo Property, string Value)>();
            foreach ((string name, IList<string>? values) in filters)
            {
                List<string> distinct = values == null ? new List<string>()
                    : values.Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value.Trim()).Distinct(StringComparer.Ordinal).ToList();
                if (distinct.Count == 1 && typeof(T).GetProperty(name) is PropertyInfo property && property.CanWrite && property.PropertyType == typeof(string))
                {
                    setters.Add((property, distinct[0]));
                }
            }

            if (setters.Count == 0)
            {
                return null;
            }

            return row =>
            {
                foreach ((PropertyInfo property, string value) in setters)
                {
                    if (property.GetValue(row) == null)
                    {
                        property.SetValue(row, value);
                    }
                }
            };
        }

        public static async IAsyncEnumerable<T> ListAsync<T>(AdminClient client, ApiConnection connection, BucketRequest request,
            DateTimeOffset start, DateTimeOffset? end, BucketReadOptions options, string activity, Action<T>? fill, [EnumeratorCancellation] CancellationToken cancellationToken)
            where T : class, IBucketResult
        {
            var pager = new BucketPager<T>(connection, request, options);
            BucketNames? names = options.IncludeNames ? new BucketNames(client) : null;
            await foreach (List<T> rows in pager.ReadAsync(start, end ?? DateTimeOffset.MaxValue, activity, cancellationToken).ConfigureAwait(false))
            {
                if (fill != null)
                {
                    rows.ForEach(fill);
                }

                if (names != null)
                {
                    await names.FillAsync(rows, cancellationToken).ConfigureAwait(false);
                }

                for (int i = 0; i < rows.Count; i++)
                {
                    if (i == 1)
                    {
                        // The consumer took the first row and wants more: the next window may start now.
                        pager.ReadAhead();
                    }

                    yield return rows[i];
                }
            }
        }
    }
}

namespace OpenAIAdmin
{
    public sealed partial class AdminClient
    {
        private Resources.UsageClient? _usage;

        /// <summary>The ten usage operations (see <see cref="Resources.UsageClient"/>).</summary>
        public Resources.UsageClient Usage => _usage ??= new Resources.UsageClient(this, _connection);
    }
}
