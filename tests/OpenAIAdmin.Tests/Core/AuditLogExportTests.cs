using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using OpenAIAdmin.Resources;
using Xunit;

namespace OpenAIAdmin.Tests.Core;

/// <summary>
/// The exactly-once export against the simulator: the file is the truth, a partial last line is cut back, events of the
/// last second are told apart by id, the state file is only a cache, and a run cut short at any byte is completed by the
/// next one with the same bytes an uninterrupted run writes.
/// </summary>
public sealed class AuditLogExportTests : IClassFixture<SimulatorFixture>, IAsyncLifetime, IDisposable
{
    private readonly SimulatorFixture _sim;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "oai-audit-" + Guid.NewGuid().ToString("N"));

    public AuditLogExportTests(SimulatorFixture sim)
    {
        _sim = sim;
        Directory.CreateDirectory(_folder);
    }

    private string File1 => Path.Combine(_folder, "events.jsonl");

    private string State1 => Path.Combine(_folder, "state.json");

    public Task InitializeAsync() => _sim.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_first_run_writes_every_event_oldest_first_as_the_API_sent_it_and_a_rerun_adds_nothing()
    {
        using AdminClient client = _sim.NewClient();
        AuditLogExportResult first = await ExportAsync(client, File1, State1);

        List<JsonObject> api = await ApiEventsAsync();
        string[] lines = File.ReadAllLines(File1);
        Assert.Equal(api.Count, lines.Length);
        Assert.Equal(api.Count, first.EventsWritten);
        api.Reverse();
        for (int i = 0; i < lines.Length; i++)
        {
            Assert.True(JsonNode.DeepEquals(api[i], JsonNode.Parse(lines[i])), $"line {i + 1} is the API's object");
        }

        Assert.Equal("Start", first.ResumedFrom);
        Assert.Equal(api[0]["id"]!.GetValue<string>(), first.FirstId);
        Assert.Equal(api[^1]["id"]!.GetValue<string>(), first.LastId);
        Assert.True(first.Complete);
        Assert.Equal(new FileInfo(File1).Length, first.FileLength);
        Assert.Equal(0, new FileInfo(File1 + ".lock").Length);

        byte[] before = File.ReadAllBytes(File1);
        AuditLogExportResult again = await ExportAsync(client, File1, State1);
        Assert.Equal(0, again.EventsWritten);
        Assert.Equal("File", again.ResumedFrom);
        Assert.True(again.AlreadyInFile >= 4, "the newest second holds several events, all in the file already");
        Assert.Equal(before, File.ReadAllBytes(File1));
        Assert.Equal(first.LastId, again.ResumedAfterId);
    }

    [Fact]
    public async Task New_events_in_the_last_exported_second_and_after_are_appended_exactly_once()
    {
        using AdminClient client = _sim.NewClient();
        await ExportAsync(client, File1, State1);
        long last = JsonDocument.Parse(File.ReadLines(File1).Last()).RootElement.GetProperty("effective_at").GetInt64();

        List<string> added = await AppendAsync(new { count = 3, effective_at = last });
        added.AddRange(await AppendAsync(new { count = 4, effective_at = last + 1, per_second = 2 }));
        int linesBefore = File.ReadAllLines(File1).Length;

        AuditLogExportResult result = await ExportAsync(client, File1, State1);

        string[] ids = Ids(File1);
        Assert.Equal(linesBefore + added.Count, ids.Length);
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal(added, ids.Skip(linesBefore));
        Assert.Equal(added.Count, result.EventsWritten);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(last), result.FirstEffectiveAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(last + 2), result.LastEffectiveAt);
        var call = (await _sim.RequestsToAsync("/organization/audit_logs")).Last();
        Assert.Equal($"effective_at[gte]={last}&limit=100", call.Query);
    }

    [Fact]
    public async Task A_run_cut_short_at_any_byte_is_completed_by_the_next_with_the_same_bytes()
    {
        // Two runs as a schedule makes them: the first exports the seed, the second what came later (some of it in the
        // second of the first run's last event). Appends are sequential, so a run killed at any moment leaves a prefix
        // of what it would have written, and the state file as the previous run left it (or none before the first).
        using AdminClient client = _sim.NewClient();
        await ExportAsync(client, File1, State1);
        int firstLength = (int)new FileInfo(File1).Length;
        string stateAfterFirst = File.ReadAllText(State1);
        long last = JsonDocument.Parse(File.ReadLines(File1).Last()).RootElement.GetProperty("effective_at").GetInt64();
        await AppendAsync(new { count = 3, effective_at = last });
        await AppendAsync(new { count = 5, effective_at = last + 1, per_second = 2 });
        await ExportAsync(client, File1, State1);
        byte[] full = File.ReadAllBytes(File1);

        int[] breaks = Enumerable.Range(0, full.Length).Where(i => full[i] == (byte)'\n').ToArray();
        var cuts = new SortedSet<int> { 0, 1, firstLength - 1, firstLength, firstLength + 1, full.Length - 1 };
        foreach (int b in breaks.Take(3).Concat(breaks.Skip(breaks.Length / 2).Take(2)).Concat(breaks.Where(b => b > firstLength - 400)))
        {
            cuts.Add(b);
            cuts.Add(b + 1);
            cuts.Add(Math.Max(0, b - 7));
        }

        var random = new Random(9);
        for (int i = 0; i < 20; i++)
        {
            cuts.Add(random.Next(full.Length));
        }

        foreach (int cut in cuts)
        {
            File.WriteAllBytes(File1, full.AsSpan(0, cut).ToArray());
            if (cut < firstLength)
            {
                File.Delete(State1);
            }
            else
            {
                File.WriteAllText(State1, stateAfterFirst);
            }

            bool partial = cut > 0 && full[cut - 1] != (byte)'\n';
            AuditLogExportResult result = await ExportAsync(client, File1, State1);
            Assert.True(full.AsSpan().SequenceEqual(File.ReadAllBytes(File1)), $"cut at byte {cut} of {full.Length}: the next run completes the file exactly");
            Assert.Equal(partial ? cut - (Array.LastIndexOf(full, (byte)'\n', cut - 1) + 1) : 0, result.RemovedIncompleteBytes);
        }
    }

    [Fact]
    public async Task The_state_file_is_only_a_cache_missing_stale_or_corrupt()
    {
        using AdminClient client = _sim.NewClient();
        await ExportAsync(client, File1, State1);
        byte[] full = File.ReadAllBytes(File1);

        // Stale: the state says the whole file was written, the file lost its last 30 lines (killed before the state write).
        string[] lines = File.ReadAllLines(File1);
        File.WriteAllLines(File1, lines.Take(lines.Length - 30));
        AuditLogExportResult stale = await ExportAsync(client, File1, State1);
        Assert.Equal(30, stale.EventsWritten);
        Assert.Equal(full, File.ReadAllBytes(File1));

        // Corrupt: a warning, then the file says where to go on.
        File.WriteAllLines(File1, lines.Take(lines.Length - 5));
        File.WriteAllText(State1, "{ not json");
        using (AuditLogExport export = await client.AuditLogs.PrepareExportAsync(Request(File1, State1)))
        {
            Assert.Contains(export.Warnings, w => w.Contains("cannot be read"));
            Assert.Equal(5, export.PendingEvents);
            await foreach (AuditLog _ in export.WriteAsync(false))
            {
            }
        }

        Assert.Equal(full, File.ReadAllBytes(File1));
        using (JsonDocument state = JsonDocument.Parse(File.ReadAllText(State1)))
        {
            Assert.Equal(lines[^1], File.ReadLines(File1).Last());
            Assert.Equal(JsonDocument.Parse(lines[^1]).RootElement.GetProperty("id").GetString(), state.RootElement.GetProperty("last_event").GetProperty("id").GetString());
        }

        // Missing: the same.
        File.Delete(State1);
        File.WriteAllLines(File1, lines.Take(lines.Length - 2));
        Assert.Equal(2, (await ExportAsync(client, File1, State1)).EventsWritten);
        Assert.Equal(full, File.ReadAllBytes(File1));
        Assert.False(File.Exists(State1 + ".tmp"));
    }

    [Fact]
    public async Task After_a_rotation_the_state_file_says_where_to_go_on()
    {
        using AdminClient client = _sim.NewClient();
        await ExportAsync(client, File1, State1);
        File.Move(File1, File1 + ".1");
        List<string> added = await AppendAsync(new { count = 3 });

        AuditLogExportResult result = await ExportAsync(client, File1, State1);

        Assert.Equal("State", result.ResumedFrom);
        Assert.Equal(added, Ids(File1));
        Assert.Empty(Ids(File1 + ".1").Intersect(Ids(File1)));

        // Without a state file an empty file starts from the beginning (or -StartTime).
        File.Delete(File1);
        File.Delete(State1);
        AuditLogExportResult fresh = await ExportAsync(client, File1, State1);
        Assert.Equal("Start", fresh.ResumedFrom);
        Assert.Equal(Ids(File1 + ".1").Concat(added), Ids(File1));
    }

    [Fact]
    public async Task A_changed_filter_stops_the_run_unless_accepted_and_a_filter_selects_what_is_written()
    {
        using AdminClient client = _sim.NewClient();
        var logins = Request(File1, State1);
        logins.EventTypes = new[] { "login.succeeded", "login.failed" };
        logins.EventTypeFilter = new[] { "login.*" };
        await WriteAsync(client, logins);
        string[] written = File.ReadAllLines(File1);
        Assert.All(written, l => Assert.StartsWith("login.", JsonDocument.Parse(l).RootElement.GetProperty("type").GetString()));
        Assert.Contains("event_types[]=login.succeeded&event_types[]=login.failed&limit=100", (await _sim.RequestsToAsync("/organization/audit_logs")).Last().Query);

        var everything = Request(File1, State1);
        var error = await Assert.ThrowsAsync<AuditLogExportException>(() => client.AuditLogs.PrepareExportAsync(everything));
        Assert.Equal(AuditLogExportException.FilterChanged, error.ErrorId);
        Assert.Contains("event_types=login.*", error.Message);
        Assert.Equal(written, File.ReadAllLines(File1));

        // The same patterns in another order and case are the same filter.
        logins.EventTypeFilter = new[] { "LOGIN.*" };
        Assert.Equal(0, (await WriteAsync(client, logins)).EventsWritten);

        // Accepted: from the file's last event on, every event (of that second, those not in the file yet).
        everything.AcceptFilterChange = true;
        List<string> added = await AppendAsync(new { count = 2, type = "project.updated" });
        JsonElement lastLogin = JsonDocument.Parse(written[^1]).RootElement;
        long second = lastLogin.GetProperty("effective_at").GetInt64();
        var inFile = new HashSet<string>(Ids(File1));
        List<string> expected = (await ApiEventsAsync()).AsEnumerable().Reverse()
            .Where(e => e["effective_at"]!.GetValue<long>() >= second && !inFile.Contains(e["id"]!.GetValue<string>()))
            .Select(e => e["id"]!.GetValue<string>()).ToList();
        AuditLogExportResult accepted = await WriteAsync(client, everything);
        Assert.Equal(expected, Ids(File1).Skip(written.Length));
        Assert.Equal(added, expected.TakeLast(2));
        Assert.Equal(expected.Count, accepted.EventsWritten);
        Assert.Equal(0, (await ExportAsync(client, File1, State1)).EventsWritten);
    }

    [Fact]
    public async Task Two_runs_of_one_file_never_overlap()
    {
        using AdminClient client = _sim.NewClient();
        using (AuditLogExport running = await client.AuditLogs.PrepareExportAsync(Request(File1, null)))
        {
            var error = await Assert.ThrowsAsync<AuditLogExportException>(() => client.AuditLogs.PrepareExportAsync(Request(File1, null)));
            Assert.Equal(AuditLogExportException.InProgress, error.ErrorId);
            await foreach (AuditLog _ in running.WriteAsync(false))
            {
            }
        }

        await AppendAsync(new { count = 1 });
        Assert.Equal(1, (await ExportAsync(client, File1, null)).EventsWritten);
    }

    [Fact]
    public async Task A_file_that_is_not_an_export_is_left_alone()
    {
        using AdminClient client = _sim.NewClient();
        File.WriteAllText(File1, "{\"id\":\"audit_log-x\",\"effective_at\":1}\nnot json at all\n");
        var error = await Assert.ThrowsAsync<AuditLogExportException>(() => client.AuditLogs.PrepareExportAsync(Request(File1, null)));
        Assert.Equal(AuditLogExportException.FileInvalid, error.ErrorId);
        Assert.Equal("{\"id\":\"audit_log-x\",\"effective_at\":1}\nnot json at all\n", File.ReadAllText(File1));
        Assert.Empty(await _sim.RequestsToAsync("/organization/audit_logs"));

        File.WriteAllText(File1, "{\"id\":\"b\",\"effective_at\":9}\n{\"id\":\"a\",\"effective_at\":5}\n");
        Assert.Equal(AuditLogExportException.FileInvalid, (await Assert.ThrowsAsync<AuditLogExportException>(() => client.AuditLogs.PrepareExportAsync(Request(File1, null)))).ErrorId);
    }

    [Fact]
    public async Task A_file_changed_by_someone_else_while_listing_is_not_written()
    {
        using AdminClient client = _sim.NewClient();
        using AuditLogExport export = await client.AuditLogs.PrepareExportAsync(Request(File1, null));
        File.WriteAllText(File1, "{\"id\":\"x\",\"effective_at\":1}\n");
        var error = await Assert.ThrowsAsync<AuditLogExportException>(async () =>
        {
            await foreach (AuditLog _ in export.WriteAsync(false))
            {
            }
        });
        Assert.Equal(AuditLogExportException.FileChanged, error.ErrorId);
        Assert.Equal("{\"id\":\"x\",\"effective_at\":1}\n", File.ReadAllText(File1));
    }

    [Fact]
    public async Task A_dry_run_counts_and_writes_nothing()
    {
        using AdminClient client = _sim.NewClient();
        var request = Request(File1, State1);
        request.DryRun = true;
        using AuditLogExport export = await client.AuditLogs.PrepareExportAsync(request);
        Assert.Equal((await ApiEventsAsync()).Count, export.PendingEvents);
        Assert.True(export.HasChanges);
        Assert.Throws<InvalidOperationException>(() => export.WriteAsync(false).GetAsyncEnumerator().MoveNextAsync().AsTask().GetAwaiter().GetResult());
        export.Finish();
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_consumer_that_stops_early_leaves_a_whole_file_the_next_run_completes()
    {
        using AdminClient client = _sim.NewClient();
        var seen = new List<AuditLog>();
        AuditLogExportResult partial;
        using (AuditLogExport export = await client.AuditLogs.PrepareExportAsync(Request(File1, State1)))
        {
            await foreach (AuditLog written in export.WriteAsync(true))
            {
                seen.Add(written);
                if (seen.Count == 150)
                {
                    break;
                }
            }

            partial = export.Result;
        }

        // Events come out once their block (up to 100) is in the file, so the file holds whole blocks: at least 150.
        Assert.False(partial.Complete);
        Assert.InRange(partial.EventsWritten, 150, 249);
        Assert.Equal(seen.Select(e => e.Id), Ids(File1).Take(150));
        Assert.Equal(partial.EventsWritten, Ids(File1).Length);
        Assert.True(seen.Zip(seen.Skip(1), (a, b) => a.EffectiveAt <= b.EffectiveAt).All(x => x), "oldest first");

        await ExportAsync(client, File1, State1);
        string[] ids = Ids(File1);
        Assert.Equal((await ApiEventsAsync()).Count, ids.Length);
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public async Task The_first_run_can_start_at_a_time()
    {
        using AdminClient client = _sim.NewClient();
        List<JsonObject> api = await ApiEventsAsync();
        long start = api[150]["effective_at"]!.GetValue<long>();
        var request = Request(File1, null);
        request.StartTime = DateTimeOffset.FromUnixTimeSeconds(start);
        await WriteAsync(client, request);
        Assert.Equal(api.Count(e => e["effective_at"]!.GetValue<long>() >= start), Ids(File1).Length);
        Assert.StartsWith($"effective_at[gte]={start}&", (await _sim.RequestsToAsync("/organization/audit_logs")).Last().Query);
    }

    private static AuditLogExportRequest Request(string path, string? state) => new() { Path = path, StatePath = state };

    private static Task<AuditLogExportResult> ExportAsync(AdminClient client, string path, string? state) => WriteAsync(client, Request(path, state));

    private static async Task<AuditLogExportResult> WriteAsync(AdminClient client, AuditLogExportRequest request)
    {
        using AuditLogExport export = await client.AuditLogs.PrepareExportAsync(request);
        if (!export.HasChanges)
        {
            export.Finish();
            return export.Result;
        }

        await foreach (AuditLog _ in export.WriteAsync(false))
        {
        }

        return export.Result;
    }

    private static string[] Ids(string path) =>
        File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToArray();

    /// <summary>Every organization event straight from the simulator, newest first.</summary>
    private async Task<List<JsonObject>> ApiEventsAsync()
    {
        using var http = new HttpClient { BaseAddress = _sim.BaseUri };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", SimulatorFixture.FakeKey);
        var all = new List<JsonObject>();
        string? after = null;
        while (true)
        {
            var page = JsonNode.Parse(await http.GetStringAsync("organization/audit_logs?limit=100" + (after == null ? string.Empty : "&after=" + after)))!.AsObject();
            all.AddRange(page["data"]!.AsArray().Select(e => e!.AsObject()));
            if (!page["has_more"]!.GetValue<bool>())
            {
                return all;
            }

            after = page["last_id"]!.GetValue<string>();
        }
    }

    private async Task<List<string>> AppendAsync(object body)
    {
        using var http = new HttpClient { BaseAddress = _sim.RootUri };
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        HttpResponseMessage response = await http.PostAsync("_sim/audit_logs", content);
        response.EnsureSuccessStatusCode();
        using JsonDocument answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return answer.RootElement.GetProperty("appended").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
    }
}
