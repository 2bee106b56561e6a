using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenAIAdmin.Resources;
using Xunit;

namespace OpenAIAdmin.Tests.Core;

/// <summary>
/// The client's pager against each list variant the contract allows (chosen with <c>/_sim/behaviour</c>): next-cursor
/// lists whose <c>next</c> is an opaque token or the last id, id-cursor pages with or without <c>first_id</c>/<c>last_id</c>,
/// and <c>has_more</c> without a cursor, which must fail with <c>PagingCursorMissing</c> instead of looping or dropping.
/// </summary>
public sealed class PagerVariantTests : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private readonly SimulatorFixture _sim;

    public PagerVariantTests(SimulatorFixture sim) => _sim = sim;

    public Task InitializeAsync() => _sim.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> NextCursorStyles => new() { "opaque", "last_id" };

    [Theory]
    [MemberData(nameof(NextCursorStyles))]
    public async Task Groups_read_completely_in_either_next_cursor_style(string style)
    {
        await _sim.SetBehaviourAsync(new { next_cursor = style });
        using AdminClient client = _sim.NewClient();
        var groups = await client.Groups.ListAsync(options: new ListOptions { PageSize = 5 }).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"group_{i:0000}"), groups.Select(g => g.Id));

        List<string?> afters = await AftersAsync("/organization/groups");
        Assert.Equal(3, afters.Count);
        Assert.Null(afters[0]);
        if (style == "last_id")
        {
            Assert.Equal(new[] { "group_0005", "group_0010" }, afters.Skip(1));
        }
        else
        {
            Assert.All(afters.Skip(1), a => Assert.DoesNotContain("group_", a));
        }
    }

    [Theory]
    [MemberData(nameof(NextCursorStyles))]
    public async Task Group_members_read_completely_newest_first_in_either_next_cursor_style(string style)
    {
        await _sim.SetBehaviourAsync(new { next_cursor = style });
        using AdminClient client = _sim.NewClient();
        var members = await client.Groups.Users.ListAsync("group_0001", options: new ListOptions { PageSize = 7 }).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 30).Reverse().Select(i => $"user_{i:0000}"), members.Select(m => m.UserId));
        List<string?> afters = await AftersAsync("/organization/groups/group_0001/users");
        Assert.Equal(5, afters.Count);
        if (style == "last_id")
        {
            Assert.Equal(new[] { "user_0024", "user_0017", "user_0010", "user_0003" }, afters.Skip(1));
        }
    }

    [Theory]
    [MemberData(nameof(NextCursorStyles))]
    public async Task Roles_and_role_assignments_read_completely_in_either_next_cursor_style(string style)
    {
        using AdminClient client = _sim.NewClient();
        foreach (string role in new[] { "role_0003", "role_0004", "role_0005" })
        {
            await client.UserRoles.AssignAsync("user_0001", role);
        }

        await _sim.SetBehaviourAsync(new { next_cursor = style });
        var roles = await client.Roles.ListAsync(options: new ListOptions { PageSize = 2 }).ToListAsync();
        Assert.Equal(new[] { "role_0001", "role_0002", "role_0003", "role_0004", "role_0005" }, roles.Select(r => r.Id));
        var held = await client.UserRoles.ListAsync("user_0001", options: new ListOptions { PageSize = 2 }).ToListAsync();
        Assert.Equal(new[] { "role_0003", "role_0004", "role_0005" }, held.Select(r => r.RoleId));
        Assert.Equal(3, (await AftersAsync("/organization/roles")).Count);
        Assert.Equal(2, (await AftersAsync("/organization/users/user_0001/roles")).Count);
    }

    public static TheoryData<string> Bounds => new() { "present", "omitted" };

    [Theory]
    [MemberData(nameof(Bounds))]
    public async Task Id_cursor_lists_read_completely_with_or_without_first_and_last_id(string bounds)
    {
        await _sim.SetBehaviourAsync(new { id_cursor_bounds = bounds });
        using (var api = new OpenAIAdmin.Tests.Simulator.SimApi(_sim))
        {
            // The variant is really in force: pages carry last_id only when bounds are present.
            var probe = await api.GetAsync("organization/users?limit=1");
            Assert.Equal(bounds == "present", probe.Json.TryGetProperty("last_id", out _));
        }

        await _sim.ResetAsync();
        await _sim.SetBehaviourAsync(new { id_cursor_bounds = bounds });
        using AdminClient client = _sim.NewClient();
        var users = await client.Users.ListAsync(options: new ListOptions { PageSize = 40 }).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 250).Select(i => $"user_{i:0000}"), users.Select(u => u.Id));

        // Without last_id the pager continues after the last item's id.
        List<string?> afters = await AftersAsync("/organization/users");
        Assert.Equal(new string?[] { null, "user_0040", "user_0080", "user_0120", "user_0160", "user_0200", "user_0240" }, afters);

        // Certificates: descending by default, and the contract's required bounds come as null in the omitted variant.
        var certificates = await client.Certificates.ListAsync(options: new ListOptions { PageSize = 2 }).ToListAsync();
        Assert.Equal(new[] { "cert_0005", "cert_0004", "cert_0003", "cert_0002", "cert_0001" }, certificates.Select(c => c.Id));
        Assert.Equal(new string?[] { null, "cert_0004", "cert_0002" }, await AftersAsync("/organization/certificates"));

        var projects = await client.Projects.ListAsync(true, new ListOptions { PageSize = 4 }).ToListAsync();
        Assert.Equal(9, projects.Count);
        Assert.Equal(9, projects.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public async Task Next_cursor_list_with_has_more_and_no_next_fails_with_PagingCursorMissing_after_the_first_page()
    {
        await _sim.SetBehaviourAsync(new { cursor_missing = true });
        using AdminClient client = _sim.NewClient();
        var seen = new List<string>();
        var error = await Assert.ThrowsAsync<OpenAIAdminException>(async () =>
        {
            await foreach (Group group in client.Groups.ListAsync(options: new ListOptions { PageSize = 5 }))
            {
                seen.Add(group.Id);
            }
        });

        Assert.Equal(AdminErrorKind.PagingCursorMissing, error.Kind);
        Assert.Equal(new[] { "group_0001", "group_0002", "group_0003", "group_0004", "group_0005" }, seen);
        Assert.Single(await GetsToAsync("/organization/groups"));
    }

    [Fact]
    public async Task Members_roles_and_assignments_with_has_more_and_no_next_fail_with_PagingCursorMissing()
    {
        using AdminClient client = _sim.NewClient();
        await client.UserRoles.AssignAsync("user_0001", "role_0003");
        await client.UserRoles.AssignAsync("user_0001", "role_0004");
        await _sim.SetBehaviourAsync(new { cursor_missing = true });

        var lists = new Func<IAsyncEnumerable<string>>[]
        {
            () => client.Groups.Users.ListAsync("group_0001", options: new ListOptions { PageSize = 10 }).Select(m => m.UserId),
            () => client.Roles.ListAsync(options: new ListOptions { PageSize = 2 }).Select(r => r.Id),
            () => client.UserRoles.ListAsync("user_0001", options: new ListOptions { PageSize = 1 }).Select(r => r.RoleId),
        };
        foreach (var list in lists)
        {
            var error = await Assert.ThrowsAsync<OpenAIAdminException>(async () => await list().ToListAsync());
            Assert.Equal(AdminErrorKind.PagingCursorMissing, error.Kind);
        }

        // One request per list: nothing looped, nothing was retried with a guessed cursor.
        Assert.Single(await GetsToAsync("/organization/groups/group_0001/users"));
        Assert.Single(await GetsToAsync("/organization/roles"));
        Assert.Single(await GetsToAsync("/organization/users/user_0001/roles"));
    }

    [Fact]
    public async Task Costs_with_has_more_and_no_next_page_fail_with_PagingCursorMissing_after_the_first_page()
    {
        await _sim.SetBehaviourAsync(new { cursor_missing = true });
        using AdminClient client = _sim.NewClient();
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var days = new HashSet<DateTimeOffset>();
        var error = await Assert.ThrowsAsync<OpenAIAdminException>(async () =>
        {
            await foreach (CostsResult result in client.Costs.ListAsync(new CostsQuery { StartTime = start, EndTime = start.AddDays(10) }, new ListOptions { PageSize = 3 }))
            {
                days.Add(result.StartTime);
            }
        });

        Assert.Equal(AdminErrorKind.PagingCursorMissing, error.Kind);
        Assert.Equal(3, days.Count);
        Assert.Single(await GetsToAsync("/organization/costs"));
    }

    private async Task<List<RecordedCall>> GetsToAsync(string pathSuffix) =>
        (await _sim.RequestsToAsync(pathSuffix)).Where(c => c.Method == "GET").ToList();

    /// <summary>The <c>after</c> value of each recorded request to the list, in order (null on the first page).</summary>
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
