using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenAIAdmin
{
    /// <summary>The ten usage operations (<c>GET /organization/usage/…</c>).</summary>
    public enum UsageKind
    {
        Completions,
        Embeddings,
        Moderations,
        Images,
        AudioSpeeches,
        AudioTranscriptions,
        VectorStores,
        CodeInterpreterSessions,
        FileSearchCalls,
        WebSearchCalls,
    }

    /// <summary>
    /// What one usage operation takes: its path, its filters (by their query names) and its <c>group_by</c> values.
    /// This is the project's own table of the API reference's usage operations; the cmdlets validate against it before
    /// any request, and the client refuses anything else.
    /// </summary>
    public sealed class UsageKindInfo
    {
        public const string ProjectIds = "project_ids";
        public const string UserIds = "user_ids";
        public const string ApiKeyIds = "api_key_ids";
        public const string Models = "models";
        public const string Batch = "batch";
        public const string Sources = "sources";
        public const string Sizes = "sizes";
        public const string ContextLevels = "context_levels";
        public const string VectorStoreIds = "vector_store_ids";

        /// <summary>The image sources the <c>sources</c> filter takes.</summary>
        public static readonly IReadOnlyList<string> ImageSources = new[] { "image.generation", "image.edit", "image.variation" };

        /// <summary>The image sizes the <c>sizes</c> filter takes.</summary>
        public static readonly IReadOnlyList<string> ImageSizes = new[] { "256x256", "512x512", "1024x1024", "1792x1792", "1024x1792" };

        /// <summary>The search context sizes the <c>context_levels</c> filter takes.</summary>
        public static readonly IReadOnlyList<string> SearchContextLevels = new[] { "low", "medium", "high" };

        /// <summary>The bucket widths usage takes, and the most buckets one request may ask for with each.</summary>
        public static readonly IReadOnlyDictionary<string, int> MaxBuckets = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["1d"] = 31,
            ["1h"] = 168,
            ["1m"] = 1440,
        };

        private static readonly string[] Callers = { ProjectIds, UserIds, ApiKeyIds };
        private static readonly string[] CallerKeys = { "project_id", "user_id", "api_key_id" };

        private static readonly UsageKindInfo[] Table =
        {
            new UsageKindInfo(UsageKind.Completions, "completions", typeof(UsageCompletionsResult),
                Callers.Concat(new[] { Models, Batch }), CallerKeys.Concat(new[] { "model", "batch", "service_tier" })),
            new UsageKindInfo(UsageKind.Embeddings, "embeddings", typeof(UsageEmbeddingsResult),
                Callers.Concat(new[] { Models }), CallerKeys.Concat(new[] { "model" })),
            new UsageKindInfo(UsageKind.Moderations, "moderations", typeof(UsageModerationsResult),
                Callers.Concat(new[] { Models }), CallerKeys.Concat(new[] { "model" })),
            new UsageKindInfo(UsageKind.Images, "images", typeof(UsageImagesResult),
                Callers.Concat(new[] { Models, Sources, Sizes }), CallerKeys.Concat(new[] { "model", "size", "source" })),
            new UsageKindInfo(UsageKind.AudioSpeeches, "audio_speeches", typeof(UsageAudioSpeechesResult),
                Callers.Concat(new[] { Models }), CallerKeys.Concat(new[] { "model" })),
            new UsageKindInfo(UsageKind.AudioTranscriptions, "audio_transcriptions", typeof(UsageAudioTranscriptionsResult),
                Callers.Concat(new[] { Models }), CallerKeys.Concat(new[] { "model" })),
            new UsageKindInfo(UsageKind.VectorStores, "vector_stores", typeof(UsageVectorStoresResult),
                new[] { ProjectIds }, new[] { "project_id" }),
            new UsageKindInfo(UsageKind.CodeInterpreterSessions, "code_interpreter_sessions", typeof(UsageCodeInterpreterSessionsResult),
                new[] { ProjectIds }, new[] { "project_id" }),
            new UsageKindInfo(UsageKind.FileSearchCalls, "file_search_calls", typeof(UsageFileSearchCallsResult),
                Callers.Concat(new[] { VectorStoreIds }), CallerKeys.Concat(new[] { "vector_store_id" })),
            new UsageKindInfo(UsageKind.WebSearchCalls, "web_search_calls", typeof(UsageWebSearchCallsResult),
                Callers.Concat(new[] { Models, ContextLevels }), CallerKeys.Concat(new[] { "model", "context_level" })),
        };

        private UsageKindInfo(UsageKind kind, string segment, Type resultType, IEnumerable<string> filters, IEnumerable<string> groupBy)
        {
            Kind = kind;
            Path = "organization/usage/" + segment;
            ResultType = resultType;
            Filters = filters.ToArray();
            GroupBy = groupBy.ToArray();
        }

        public UsageKind Kind { get; }

        /// <summary>The path relative to the API base, e.g. <c>organization/usage/completions</c>.</summary>
        public string Path { get; }

        /// <summary>The result type the operation's rows are read as.</summary>
        public Type ResultType { get; }

        /// <summary>The filters the operation takes, by query name (<c>project_ids</c>, <c>models</c>, <c>batch</c>, …).</summary>
        public IReadOnlyList<string> Filters { get; }

        /// <summary>The <c>group_by</c> values the operation takes.</summary>
        public IReadOnlyList<string> GroupBy { get; }

        public static IReadOnlyList<UsageKindInfo> All => Table;

        public static UsageKindInfo For(UsageKind kind) => Table.First(info => info.Kind == kind);

        public bool TakesFilter(string queryName) => Filters.Contains(queryName, StringComparer.Ordinal);

        public bool TakesGroupBy(string value) => GroupBy.Contains(value, StringComparer.Ordinal);
    }
}
