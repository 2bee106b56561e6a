using System.Text.Json.Serialization;

namespace OpenAIAdmin
{
    /// <summary>
    /// A project's rate limit for one model (API type <c>project.rate_limit</c>). The last four limits exist only
    /// for the models they concern and are null otherwise. Names carry explicit JSON names: the API's
    /// <c>per_1_minute</c> is not what snake-casing <c>Per1Minute</c> gives.
    /// </summary>
    public sealed class ProjectRateLimit
    {
        public string Id { get; set; } = string.Empty;

        public string? Object { get; set; }

        public string? Model { get; set; }

        [JsonPropertyName("max_requests_per_1_minute")]
        public long? MaxRequestsPer1Minute { get; set; }

        [JsonPropertyName("max_tokens_per_1_minute")]
        public long? MaxTokensPer1Minute { get; set; }

        [JsonPropertyName("max_images_per_1_minute")]
        public long? MaxImagesPer1Minute { get; set; }

        [JsonPropertyName("max_audio_megabytes_per_1_minute")]
        public long? MaxAudioMegabytesPer1Minute { get; set; }

        [JsonPropertyName("max_requests_per_1_day")]
        public long? MaxRequestsPer1Day { get; set; }

        [JsonPropertyName("batch_1_day_max_input_tokens")]
        public long? Batch1DayMaxInputTokens { get; set; }

        /// <summary>Filled by the client (the API does not send it).</summary>
        public string? ProjectId { get; set; }

        public override string ToString() => Id;
    }

    /// <summary>The limits to change; null ones are not sent, so only the limits given change.</summary>
    public sealed class ProjectRateLimitUpdateRequest
    {
        [JsonPropertyName("max_requests_per_1_minute")]
        public long? MaxRequestsPer1Minute { get; set; }

        [JsonPropertyName("max_tokens_per_1_minute")]
        public long? MaxTokensPer1Minute { get; set; }

        [JsonPropertyName("max_images_per_1_minute")]
        public long? MaxImagesPer1Minute { get; set; }

        [JsonPropertyName("max_audio_megabytes_per_1_minute")]
        public long? MaxAudioMegabytesPer1Minute { get; set; }

        [JsonPropertyName("max_requests_per_1_day")]
        public long? MaxRequestsPer1Day { get; set; }

        [JsonPropertyName("batch_1_day_max_input_tokens")]
        public long? Batch1DayMaxInputTokens { get; set; }
    }
}
