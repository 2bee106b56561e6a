using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OpenAIAdmin.Simulator.Resources;

namespace OpenAIAdmin.Simulator.Infrastructure;

/// <summary>
/// Conditions of the whole server, for benchmarks and load tests: a latency added to every <c>/v1</c> request and a
/// request-rate limit. Unlike faults, they are settings of the server, not rules that fire: given on the command line
/// (<c>--latency-ms</c>, <c>--requests-per-minute</c>, <c>--burst</c>) or at run time on <c>POST /_sim/conditions</c>,
/// which also takes <c>retry_after_ms</c> (true: a 429 carries the exact wait in <c>retry-after-ms</c> as well, so
/// tests can scale a limit down below the one-second resolution of <c>Retry-After</c>).
/// <c>POST /_sim/reset</c> restores the ones the server started with.
/// </summary>
internal sealed class ServerConditions
{
    private readonly object _gate = new();
    private readonly Settings _start;
    private Settings _current;
    private double _tokens;
    private long _refilledAt;

    public ServerConditions(int latencyMs, int? requestsPerMinute, int? burst)
    {
        _start = Validate(new Settings(latencyMs, requestsPerMinute, burst, PreciseHint: false));
        _current = _start;
        Restart();
    }

    public int LatencyMs
    {
        get
        {
            lock (_gate)
            {
                return _current.LatencyMs;
            }
        }
    }

    /// <summary>Back to the start conditions, with a full bucket.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _current = _start;
            Restart();
        }
    }

    public bool PreciseHint
    {
        get
        {
            lock (_gate)
            {
                return _current.PreciseHint;
            }
        }
    }

    /// <summary>Applies <c>{latency_ms, requests_per_minute, burst, retry_after_ms}</c>; a field not given keeps its value, null or 0 turns the limit off.</summary>
    public void Apply(string? json)
    {
        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw ApiException.BadRequest("The conditions are not valid JSON.");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.BadRequest("The conditions must be a JSON object.");
        }

        lock (_gate)
        {
            Settings next = _current;
            foreach (JsonProperty field in root.EnumerateObject())
            {
                if (field.Name == "retry_after_ms")
                {
                    next = next with
                    {
                        PreciseHint = field.Value.ValueKind switch
                        {
                            JsonValueKind.True => true,
                            JsonValueKind.False => false,
                            _ => throw ApiException.InvalidValue(field.Name, "expected true or false."),
                        },
                    };
                    continue;
                }

                int? value = field.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.Number when field.Value.TryGetInt32(out int n) && n >= 0 => n == 0 ? null : n,
                    _ => throw ApiException.InvalidValue(field.Name, "expected a whole number of 0 or more, or null."),
                };
                next = field.Name switch
                {
                    "latency_ms" => next with { LatencyMs = value ?? 0 },
                    "requests_per_minute" => next with { RequestsPerMinute = value },
                    "burst" => next with { Burst = value },
                    _ => throw ApiException.BadRequest($"Unrecognized condition '{field.Name}'.", field.Name),
                };
            }

            _current = Validate(next);
            Restart();
        }
    }

    public object Snapshot()
    {
        lock (_gate)
        {
            return new
            {
                latency_ms = _current.LatencyMs,
                requests_per_minute = _current.RequestsPerMinute,
                burst = _current.RequestsPerMinute is null ? (int?)null : BurstOf(_current),
                retry_after_ms = _current.PreciseHint,
            };
        }
    }

    /// <summary>
    /// Takes one token of the bucket, or says how long until one is there. The bucket holds <c>burst</c> tokens and
    /// refills continuously at <c>requests_per_minute / 60</c> per second, so no more than the budget is ever admitted
    /// over any minute beyond the burst. A refused request takes no token.
    /// </summary>
    public TimeSpan? TryAdmit()
    {
        lock (_gate)
        {
            if (_current.RequestsPerMinute is not int rpm)
            {
                return null;
            }

            double perSecond = rpm / 60.0;
            long now = Stopwatch.GetTimestamp();
            int burst = BurstOf(_current);
            _tokens = Math.Min(burst, _tokens + (Stopwatch.GetElapsedTime(_refilledAt, now).TotalSeconds * perSecond));
            _refilledAt = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return null;
            }

            return TimeSpan.FromSeconds((1 - _tokens) / perSecond);
        }
    }

    /// <summary>One second's worth of the budget (at least one request): limits are enforced over short periods.</summary>
    private static int BurstOf(Settings settings) =>
        settings.Burst ?? Math.Max(1, (settings.RequestsPerMinute ?? 60) / 60);

    private void Restart()
    {
        _tokens = _current.RequestsPerMinute is null ? 0 : BurstOf(_current);
        _refilledAt = Stopwatch.GetTimestamp();
    }

    private static Settings Validate(Settings settings)
    {
        if (settings.LatencyMs is < 0 or > 600_000)
        {
            throw ApiException.InvalidValue("latency_ms", "expected 0 to 600000 milliseconds.");
        }

        return settings;
    }

    private sealed record Settings(int LatencyMs, int? RequestsPerMinute, int? Burst, bool PreciseHint);
}

