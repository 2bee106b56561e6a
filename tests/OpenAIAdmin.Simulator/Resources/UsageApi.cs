using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>
/// The ten usage operations (inventory §6.4, §7): page-token paging over time buckets (<see cref="BucketPages"/>).
/// Usage is computed, not stored. The callers are the seeded project API keys (project, key and, for a user's key,
/// the user; a service account's key has no user), each active from the day its key was created. Every (caller,
/// kind-specific dimensions) tuple has a deterministic number of requests per hour (busier from 07:00 to 20:00 UTC,
/// idle in some hours), from which the kind's metrics follow. A day bucket is the sum of its hours, a minute bucket
/// its share of the hour (the minutes of an hour add up to it), and an hour that is under way counts only its minutes
/// so far. So any grouping or filter adds up consistently, the same query always gives the same numbers, and a bucket
/// that holds no activity has no results.
/// </summary>
internal static class UsageApi
{
    /// <summary>A source of usage: a project API key, its project and (for a user's key) its user, active from a time on.</summary>
    internal sealed record Caller(string ProjectId, string? UserId, string ApiKeyId, long From, int Weight);

    /// <summary>One stream of usage: a caller (or a project) and the kind's dimensions, with its own activity.</summary>
    private sealed record Stream(int Index, long From, int Weight, Dictionary<string, object?> Keys);

    /// <summary>How one kind's results look and how they are made.</summary>
    private sealed record Kind(
        string Path, string Object, int Seed, string[] Metrics, string[] GroupKeys, BucketContract Contract, List<Stream> Streams,
        Func<long, ulong, string?, long[]> Measure, bool Gauge = false);

    private static readonly string Production = ProjectsStore.Seeded[1].Id;
    private static readonly string DataScience = ProjectsStore.Seeded[2].Id;
    private static readonly string Default = ProjectsStore.DefaultProjectId;

    /// <summary>The seeded project API keys (see ProjectApiKeysApi.cs), as usage sees them.</summary>
    public static readonly Caller[] Callers =
    {
        new(Production, SeedIds.User(4), SeedIds.ProjectApiKey("0001"), Day(45), 2),
        new(Production, null, SeedIds.ProjectApiKey("0003"), Day(41), 6),
        new(Production, null, SeedIds.ProjectApiKey("0004"), Day(61), 1),
        new(DataScience, null, SeedIds.ProjectApiKey("0005"), Day(81), 4),
        new(DataScience, SeedIds.User(6), SeedIds.ProjectApiKey("0006"), Day(85), 3),
        new(Default, null, SeedIds.ProjectApiKey("0007"), Day(101), 2),
        new(Default, SeedIds.User(2), SeedIds.ProjectApiKey("0008"), Day(20), 1),
    };

    private static readonly IdShape VectorStore = new("vs_", 24, IdShape.Alphanumeric);

    /// <summary>Two vector stores per project with usage.</summary>
    public static readonly (string Project, string Id)[] VectorStores =
    {
        (Production, VectorStore.Seeded("helpcenter")), (Production, VectorStore.Seeded("policies")),
        (DataScience, VectorStore.Seeded("papers")), (DataScience, VectorStore.Seeded("notebooks")),
        (Default, VectorStore.Seeded("playground")), (Default, VectorStore.Seeded("scratch")),
    };

    private static readonly string[] CallerKeys = { "project_id", "user_id", "api_key_id" };
    private static readonly string[] CallerFilters = { "project_ids", "user_ids", "api_key_ids" };

