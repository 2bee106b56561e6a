using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIAdmin.Resources;
using OpenAIAdmin.Tests.Simulator;
using Xunit;

namespace OpenAIAdmin.Tests.Core;

/// <summary>
/// The client's pager against each list variant the contract allows (chosen with <c>/_sim/behaviour</c>): next-cursor
/// lists whose <c>next</c> is an opaque token or the last id, id-cursor pages with or without <c>first_id</c>/<c>last_id</c>,
/// and <c>has_more</c> without a cursor, which must fail with <c>PagingCursorMissing</c> instead of looping or dropping.
/// Expected ids come from one unpaged read of the same list, so the tests hold whatever the seed ids look like.
/// </summary>
public sealed class PagerVariantTests : SimulatorHttpTests
{
    public PagerVariantTests(SimulatorFixture sim)
        : base(sim)
    {
    }

    public static TheoryData<string> NextCursorStyles => new() { "opaque", "last_id" };

    [Theory]
    [MemberData(nameof(NextCursorStyles))]
    public async Task Groups_read_completely_in_either_next_cursor_style(string style)
    {
        string[] expected = await UnpagedIdsAsync("organization/groups?limit=1000");
        Assert.Equal(12, expected.Length);
        await RestartLogAsync(new { next_cursor = style });

        using AdminClient client = Sim.NewClient();
        var groups = await client.Groups.ListAsync(options: new ListOptions { PageSize = 5 }).ToListAsync();
        Assert.Equal(expected, groups.Select(g => g.Id));

        List<string?> afters = await AftersAsync("/organization/groups");
        Assert.Equal(3, afters.Count);
        Assert.Null(afters[0]);
        if (style == "last_id")
        {
            Assert.Equal(new[] { expected[4], expected[9] }, afters.Skip(1));
        }
        else
        {
            Assert.All(afters.Skip(1), a => Assert.DoesNotContain(a!, expected));
        }
    }

    [Theory]
    [MemberData(nameof(NextCursorStyles))]
    public async Task Group_members_read_completely_newest_first_in_either_next_cursor_style(string style)
    {
        string engineering = await GroupIdAsync("Engineering");
        string[] expected = await UnpagedIdsAsync($"organization/groups/{engineering}/users?limit=1000");
        Assert.Equal(30, expected.Length);
        await RestartLogAsync(new { next_cursor = style });

        using AdminClient client = Sim.NewClient();
        var members = await client.Groups.Users.ListAsync(engineering, options: new ListOptions { PageSize = 7 }).ToListAsync();
        Assert.Equal(expected, members.Select(m => m.UserId));
        List<string?> afters = await AftersAsync($"/organization/groups/{engineering}/users");
        Assert.Equal(5, afters.Count);
        if (style == "last_id")
        {
            Assert.Equal(new[] { expected[6], expected[13], expected[20], expected[27] }, afters.Skip(1));
        }
    }

    [Theory]
    [MemberData(nameof(NextCursorStyles))]
    public async Task Roles_and_role_assignments_read_completely_in_either_next_cursor_style(string style)
    {
        using AdminClient client = Sim.NewClient();
        string user = (await UnpagedIdsAsync("organization/users?limit=1"))[0];
        string[] roles = await UnpagedIdsAsync("organization/roles");
        string[] custom = (await Api.GetAsync("organization/roles")).Data.EnumerateArray()
            .Where(r => !r.GetProperty("predefined_role").GetBoolean()).Select(r => r.Str("id")).ToArray();
        Assert.Equal(5, roles.Length);
        Assert.Equal(3, custom.Length);
        foreach (string role in custom)
        {
            await client.Users.Roles.AssignAsync(user, role);
        }

        await RestartLogAsync(new { next_cursor = style });
        var listed = await client.Roles.ListAsync(options: new ListOptions { PageSize = 2 }).ToListAsync();
        Assert.Equal(roles, listed.Select(r => r.Id));
        var held = await client.Users.Roles.ListAsync(user, options: new ListOptions { PageSize = 2 }).ToListAsync();
        Assert.Equal(custom, held.Select(r => r.RoleId));
        Assert.Equal(3, (await AftersAsync("/organization/roles")).Count);
        List<string?> heldAfters = await AftersAsync($"/organization/users/{user}/roles");
        Assert.Equal(2, heldAfters.Count);
        if (style == "last_id")
        {
            Assert.Equal(custom[1], heldAfters[1]);
        }
    }

