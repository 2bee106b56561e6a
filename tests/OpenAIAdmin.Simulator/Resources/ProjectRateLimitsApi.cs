using System.Text.Json.Serialization;
using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>The API's <c>ProjectRateLimit</c> (inventory §6.18); the four optional limits exist only for the models they concern.</summary>
internal sealed class RateLimitRecord
{
    public string Object => "project.rate_limit";

    public required string Id { get; init; }

    public required string Model { get; init; }

    [JsonPropertyName("max_requests_per_1_minute")]
    public long MaxRequestsPer1Minute { get; set; }

    [JsonPropertyName("max_tokens_per_1_minute")]
    public long MaxTokensPer1Minute { get; set; }

    [JsonPropertyName("max_images_per_1_minute")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? MaxImagesPer1Minute { get; set; }

    [JsonPropertyName("max_audio_megabytes_per_1_minute")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? MaxAudioMegabytesPer1Minute { get; set; }

    [JsonPropertyName("max_requests_per_1_day")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? MaxRequestsPer1Day { get; set; }

    [JsonPropertyName("batch_1_day_max_input_tokens")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Batch1DayMaxInputTokens { get; set; }

    [JsonIgnore]
    public string ProjectId { get; init; } = string.Empty;

    /// <summary>The organization's limits for the model: a project limit can be lowered, never raised above them.</summary>
    [JsonIgnore]
    public RateLimitRecord? Ceiling { get; init; }

    public long? Get(string field) => field switch
    {
        "max_requests_per_1_minute" => MaxRequestsPer1Minute,
        "max_tokens_per_1_minute" => MaxTokensPer1Minute,
        "max_images_per_1_minute" => MaxImagesPer1Minute,
        "max_audio_megabytes_per_1_minute" => MaxAudioMegabytesPer1Minute,
        "max_requests_per_1_day" => MaxRequestsPer1Day,
        _ => Batch1DayMaxInputTokens,
    };

    public void Set(string field, long value)
    {
        switch (field)
        {
            case "max_requests_per_1_minute": MaxRequestsPer1Minute = value; break;
            case "max_tokens_per_1_minute": MaxTokensPer1Minute = value; break;
            case "max_images_per_1_minute": MaxImagesPer1Minute = value; break;
            case "max_audio_megabytes_per_1_minute": MaxAudioMegabytesPer1Minute = value; break;
            case "max_requests_per_1_day": MaxRequestsPer1Day = value; break;
            default: Batch1DayMaxInputTokens = value; break;
        }
    }
}

internal sealed class RateLimitsStore : IResourceStore
{
    public static readonly string[] Fields =
    {
        "max_requests_per_1_minute", "max_tokens_per_1_minute", "max_images_per_1_minute",
        "max_audio_megabytes_per_1_minute", "max_requests_per_1_day", "batch_1_day_max_input_tokens",
    };

    /// <summary>The organization's limits per model (what every project starts with): model, rpm, tpm, images, audio MB, rpd, batch tokens.</summary>
    private static readonly (string Model, long Rpm, long Tpm, long? Images, long? Audio, long? Rpd, long? Batch)[] Models =
    {
        ("gpt-4o", 10_000, 30_000_000, null, null, null, 5_000_000_000),
        ("gpt-4o-mini", 30_000, 150_000_000, null, null, null, 15_000_000_000),
        ("gpt-4o-mini-2024-07-18", 30_000, 150_000_000, null, null, null, 15_000_000_000),
        ("gpt-4.1", 10_000, 30_000_000, null, null, null, 5_000_000_000),
        ("o3", 10_000, 30_000_000, null, null, 1_000_000, 5_000_000_000),
        ("dall-e-3", 7_500, 0, 7_500, null, null, null),
        ("whisper-1", 10_000, 0, null, 1_000, null, null),
        ("text-embedding-3-large", 10_000, 10_000_000, null, null, null, 4_000_000_000),
    };

    /// <summary>Per project in model order (the list order).</summary>
    public List<RateLimitRecord> Items { get; } = new();

    public void Seed(SimState state)
    {
        Items.Clear();
    }

    /// <summary>A project's limits, made on first use from the organization's (every project, also one created later, has them).</summary>
    public IEnumerable<RateLimitRecord> For(string projectId)
    {
        if (!Items.Any(r => r.ProjectId == projectId))
        {
            foreach (var m in Models)
            {
                var ceiling = new RateLimitRecord
                {
                    Id = "rl-" + m.Model, Model = m.Model, ProjectId = projectId, Ceiling = null,
                    MaxRequestsPer1Minute = m.Rpm, MaxTokensPer1Minute = m.Tpm, MaxImagesPer1Minute = m.Images,
                    MaxAudioMegabytesPer1Minute = m.Audio, MaxRequestsPer1Day = m.Rpd, Batch1DayMaxInputTokens = m.Batch,
                };
                Items.Add(new RateLimitRecord
                {
                    Id = ceiling.Id, Model = m.Model, ProjectId = projectId, Ceiling = ceiling,
                    MaxRequestsPer1Minute = m.Rpm, MaxTokensPer1Minute = m.Tpm, MaxImagesPer1Minute = m.Images,
                    MaxAudioMegabytesPer1Minute = m.Audio, MaxRequestsPer1Day = m.Rpd, Batch1DayMaxInputTokens = m.Batch,
                });
            }
        }

        return Items.Where(r => r.ProjectId == projectId);
    }
}

/// <summary>Project rate limits (inventory §6.18): list, modify.</summary>
internal static class ProjectRateLimitsApi
{
    /// <summary>Id-cursor with <c>after</c>/<c>before</c>, default 100; the contract states no range (1..100 here).</summary>
    public static readonly ListContract List = ListContract.IdCursor(1, 100, 100);

    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        RateLimitsStore store = state.RateLimits;

        v1.MapGet("/organization/projects/{projectId}/rate_limits", (HttpContext context, string projectId) =>
        {
            var list = ListRequest.Read(context, state, List);
            lock (state.Gate)
            {
                state.Projects.Get(projectId);
                return SimJson.Ok(list.Page("rate_limits." + projectId, store.For(projectId).ToList(), r => r.Id));
            }
        });

        v1.MapPost("/organization/projects/{projectId}/rate_limits/{rateLimitId}", (HttpContext context, string projectId, string rateLimitId) =>
        {
            JsonBody body = JsonBody.Read(context, RateLimitsStore.Fields);
            var changes = new List<(string Field, long Value)>();
            foreach (string field in RateLimitsStore.Fields)
            {
                if (body.Int64(field, 0, long.MaxValue) is long value)
                {
                    changes.Add((field, value));
                }
            }

            lock (state.Gate)
            {
                ServiceAccountsStore.ActiveProject(state, projectId);
                RateLimitRecord limit = store.For(projectId).FirstOrDefault(r => r.Id == rateLimitId) ?? throw ApiException.NotFound("rate limit", rateLimitId);
                foreach ((string field, long value) in changes)
                {
                    long? ceiling = limit.Ceiling!.Get(field);
                    if (ceiling is null)
                    {
                        throw ApiException.BadRequest($"Model '{limit.Model}' has no '{field}' limit.", field, "invalid_value");
                    }

                    if (value > ceiling)
                    {
                        throw ApiException.BadRequest($"'{field}' cannot exceed the organization's limit of {ceiling} for {limit.Model}.", field, "rate_limit_above_organization_limit");
                    }
                }

                foreach ((string field, long value) in changes)
                {
                    limit.Set(field, value);
                }

                return SimJson.Ok(limit);
            }
        });
    }
}
