using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenAIAdmin.Resources;
using Xunit;

namespace OpenAIAdmin.Tests.Core;

/// <summary>The audit log client against the simulator over real sockets: paging, every filter as the API spells it, typed events.</summary>
public sealed class AuditLogsClientTests : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private readonly SimulatorFixture _sim;

    public AuditLogsClientTests(SimulatorFixture sim) => _sim = sim;

    public Task InitializeAsync() => _sim.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void The_module_knows_145_event_types_57_of_the_organization_and_88_tenant_scoped()
    {
        Assert.Equal(145, AuditLogEventTypes.All.Count);
        Assert.Equal(145, AuditLogEventTypes.All.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(57, AuditLogEventTypes.OrganizationScoped.Count);
        Assert.Equal(88, AuditLogEventTypes.TenantScoped.Count);
        Assert.All(AuditLogEventTypes.All, t => Assert.Matches("^[a-z0-9_]+(\\.[a-z0-9_]+)+$", t));
        Assert.True(AuditLogEventTypes.IsTenantScoped("role.bound_to_resource"));
        Assert.True(AuditLogEventTypes.IsTenantScoped("tenant.user.added"));
        Assert.True(AuditLogEventTypes.IsTenantScoped("tenant.some.future_type"));
        Assert.False(AuditLogEventTypes.IsTenantScoped("role.created"));
        Assert.True(AuditLogEventTypes.IsKnown("workload_identity_provider_mapping.deleted"));
        Assert.False(AuditLogEventTypes.IsKnown("Project.Created"));
        Assert.All(AuditLogEventTypes.TenantScoped, t => Assert.True(AuditLogEventTypes.IsTenantScoped(t)));
        Assert.All(AuditLogEventTypes.OrganizationScoped, t => Assert.False(AuditLogEventTypes.IsTenantScoped(t)));
    }

    [Fact]
    public async Task Lists_every_organization_event_once_newest_first_in_pages_of_100()
    {
        using AdminClient client = _sim.NewClient();
        List<AuditLog> events = await client.AuditLogs.ListAsync().ToListAsync();

        Assert.True(events.Count > 600, $"the seed should hold several pages of events, not {events.Count}");
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        for (int i = 1; i < events.Count; i++)
        {
            Assert.True(events[i].EffectiveAt <= events[i - 1].EffectiveAt, "newest first");
        }

        Assert.DoesNotContain(events, e => AuditLogEventTypes.IsTenantScoped(e.Type));
        Assert.Contains(events.GroupBy(e => e.EffectiveAt), g => g.Count() >= 4);
        var calls = await _sim.RequestsToAsync("/organization/audit_logs");
        Assert.Equal((events.Count + 99) / 100, calls.Count);
        Assert.Equal("limit=100", calls[0].Query);
        Assert.Equal("limit=100&after=" + events[99].Id, calls[1].Query);
    }

    [Fact]
    public async Task MaxItems_asks_for_no_more_and_makes_one_request()
    {
        using AdminClient client = _sim.NewClient();
        var three = await client.AuditLogs.ListAsync(options: new ListOptions { MaxItems = 3 }).ToListAsync();
        Assert.Equal(3, three.Count);
        Assert.Equal("limit=3", Assert.Single(await _sim.RequestsToAsync("/organization/audit_logs")).Query);
    }

    [Fact]
    public async Task Every_filter_is_sent_as_the_API_spells_it_and_the_answer_matches_it()
    {
        using AdminClient client = _sim.NewClient();
        List<AuditLog> all = await client.AuditLogs.ListAsync().ToListAsync();
        AuditLog scoped = all.First(e => e.ProjectId != null && e.ActorEmail != null && e.Type == "api_key.created");
        var query = new AuditLogQuery
        {
            StartTime = all[^1].EffectiveAt,
            EndTime = all[0].EffectiveAt.AddSeconds(1),
            EventTypes = new[] { "api_key.created", "api_key.deleted" },
            ProjectIds = new[] { scoped.ProjectId! },
            ActorEmails = new[] { scoped.ActorEmail! },
            ActorIds = new[] { scoped.ActorId! },
            ResourceIds = new[] { (string)((IDictionary<string, object?>)scoped.Details!)["id"]! },
        };

        List<AuditLog> found = await client.AuditLogs.ListAsync(query).ToListAsync();

        Assert.Equal(scoped.Id, Assert.Single(found).Id);
        var call = (await _sim.RequestsToAsync("/organization/audit_logs")).Last();
        Assert.Equal(
            $"effective_at[gte]={all[^1].EffectiveAt.ToUnixTimeSeconds()}&effective_at[lt]={all[0].EffectiveAt.ToUnixTimeSeconds() + 1}"
            + $"&project_ids[]={scoped.ProjectId}&event_types[]=api_key.created&event_types[]=api_key.deleted"
            + $"&actor_ids[]={scoped.ActorId}&actor_emails[]={Uri.EscapeDataString(scoped.ActorEmail!)}&resource_ids[]={query.ResourceIds[0]}&limit=100",
            call.Query);
    }

    [Fact]
    public async Task The_time_range_counts_whole_seconds_start_inclusive_end_exclusive()
    {
        using AdminClient client = _sim.NewClient();
        List<AuditLog> all = await client.AuditLogs.ListAsync().ToListAsync();
        IGrouping<DateTimeOffset, AuditLog> busy = all.GroupBy(e => e.EffectiveAt).First(g => g.Count() >= 3);
        DateTimeOffset second = busy.Key;

        var atSecond = await client.AuditLogs.ListAsync(new AuditLogQuery { StartTime = second, EndTime = second.AddSeconds(1) }).ToListAsync();
        Assert.Equal(busy.Select(e => e.Id).OrderBy(i => i), atSecond.Select(e => e.Id).OrderBy(i => i));

        // Inside a second: the start moves to the next whole second, the end keeps the second it falls in.
        var afterHalf = await client.AuditLogs.ListAsync(new AuditLogQuery { StartTime = second.AddMilliseconds(500), EndTime = second.AddSeconds(1) }).ToListAsync();
        Assert.Empty(afterHalf);
        var beforeHalf = await client.AuditLogs.ListAsync(new AuditLogQuery { StartTime = second, EndTime = second.AddMilliseconds(500) }).ToListAsync();
        Assert.Equal(busy.Count(), beforeHalf.Count);
        var calls = await _sim.RequestsToAsync("/organization/audit_logs");
        long s = second.ToUnixTimeSeconds();
        Assert.StartsWith($"effective_at[gte]={s + 1}&effective_at[lt]={s + 1}&", calls[^2].Query);
        Assert.StartsWith($"effective_at[gte]={s}&effective_at[lt]={s + 1}&", calls[^1].Query);
    }

    [Fact]
    public async Task Tenant_events_come_only_with_tenant_only()
    {
        using AdminClient client = _sim.NewClient();
        var tenant = await client.AuditLogs.ListAsync(new AuditLogQuery { TenantOnly = true }).ToListAsync();
        Assert.NotEmpty(tenant);
        Assert.All(tenant, e => Assert.True(AuditLogEventTypes.IsTenantScoped(e.Type), e.Type));
        Assert.Contains(tenant, e => e.Type == "role.bound_to_resource" && e.Summary.Contains("__conn_"));
        Assert.Equal("tenant_only=true&limit=100", (await _sim.RequestsToAsync("/organization/audit_logs")).Last().Query);

        var error = await Assert.ThrowsAsync<OpenAIAdminApiException>(() =>
            client.AuditLogs.ListAsync(new AuditLogQuery { TenantOnly = true, EventTypes = new[] { "login.failed" } }).ToListAsync().AsTask());
        Assert.Equal(AdminErrorKind.ApiBadRequest, error.Kind);
    }

    [Fact]
    public async Task Events_are_typed_with_actor_project_details_and_a_summary()
    {
        using AdminClient client = _sim.NewClient();
        List<AuditLog> all = await client.AuditLogs.ListAsync().ToListAsync();

        AuditLog created = all.First(e => e.Type == "api_key.created" && e.ActorType == "session");
        var details = Assert.IsAssignableFrom<IDictionary<string, object?>>(created.Details);
        Assert.Equal(new[] { "id", "data" }, details.Keys);
        var data = Assert.IsAssignableFrom<IDictionary<string, object?>>(details["data"]);
        var scopes = Assert.IsType<object?[]>(data["scopes"]);
        Assert.StartsWith((string)details["id"]! + "; scopes: " + string.Join(", ", scopes), created.Summary);
        Assert.Equal(created.Actor!.Session!.User!.Id, created.ActorId);
        Assert.EndsWith("@example.com", created.ActorEmail);
        Assert.StartsWith("203.0.113.", created.IpAddress);
        Assert.Equal(TimeSpan.Zero, created.EffectiveAt.Offset);
        Assert.Equal(created.Id, created.ToString());

        AuditLog byServiceAccount = all.First(e => e.Actor?.ApiKey?.Type == "service_account");
        Assert.StartsWith("svc_acct_", byServiceAccount.ActorId);
        Assert.StartsWith("key_", byServiceAccount.ApiKeyId);
        Assert.Null(byServiceAccount.ActorEmail);

        AuditLog byAdminKey = all.First(e => e.Actor?.ApiKey?.Type == "user");
        Assert.Equal("Default project", byAdminKey.ProjectName);
        Assert.Equal(byAdminKey.Actor!.ApiKey!.User!.Email, byAdminKey.ActorEmail);

        AuditLog login = all.First(e => e.Type == "login.succeeded");
        Assert.Null(login.Details);
        Assert.Equal(string.Empty, login.Summary);

        AuditLog failed = all.First(e => e.Type == "login.failed");
        Assert.Equal("invalid_credentials: Wrong email or password.", failed.Summary);

        AuditLog assignment = all.First(e => e.Type == "role.assignment.created");
        var assigned = (IDictionary<string, object?>)assignment.Details!;
        Assert.Equal($"{assigned["id"]}; {assigned["principal_type"]} {assigned["principal_id"]}; api.organization {assigned["resource_id"]}", assignment.Summary);

        AuditLog withDetails = all.First(e => e.Actor?.Session?.IpAddressDetails != null);
        Assert.Equal("US", ((IDictionary<string, object?>)withDetails.Actor!.Session!.IpAddressDetails!)["country"]);

        AuditLog pem = all.First(e => e.Type == "certificate.deleted");
        Assert.Matches(@"certificate: \(\d+ characters\)$", pem.Summary);
        Assert.DoesNotContain('\n', pem.Summary);
    }

    [Fact]
    public void Summary_reads_any_payload_on_one_line()
    {
        Assert.Equal(string.Empty, AuditLog.Summarize(null));
        var payload = new Dictionary<string, object?>
        {
            ["id"] = "proj_abc",
            ["changes_requested"] = new Dictionary<string, object?> { ["title"] = "New\r\n  title", ["max_requests_per_1_minute"] = 500L, ["enabled"] = true, ["gone"] = null },
            ["certificates"] = new object?[] { new Dictionary<string, object?> { ["id"] = "cert_1", ["name"] = "one" }, new Dictionary<string, object?> { ["id"] = "cert_2" } },
            ["ratio"] = 0.5,
        };
        Assert.Equal("proj_abc; title: New title; max_requests_per_1_minute: 500; enabled: true; certificates: one, cert_2; ratio: 0.5", AuditLog.Summarize(payload));
    }

    [Fact]
    public async Task Repeated_and_overlapping_pages_give_each_event_once()
    {
        using AdminClient client = _sim.NewClient();
        int expected = (await client.AuditLogs.ListAsync().ToListAsync()).Count;
        await _sim.AddFaultAsync(new { kind = "overlap", path = "/v1/organization/audit_logs", count = 3 });

        var events = await client.AuditLogs.ListAsync().ToListAsync();

        Assert.Equal(expected, events.Count);
        Assert.Equal(expected, events.Select(e => e.Id).Distinct().Count());
        Assert.Equal(3, (await _sim.RequestsToAsync("/organization/audit_logs")).Count(c => c.Fault == "overlap"));
    }

    [Fact]
    public async Task A_broken_page_is_an_invalid_response_not_a_crash()
    {
        using AdminClient client = _sim.NewClient(o => o.MaxRetries = 0);
        await _sim.AddFaultAsync(new { kind = "malformed", path = "/v1/organization/audit_logs" });
        var error = await Assert.ThrowsAsync<OpenAIAdminException>(() => client.AuditLogs.ListAsync().ToListAsync().AsTask());
        Assert.Equal(AdminErrorKind.ApiResponseInvalid, error.Kind);
        Assert.Equal("malformed", Assert.Single(await _sim.RequestsToAsync("/organization/audit_logs")).Fault);
    }
}
