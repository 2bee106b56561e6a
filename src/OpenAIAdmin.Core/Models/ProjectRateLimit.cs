using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OpenAIAdmin
{
    /// <summary>
    /// The six limits of a rate limit, in one place for the API object and the update request. Names carry explicit
    /// JSON names: the API's <c>per_1_minute</c> is not what snake-casing <c>Per1Minute</c> gives.
    /// </summary>
    public abstract class RateLimitValues
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

        /// <summary>Each limit under its API name, in the API's order.</summary>
        internal IEnumerable<KeyValuePair<string, long?>> Limits()
        {
            yield return new KeyValuePair<string, long?>("max_requests_per_1_minute", MaxRequestsPer1Minute);
            yield return new KeyValuePair<string, long?>("max_tokens_per_1_minute", MaxTokensPer1Minute);
            yield return new KeyValuePair<string, long?>("max_images_per_1_minute", MaxImagesPer1Minute);
            yield return new KeyValuePair<string, long?>("max_audio_megabytes_per_1_minute", MaxAudioMegabytesPer1Minute);
            yield return new KeyValuePair<string, long?>("max_requests_per_1_day", MaxRequestsPer1Day);
            yield return new KeyValuePair<string, long?>("batch_1_day_max_input_tokens", Batch1DayMaxInputTokens);
        }
    }

    /// <summary>
    /// A project's rate limit for one model (API type <c>project.rate_limit</c>). The last four limits exist only
    /// for the models they concern and are null otherwise.
    /// </summary>
    public sealed class ProjectRateLimit : RateLimitValues
    {
        public string Id { get; set; } = string.Empty;

        public string? Object { get; set; }

        public string? Model { get; set; }

        /// <summary>Filled by the client (the API does not send it).</summary>
        public string? ProjectId { get; set; }

        public override string ToString() => Id;
    }

    /// <summary>The limits to change; null ones are not sent, so only the limits given change.</summary>
    public sealed class ProjectRateLimitUpdateRequest : RateLimitValues
    {
        /// <summary>True when no limit is given: there is nothing to send.</summary>
        [JsonIgnore]
        public bool IsEmpty
        {
            get
            {
                foreach (KeyValuePair<string, long?> limit in Limits())
                {
                    if (limit.Value != null)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>Each limit this request changes, by its API name, with the value in <paramref name="current"/> and the new one.</summary>
        public IEnumerable<RateLimitChange> ChangesFrom(RateLimitValues current)
        {
            using IEnumerator<KeyValuePair<string, long?>> old = current.Limits().GetEnumerator();
            foreach (KeyValuePair<string, long?> limit in Limits())
            {
                old.MoveNext();
                if (limit.Value is long value)
                {
                    yield return new RateLimitChange(limit.Key, old.Current.Value, value);
                }
            }
        }
    }

    /// <summary>One limit a rate-limit update changes.</summary>
    public sealed class RateLimitChange
    {
        public RateLimitChange(string name, long? old, long value)
        {
            Name = name;
            Old = old;
            New = value;
        }

        /// <summary>The API's name of the limit, e.g. <c>max_requests_per_1_minute</c>.</summary>
        public string Name { get; }

        public long? Old { get; }

        public long New { get; }
    }
}
