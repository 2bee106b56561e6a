using System;
using System.Linq;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;
using OpenAIAdmin.Resources;
using Xunit;

namespace OpenAIAdmin.Tests.Core;

/// <summary>All four paging styles against the simulator over real sockets.</summary>
public sealed class PagerTests : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private readonly SimulatorFixture _sim;

    public PagerTests(SimulatorFixture sim) => _sim = sim;

    public Task InitializeAsync() => _sim.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task IdCursor_reads_every_user_once_in_three_requests()
    {
        using AdminClient client = _sim.NewClient();
        var sink = new RecordingSink();
        using (ClientEvents.Use(sink))
        {
            var users = await client.Users.ListAsync().ToListAsync();
            Assert.Equal(250, users.Count);
            Assert.Equal(250, users.Select(u => u.Id).Distinct().Count());
        }

        var calls = await _sim.RequestsToAsync("/organization/users");
        Assert.Equal(3, calls.Count);
        Assert.Contains("limit=100", calls[0].Query);
        Assert.DoesNotContain("after=", calls[0].Query);
        Assert.Contains("after=", calls[1].Query);
        Assert.Equal(new long[] { 100, 200, 250 }, sink.Pages.Select(p => p.Items).ToArray());
    }

    [Fact]
    public async Task IdCursor_with_small_pages_keeps_order_and_has_no_gap()
    {
        using AdminClient client = _sim.NewClient();
        var all = await client.Users.ListAsync().ToListAsync();
        var paged = await client.Users.ListAsync(options: new ListOptions { PageSize = 7 }).ToListAsync();
        Assert.Equal(all.Select(u => u.Id), paged.Select(u => u.Id));
        Assert.Equal(36, (await _sim.RequestsToAsync("/organization/users")).Count - 3);
    }

    [Fact]
    public async Task MaxItems_stops_after_one_request_and_asks_only_for_what_it_needs()
    {
        using AdminClient client = _sim.NewClient();
        var three = await client.Users.ListAsync(options: new ListOptions { MaxItems = 3 }).ToListAsync();
        Assert.Equal(3, three.Count);
        var calls = await _sim.RequestsToAsync("/organization/users");
        Assert.Single(calls);
        Assert.Contains("limit=3", calls[0].Query);
    }

    [Fact]
    public async Task Consumer_that_stops_early_causes_no_further_request()
    {
        using AdminClient client = _sim.NewClient();
        int seen = 0;
        await foreach (OrganizationUser _ in client.Users.ListAsync())
        {
            if (++seen == 5)
            {
                break;
            }
        }

        Assert.Single(await _sim.RequestsToAsync("/organization/users"));
    }

    [Fact]
    public async Task NextCursor_pages_groups_with_after_set_to_previous_next()
    {
        using AdminClient client = _sim.NewClient();
        var groups = await client.Groups.ListAsync(options: new ListOptions { PageSize = 5 }).ToListAsync();
        Assert.True(groups.Count > 5, "the seed has more groups than one page");
        Assert.Equal(groups.Count, groups.Select(g => g.Id).Distinct().Count());
        var calls = await _sim.RequestsToAsync("/organization/groups");
        Assert.Equal((groups.Count + 4) / 5, calls.Count);
        Assert.All(calls.Skip(1), c => Assert.Contains("after=", c.Query));
    }

    [Fact]
    public async Task PageToken_follows_next_page_within_a_costs_window_and_flattens_the_buckets()
    {
        await _sim.SetBehaviourAsync(new { max_page_buckets = 3 });
        using AdminClient client = _sim.NewClient();
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var query = new CostsQuery { StartTime = start, EndTime = start.AddDays(10) };
        var results = await client.Costs.ListAsync(query).ToListAsync();
        var days = results.Select(r => r.StartTime).Distinct().OrderBy(d => d).ToList();
        Assert.Equal(10, days.Count);
        Assert.Equal(start, days[0]);
        Assert.All(results, r => Assert.Equal(r.StartTime.AddDays(1), r.EndTime));
        var calls = await _sim.RequestsToAsync("/organization/costs");
        Assert.Equal(4, calls.Count);
        Assert.All(calls, c => Assert.Contains("limit=10", c.Query));
        Assert.All(calls.Skip(1), c => Assert.Contains("page=", c.Query));
    }

    [Fact]
    public async Task SinglePage_activation_returns_every_certificate()
    {
        using AdminClient client = _sim.NewClient();
        var certificates = await client.Certificates.ListAsync().ToListAsync();
        Assert.True(certificates.Count >= 2);
        var ids = certificates.Take(2).Select(c => c.Id).ToArray();
        var deactivated = await client.Certificates.DeactivateAsync(ids);
        Assert.Equal(ids.OrderBy(i => i), deactivated.Select(c => c.Id).OrderBy(i => i));
        Assert.All(deactivated, c => Assert.False(c.Active));
        var activated = await client.Certificates.ActivateAsync(ids);
        Assert.All(activated, c => Assert.True(c.Active));
    }

    [Fact]
    public async Task SinglePage_rejects_more_than_ten_ids_before_any_request()
    {
        using AdminClient client = _sim.NewClient();
        var ids = Enumerable.Range(1, 11).Select(i => "cert_" + i).ToArray();
        await InputChecks.Refused(() => client.Certificates.ActivateAsync(ids));
        Assert.Empty(await _sim.RequestsAsync());
    }

    [Theory]
    [InlineData("/v1/organization/users")]
    [InlineData("/v1/organization/groups")]
    public async Task Repeated_cursor_stops_paging_with_a_clear_error(string path)
    {
        await _sim.AddFaultAsync(new { kind = "repeat_cursor", path, count = -1 });
        using AdminClient client = _sim.NewClient();
        var seen = new System.Collections.Generic.List<string>();
        var ex = await Assert.ThrowsAsync<OpenAIAdminException>(async () =>
        {
            var list = path.EndsWith("users", StringComparison.Ordinal)
                ? client.Users.ListAsync(options: new ListOptions { PageSize = 10 }).Select(u => u.Id)
                : client.Groups.ListAsync(options: new ListOptions { PageSize = 2 }).Select(g => g.Id);
            await foreach (string id in list)
            {
                seen.Add(id);
            }
        });
        Assert.Equal(AdminErrorKind.PagingCursorRepeated, ex.Kind);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        var calls = await _sim.RequestsAsync();
        Assert.True(calls.Count <= 3, "paging must stop instead of looping");
        // The error names the answer that repeated the cursor.
        Assert.Equal(calls[^1].RequestId, ex.RequestId);
        Assert.EndsWith($"(request id {calls[^1].RequestId}).", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/organization/users", 7)]
    [InlineData("/v1/organization/groups", 5)]
    public async Task Items_a_server_repeats_on_the_next_page_are_written_once_and_none_is_lost(string path, int pageSize)
    {
        using AdminClient client = _sim.NewClient();
        bool users = path.EndsWith("users", StringComparison.Ordinal);
        Func<System.Collections.Generic.IAsyncEnumerable<string>> list = () => users
            ? client.Users.ListAsync(options: new ListOptions { PageSize = pageSize }).Select(u => u.Id)
            : client.Groups.ListAsync(options: new ListOptions { PageSize = pageSize }).Select(g => g.Id);
        var expected = await list().ToListAsync();
        await _sim.ResetAsync();

        // Every follow-up page starts with the last item of the page before (an inclusive cursor).
        await _sim.AddFaultAsync(new { kind = "overlap", path, count = -1 });
        var sink = new RecordingSink();
        System.Collections.Generic.List<string> paged;
        using (ClientEvents.Use(sink))
        {
            paged = await list().ToListAsync();
        }

        Assert.Equal(expected, paged);
        var calls = await _sim.RequestsToAsync(path.Substring(3));
        Assert.True(calls.Count > 2, "the listing spans several pages");
        Assert.Null(calls[0].Fault);
        Assert.All(calls.Skip(1), c => Assert.Equal("overlap", c.Fault));
        Assert.Equal(calls.Count - 1, sink.Verbose.Count(v => v.Contains("twice; the repeat is skipped", StringComparison.Ordinal)));
    }

    [Fact]
    public void Duplicate_guard_remembers_two_pages_at_most()
    {
        var guard = new DuplicateGuard();
        for (int page = 0; page < 1000; page++)
        {
            for (int item = 0; item < 100; item++)
            {
                Assert.False(guard.IsRepeat($"id_{page}_{item}"));
            }

            guard.EndPage();
            Assert.True(guard.Retained <= 100, $"{guard.Retained} ids kept after page {page}");
        }

        Assert.False(guard.IsRepeat(null));
        Assert.False(guard.IsRepeat(null));
    }

    [Fact]
    public void Duplicate_guard_catches_repeats_on_the_same_and_the_next_page_also_when_they_go_on()
    {
        var guard = new DuplicateGuard();
        Assert.False(guard.IsRepeat("a"));
        Assert.False(guard.IsRepeat("b"));
        Assert.True(guard.IsRepeat("b"));
        guard.EndPage();

        Assert.True(guard.IsRepeat("b"));   // the previous page's last item again
        Assert.False(guard.IsRepeat("c"));
        guard.EndPage();

        Assert.True(guard.IsRepeat("b"));   // still repeated: a repeat counts as seen on its page
        Assert.True(guard.IsRepeat("c"));
        Assert.False(guard.IsRepeat("d"));
        guard.EndPage();
        guard.EndPage();

        // Two pages later nothing is remembered: bounded memory is the price, and no server repeats that far back.
        Assert.False(guard.IsRepeat("d"));
    }
}
