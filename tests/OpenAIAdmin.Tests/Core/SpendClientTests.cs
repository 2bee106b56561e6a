using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using OpenAIAdmin.Simulator.Infrastructure;
using Xunit;

namespace OpenAIAdmin.Tests.Core;

/// <summary>Money conversions of spend limits and alerts, without a server.</summary>
public sealed class SpendAmountTests
{
    [Theory]
    [InlineData("500", 1, 50000)]
    [InlineData("500.00", 1, 50000)]
    [InlineData("1250.5", 1, 125050)]
    [InlineData("0.01", 1, 1)]
    [InlineData("0", 0, 0)]
    [InlineData("92233720368547758.07", 1, long.MaxValue)]
    public void Whole_cents_convert_exactly(string dollars, long minimum, long cents)
    {
        Assert.Equal(SpendAmountProblem.None, SpendAmount.Check(decimal.Parse(dollars, CultureInfo.InvariantCulture), minimum, out long result));
        Assert.Equal(cents, result);
    }

    [Theory]
    [InlineData("500.001", 1, SpendAmountProblem.FractionOfCent)]
    [InlineData("0.005", 0, SpendAmountProblem.FractionOfCent)]
    [InlineData("-0.001", 0, SpendAmountProblem.FractionOfCent)]
    [InlineData("0", 1, SpendAmountProblem.BelowMinimum)]
    [InlineData("-1", 1, SpendAmountProblem.BelowMinimum)]
    [InlineData("-0.01", 0, SpendAmountProblem.BelowMinimum)]
    [InlineData("92233720368547758.08", 1, SpendAmountProblem.TooLarge)]
    [InlineData("79228162514264337593543950335", 1, SpendAmountProblem.TooLarge)]
    public void Amounts_the_API_cannot_take_are_refused_never_rounded(string dollars, long minimum, SpendAmountProblem problem)
    {
        Assert.Equal(problem, SpendAmount.Check(decimal.Parse(dollars, CultureInfo.InvariantCulture), minimum, out long cents));
        Assert.Equal(0, cents);
    }

    [Fact]
    public void Cents_become_dollars_with_two_decimal_places()
    {
        Assert.Equal(123.45m, SpendAmount.ToDollars(12345));
        Assert.Equal("2500.00", SpendAmount.ToDollars(250000).ToString(CultureInfo.InvariantCulture));
        Assert.Equal("0.01", SpendAmount.ToDollars(1).ToString(CultureInfo.InvariantCulture));
        Assert.Equal("1,234.50 USD", SpendAmount.Format(123450));
        Assert.Contains("fraction of a cent", SpendAmount.Describe(SpendAmountProblem.FractionOfCent, 1.001m, 1, "a limit"));
        Assert.Contains("at least 0.01 USD", SpendAmount.Describe(SpendAmountProblem.BelowMinimum, 0m, 1, "a limit"));
        Assert.Contains("negative", SpendAmount.Describe(SpendAmountProblem.BelowMinimum, -1m, 0, "an alert"));
    }

    [Fact]
    public void An_update_merges_into_the_alert_as_it_is()
    {
        var current = new OrganizationSpendAlert
        {
            Id = "alert_x",
            ThresholdAmountCents = 100000,
            Recipients = new List<string> { "a@example.com", "b@example.com" },
            SubjectPrefix = "[x]",
        };

        SpendAlertSettings kept = new SpendAlertUpdate { Amount = 1500m }.ApplyTo(current);
        Assert.Equal(1500m, kept.Amount);
        Assert.Equal(new[] { "a@example.com", "b@example.com" }, kept.Recipients);
        Assert.Equal("[x]", kept.SubjectPrefix);

        SpendAlertSettings changed = new SpendAlertUpdate { AddRecipients = new[] { "c@example.com", "A@example.com" }, RemoveRecipients = new[] { "B@EXAMPLE.COM" }, SubjectPrefix = "" }.ApplyTo(current);
        Assert.Equal(1000m, changed.Amount);
        Assert.Equal(new[] { "a@example.com", "c@example.com" }, changed.Recipients);
        Assert.Null(changed.SubjectPrefix);

        Assert.Equal(new[] { "z@example.com" }, new SpendAlertUpdate { Recipients = new[] { " z@example.com", "Z@example.com" } }.ApplyTo(current).Recipients);
        Assert.True(new SpendAlertUpdate().IsEmpty);
    }