/// <summary>
/// Applies <see cref="ServerConditions"/> to <c>/v1</c> requests, inside <see cref="ApiPipeline"/> (so every request is
/// logged, and a refused one is logged as 429): first the latency, then the rate limit. A refused request gets the
/// API's 429 (<c>rate_limit_exceeded</c>) with <c>Retry-After</c> in whole seconds (at least 1), the only hint the API
/// documents. It also restores the start conditions when <c>POST /_sim/reset</c> passes.
/// </summary>
internal sealed class ConditionsMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ServerConditions _conditions;

    public ConditionsMiddleware(RequestDelegate next, ServerConditions conditions)
    {
        _next = next;
        _conditions = conditions;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal))
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/_sim/reset", StringComparison.Ordinal))
            {
                _conditions.Reset();
            }

            await _next(context).ConfigureAwait(false);
            return;
        }

        int latency = _conditions.LatencyMs;
        if (latency > 0)
        {
            await Task.Delay(latency, context.RequestAborted).ConfigureAwait(false);
        }

        if (_conditions.TryAdmit() is TimeSpan wait)
        {
            int seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            context.Response.Headers["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture);
            if (_conditions.PreciseHint)
            {
                context.Response.Headers["retry-after-ms"] = Math.Ceiling(wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            }

            throw ApiException.ForStatus(429);
        }

        await _next(context).ConfigureAwait(false);
    }
}

/// <summary>
/// <c>/_sim/conditions</c> (the server conditions) and <c>/_sim/bulk</c> (data in the quantities a benchmark needs:
/// thousands of users, hundreds of projects), added to the state after the seed; <c>POST /_sim/reset</c> removes it.
/// </summary>
internal static class BenchControl
{
    public const int MaxUsers = 1_000_000;
    public const int MaxProjects = 10_000;

    public static void Map(IEndpointRouteBuilder app, SimState state, ServerConditions conditions)
    {
        RouteGroupBuilder sim = app.MapGroup("/_sim");

        sim.MapGet("/conditions", () => SimJson.Ok(conditions.Snapshot()));

        sim.MapPost("/conditions", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            conditions.Apply(await reader.ReadToEndAsync(context.RequestAborted));
            return SimJson.Ok(conditions.Snapshot());
        });

        sim.MapPost("/bulk", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            Bulk request = Bulk.Parse(await reader.ReadToEndAsync(context.RequestAborted));
            lock (state.Gate)
            {
                return SimJson.Ok(request.ApplyTo(state));
            }
        });
    }

    /// <summary><c>{users: N, projects: N, project_members: N}</c>: grow the organization to N users, add N projects with members.</summary>
    private sealed record Bulk(int? Users, int Projects, int ProjectMembers)
    {
        public static Bulk Parse(string? json)
        {
            JsonElement root;
            try
            {
                using JsonDocument document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
                root = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                throw ApiException.BadRequest("The bulk request is not valid JSON.");
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw ApiException.BadRequest("The bulk request must be a JSON object.");
            }

            int? users = null;
            int projects = 0;
            int members = 1;
            foreach (JsonProperty field in root.EnumerateObject())
            {
                if (field.Value.ValueKind != JsonValueKind.Number || !field.Value.TryGetInt32(out int n) || n < 0)
                {
                    throw ApiException.InvalidValue(field.Name, "expected a whole number of 0 or more.");
                }

                switch (field.Name)
                {
                    case "users" when n <= MaxUsers:
                        users = n;
                        break;
                    case "projects" when n <= MaxProjects:
                        projects = n;
                        break;
                    case "project_members" when n <= UsersStore.SeedCount:
                        members = n;
                        break;
                    case "users" or "projects" or "project_members":
                        throw ApiException.InvalidValue(field.Name, "too large.");
                    default:
                        throw ApiException.BadRequest($"Unrecognized bulk field '{field.Name}'.", field.Name);
                }
            }

            return new Bulk(users, projects, members);
        }

        /// <summary>
        /// Users after the seeded ones get ids of the real shape with a head of their own (<c>user-b0000251…</c>), so
        /// they never collide with seed ids; projects are <c>proj_bench0001…</c> "Bench project 0001", each with the
        /// first <c>project_members</c> seeded users as members (the first an owner).
        /// </summary>
        public object ApplyTo(SimState state)
        {
            List<UserRecord> items = state.Users.Items;
            if (Users is int total)
            {
                for (int i = items.Count + 1; i <= total; i++)
                {
                    string n = i.ToString("0000000", CultureInfo.InvariantCulture);
                    items.Add(new UserRecord
                    {
                        Id = IdShape.User.Seeded("b" + n),
                        Name = "Bench user " + n,
                        Email = $"bench-{n}@example.com",
                        AddedAt = SimState.At(TimeSpan.FromHours(UsersStore.SeedCount) + TimeSpan.FromMinutes(i)),
                    });
                }
            }

            int existing = state.Projects.Items.Count(p => p.Id.StartsWith("proj_bench", StringComparison.Ordinal));
            for (int p = existing + 1; p <= existing + Projects; p++)
            {
                string n = p.ToString("0000", CultureInfo.InvariantCulture);
                string id = IdShape.Project.Seeded("bench" + n);
                state.Projects.Items.Add(new ProjectRecord
                {
                    Id = id,
                    Name = "Bench project " + n,
                    CreatedAt = SimState.At(TimeSpan.FromDays(100) + TimeSpan.FromMinutes(p)),
                });
                List<ProjectUserRecord> members = state.ProjectUsers.Of(id);
                for (int m = 1; m <= ProjectMembers; m++)
                {
                    members.Add(new ProjectUserRecord
                    {
                        UserId = SeedIds.User(m),
                        Role = m == 1 ? "owner" : "member",
                        AddedAt = SimState.At(TimeSpan.FromDays(100) + TimeSpan.FromMinutes(p)),
                    });
                }
            }

            return new { users = items.Count, projects = state.Projects.Items.Count };
        }
    }
}
