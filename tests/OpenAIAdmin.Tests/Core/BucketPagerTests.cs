using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;
using OpenAIAdmin.Resources;
using OpenAIAdmin.Simulator.Infrastructure;
using Xunit;

namespace OpenAIAdmin.Tests.Core;

/// <summary>
/// The windowed page-token engine of usage and costs against the simulator over real sockets: windows, time order,
/// next_page within a window, every way the token route can fail (rejection, has_more on an empty page, no token, a
/// repeated token), the <c>result</c> field, open buckets, concurrency bound and stopping early. Expected rows come from
/// a plain sequential next_page walk over HTTP, so the tests hold whatever the simulator's numbers are.
/// </summary>
public sealed class BucketPagerTests : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Nov1 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly SimulatorFixture _sim;

    public BucketPagerTests(SimulatorFixture sim) => _sim = sim;

    public Task InitializeAsync() => _sim.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static int MaxInFlight(IReadOnlyList<RecordedCall> calls) =>
        calls.Select(c => calls.Count(o => o.Arrived < c.Arrived && (o.Finished == 0 || o.Finished > c.Arrived)) + 1).DefaultIfEmpty(0).Max();

    private static string Param(RecordedCall call, string name) =>
        call.Query!.Split('&').Where(p => p.StartsWith(name + "=", StringComparison.Ordinal)).Select(p => Uri.UnescapeDataString(p[(name.Length + 1)..])).FirstOrDefault() ?? "";

    private static string Row(UsageResult row)
    {
        var r = (UsageCompletionsResult)row;
        return string.Join("|", r.StartTime.ToUnixTimeSeconds(), r.EndTime.ToUnixTimeSeconds(), r.Model, r.ProjectId, r.InputTokens, r.OutputTokens, r.NumModelRequests);
    }

    /// <summary>The rows of a plain walk: one query for the whole range with the largest limit, next_page followed to the end.</summary>
    private async Task<List<string>> WalkAsync(string path, string query, int limit, Func<long, long, JsonElement, string> row)
    {
        using var http = new HttpClient { BaseAddress = _sim.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SimulatorFixture.FakeKey);
        var rows = new List<string>();
        string? page = null;
        do
        {
            string text = await http.GetStringAsync($"{path}?{query}&limit={limit}" + (page is null ? "" : "&page=" + Uri.EscapeDataString(page)));
            JsonElement root = JsonDocument.Parse(text).RootElement;
            foreach (JsonElement bucket in root.GetProperty("data").EnumerateArray())
            {
                long start = bucket.GetProperty("start_time").GetInt64();
                long end = bucket.GetProperty("end_time").GetInt64();
                JsonElement results = bucket.TryGetProperty("results", out JsonElement r) ? r : bucket.GetProperty("result");
                rows.AddRange(results.EnumerateArray().Select(x => row(start, end, x)));
            }

            page = root.GetProperty("has_more").GetBoolean() ? root.GetProperty("next_page").GetString() : null;
        }
        while (page != null);
        return rows;
    }

    private static string WireRow(long start, long end, JsonElement r) =>
        string.Join("|", start, end, r.GetProperty("model").GetString(), r.GetProperty("project_id").GetString(),
            r.GetProperty("input_tokens").GetInt64(), r.GetProperty("output_tokens").GetInt64(), r.GetProperty("num_model_requests").GetInt64());

    private Task<List<string>> HourlyWalkAsync(DateTimeOffset start, DateTimeOffset end) =>
        WalkAsync("organization/usage/completions",
            $"start_time={start.ToUnixTimeSeconds()}&end_time={end.ToUnixTimeSeconds()}&bucket_width=1h&group_by[]=model&group_by[]=project_id", 168, WireRow);

    private static UsageQuery Hourly(DateTimeOffset start, DateTimeOffset end) =>
        new() { StartTime = start, EndTime = end, BucketWidth = "1h", GroupBy = new[] { "model", "project_id" } };

    private async Task<List<RecordedCall>> UsageCallsAsync() => (await _sim.RequestsToAsync("/organization/usage/completions")).ToList();

    [Fact]
    public void Windows_fit_one_page_each_and_start_on_bucket_boundaries_after_the_first()
    {
        List<BucketWindow> hours = BucketWindows.Split(Nov1, Nov1.AddDays(30), TimeSpan.FromHours(1), 168).ToList();
        Assert.Equal(new[] { 168, 168, 168, 168, 48 }, hours.Select(w => w.Count));
        Assert.Equal(Nov1, hours[0].Start);
        Assert.Equal(Nov1.AddDays(30), hours[^1].End);
        Assert.All(hours.Skip(1), (w, i) => Assert.Equal(hours[i].End, w.Start));

        // An unaligned start: the first window holds the bucket of the start, every later window starts at 00:00 UTC.
        DateTimeOffset odd = Nov1.AddHours(10.5);
        List<BucketWindow> days = BucketWindows.Split(odd, odd.AddDays(40), TimeSpan.FromDays(1), 31).ToList();
        Assert.Equal(odd, days[0].Start);
        Assert.Equal(Nov1.AddDays(31), days[0].End);
        Assert.Equal(31, days[0].Count);
        Assert.All(days.Skip(1), w => Assert.Equal(TimeSpan.Zero, w.Start.UtcDateTime.TimeOfDay));
        Assert.Equal(new[] { 31, 10 }, days.Select(w => w.Count));

        List<BucketWindow> year = BucketWindows.Split(Nov1.AddDays(-365), Nov1, TimeSpan.FromDays(1), 180).ToList();
        Assert.Equal(new[] { 180, 180, 5 }, year.Select(w => w.Count));
        Assert.Equal(new[] { 1440, 1440 }, BucketWindows.Split(Nov1, Nov1.AddDays(2), TimeSpan.FromMinutes(1), 1440).Select(w => w.Count));
    }

    [Fact]
    public async Task Thirty_days_of_hours_are_five_windows_read_at_once_with_exactly_the_rows_of_a_sequential_walk()
    {
        await _sim.SetBehaviourAsync(new { max_page_results = 600 });
        List<string> expected = await HourlyWalkAsync(Nov1, Nov1.AddDays(30));
        await _sim.ResetAsync();
        await _sim.SetBehaviourAsync(new { max_page_results = 600 });
        await _sim.AddFaultAsync(new { kind = "delay", delay_ms = 40, count = -1, path = "/v1/organization/usage/completions" });
        using AdminClient client = _sim.NewClient();
        var sink = new RecordingSink();
        List<UsageResult> rows;
        using (ClientEvents.Use(sink))
        {
            rows = await client.Usage.ListAsync(UsageKind.Completions, Hourly(Nov1, Nov1.AddDays(30))).ToListAsync();
        }

        Assert.Equal(expected, rows.Select(Row));
        Assert.True(expected.Count > 720, "grouped by model and project, an hour holds several results");
        List<RecordedCall> calls = await UsageCallsAsync();
        // Each window asks for exactly its buckets; the page cap made the server say has_more within windows.
        var firsts = calls.Where(c => Param(c, "page") == "").ToList();
        Assert.Equal(new[] { "168", "168", "168", "168", "48" }, firsts.OrderBy(c => long.Parse(Param(c, "start_time"), CultureInfo.InvariantCulture)).Select(c => Param(c, "limit")));
        Assert.Contains(calls, c => Param(c, "page") != "");
        Assert.Equal(4, MaxInFlight(calls));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => ("Usage completions", i, 5)), sink.Progress);
    }

    [Fact]
    public async Task A_year_of_daily_costs_by_project_equals_a_sequential_walk()
    {
        await _sim.SetBehaviourAsync(new { max_page_results = 500 });
        DateTimeOffset start = Nov1.AddDays(-365);
        List<string> expected = await WalkAsync("organization/costs", $"start_time={start.ToUnixTimeSeconds()}&end_time={Nov1.ToUnixTimeSeconds()}&group_by[]=project_id", 180,
            (s, e, r) => string.Join("|", s, e, r.GetProperty("project_id").GetString(), r.GetProperty("amount").GetProperty("value").GetDecimal().ToString(CultureInfo.InvariantCulture)));
        using AdminClient client = _sim.NewClient();
        var rows = await client.Costs.ListAsync(new CostsQuery { StartTime = start, EndTime = Nov1, GroupBy = new[] { "project_id" } }).ToListAsync();
        Assert.Equal(expected, rows.Select(r => string.Join("|", r.StartTime.ToUnixTimeSeconds(), r.EndTime.ToUnixTimeSeconds(), r.ProjectId, r.Amount!.Value.ToString(CultureInfo.InvariantCulture))));
        Assert.Equal(365, rows.Select(r => r.StartTime).Distinct().Count());
        Assert.All(rows, r => Assert.Equal("usd", r.Currency));
        Assert.Contains(rows, r => decimal.GetBits(r.Amount!.Value)[3] >> 16 > 2);
    }

    [Fact]
    public async Task A_rejected_page_token_is_survived_by_asking_for_the_rest_of_the_window_in_smaller_pieces()
    {
        await _sim.SetBehaviourAsync(new { max_page_buckets = 20 });
        List<string> expected = await HourlyWalkAsync(Nov1, Nov1.AddDays(14));
        await _sim.ResetAsync();
        await _sim.SetBehaviourAsync(new { max_page_buckets = 20 });
        // A server whose tokens never work: every request that carries one is refused.
        await _sim.AddFaultAsync(new { kind = "reject_page", count = -1, path = "/v1/organization/usage/completions" });
        using AdminClient client = _sim.NewClient();
        var sink = new RecordingSink();
        List<UsageResult> rows;
        using (ClientEvents.Use(sink))
        {
            rows = await client.Usage.ListAsync(UsageKind.Completions, Hourly(Nov1, Nov1.AddDays(14)), new BucketReadOptions { ThrottleLimit = 1 }).ToListAsync();
        }

        Assert.Equal(expected, rows.Select(Row));
        List<RecordedCall> calls = await UsageCallsAsync();
        List<RecordedCall> rejected = calls.Where(c => c.Fault == "reject_page").ToList();
        Assert.Equal(2, rejected.Count);
        Assert.All(rejected, c => { Assert.Equal(400, c.Status); Assert.NotEqual("", Param(c, "page")); });
        // After a rejection the rest of the window is asked for by time, without a token, in pieces of what the
        // server's pages held (20 hours), which need no token: one rejection per window, 168 = 8 x 20 + 8.
        RecordedCall after = calls[calls.IndexOf(rejected[0]) + 1];
        Assert.Equal("", Param(after, "page"));
        Assert.Equal("20", Param(after, "limit"));
        Assert.Equal(Nov1.AddHours(20).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), Param(after, "start_time"));
        Assert.Equal(2 * (1 + 1 + 8), calls.Count);
        Assert.Contains(sink.Verbose, v => v.Contains("rejected the page token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_query_that_changed_gets_its_token_refused_and_the_match_is_on_the_message_or_the_param()
    {
        // The simulator's own answer to a token used with another query, as the API words it.
        long start = Nov1.ToUnixTimeSeconds();
        using var http = new HttpClient { BaseAddress = _sim.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SimulatorFixture.FakeKey);
        JsonElement first = JsonDocument.Parse(await http.GetStringAsync($"organization/usage/completions?start_time={start}&limit=2")).RootElement;
        string token = first.GetProperty("next_page").GetString()!;
        HttpResponseMessage refused = await http.GetAsync($"organization/usage/completions?start_time={start}&limit=3&page={Uri.EscapeDataString(token)}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The page token is invalid, have you modified the query parameters?", await refused.Content.ReadAsStringAsync());

        static OpenAIAdminApiException Error(int status, string message, string? param) =>
            new((AdminErrorKind)0, (HttpStatusCode)status, message) { ApiMessage = message, Param = param };
        Assert.True(BucketPager<UsageCompletionsResult>.IsRejectedToken(Error(400, "The page token is invalid, have you modified the query parameters?", null)));
        Assert.True(BucketPager<UsageCompletionsResult>.IsRejectedToken(Error(400, "Invalid page_token.", null)));
        Assert.True(BucketPager<UsageCompletionsResult>.IsRejectedToken(Error(400, "Bad request.", "page")));
        Assert.False(BucketPager<UsageCompletionsResult>.IsRejectedToken(Error(400, "Invalid 'limit': expected a value between 1 and 168.", "limit")));
        Assert.False(BucketPager<UsageCompletionsResult>.IsRejectedToken(Error(500, "The page token is invalid.", null)));
    }

    [Theory]
    [InlineData("empty_page")]
    [InlineData("repeat_cursor")]
    public async Task Has_more_on_an_empty_page_or_a_repeated_token_neither_loops_nor_loses_or_repeats_a_bucket(string fault)
    {
        await _sim.SetBehaviourAsync(new { max_page_buckets = 30 });
        List<string> expected = await HourlyWalkAsync(Nov1, Nov1.AddDays(10));
        await _sim.ResetAsync();
        await _sim.SetBehaviourAsync(new { max_page_buckets = 30 });
        await _sim.AddFaultAsync(new { kind = fault, count = 4, path = "/v1/organization/usage/completions" });
        using AdminClient client = _sim.NewClient();
        var rows = await client.Usage.ListAsync(UsageKind.Completions, Hourly(Nov1, Nov1.AddDays(10))).ToListAsync();
        Assert.Equal(expected, rows.Select(Row));
        List<RecordedCall> calls = await UsageCallsAsync();
        Assert.Equal(4, calls.Count(c => c.Fault == fault));
        Assert.True(calls.Count < 40, $"{calls.Count} requests for 240 hours in pages of 30");
    }

    [Fact]
    public async Task A_server_that_says_has_more_on_empty_pages_without_end_is_left_with_a_warning_that_rows_may_be_missing()
    {
        await _sim.AddFaultAsync(new { kind = "empty_page", count = -1, path = "/v1/organization/usage/completions" });
        using AdminClient client = _sim.NewClient();
        var sink = new RecordingSink();
        List<UsageResult> rows;
        using (ClientEvents.Use(sink))
        {
            rows = await client.Usage.ListAsync(UsageKind.Completions, Hourly(Nov1, Nov1.AddDays(1))).ToListAsync();
        }

        Assert.Empty(rows);
        string warning = Assert.Single(sink.Warnings);
        Assert.Contains("pages in a row brought no new bucket although the server said has_more; 2026-11-01 00:00 to 2026-11-02 00:00 UTC is taken as empty, so rows of that span may be missing.", warning);
        Assert.Equal(8, (await UsageCallsAsync()).Count(c => c.Fault == "empty_page"));
    }

    [Fact]
    public async Task Has_more_without_a_next_page_on_every_page_is_read_to_the_end_by_time()
    {
        await _sim.SetBehaviourAsync(new { max_page_buckets = 50 });
        List<string> expected = await HourlyWalkAsync(Nov1, Nov1.AddDays(10));
        await _sim.SetBehaviourAsync(new { cursor_missing = true });
        using AdminClient client = _sim.NewClient();
        var rows = await client.Usage.ListAsync(UsageKind.Completions, Hourly(Nov1, Nov1.AddDays(10))).ToListAsync();
        Assert.Equal(expected, rows.Select(Row));
    }

    [Fact]
    public async Task Results_under_the_result_field_of_the_04_30_reference_are_read()
    {
        using AdminClient client = _sim.NewClient();
        var query = new UsageQuery { StartTime = Nov1, EndTime = Nov1.AddDays(3), GroupBy = new[] { "model" } };
        var plain = (await client.Usage.ListAsync(UsageKind.Completions, query).ToListAsync()).Select(Row).ToList();
        await _sim.SetBehaviourAsync(new { bucket_field = "result" });
        using var http = new HttpClient { BaseAddress = _sim.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SimulatorFixture.FakeKey);
        string raw = await http.GetStringAsync($"organization/usage/completions?start_time={Nov1.ToUnixTimeSeconds()}&limit=1");
        Assert.Contains("\"result\":[", raw);
        Assert.DoesNotContain("\"results\"", raw);
        var read = (await client.Usage.ListAsync(UsageKind.Completions, query).ToListAsync()).Select(Row).ToList();
        Assert.NotEmpty(read);
        Assert.Equal(plain, read);
    }

    [Fact]
    public async Task Buckets_that_end_after_now_are_not_complete_and_later_ones_are_not_asked_for()
    {
        DateTimeOffset now = Nov1.AddHours(5.5);
        using AdminClient client = _sim.NewClient();
        var rows = await client.Usage.ListAsync(UsageKind.Completions,
            new UsageQuery { StartTime = Nov1, EndTime = Nov1.AddDays(1), BucketWidth = "1h" },
            new BucketReadOptions { Clock = () => now }).ToListAsync();
        var hours = rows.Cast<UsageCompletionsResult>().ToList();
        Assert.Equal(Enumerable.Range(0, 6).Select(h => Nov1.AddHours(h)), hours.Select(r => r.StartTime));
        Assert.All(hours.Take(5), r => Assert.True(r.Complete));
        Assert.False(hours[5].Complete);
        RecordedCall call = Assert.Single(await UsageCallsAsync());
        Assert.Equal(Nov1.AddHours(6).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), Param(call, "end_time"));
        Assert.Equal("6", Param(call, "limit"));
    }

    [Fact]
    public async Task No_more_than_the_throttle_limit_of_windows_run_at_once()
    {
        await _sim.AddFaultAsync(new { kind = "delay", delay_ms = 60, count = -1, path = "/v1/organization/usage/completions" });
        using AdminClient client = _sim.NewClient();
        // Six days of minute buckets: six windows of 1440, each two pages (the simulator's pages hold 1000 results).
        var query = new UsageQuery { StartTime = Nov1, EndTime = Nov1.AddDays(6), BucketWidth = "1m" };
        var rows = await client.Usage.ListAsync(UsageKind.Completions, query, new BucketReadOptions { ThrottleLimit = 3 }).ToListAsync();
        Assert.Equal(rows.OrderBy(r => ((UsageCompletionsResult)r).StartTime).Select(Row), rows.Select(Row));
        Assert.Equal(6 * 1440, rows.Select(r => ((UsageCompletionsResult)r).StartTime).Distinct().Count());
        List<RecordedCall> calls = await UsageCallsAsync();
        Assert.Equal(12, calls.Count);
        Assert.Equal(3, MaxInFlight(calls));
    }

    [Fact]
    public async Task Stopping_after_the_first_row_starts_no_further_window()
    {
        await _sim.SetBehaviourAsync(new { max_page_results = 0 });
        using AdminClient client = _sim.NewClient();
        DateTimeOffset start = Nov1.AddDays(-10);
        var query = Hourly(start, Nov1.AddDays(30));
        await using (IAsyncEnumerator<UsageResult> rows = client.Usage.ListAsync(UsageKind.Completions, query).GetAsyncEnumerator())
        {
            Assert.True(await rows.MoveNextAsync());
            Assert.Equal(start, ((UsageCompletionsResult)rows.Current).StartTime);
        }

        // Six windows, four read at once: the fifth starts only once the consumer asks for the first window's second
        // row, which never happens.
        List<RecordedCall> calls = await UsageCallsAsync();
        Assert.True(calls.Count <= 4, $"{calls.Count} requests");
        Assert.DoesNotContain(calls, c => Param(c, "start_time") == start.AddHours(4 * 168).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Asking_for_the_second_row_of_a_window_starts_the_next_window()
    {
        await _sim.SetBehaviourAsync(new { max_page_results = 0 });
        using AdminClient client = _sim.NewClient();
        DateTimeOffset start = Nov1.AddDays(-10);
        string fifth = start.AddHours(4 * 168).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await using (IAsyncEnumerator<UsageResult> rows = client.Usage.ListAsync(UsageKind.Completions, Hourly(start, Nov1.AddDays(30))).GetAsyncEnumerator())
        {
            Assert.True(await rows.MoveNextAsync());
            Assert.True(await rows.MoveNextAsync());
            // The first window is being written; its slot went to the fifth window, and still four are read at once.
            List<RecordedCall> calls = await UsageCallsAsync();
            for (int i = 0; i < 50 && !calls.Any(c => Param(c, "start_time") == fifth); i++)
            {
                await Task.Delay(20);
                calls = await UsageCallsAsync();
            }

            Assert.Contains(calls, c => Param(c, "start_time") == fifth);
            Assert.Equal(5, calls.Count);
        }
    }

    [Fact]
    public async Task Cancelling_ends_the_requests_in_flight_and_starts_no_other()
    {
        await _sim.AddFaultAsync(new { kind = "delay", delay_ms = 5000, count = -1, path = "/v1/organization/usage/completions" });
        using AdminClient client = _sim.NewClient();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await client.Usage.ListAsync(UsageKind.Completions, Hourly(Nov1, Nov1.AddDays(30)), null, cancel.Token).ToListAsync());
        List<RecordedCall> calls = await UsageCallsAsync();
        for (int i = 0; i < 50 && calls.Any(c => c.Finished == 0); i++)
        {
            await Task.Delay(50);
            calls = await UsageCallsAsync();
        }

        Assert.Equal(4, calls.Count);
        Assert.All(calls, c => Assert.Equal(499, c.Status));
    }

    [Fact]
    public async Task Names_come_from_one_listing_per_kind_of_name()
    {
        using AdminClient client = _sim.NewClient();
        var query = new UsageQuery { StartTime = Nov1, EndTime = Nov1.AddDays(3), GroupBy = new[] { "project_id", "user_id", "api_key_id" } };
        var rows = (await client.Usage.ListAsync(UsageKind.Embeddings, query, new BucketReadOptions { IncludeNames = true }).ToListAsync())
            .Cast<UsageEmbeddingsResult>().ToList();
        Assert.All(rows, r => Assert.NotNull(r.ProjectName));
        Assert.Contains(rows, r => r.ProjectName == "Production chatbot");
        Assert.Contains(rows, r => r.UserEmail == "user-0004@example.com" && r.ApiKeyName == "laptop-ann");
        Assert.Contains(rows, r => r.UserId == null && r.UserEmail == null && r.ApiKeyName == "ci-deploy key");
        IReadOnlyList<RecordedCall> calls = await _sim.RequestsAsync();
        Assert.Single(calls, c => c.Path.EndsWith("/organization/projects", StringComparison.Ordinal) && Param(c, "after") == "");
        Assert.Single(calls, c => c.Path.EndsWith("/organization/users", StringComparison.Ordinal) && Param(c, "after") == "");
        var keyLists = calls.Where(c => c.Path.EndsWith("/api_keys", StringComparison.Ordinal)).Select(c => c.Path).ToList();
        Assert.Equal(rows.Select(r => r.ProjectId).Distinct().Count(), keyLists.Count);
        Assert.Equal(keyLists.Count, keyLists.Distinct().Count());

        // Grouped by key alone, the keys are found in the key lists of every active project, read once.
        await _sim.ResetAsync();
        var costs = await client.Costs.ListAsync(new CostsQuery { StartTime = Nov1, EndTime = Nov1.AddDays(2), GroupBy = new[] { "api_key_id" } },
            new BucketReadOptions { IncludeNames = true }).ToListAsync();
        Assert.Contains(costs, c => c.ApiKeyName == "etl key");
        Assert.All(costs, c => Assert.Null(c.ProjectName));
        var again = (await _sim.RequestsAsync()).Where(c => c.Path.EndsWith("/api_keys", StringComparison.Ordinal)).Select(c => c.Path).ToList();
        Assert.Equal(again.Distinct().Count(), again.Count);
        Assert.DoesNotContain(again, p => p.Contains(SeedIds.Project("legacychatbot"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filters_and_group_by_the_kind_lacks_are_refused_before_any_request()
    {
        using AdminClient client = _sim.NewClient();
        var bad = new[]
        {
            (UsageKind.VectorStores, new UsageQuery { StartTime = Nov1, Models = new[] { "gpt-4o" } }),
            (UsageKind.Embeddings, new UsageQuery { StartTime = Nov1, Batch = true }),
            (UsageKind.Completions, new UsageQuery { StartTime = Nov1, GroupBy = new[] { "size" } }),
            (UsageKind.Completions, new UsageQuery { StartTime = Nov1, EndTime = Nov1 }),
            (UsageKind.Completions, new UsageQuery { StartTime = Nov1, BucketWidth = "1w" }),
        };
        foreach (var (kind, query) in bad)
        {
            var error = await Assert.ThrowsAsync<OpenAIAdminException>(async () => await client.Usage.ListAsync(kind, query).ToListAsync());
            Assert.Equal(AdminErrorKind.InvalidArgument, error.Kind);
        }

        var costs = await Assert.ThrowsAsync<OpenAIAdminException>(async () =>
            await client.Costs.ListAsync(new CostsQuery { StartTime = Nov1, GroupBy = new[] { "model" } }).ToListAsync());
        Assert.Equal(AdminErrorKind.InvalidArgument, costs.Kind);
        Assert.Empty(await _sim.RequestsAsync());
    }

    [Fact]
    public void Amounts_keep_every_digit_the_API_sends()
    {
        string json = "[{\"object\":\"organization.costs.result\",\"amount\":{\"value\":0.1234567890123456789,\"currency\":\"usd\"}},"
            + "{\"object\":\"organization.costs.result\",\"amount\":{\"value\":1.5e-7,\"currency\":\"usd\"},\"quantity\":12.5,\"quantity_unit\":\"tokens\"},"
            + "{\"object\":\"organization.costs.result\"}]";
        var results = JsonSerializer.Deserialize<List<CostsResult>>(json, Json.Options)!;
        Assert.Equal(0.1234567890123456789m, results[0].Amount);
        Assert.Equal(0.00000015m, results[1].Amount);
        Assert.Equal(12.5m, results[1].Quantity);
        Assert.Null(results[2].Amount);
        Assert.Null(results[2].Currency);
    }

    [Fact]
    public async Task Every_usage_kind_reads_its_own_result_type()
    {
        using AdminClient client = _sim.NewClient();
        foreach (UsageKindInfo info in UsageKindInfo.All)
        {
            var rows = await client.Usage.ListAsync(info.Kind, new UsageQuery { StartTime = Nov1, EndTime = Nov1.AddDays(2), GroupBy = new[] { "project_id" } }).ToListAsync();
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.IsType(info.ResultType, r));
            Assert.Contains("organization.usage.", (string?)info.ResultType.GetProperty("Object")!.GetValue(rows[0]));
            Assert.All(rows, r => Assert.StartsWith("proj_", (string?)info.ResultType.GetProperty("ProjectId")!.GetValue(r)));
        }
    }
}
