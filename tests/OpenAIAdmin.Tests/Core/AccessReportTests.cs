using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Simulator.Infrastructure;
using OpenAIAdmin.Transport;
using Xunit;

namespace OpenAIAdmin.Tests.Core;

/// <summary>The access report crawl against the simulator, and its pacer on a fake clock.</summary>
public sealed class AccessReportTests : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private static readonly string Production = SeedIds.Project("productionchatbot");

    private readonly SimulatorFixture _sim;

    public AccessReportTests(SimulatorFixture sim) => _sim = sim;

    public Task InitializeAsync() => _sim.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static int MaxInFlight(IReadOnlyList<RecordedCall> calls) =>
        calls.Select(c => calls.Count(o => o.Arrived < c.Arrived && (o.Finished == 0 || o.Finished > c.Arrived)) + 1).DefaultIfEmpty(0).Max();

    [Fact]
    public async Task A_retry_books_its_start_with_the_pacer_as_the_first_attempt_did()
    {
        await _sim.AddFaultAsync(new { kind = "status", status = 429, retry_after_ms = 10, path = "/v1/organization/projects/proj_defaultSbtsIO0rWI91rcsUU", count = 2 });
        var waits = new List<TimeSpan>();
        var pacer = new RequestPacer(60, () => TimeSpan.Zero, (wait, _) => { waits.Add(wait); return Task.CompletedTask; });
        using AdminClient client = _sim.NewClient();
        using (OpenAIAdmin.Transport.RequestThrottle.Use(new OpenAIAdmin.Transport.RequestThrottle(1, pacer)))
        {
            Assert.Equal("proj_defaultSbtsIO0rWI91rcsUU", (await client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU")).Id);
        }

        // Three requests (two refused): three starts booked, one a second at 60 a minute; the first starts at once.
        Assert.Equal(3, (await _sim.RequestsAsync()).Count);
        Assert.Equal(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) }, waits);
    }

    [Fact]
    public async Task Progress_counts_projects_done_of_total_and_rows_stream_per_project()
    {
        using AdminClient client = _sim.NewClient();
        var sink = new RecordingSink();
        List<AccessReportRow> rows;
        using (ClientEvents.Use(sink))
        {
            rows = await client.AccessReport.ListAsync(new AccessReportOptions()).ToListAsync();
        }

        int projects = (await client.Projects.ListAsync().ToListAsync()).Count;
        Assert.Equal(Enumerable.Range(0, projects + 1).Select(i => (OpenAIAdmin.Resources.AccessReportClient.ProgressActivity, i, projects)), sink.Progress);
        // Rows of one project are written together (a project's rows are never interleaved with another's).
        var order = rows.Where(r => r.ProjectId != null).Select(r => r.ProjectId).ToList();
        var runs = order.Where((p, i) => i == 0 || order[i - 1] != p).ToList();
        Assert.Equal(runs.Count, runs.Distinct().Count());
    }

    [Fact]
    public async Task Throttle_limit_one_sends_one_request_at_a_time()
    {
        await _sim.AddFaultAsync(new { kind = "delay", delay_ms = 15, count = -1, method = "GET", path = "/v1/organization/projects/" });
        using AdminClient client = _sim.NewClient();
        await client.AccessReport.ListAsync(new AccessReportOptions { ThrottleLimit = 1 }).ToListAsync();
        var calls = await _sim.RequestsAsync();
        Assert.Contains(calls, c => c.Fault == "delay");
        Assert.Equal(1, MaxInFlight(calls));
    }

    [Fact]
    public async Task Stale_days_uses_last_use_or_creation_against_the_given_now()
    {
        using AdminClient client = _sim.NewClient();
        var rows = await client.AccessReport.ListAsync(new AccessReportOptions { ProjectIds = new[] { Production }, StaleDays = 100 }).ToListAsync();
        AccessReportRow ann = rows.Single(r => r.PrincipalType == "ApiKey" && r.PrincipalName == "laptop-ann");
        Assert.True(ann.Stale);
        // Seen from half a day after its last use, a one-day threshold does not mark it.
        var early = await client.AccessReport.ListAsync(new AccessReportOptions { ProjectIds = new[] { Production }, StaleDays = 1, Now = ann.LastUsedAt!.Value.AddDays(0.5) }).ToListAsync();
        Assert.False(early.Single(r => r.PrincipalId == ann.PrincipalId).Stale);
        Assert.All(rows.Where(r => r.PrincipalType is "User" or "Group"), r => Assert.Null(r.Stale));
    }

    [Fact]
    public async Task Out_of_range_throttle_limit_is_refused_before_any_request()
    {
        using AdminClient client = _sim.NewClient();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await client.AccessReport.ListAsync(new AccessReportOptions { ThrottleLimit = 17 }).ToListAsync());
        Assert.Empty(await _sim.RequestsAsync());
    }

    [Fact]
    public async Task Pacer_starts_one_seconds_worth_at_once_then_spaces_starts_to_the_budget()
    {
        var now = TimeSpan.Zero;
        var waits = new List<TimeSpan>();
        // 120 a minute: a burst of 2 (one second's worth), then one start every 60 s / 119, so no minute holds more than 120.
        var pacer = new RequestPacer(120, () => now, (wait, _) => { waits.Add(wait); return Task.CompletedTask; });
        Assert.Equal(2, pacer.Burst);
        TimeSpan interval = TimeSpan.FromTicks((TimeSpan.FromMinutes(1).Ticks + 118) / 119);
        Assert.Equal(interval, pacer.Interval);
        for (int i = 0; i < 4; i++)
        {
            await pacer.WaitAsync(CancellationToken.None);
        }

        Assert.Equal(new[] { interval, interval + interval }, waits);
        // After a quiet spell the bucket is full again: two start at once, the third waits one interval; no more credit
        // than the burst is saved up.
        now = TimeSpan.FromSeconds(10);
        waits.Clear();
        for (int i = 0; i < 3; i++)
        {
            await pacer.WaitAsync(CancellationToken.None);
        }

        Assert.Equal(new[] { interval }, waits);
        // Any 60 seconds hold at most the budget: 200 starts booked back to back, the 121st is at least a minute after the first.
        var booked = new RequestPacer(120, () => TimeSpan.Zero, (wait, _) => { waits.Add(wait); return Task.CompletedTask; });
        waits.Clear();
        var starts = new List<TimeSpan>();
        for (int i = 0; i < 200; i++)
        {
            int before = waits.Count;
            await booked.WaitAsync(CancellationToken.None);
            starts.Add(waits.Count > before ? waits[waits.Count - 1] : TimeSpan.Zero);
        }

        for (int i = 120; i < starts.Count; i++)
        {
            Assert.True(starts[i] - starts[i - 120] >= TimeSpan.FromMinutes(1), $"starts {i - 120} and {i}: {starts[i - 120]} and {starts[i]}");
        }

        // Under 120 a minute the burst is 1: evenly spread.
        Assert.Equal(1, new RequestPacer(90).Burst);
        Assert.Equal(TimeSpan.FromTicks((TimeSpan.FromMinutes(1).Ticks + 89) / 90), new RequestPacer(90).Interval);
        Assert.Equal(100, new RequestPacer(6000).Burst);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequestPacer(0));
    }

    [Fact]
    public async Task Requests_per_minute_paces_the_crawl_over_real_sockets()
    {
        using AdminClient client = _sim.NewClient();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await client.AccessReport.ListAsync(new AccessReportOptions { ProjectIds = new[] { Production }, RequestsPerMinute = 240 }).ToListAsync();
        int calls = (await _sim.RequestsAsync()).Count;
        // 240 a minute: a burst of 4 at once, then one start every 60 s / 237 (253 ms).
        Assert.True(calls > 5, $"{calls} calls");
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds((calls - 4) * 253 - 20), $"{calls} calls in {watch.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Stopping_early_cancels_the_crawl()
    {
        using AdminClient client = _sim.NewClient();
        await foreach (AccessReportRow row in client.AccessReport.ListAsync(new AccessReportOptions { ThrottleLimit = 1 }))
        {
            Assert.Equal("Organization", row.Scope);
            break;
        }

        Assert.DoesNotContain(await _sim.RequestsAsync(), c => c.Path.Contains("/projects", StringComparison.Ordinal));
    }
}