    private static readonly Kind[] Kinds = Build();

    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        foreach (Kind kind in Kinds)
        {
            v1.MapGet("/organization/usage/" + kind.Path, (HttpContext context) =>
            {
                BucketQuery query = BucketQuery.Read(context, "usage." + kind.Path, kind.Contract);
                long now = state.Now;
                return SimJson.Ok(BucketPages.Page(context, state, query, (start, end) => Results(kind, query, start, end, now)));
            });
        }
    }

    private static long Day(int days) => SimState.At(TimeSpan.FromDays(days));

    private static Kind[] Build()
    {
        var models = new Dictionary<string, string[]>
        {
            ["completions"] = new[] { "gpt-4o", "gpt-4o-mini", "o3" },
            ["embeddings"] = new[] { "text-embedding-3-small", "text-embedding-3-large" },
            ["moderations"] = new[] { "omni-moderation-latest" },
            ["images"] = new[] { "gpt-image-1", "dall-e-3" },
            ["audio_speeches"] = new[] { "tts-1", "gpt-4o-mini-tts" },
            ["audio_transcriptions"] = new[] { "whisper-1", "gpt-4o-transcribe" },
            ["web_search_calls"] = new[] { "gpt-4o", "gpt-4.1" },
        };

        BucketContract Contract(string[] filters, string[] groupBy, Dictionary<string, IReadOnlyList<string>?>? enums = null)
        {
            var all = new Dictionary<string, IReadOnlyList<string>?>();
            foreach (string filter in filters)
            {
                all[filter] = enums != null && enums.TryGetValue(filter, out IReadOnlyList<string>? allowed) ? allowed : null;
            }

            return new BucketContract(BucketContract.UsageWidths, all, groupBy);
        }

        // Streams of each caller, times the kind's dimensions (each combination a weight: how busy it is).
        List<Stream> PerCaller(params (string Key, (string? Value, int Weight)[] Values)[] dimensions)
        {
            var combinations = new List<(Dictionary<string, object?> Keys, int Weight)> { (new Dictionary<string, object?>(), 1) };
            foreach ((string key, (string? Value, int Weight)[] values) in dimensions)
            {
                combinations = combinations.SelectMany(c => values.Select(v =>
                    (new Dictionary<string, object?>(c.Keys) { [key] = v.Value }, c.Weight * v.Weight))).ToList();
            }

            var streams = new List<Stream>();
            foreach (Caller caller in Callers)
            {
                foreach ((Dictionary<string, object?> keys, int weight) in combinations)
                {
                    var all = new Dictionary<string, object?>(keys)
                    {
                        ["project_id"] = caller.ProjectId, ["user_id"] = caller.UserId, ["api_key_id"] = caller.ApiKeyId,
                    };
                    streams.Add(new Stream(streams.Count, caller.From, caller.Weight * weight, all));
                }
            }

            return streams;
        }

        List<Stream> PerProject() => Callers.GroupBy(c => c.ProjectId)
            .Select((g, i) => new Stream(i, g.Min(c => c.From), g.Sum(c => c.Weight), new Dictionary<string, object?> { ["project_id"] = g.Key }))
            .ToList();

        (string?, int)[] Weighted(string[] values, params int[] weights) => values.Select((v, i) => ((string?)v, i < weights.Length ? weights[i] : 1)).ToArray();

        string[] completionsKeys = CallerKeys.Concat(new[] { "model", "batch", "service_tier" }).ToArray();
        var completionStreams = PerCaller(("model", Weighted(models["completions"], 3, 4, 1)));
        // Each model's requests come as interactive (default tier), flex-tier or batch.
        completionStreams = completionStreams.SelectMany(s => new[] { ("false", "default", 3), ("false", "flex", 1), ("true", "default", 1) }
            .Select(v => new Stream(0, s.From, s.Weight * v.Item3, new Dictionary<string, object?>(s.Keys) { ["batch"] = v.Item1 == "true", ["service_tier"] = v.Item2 })))
            .Select((s, i) => s with { Index = i }).ToList();

        return new[]
        {
            new Kind("completions", "organization.usage.completions.result", 1,
                new[]
                {
                    "input_tokens", "input_cached_tokens", "input_cache_write_tokens", "input_uncached_tokens", "output_tokens",
                    "input_text_tokens", "output_text_tokens", "input_cached_text_tokens", "input_audio_tokens", "input_cached_audio_tokens",
                    "output_audio_tokens", "input_image_tokens", "input_cached_image_tokens", "output_image_tokens", "num_model_requests",
                },
                completionsKeys, Contract(CallerFilters.Concat(new[] { "models", "batch" }).ToArray(), completionsKeys), completionStreams,
                (r, h, model) =>
                {
                    long text = r * (300 + (long)(h % 900));
                    long cachedText = text * (long)((h >> 12) % 40) / 100;
                    long cacheWrite = text * (long)((h >> 20) % 8) / 100;
                    long uncachedText = text - cachedText - cacheWrite;
                    long image = model == "gpt-4o" ? r * (long)((h >> 28) % 60) : 0;
                    long outputText = r * (80 + (long)((h >> 36) % 400));
                    long cached = cachedText;
                    long uncached = uncachedText + image;
                    return new[]
                    {
                        cached + cacheWrite + uncached, cached, cacheWrite, uncached, outputText,
                        uncachedText, outputText, cachedText, 0, 0,
                        0, image, 0, 0, r,
                    };
                }),
            Simple("embeddings", "organization.usage.embeddings.result", 2, "input_tokens", PerCaller(("model", Weighted(models["embeddings"], 3, 1))), (r, h) => r * (100 + (long)(h % 700))),
            Simple("moderations", "organization.usage.moderations.result", 3, "input_tokens", PerCaller(("model", Weighted(models["moderations"]))), (r, h) => r * (50 + (long)(h % 300))),
            new Kind("images", "organization.usage.images.result", 4, new[] { "images", "num_model_requests" },
                new[] { "source", "size", "project_id", "user_id", "api_key_id", "model" },
                Contract(new[] { "sources", "sizes" }.Concat(CallerFilters).Concat(new[] { "models" }).ToArray(), CallerKeys.Concat(new[] { "model", "size", "source" }).ToArray(),
                    new Dictionary<string, IReadOnlyList<string>?>
                    {
                        ["sources"] = new[] { "image.generation", "image.edit", "image.variation" },
                        ["sizes"] = new[] { "256x256", "512x512", "1024x1024", "1792x1792", "1024x1792" },
                    }),
                PerCaller(("model", Weighted(models["images"], 2, 1)), ("size", Weighted(new[] { "1024x1024", "1024x1792" }, 3, 1)),
                    ("source", Weighted(new[] { "image.generation", "image.edit" }, 3, 1))),
                (r, h, _) => new[] { r * (1 + (long)(h % 3)), r }),
            Simple("audio_speeches", "organization.usage.audio_speeches.result", 5, "characters", PerCaller(("model", Weighted(models["audio_speeches"], 1, 2))), (r, h) => r * (150 + (long)(h % 900))),
            Simple("audio_transcriptions", "organization.usage.audio_transcriptions.result", 6, "seconds", PerCaller(("model", Weighted(models["audio_transcriptions"], 2, 1))), (r, h) => r * (20 + (long)(h % 400))),
            new Kind("vector_stores", "organization.usage.vector_stores.result", 7, new[] { "usage_bytes" }, new[] { "project_id" },
                Contract(new[] { "project_ids" }, new[] { "project_id" }), PerProject(),
                (hours, h, _) => new[] { 50_000_000 + (hours * (40_000 + (long)(h % 20_000))) }, Gauge: true),
            new Kind("code_interpreter_sessions", "organization.usage.code_interpreter_sessions.result", 8, new[] { "num_sessions" }, new[] { "project_id" },
                Contract(new[] { "project_ids" }, new[] { "project_id" }), PerProject(), (r, h, _) => new[] { (r + 2) / 3 }),
            new Kind("file_search_calls", "organization.usage.file_searches.result", 9, new[] { "num_requests" },
                CallerKeys.Concat(new[] { "vector_store_id" }).ToArray(),
                Contract(CallerFilters.Concat(new[] { "vector_store_ids" }).ToArray(), CallerKeys.Concat(new[] { "vector_store_id" }).ToArray()),
                Callers.SelectMany(c => VectorStores.Where(v => v.Project == c.ProjectId).Select((v, i) => (c, v.Id, Weight: i == 0 ? 2 : 1)))
                    .Select((x, i) => new Stream(i, x.c.From, x.c.Weight * x.Weight, new Dictionary<string, object?>
                    {
                        ["project_id"] = x.c.ProjectId, ["user_id"] = x.c.UserId, ["api_key_id"] = x.c.ApiKeyId, ["vector_store_id"] = x.Id,
                    })).ToList(),
                (r, h, _) => new[] { r }),
            new Kind("web_search_calls", "organization.usage.web_searches.result", 10, new[] { "num_model_requests", "num_requests" },
                CallerKeys.Concat(new[] { "model", "context_level" }).ToArray(),
                Contract(CallerFilters.Concat(new[] { "models", "context_levels" }).ToArray(), CallerKeys.Concat(new[] { "model", "context_level" }).ToArray(),
                    new Dictionary<string, IReadOnlyList<string>?> { ["context_levels"] = new[] { "low", "medium", "high" } }),
                PerCaller(("model", Weighted(models["web_search_calls"], 2, 1)), ("context_level", Weighted(new[] { "low", "medium", "high" }, 1, 3, 1))),
                (r, h, _) => new[] { r + (long)(h % (ulong)(r + 1)), r }),
        };

        Kind Simple(string path, string obj, int seed, string metric, List<Stream> streams, Func<long, ulong, long> measure)
        {
            string[] keys = CallerKeys.Concat(new[] { "model" }).ToArray();
            return new Kind(path, obj, seed, new[] { metric, "num_model_requests" }, keys,
                Contract(CallerFilters.Concat(new[] { "models" }).ToArray(), keys), streams, (r, h, _) => new[] { measure(r, h), r });
        }
    }

    /// <summary>The results of one bucket [start, end): each stream that passes the filters, summed per group.</summary>
    private static List<Dictionary<string, object?>> Results(Kind kind, BucketQuery query, long start, long end, long now)
    {
        var groups = new List<(string Key, Dictionary<string, object?> Values, long[] Sums)>();
        foreach (Stream stream in kind.Streams)
        {
            if (!Passes(query, stream))
            {
                continue;
            }

            long[]? sums = Measure(kind, stream, start, end, now);
            if (sums is null)
            {
                continue;
            }

            string key = string.Join("|", query.GroupBy.OrderBy(g => g, StringComparer.Ordinal).Select(g => $"{g}={stream.Keys.GetValueOrDefault(g)}"));
            int index = groups.FindIndex(g => g.Key == key);
            if (index < 0)
            {
                groups.Add((key, stream.Keys, sums));
            }
            else
            {
                for (int i = 0; i < sums.Length; i++)
                {
                    groups[index].Sums[i] += sums[i];
                }
            }
        }

        return groups.Select(g =>
        {
            var result = new Dictionary<string, object?> { ["object"] = kind.Object };
            for (int i = 0; i < kind.Metrics.Length; i++)
            {
                result[kind.Metrics[i]] = g.Sums[i];
            }

            foreach (string field in kind.GroupKeys)
            {
                result[field] = query.Grouped(field) ? g.Values.GetValueOrDefault(field) : null;
            }

            return result;
        }).ToList();
    }

    private static bool Passes(BucketQuery query, Stream stream)
    {
        foreach ((string filter, string field) in new[]
        {
            ("project_ids", "project_id"), ("user_ids", "user_id"), ("api_key_ids", "api_key_id"), ("models", "model"),
            ("sources", "source"), ("sizes", "size"), ("context_levels", "context_level"), ("vector_store_ids", "vector_store_id"),
        })
        {
            if (!query.Passes(filter, stream.Keys.GetValueOrDefault(field) as string))
            {
                return false;
            }
        }

        return query.Batch is not bool batch || Equals(stream.Keys.GetValueOrDefault("batch"), batch);
    }

    /// <summary>A stream's metrics over [start, end), or null when it was idle there.</summary>
    private static long[]? Measure(Kind kind, Stream stream, long start, long end, long now)
    {
        if (kind.Gauge)
        {
            // A level (bytes stored), not a count: the value in the bucket's first hour.
            long hour = start / 3600;
            if (hour * 3600 < stream.From || start > now)
            {
                return null;
            }

            return kind.Measure(hour - (stream.From / 3600), Mix(kind.Seed, stream.Index, 0), null);
        }

        long[]? sums = null;
        for (long hourStart = BucketPages.Floor(start, 3600); hourStart < end && hourStart <= now; hourStart += 3600)
        {
            long requests = Requests(kind.Seed, stream, hourStart / 3600);
            if (requests == 0)
            {
                continue;
            }

            long[] hour = kind.Measure(requests, Mix(kind.Seed, stream.Index, hourStart / 3600, 7), stream.Keys.GetValueOrDefault("model") as string);
            // The minutes of the hour inside [start, end) that have begun by now; each gets its share of the hour.
            long from = Math.Max(hourStart, start);
            long to = Math.Min(Math.Min(hourStart + 3600, end), now + 1);
            int firstMinute = (int)((from - hourStart + 59) / 60);
            int lastMinute = (int)((to - hourStart + 59) / 60);
            if (lastMinute <= firstMinute)
            {
                continue;
            }

            sums ??= new long[hour.Length];
            for (int i = 0; i < hour.Length; i++)
            {
                sums[i] += (hour[i] * lastMinute / 60) - (hour[i] * firstMinute / 60);
            }
        }

        return sums is null || sums.All(s => s == 0) ? null : sums;
    }

    /// <summary>Requests of a stream in one hour (0 when idle): busier from 07:00 to 20:00 UTC, idle in some hours.</summary>
    private static long Requests(int seed, Stream stream, long hour)
    {
        if (hour * 3600 < stream.From)
        {
            return 0;
        }

        ulong h = Mix(seed, stream.Index, hour);
        int hourOfDay = (int)(((hour % 24) + 24) % 24);
        bool busy = hourOfDay >= 7 && hourOfDay < 20;
        if ((int)(h % 100) >= (busy ? 85 : 30))
        {
            return 0;
        }

        return 1 + (long)((h >> 8) % (ulong)Math.Max(1, stream.Weight * (busy ? 6 : 2)));
    }

    /// <summary>FNV-1a of a string (0 for null): string.GetHashCode differs from one process to the next.</summary>
    internal static long StableHash(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        ulong state = 14695981039346656037UL;
        foreach (char c in text)
        {
            state = (state ^ c) * 1099511628211UL;
        }

        return unchecked((long)state);
    }

    /// <summary>A deterministic 64-bit mix of the parts (SplitMix64 steps).</summary>
    internal static ulong Mix(params long[] parts)
    {
        ulong state = 0x9E3779B97F4A7C15UL;
        foreach (long part in parts)
        {
            state ^= unchecked((ulong)part);
            state += 0x9E3779B97F4A7C15UL;
            ulong z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            state = z ^ (z >> 31);
        }

        return state;
    }
}
