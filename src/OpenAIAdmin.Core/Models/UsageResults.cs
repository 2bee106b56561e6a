using System;
using System.Text.Json.Serialization;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin
{
    /// <summary>
    /// Base of the ten usage result types: one object per result of one time bucket, flattened (it carries the bucket's
    /// start and end). Each kind declares all of its properties itself, in the order users read them (times, metrics,
    /// group keys, names), so Export-Csv and Format-List * show them in that order.
    /// </summary>
    public abstract class UsageResult
    {
        private protected UsageResult()
        {
        }
    }

    /// <summary>Completions usage of one time bucket (API object <c>organization.usage.completions.result</c>, from <c>GET /organization/usage/completions</c>). Group keys are null unless the query grouped by them.</summary>
    public sealed class UsageCompletionsResult : UsageResult, IBucketResult, IProjectResult, IUserResult, IApiKeyResult
    {
        /// <summary>The start of the bucket (UTC).</summary>
        [JsonIgnore]
        public DateTimeOffset StartTime { get; set; }

        /// <summary>The end of the bucket (UTC), exclusive.</summary>
        [JsonIgnore]
        public DateTimeOffset EndTime { get; set; }

        /// <summary>False while the bucket has not ended: its figures still grow.</summary>
        [JsonIgnore]
        public bool Complete { get; set; }

        /// <summary>The input tokens, cached and cache-write tokens included (text, audio and image).</summary>
        public long InputTokens { get; set; }

        /// <summary>The cached input tokens.</summary>
        public long? InputCachedTokens { get; set; }

        /// <summary>The input tokens written to the cache.</summary>
        public long? InputCacheWriteTokens { get; set; }

        /// <summary>The uncached input tokens, cache-write tokens excluded.</summary>
        public long? InputUncachedTokens { get; set; }

        /// <summary>The output tokens (text, audio and image).</summary>
        public long OutputTokens { get; set; }

        /// <summary>The uncached text input tokens.</summary>
        public long? InputTextTokens { get; set; }

        /// <summary>The text output tokens.</summary>
        public long? OutputTextTokens { get; set; }

        /// <summary>The cached text input tokens.</summary>
        public long? InputCachedTextTokens { get; set; }

        /// <summary>The uncached audio input tokens.</summary>
        public long? InputAudioTokens { get; set; }

        /// <summary>The cached audio input tokens.</summary>
        public long? InputCachedAudioTokens { get; set; }

        /// <summary>The audio output tokens.</summary>
        public long? OutputAudioTokens { get; set; }

        /// <summary>The uncached image input tokens.</summary>
        public long? InputImageTokens { get; set; }

        /// <summary>The cached image input tokens.</summary>
        public long? InputCachedImageTokens { get; set; }

        /// <summary>The image output tokens.</summary>
        public long? OutputImageTokens { get; set; }

        /// <summary>The requests made to models.</summary>
        public long NumModelRequests { get; set; }

        /// <summary>With group_by project_id: the project.</summary>
        public string? ProjectId { get; set; }

        /// <summary>With -IncludeName (IncludeNames): the project's name.</summary>
        [JsonIgnore]
        public string? ProjectName { get; set; }

        /// <summary>With group_by user_id: the user.</summary>
        public string? UserId { get; set; }

        /// <summary>With IncludeNames: the user's e-mail address.</summary>
        [JsonIgnore]
        public string? UserEmail { get; set; }

        /// <summary>With group_by api_key_id: the project API key.</summary>
        public string? ApiKeyId { get; set; }

        /// <summary>With IncludeNames: the API key's name.</summary>
        [JsonIgnore]
        public string? ApiKeyName { get; set; }

        /// <summary>With group_by model: the model.</summary>
        public string? Model { get; set; }

        /// <summary>With group_by batch: whether these were batch requests.</summary>
        public bool? Batch { get; set; }

        /// <summary>With group_by service_tier: the service tier.</summary>
        public string? ServiceTier { get; set; }

        /// <summary>The API's object type.</summary>
        public string? Object { get; set; }
    }

    /// <summary>Embeddings usage of one time bucket (API object <c>organization.usage.embeddings.result</c>, from <c>GET /organization/usage/embeddings</c>). Group keys are null unless the query grouped by them.</summary>
    public sealed class UsageEmbeddingsResult : UsageResult, IBucketResult, IProjectResult, IUserResult, IApiKeyResult
    {
        /// <summary>The start of the bucket (UTC).</summary>
        [JsonIgnore]
        public DateTimeOffset StartTime { get; set; }

        /// <summary>The end of the bucket (UTC), exclusive.</summary>
        [JsonIgnore]
        public DateTimeOffset EndTime { get; set; }

        /// <summary>False while the bucket has not ended: its figures still grow.</summary>
        [JsonIgnore]
        public bool Complete { get; set; }

        /// <summary>The input tokens.</summary>
        public long InputTokens { get; set; }

        /// <summary>The requests made to models.</summary>
        public long NumModelRequests { get; set; }

        /// <summary>With group_by project_id: the project.</summary>
        public string? ProjectId { get; set; }

        /// <summary>With -IncludeName (IncludeNames): the project's name.</summary>
        [JsonIgnore]
        public string? ProjectName { get; set; }

        /// <summary>With group_by user_id: the user.</summary>
        public string? UserId { get; set; }

        /// <summary>With IncludeNames: the user's e-mail address.</summary>
        [JsonIgnore]
        public string? UserEmail { get; set; }

        /// <summary>With group_by api_key_id: the project API key.</summary>
        public string? ApiKeyId { get; set; }

        /// <summary>With IncludeNames: the API key's name.</summary>
        [JsonIgnore]
        public string? ApiKeyName { get; set; }

        /// <summary>With group_by model: the model.</summary>
        public string? Model { get; set; }

        /// <summary>The API's object type.</summary>
        public string? Object { get; set; }
    }

    /// <summary>Moderations usage of one time bucket (API object <c>organization.usage.moderations.result</c>, from <c>GET /organization/usage/moderations</c>). Group keys are null unless the query grouped by them.</summary>
    public sealed class UsageModerationsResult : UsageResult, IBucketResult, IProjectResult, IUserResult, IApiKeyResult
    {
        /// <summary>The start of the bucket (UTC).</summary>
        [JsonIgnore]
        public DateTimeOffset StartTime { get; set; }

        /// <summary>The end of the bucket (UTC), exclusive.</summary>
        [JsonIgnore]
        public DateTimeOffset EndTime { get; set; }

        /// <summary>False while the bucket has not ended: its figures still grow.</summary>
        [JsonIgnore]
        public bool Complete { get; set; }

        /// <summary>The input tokens.</summary>
        public long InputTokens { get; set; }

        /// <summary>The requests made to models.</summary>
        public long NumModelRequests { get; set; }

        /// <summary>With group_by project_id: the project.</summary>
        public string? ProjectId { get; set; }

        /// <summary>With -IncludeName (IncludeNames): the project's name.</summary>
        [JsonIgnore]
        public string? ProjectName { get; set; }

        /// <summary>With group_by user_id: the user.</summary>
        public string? UserId { get; set; }

        /// <summary>With IncludeNames: the user's e-mail address.</summary>
        [JsonIgnore]
        public string? UserEmail { get; set; }

        /// <summary>With group_by api_key_id: the project API key.</summary>
        public string? ApiKeyId { get; set; }

        /// <summary>With IncludeNames: the API key's name.</summary>
        [JsonIgnore]
        public string? ApiKeyName { get; set; }

        /// <summary>With group_by model: the model.</summary>
        public string? Model { get; set; }

        /// <summary>The API's object type.</summary>
        public string? Object { get; set; }
    }

    /// <summary>Images usage of one time bucket (API object <c>organization.usage.images.result</c>, from <c>GET /organization/usage/images</c>). Group keys are null unless the query grouped by them.</summary>
    public sealed class UsageImagesResult : UsageResult, IBucketResult, IProjectResult, IUserResult, IApiKeyResult
    {
        /// <summary>The start of the bucket (UTC).</summary>
        [JsonIgnore]
        public DateTimeOffset StartTime { get; set; }

        /// <summary>The end of the bucket (UTC), exclusive.</summary>
        [JsonIgnore]
        public DateTimeOffset EndTime { get; set; }

        /// <summary>False while the bucket has not ended: its figures still grow.</summary>
        [JsonIgnore]
        public bool Complete { get; set; }

        /// <summary>The images processed.</summary>
        public long Images { get; set; }

        /// <summary>The requests made to models.</summary>
        public long NumModelRequests { get; set; }

        /// <summary>With group_by project_id: the project.</summary>
        public string? ProjectId { get; set; }

        /// <summary>With -IncludeName (IncludeNames): the project's name.</summary>
        [JsonIgnore]
        public string? ProjectName { get; set; }

        /// <summary>With group_by user_id: the user.</summary>
        public string? UserId { get; set; }

        /// <summary>With IncludeNames: the user's e-mail address.</summary>
        [JsonIgnore]
        public string? UserEmail { get; set; }

        /// <summary>With group_by api_key_id: the project API key.</summary>
        public string? ApiKeyId { get; set; }

        /// <summary>With IncludeNames: the API key's name.</summary>
        [JsonIgnore]
        public string? ApiKeyName { get; set; }

        /// <summary>With group_by model: the model.</summary>
        public string? Model { get; set; }

        /// <summary>With group_by size: the image size.</summary>
        public string? Size { get; set; }

        /// <summary>With group_by source: image.generation, image.edit or image.variation.</summary>
        public string? Source { get; set; }

        /// <summary>The API's object type.</summary>
        public string? Object { get; set; }
    }

    /// <summary>AudioSpeeches usage of one time bucket (API object <c>organization.usage.audio_speeches.result</c>, from <c>GET /organization/usage/audio_speeches</c>). Group keys are null unless the query grouped by them.</summary>
    public sealed class UsageAudioSpeechesResult : UsageResult, IBucketResult, IProjectResult, IUserResult, IApiKeyResult
    {
        /// <summary>The start of the bucket (UTC).</summary>
        [JsonIgnore]
        public DateTimeOffset StartTime { get; set; }

        /// <summary>The end of the bucket (UTC), exclusive.</summary>
        [JsonIgnore]
        public DateTimeOffset EndTime { get; set; }

        /// <summary>False while the bucket has not ended: its figures still grow.</summary>
        [JsonIgnore]
        public bool Complete { get; set; }

        /// <summary>The characters processed.</summary>
        public long Characters { get; set; }

        /// <summary>The requests made to models.</summary>
        public long NumModelRequests { get; set; }

        /// <summary>With group_by project_id: the project.</summary>
        public string? ProjectId { get; set; }

        /// <summary>With -IncludeName (IncludeNames): the project's name.</summary>
        [JsonIgnore]
        public string? ProjectName { get; set; }

        /// <summary>With group_by user_id: the user.</summary>
        public string? UserId { get; set; }

        /// <summary>With IncludeNames: the user's e-mail address.</summary>
        [JsonIgnore]
        public string? UserEmail { get; set; }

        /// <summary>With group_by api_key_id: the project API key.</summary>
        public string? ApiKeyId { get; set; }

        /// <summary>With IncludeNames: the API key's name.</summary>
        [JsonIgnore]
        public string? ApiKeyName { get; set; }

        /// <summary>With group_by model: the model.</summary>
        public string? Model { get; set; }

        /// <summary>The API's object type.</summary>
        public string? Object { get; set; }
    }

    /// <summary>AudioTranscriptions usage of one time bucket (API object <c>organization.usage.audio_transcriptions.result</c>, from <c>GET /organization/usage/audio_transcriptions</c>). Group keys are null unless the query grouped by them.</summary>
    public sealed class UsageAudioTranscriptionsResult : UsageResult, IBucketResult, IProjectResult, IUserResult, IApiKeyResult
    {
        /// <summary>The start of the bucket (UTC).</summary>
        [JsonIgnore]
        public DateTimeOffset StartTime { get; set; }

        /// <summary>The end of the bucket (UTC), exclusive.</summary>
        [JsonIgnore]
        public DateTimeOffset EndTime { get; set; }

        /// <summary>False while the bucket has not ended: its figures still grow.</summary>
        [JsonIgnore]
        public bool Complete { get; set; }

        /// <summary>The seconds of audio processed.</summary>
        public long Seconds { get; set; }

        /// <summary>The requests made to models.</summary>
        public long NumModelRequests { get; set; }

        /// <summary>With group_by project_id: the project.</summary>
        public string? ProjectId { get; set; }

        /// <summary>With -IncludeName (IncludeNames): the project's name.</summary>
        [JsonIgnore]
        public string? ProjectName { get; set; }

        /// <summary>With group_by user_id: the user.</summary>
        public string? UserId { get; set; }

        /// <summary>With IncludeNames: the user's e-mail address.</summary>
        [JsonIgnore]
        public string? UserEmail { get; set; }

        /// <summary>With group_by api_key_id: the project API key.</summary>
        public string? ApiKeyId { get; set; }

        /// <summary>With IncludeNames: the API key's name.</summary>
        [JsonIgnore]
        public string? ApiKeyName { get; set; }

        /// <summary>With group_by model: the model.</summary>
        public string? Model { get; set; }

        /// <summary>The API's object type.</summary>
        public string? Object { get; set; }
    }

    /// <summary>VectorStores usage of one time bucket (API object <c>organization.usage.vector_stores.result</c>, from <c>GET /organization/usage/vector_stores</c>). Group keys are null unless the query grouped by them.</summary>
    public sealed class UsageVectorStoresResult : UsageResult, IBucketResult, IProjectResult
    {
        /// <summary>The start of the bucket (UTC).</summary>
        [JsonIgnore]
        public DateTimeOffset StartTime { get; set; }

        /// <summary>The end of the bucket (UTC), exclusive.</summary>
        [JsonIgnore]
        public DateTimeOffset EndTime { get; set; }

        /// <summary>False while the bucket has not ended: its figures still grow.</summary>
        [JsonIgnore]
        public bool Complete { get; set; }

        /// <summary>The vector stores' size in bytes.</summary>
        public long UsageBytes { get; set; }

        /// <summary>With group_by project_id: the project.</summary>
        public string? ProjectId { get; set; }

        /// <summary>With -IncludeName (IncludeNames): the project's name.</summary>
        [JsonIgnore]
        public string? ProjectName { get; set; }

        /// <summary>The API's object type.</summary>
        public string? Object { get; set; }
    }

    /// <summary>CodeInterpreterSessions usage of one time bucket (API object <c>organization.usage.code_interpreter_sessions.result</c>, from <c>GET /organization/usage/code_interpreter_sessions</c>). Group keys are null unless the query grouped by them.</summary>
    public sealed class UsageCodeInterpreterSessionsResult : UsageResult, IBucketResult, IProjectResult
    {
        /// <summary>The start of the bucket (UTC).</summary>
        [JsonIgnore]
        public DateTimeOffset StartTime { get; set; }

        /// <summary>The end of the bucket (UTC), exclusive.</summary>
        [JsonIgnore]
        public DateTimeOffset EndTime { get; set; }

        /// <summary>False while the bucket has not ended: its figures still grow.</summary>
        [JsonIgnore]
        public bool Complete { get; set; }

        /// <summary>The code interpreter sessions (null if the API left it out).</summary>
        public long? NumSessions { get; set; }

        /// <summary>With group_by project_id: the project.</summary>
        public string? ProjectId { get; set; }

        /// <summary>With -IncludeName (IncludeNames): the project's name.</summary>
        [JsonIgnore]
        public string? ProjectName { get; set; }

        /// <summary>The API's object type.</summary>
        public string? Object { get; set; }
    }

    /// <summary>FileSearchCalls usage of one time bucket (API object <c>organization.usage.file_searches.result</c>, from <c>GET /organization/usage/file_search_calls</c>). Group keys are null unless the query grouped by them.</summary>
    public sealed class UsageFileSearchCallsResult : UsageResult, IBucketResult, IProjectResult, IUserResult, IApiKeyResult
    {
        /// <summary>The start of the bucket (UTC).</summary>
        [JsonIgnore]
        public DateTimeOffset StartTime { get; set; }

        /// <summary>The end of the bucket (UTC), exclusive.</summary>
        [JsonIgnore]
        public DateTimeOffset EndTime { get; set; }

        /// <summary>False while the bucket has not ended: its figures still grow.</summary>
        [JsonIgnore]
        public bool Complete { get; set; }

        /// <summary>The file search calls.</summary>
        public long NumRequests { get; set; }

        /// <summary>With group_by project_id: the project.</summary>
        public string? ProjectId { get; set; }

        /// <summary>With -IncludeName (IncludeNames): the project's name.</summary>
        [JsonIgnore]
        public string? ProjectName { get; set; }

        /// <summary>With group_by user_id: the user.</summary>
        public string? UserId { get; set; }

        /// <summary>With IncludeNames: the user's e-mail address.</summary>
        [JsonIgnore]
        public string? UserEmail { get; set; }

        /// <summary>With group_by api_key_id: the project API key.</summary>
        public string? ApiKeyId { get; set; }

        /// <summary>With IncludeNames: the API key's name.</summary>
        [JsonIgnore]
        public string? ApiKeyName { get; set; }

        /// <summary>With group_by vector_store_id: the vector store.</summary>
        public string? VectorStoreId { get; set; }

        /// <summary>The API's object type.</summary>
        public string? Object { get; set; }
    }

    /// <summary>WebSearchCalls usage of one time bucket (API object <c>organization.usage.web_searches.result</c>, from <c>GET /organization/usage/web_search_calls</c>). Group keys are null unless the query grouped by them.</summary>
    public sealed class UsageWebSearchCallsResult : UsageResult, IBucketResult, IProjectResult, IUserResult, IApiKeyResult
    {
        /// <summary>The start of the bucket (UTC).</summary>
        [JsonIgnore]
        public DateTimeOffset StartTime { get; set; }

        /// <summary>The end of the bucket (UTC), exclusive.</summary>
        [JsonIgnore]
        public DateTimeOffset EndTime { get; set; }

        /// <summary>False while the bucket has not ended: its figures still grow.</summary>
        [JsonIgnore]
        public bool Complete { get; set; }

        /// <summary>The web search calls.</summary>
        public long NumRequests { get; set; }

        /// <summary>The requests made to models.</summary>
        public long NumModelRequests { get; set; }

        /// <summary>With group_by project_id: the project.</summary>
        public string? ProjectId { get; set; }

        /// <summary>With -IncludeName (IncludeNames): the project's name.</summary>
        [JsonIgnore]
        public string? ProjectName { get; set; }

        /// <summary>With group_by user_id: the user.</summary>
        public string? UserId { get; set; }

        /// <summary>With IncludeNames: the user's e-mail address.</summary>
        [JsonIgnore]
        public string? UserEmail { get; set; }

        /// <summary>With group_by api_key_id: the project API key.</summary>
        public string? ApiKeyId { get; set; }

        /// <summary>With IncludeNames: the API key's name.</summary>
        [JsonIgnore]
        public string? ApiKeyName { get; set; }

        /// <summary>With group_by model: the model.</summary>
        public string? Model { get; set; }

        /// <summary>With group_by context_level: the search context size (low, medium, high).</summary>
        public string? ContextLevel { get; set; }

        /// <summary>The API's object type.</summary>
        public string? Object { get; set; }
    }
}