    [Theory]
    [InlineData("ops@example.com", true)]
    [InlineData("first.last+tag@sub.example.co.uk", true)]
    [InlineData("Ops <ops@example.com>", false)]
    [InlineData("ops@", false)]
    [InlineData("ops", false)]
    [InlineData("ops@example.com, b@example.com", false)]
    [InlineData(" ops@example.com", false)]
    [InlineData("", false)]
    public void Recipients_must_be_plain_addresses(string text, bool valid) =>
        Assert.Equal(valid, SpendAlertSettings.IsEmailAddress(text));

    [Fact]
    public void Retention_types_are_per_scope()
    {
        Assert.Equal(4, DataRetentionTypes.Organization.Count);
        Assert.Equal(6, DataRetentionTypes.Project.Count);
        Assert.Equal("zero_data_retention", DataRetentionTypes.Find("Zero_Data_Retention", project: false));
        Assert.Null(DataRetentionTypes.Find("none", project: false));
        Assert.Null(DataRetentionTypes.Find("organization_default", project: false));
        Assert.Equal("none", DataRetentionTypes.Find("NONE", project: true));
    }
}

/// <summary>SpendLimit, SpendAlerts and DataRetention (organization and projects) against the simulator over real sockets.</summary>
public sealed class SpendClientTests : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private static readonly string Production = SeedIds.Project("productionchatbot");
    private static readonly string SupportBot = SeedIds.Project("supportbot");
    private static readonly string Default = SeedIds.Project("default");

    private readonly SimulatorFixture _sim;

    public SpendClientTests(SimulatorFixture sim) => _sim = sim;

    public Task InitializeAsync() => _sim.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Organization_limit_is_null_until_set_then_set_in_cents_and_removed()
    {
        using AdminClient client = _sim.NewClient();
        Assert.Null(await client.SpendLimit.GetAsync());

        OrganizationSpendLimit set = await client.SpendLimit.SetAsync(5000.50m);
        Assert.Equal(500050, set.ThresholdAmountCents);
        Assert.Equal(5000.50m, set.Amount);
        Assert.Equal("USD", set.Currency);
        Assert.Equal("month", set.Interval);
        Assert.Equal("inactive", set.EnforcementStatus);
        Assert.Equal("organization.spend_limit", set.Object);
        Assert.Equal("""{"threshold_amount":500050,"currency":"USD","interval":"month"}""", (await _sim.RequestsToAsync("/organization/spend_limit")).Single(c => c.Method == "POST").Body);

        OrganizationSpendLimit read = (await client.SpendLimit.GetAsync())!;
        Assert.Equal("5000.50", read.Amount.ToString(CultureInfo.InvariantCulture));

        DeletedObject deleted = await client.SpendLimit.DeleteAsync();
        Assert.True(deleted.Deleted);
        Assert.Equal("organization.spend_limit.deleted", deleted.Object);
        Assert.Null(deleted.Id);
        Assert.Null(await client.SpendLimit.GetAsync());
        OpenAIAdminException none = await Assert.ThrowsAnyAsync<OpenAIAdminException>(() => client.SpendLimit.DeleteAsync());
        Assert.Equal(AdminErrorKind.ApiNotFound, none.Kind);
    }

    [Fact]
    public async Task Project_limits_tell_no_limit_from_no_project()
    {
        using AdminClient client = _sim.NewClient();
        ProjectSpendLimit production = (await client.Projects.SpendLimit.GetAsync(Production))!;
        Assert.Equal(Production, production.ProjectId);
        Assert.Equal(500m, production.Amount);
        Assert.Equal("enforcing", (await client.Projects.SpendLimit.GetAsync(SupportBot))!.EnforcementStatus);

        Assert.Null(await client.Projects.SpendLimit.GetAsync(Default));
        OpenAIAdminException missing = await Assert.ThrowsAnyAsync<OpenAIAdminException>(() => client.Projects.SpendLimit.GetAsync("proj_missing"));
        Assert.Equal(AdminErrorKind.ApiNotFound, missing.Kind);
        Assert.Contains("No project found", missing.Message);
        // The 404 of the limit, then the project lookup that tells the two apart.
        var calls = (await _sim.RequestsAsync()).Where(c => c.Path.Contains("proj_missing")).Select(c => c.Method + " " + c.Path).ToList();
        Assert.Equal(new[] { "GET /v1/organization/projects/proj_missing/spend_limit", "GET /v1/organization/projects/proj_missing" }, calls);

        ProjectSpendLimit raised = await client.Projects.SpendLimit.SetAsync(SupportBot, 80m);
        Assert.Equal(8000, raised.ThresholdAmountCents);
        Assert.Equal("inactive", raised.EnforcementStatus);
        Assert.Equal(SupportBot, raised.ProjectId);
        DeletedObject deleted = await client.Projects.SpendLimit.DeleteAsync(SupportBot);
        Assert.Equal(SupportBot, deleted.Id);
        Assert.Null(await client.Projects.SpendLimit.GetAsync(SupportBot));
    }

    [Fact]
    public async Task Amounts_with_a_fraction_of_a_cent_are_refused_before_any_request()
    {
        using AdminClient client = _sim.NewClient();
        foreach (System.Func<Task> call in new System.Func<Task>[]
        {
            () => client.SpendLimit.SetAsync(500.001m),
            () => client.SpendLimit.SetAsync(0m),
            () => client.Projects.SpendLimit.SetAsync(Production, -1m),
            () => client.SpendAlerts.CreateAsync(new SpendAlertSettings { Amount = 0.005m, Recipients = { "a@example.com" } }),
            () => client.SpendAlerts.CreateAsync(new SpendAlertSettings { Amount = -0.01m, Recipients = { "a@example.com" } }),
            () => client.SpendAlerts.CreateAsync(new SpendAlertSettings { Amount = 1m }),
            () => client.Projects.SpendAlerts.UpdateAsync(Production, SeedIds.SpendAlert(3), new SpendAlertSettings { Amount = 1m, Recipients = { "Ops <ops@example.com>" } }),
            () => client.DataRetention.SetAsync("none"),
            () => client.Projects.DataRetention.SetAsync(Production, "forever"),
        })
        {
            OpenAIAdminException refused = await Assert.ThrowsAnyAsync<OpenAIAdminException>(call);
            Assert.Equal(AdminErrorKind.InvalidArgument, refused.Kind);
        }

        Assert.Empty(await _sim.RequestsAsync());
    }

    [Fact]
    public async Task Organization_alerts_page_and_round_trip()
    {
        using AdminClient client = _sim.NewClient();
        List<OrganizationSpendAlert> alerts = await ToListAsync(client.SpendAlerts.ListAsync(options: new ListOptions { PageSize = 1 }));
        Assert.Equal(new[] { SeedIds.SpendAlert(1), SeedIds.SpendAlert(2) }, alerts.Select(a => a.Id));
        Assert.Equal(2, (await _sim.RequestsToAsync("/organization/spend_alerts")).Count);
        Assert.Equal(1000m, alerts[0].Amount);
        Assert.Equal(100000, alerts[0].ThresholdAmountCents);
        Assert.Equal("email", alerts[0].NotificationType);
        Assert.Equal("[OpenAI spend]", alerts[0].SubjectPrefix);
        Assert.Equal(new[] { "finance@example.com", "cfo@example.com" }, alerts[1].Recipients);
        Assert.Null(alerts[1].SubjectPrefix);
        Assert.Equal(new[] { SeedIds.SpendAlert(2), SeedIds.SpendAlert(1) }, (await ToListAsync(client.SpendAlerts.ListAsync("desc"))).Select(a => a.Id));

        OrganizationSpendAlert created = await client.SpendAlerts.CreateAsync(new SpendAlertSettings
        {
            Amount = 99.95m,
            Recipients = { "a@example.com", " A@example.com ", "b@example.com" },
            SubjectPrefix = "[Budget]",
        });
        Assert.Equal(9995, created.ThresholdAmountCents);
        Assert.Equal("""{"threshold_amount":9995,"currency":"USD","interval":"month","notification_channel":{"type":"email","recipients":["a@example.com","b@example.com"],"subject_prefix":"[Budget]"}}""",
            (await _sim.RequestsToAsync("/organization/spend_alerts")).Single(c => c.Method == "POST").Body);

        SpendAlertSettings merged = new SpendAlertUpdate { RemoveRecipients = new[] { "a@example.com" }, SubjectPrefix = "" }.ApplyTo(await client.SpendAlerts.GetAsync(created.Id));
        OrganizationSpendAlert updated = await client.SpendAlerts.UpdateAsync(created.Id, merged);
        Assert.Equal(new[] { "b@example.com" }, updated.Recipients);
        Assert.Equal(99.95m, updated.Amount);
        Assert.Null(updated.SubjectPrefix);
        Assert.Equal("""{"threshold_amount":9995,"currency":"USD","interval":"month","notification_channel":{"type":"email","recipients":["b@example.com"]}}""",
            (await _sim.RequestsToAsync("/organization/spend_alerts/" + created.Id)).Single(c => c.Method == "POST").Body);

        DeletedObject deleted = await client.SpendAlerts.DeleteAsync(created.Id);
        Assert.Equal(created.Id, deleted.Id);
        Assert.Equal("organization.spend_alert.deleted", deleted.Object);
        OpenAIAdminException gone = await Assert.ThrowsAnyAsync<OpenAIAdminException>(() => client.SpendAlerts.GetAsync(created.Id));
        Assert.Equal(AdminErrorKind.ApiNotFound, gone.Kind);
    }

    [Fact]
    public async Task Project_alerts_carry_their_project_and_stay_in_it()
    {
        using AdminClient client = _sim.NewClient();
        List<ProjectSpendAlert> alerts = await ToListAsync(client.Projects.SpendAlerts.ListAsync(Production));
        Assert.Equal(new[] { SeedIds.SpendAlert(3), SeedIds.SpendAlert(4) }, alerts.Select(a => a.Id));
        Assert.All(alerts, a => Assert.Equal(Production, a.ProjectId));
        Assert.All(alerts, a => Assert.Equal("project.spend_alert", a.Object));

        ProjectSpendAlert created = await client.Projects.SpendAlerts.CreateAsync(SupportBot, new SpendAlertSettings { Amount = 0m, Recipients = { "lead@example.com" } });
        Assert.Equal(SupportBot, created.ProjectId);
        Assert.Equal(0m, created.Amount);
        Assert.Equal(SupportBot, (await client.Projects.SpendAlerts.GetAsync(SupportBot, created.Id)).ProjectId);
        OpenAIAdminException elsewhere = await Assert.ThrowsAnyAsync<OpenAIAdminException>(() => client.Projects.SpendAlerts.GetAsync(Production, created.Id));
        Assert.Equal(AdminErrorKind.ApiNotFound, elsewhere.Kind);

        ProjectSpendAlert updated = await client.Projects.SpendAlerts.UpdateAsync(SupportBot, created.Id, new SpendAlertUpdate { Amount = 12.34m }.ApplyTo(created));
        Assert.Equal(1234, updated.ThresholdAmountCents);
        Assert.Equal(new[] { "lead@example.com" }, updated.Recipients);
        Assert.Equal(created.Id, (await client.Projects.SpendAlerts.DeleteAsync(SupportBot, created.Id)).Id);
    }

    [Fact]
    public async Task A_server_error_on_an_alert_list_is_retried_and_the_fault_really_happened()
    {
        using AdminClient client = _sim.NewClient();
        await _sim.AddFaultAsync(new { kind = "status", status = 503, method = "GET", path = "/v1/organization/spend_alerts", count = 1 });
        List<OrganizationSpendAlert> alerts = await ToListAsync(client.SpendAlerts.ListAsync());
        Assert.Equal(2, alerts.Count);
        var calls = await _sim.RequestsToAsync("/organization/spend_alerts");
        Assert.Equal(new[] { 503, 200 }, calls.Select(c => c.Status));
        Assert.Equal("status", calls[0].Fault);
    }

    [Fact]
    public async Task Data_retention_per_scope()
    {
        using AdminClient client = _sim.NewClient();
        OrganizationDataRetention organization = await client.DataRetention.GetAsync();
        Assert.Equal("modified_abuse_monitoring", organization.RetentionType);
        Assert.Equal("organization.data_retention", organization.Object);
        Assert.Equal("zero_data_retention", (await client.DataRetention.SetAsync("ZERO_DATA_RETENTION")).RetentionType);
        Assert.Equal("""{"retention_type":"zero_data_retention"}""", (await _sim.RequestsToAsync("/organization/data_retention")).Single(c => c.Method == "POST").Body);

        ProjectDataRetention project = await client.Projects.DataRetention.GetAsync(Production);
        Assert.Equal("organization_default", project.RetentionType);
        Assert.Equal(Production, project.ProjectId);
        ProjectDataRetention none = await client.Projects.DataRetention.SetAsync(Production, "none");
        Assert.Equal("none", none.RetentionType);
        Assert.Equal("project.data_retention", none.Object);
        Assert.Equal("none", (await client.Projects.DataRetention.GetAsync(Production)).RetentionType);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