    public static TheoryData<string> Bounds => new() { "present", "omitted" };

    [Theory]
    [MemberData(nameof(Bounds))]
    public async Task Id_cursor_lists_read_completely_with_or_without_first_and_last_id(string bounds)
    {
        var users = new List<string>();
        for (string? after = null; ;)
        {
            Reply page = await Api.GetAsync("organization/users?limit=100" + (after is null ? "" : "&after=" + after));
            users.AddRange(page.Data.Ids());
            if (!page.Json.GetProperty("has_more").GetBoolean())
            {
                break;
            }

            after = users[^1];
        }

        string[] certificates = await UnpagedIdsAsync("organization/certificates?limit=100");
        Assert.Equal(250, users.Count);
        Assert.Equal(5, certificates.Length);
        await RestartLogAsync(new { id_cursor_bounds = bounds });

        // The variant is really in force: pages carry last_id only when bounds are present.
        Reply probe = await Api.GetAsync("organization/users?limit=1");
        Assert.Equal(bounds == "present", probe.Json.TryGetProperty("last_id", out _));
        await RestartLogAsync(new { id_cursor_bounds = bounds });

        using AdminClient client = Sim.NewClient();
        var listed = await client.Users.ListAsync(options: new ListOptions { PageSize = 40 }).ToListAsync();
        Assert.Equal(users, listed.Select(u => u.Id));

        // Without last_id the pager continues after the last item's id.
        List<string?> afters = await AftersAsync("/organization/users");
        Assert.Equal(new[] { null, users[39], users[79], users[119], users[159], users[199], users[239] }, afters);

        // Certificates: descending by default, and the contract's required bounds come as null in the omitted variant.
        var listedCertificates = await client.Certificates.ListAsync(options: new ListOptions { PageSize = 2 }).ToListAsync();
        Assert.Equal(certificates, listedCertificates.Select(c => c.Id));
        Assert.Equal(new[] { null, certificates[1], certificates[3] }, await AftersAsync("/organization/certificates"));

        var projects = await client.Projects.ListAsync(true, new ListOptions { PageSize = 4 }).ToListAsync();
        Assert.Equal(await UnpagedIdsAsync("organization/projects?include_archived=true&limit=100"), projects.Select(p => p.Id));
    }

    [Fact]
    public async Task Next_cursor_list_with_has_more_and_no_next_fails_with_PagingCursorMissing_after_the_first_page()
    {
        string[] expected = await UnpagedIdsAsync("organization/groups?limit=5");
        await RestartLogAsync(new { cursor_missing = true });
        using AdminClient client = Sim.NewClient();
        var seen = new List<string>();
        var error = await Assert.ThrowsAsync<OpenAIAdminException>(async () =>
        {
            await foreach (Group group in client.Groups.ListAsync(options: new ListOptions { PageSize = 5 }))
            {
                seen.Add(group.Id);
            }
        });

        Assert.Equal(AdminErrorKind.PagingCursorMissing, error.Kind);
        Assert.Equal(expected, seen);
        RecordedCall only = Assert.Single(await GetsToAsync("/organization/groups"));
        Assert.NotNull(only.RequestId);
        Assert.Equal(only.RequestId, error.RequestId);
        Assert.Contains($"(request id {only.RequestId})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_roles_and_assignments_with_has_more_and_no_next_fail_with_PagingCursorMissing()
    {
        using AdminClient client = Sim.NewClient();
        string engineering = await GroupIdAsync("Engineering");
        string user = (await UnpagedIdsAsync("organization/users?limit=1"))[0];
        string[] roles = await UnpagedIdsAsync("organization/roles");
        await client.Users.Roles.AssignAsync(user, roles[2]);
        await client.Users.Roles.AssignAsync(user, roles[3]);
        await RestartLogAsync(new { cursor_missing = true });

        var lists = new Func<IAsyncEnumerable<string>>[]
        {
            () => client.Groups.Users.ListAsync(engineering, options: new ListOptions { PageSize = 10 }).Select(m => m.UserId),
            () => client.Roles.ListAsync(options: new ListOptions { PageSize = 2 }).Select(r => r.Id),
            () => client.Users.Roles.ListAsync(user, options: new ListOptions { PageSize = 1 }).Select(r => r.RoleId),
        };
        foreach (var list in lists)
        {
            var error = await Assert.ThrowsAsync<OpenAIAdminException>(async () => await list().ToListAsync());
            Assert.Equal(AdminErrorKind.PagingCursorMissing, error.Kind);
        }

        // One request per list: nothing looped, nothing was retried with a guessed cursor.
        Assert.Single(await GetsToAsync($"/organization/groups/{engineering}/users"));
        Assert.Single(await GetsToAsync("/organization/roles"));
        Assert.Single(await GetsToAsync($"/organization/users/{user}/roles"));
    }

    [Fact]
    public async Task Costs_with_has_more_and_no_next_page_ask_for_the_rest_by_time_instead_of_failing()
    {
        await RestartLogAsync(new { cursor_missing = true, max_page_buckets = 3 });
        using AdminClient client = Sim.NewClient();
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var days = new List<DateTimeOffset>();
        await foreach (CostsResult result in client.Costs.ListAsync(new CostsQuery { StartTime = start, EndTime = start.AddDays(10) }))
        {
            if (!days.Contains(result.StartTime))
            {
                days.Add(result.StartTime);
            }
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(d => start.AddDays(d)), days);
        // Pages of three days, each next one asked for from where the last ended, never with a guessed token.
        var calls = await GetsToAsync("/organization/costs");
        Assert.Equal(4, calls.Count);
        Assert.All(calls, c => Assert.DoesNotContain("page=", c.Query));
        Assert.Equal(new[] { 0, 3, 6, 9 }.Select(d => "start_time=" + start.AddDays(d).ToUnixTimeSeconds()), calls.Select(c => c.Query!.Split('&').First(p => p.StartsWith("start_time="))));
    }

    /// <summary>The ids of one page read straight over HTTP (with the default behaviour, before a variant is chosen).</summary>
    private async Task<string[]> UnpagedIdsAsync(string pathAndQuery)
    {
        Reply reply = await Api.GetAsync(pathAndQuery);
        reply.Ok();
        return reply.Data.Ids();
    }

    private async Task<string> GroupIdAsync(string name) =>
        (await Api.GetAsync("organization/groups?limit=1000")).Data.EnumerateArray().Single(g => g.Str("name") == name).Str("id");

    /// <summary>Chooses the variant and forgets the requests made so far, keeping the state (reset only clears the behaviour).</summary>
    private async Task RestartLogAsync(object behaviour)
    {
        int before = (await Sim.RequestsAsync()).Count;
        await Sim.SetBehaviourAsync(behaviour);
        _skip = before;
    }

    private int _skip;

    private async Task<List<RecordedCall>> GetsToAsync(string pathSuffix) =>
        (await Sim.RequestsAsync()).Skip(_skip)
            .Where(c => c.Method == "GET" && c.Path.EndsWith(pathSuffix, StringComparison.Ordinal)).ToList();

    /// <summary>The <c>after</c> value of each recorded request to the list since the variant was chosen, in order (null on the first page).</summary>
    private async Task<List<string?>> AftersAsync(string pathSuffix)
    {
        var calls = await GetsToAsync(pathSuffix);
        return calls.Select(c => (c.Query ?? string.Empty).Split('&')
                .Where(p => p.StartsWith("after=", StringComparison.Ordinal))
                .Select(p => Uri.UnescapeDataString(p["after=".Length..]))
                .FirstOrDefault())
            .ToList();
    }
}
