using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIAdmin.Simulator.Infrastructure;
using OpenAIAdmin.Tests.Core;
using Xunit;

namespace OpenAIAdmin.Tests.Simulator;

/// <summary>Hard spend limits, spend alerts and data retention against the inventory (§2.1, §6.24–§6.29, X4, X8, X9), over raw HTTP.</summary>
public sealed class SpendSimulatorTests : SimulatorHttpTests
{
    private const string Prod = "proj_productionchatbotrC4xJHX";
    private const string SupportBot = "proj_supportbottE5emakLryq7y4";
    private const string Legacy = "proj_legacychatbot7NcaNCoPQMu";
    private const string Alert = """{"threshold_amount":1000,"currency":"USD","interval":"month","notification_channel":{"type":"email","recipients":["ops@example.com"]}}""";

    public SpendSimulatorTests(SimulatorFixture sim)
        : base(sim)
    {
    }

    [Fact]
    public async Task A_scope_without_a_limit_answers_404_until_one_is_set()
    {
        JsonElement none = (await Api.GetAsync("organization/spend_limit")).Error(404);
        Assert.Contains("organization", none.Str("message"));
        (await Api.DeleteAsync("organization/spend_limit")).Error(404);

        Reply set = await Api.PostAsync("organization/spend_limit", """{"threshold_amount":500050,"currency":"USD","interval":"month"}""");
        set.Ok();
        Assert.Equal(new[] { "object", "threshold_amount", "currency", "interval", "enforcement" }, set.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("organization.spend_limit", set.Json.Str("object"));
        Assert.Equal(500050, set.Json.GetProperty("threshold_amount").GetInt64());
        Assert.Equal("inactive", set.Json.GetProperty("enforcement").Str("status"));

        // Below the organization's month-to-date spend (3,456.78): enforcing.
        Reply lower = await Api.PostAsync("organization/spend_limit", """{"threshold_amount":100000,"currency":"USD","interval":"month"}""");
        Assert.Equal("enforcing", lower.Json.GetProperty("enforcement").Str("status"));
        Assert.Equal(100000, (await Api.GetAsync("organization/spend_limit")).Json.GetProperty("threshold_amount").GetInt64());

        Reply deleted = await Api.DeleteAsync("organization/spend_limit");
        Assert.Equal("""{"object":"organization.spend_limit.deleted","deleted":true}""", deleted.Text);
        (await Api.GetAsync("organization/spend_limit")).Error(404);
    }

    [Fact]
    public async Task Project_limits_are_seeded_per_project_and_refused_on_archived_projects()
    {
        Reply production = await Api.GetAsync($"organization/projects/{Prod}/spend_limit");
        Assert.Equal("project.spend_limit", production.Json.Str("object"));
        Assert.Equal(50000, production.Json.GetProperty("threshold_amount").GetInt64());
        Assert.Equal("enforcing", (await Api.GetAsync($"organization/projects/{SupportBot}/spend_limit")).Json.GetProperty("enforcement").Str("status"));
        (await Api.GetAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU/spend_limit")).Error(404);
        Assert.Contains("No project found", (await Api.GetAsync("organization/projects/proj_missing/spend_limit")).Error(404).Str("message"));
        Assert.Equal("project_archived", (await Api.PostAsync($"organization/projects/{Legacy}/spend_limit", """{"threshold_amount":1,"currency":"USD","interval":"month"}""")).Error(400).Str("code"));
        Assert.Equal("""{"object":"project.spend_limit.deleted","deleted":true}""", (await Api.DeleteAsync($"organization/projects/{Prod}/spend_limit")).Text);
    }

    [Theory]
    [InlineData("""{"threshold_amount":0,"currency":"USD","interval":"month"}""", "threshold_amount")]
    [InlineData("""{"threshold_amount":-5,"currency":"USD","interval":"month"}""", "threshold_amount")]
    [InlineData("""{"threshold_amount":10.5,"currency":"USD","interval":"month"}""", "threshold_amount")]
    [InlineData("""{"currency":"USD","interval":"month"}""", "threshold_amount")]
    [InlineData("""{"threshold_amount":100,"currency":"EUR","interval":"month"}""", "currency")]
    [InlineData("""{"threshold_amount":100,"currency":"usd","interval":"month"}""", "currency")]
    [InlineData("""{"threshold_amount":100,"currency":"USD","interval":"year"}""", "interval")]
    [InlineData("""{"threshold_amount":100,"currency":"USD"}""", "interval")]
    [InlineData("""{"threshold_amount":100,"currency":"USD","interval":"month","enforce":true}""", "enforce")]
    public async Task Limit_bodies_outside_the_contract_are_400_naming_the_field(string body, string param)
    {
        (await Api.PostAsync("organization/spend_limit", body)).BadRequest(param);
        (await Api.PostAsync($"organization/projects/{Prod}/spend_limit", body)).BadRequest(param);
        Assert.Equal(50000, (await Api.GetAsync($"organization/projects/{Prod}/spend_limit")).Json.GetProperty("threshold_amount").GetInt64());
    }

    [Fact]
    public async Task Alert_lists_page_by_id_with_the_bounds_the_contract_requires()
    {
        Reply all = await Api.GetAsync("organization/spend_alerts");
        Assert.Equal(new[] { SeedIds.SpendAlert(1), SeedIds.SpendAlert(2) }, all.Data.Ids());
        Assert.Equal(new[] { "id", "object", "threshold_amount", "currency", "interval", "notification_channel" }, all.Data[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("organization.spend_alert", all.Data[0].Str("object"));
        Assert.Equal("[OpenAI spend]", all.Data[0].GetProperty("notification_channel").Str("subject_prefix"));
        Assert.Equal(JsonValueKind.Null, all.Data[1].GetProperty("notification_channel").GetProperty("subject_prefix").ValueKind);

        Reply first = await Api.GetAsync("organization/spend_alerts?limit=1");
        Assert.True(first.Json.GetProperty("has_more").GetBoolean());
        Assert.Equal(SeedIds.SpendAlert(1), first.Json.Str("last_id"));
        Reply second = await Api.GetAsync($"organization/spend_alerts?limit=1&after={SeedIds.SpendAlert(1)}");
        Assert.False(second.Json.GetProperty("has_more").GetBoolean());
        Assert.Equal(SeedIds.SpendAlert(2), second.Json.Str("first_id"));
        Assert.Equal(new[] { SeedIds.SpendAlert(2), SeedIds.SpendAlert(1) }, (await Api.GetAsync("organization/spend_alerts?order=desc")).Data.Ids());
        Assert.Empty((await Api.GetAsync("organization/spend_alerts?limit=0")).Data.EnumerateArray());
        (await Api.GetAsync("organization/spend_alerts?limit=101")).BadRequest("limit");

        Reply project = await Api.GetAsync($"organization/projects/{Prod}/spend_alerts");
        Assert.Equal(new[] { SeedIds.SpendAlert(3), SeedIds.SpendAlert(4) }, project.Data.Ids());
        Assert.All(project.Data.EnumerateArray(), a => Assert.Equal("project.spend_alert", a.Str("object")));
        Reply empty = await Api.GetAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU/spend_alerts");
        Assert.Equal(JsonValueKind.Null, empty.Json.GetProperty("first_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, empty.Json.GetProperty("last_id").ValueKind);
    }

    [Fact]
    public async Task Alerts_are_created_updated_and_deleted_in_their_own_scope()
    {
        Reply created = await Api.PostAsync($"organization/projects/{Prod}/spend_alerts", Alert);
        created.Ok();
        string id = created.Json.Str("id");
        Assert.True(IdShape.SpendAlert.Matches(id), id);
        Assert.Equal("project.spend_alert", created.Json.Str("object"));

        // An alert of a project is not found in the organization or in another project.
        (await Api.GetAsync($"organization/spend_alerts/{id}")).Error(404);
        (await Api.GetAsync($"organization/projects/{SupportBot}/spend_alerts/{id}")).Error(404);

        Reply updated = await Api.PostAsync($"organization/projects/{Prod}/spend_alerts/{id}",
            """{"threshold_amount":0,"currency":"USD","interval":"month","notification_channel":{"type":"email","recipients":["a@example.com","b@example.com"],"subject_prefix":"[prod]"}}""");
        updated.Ok();
        Assert.Equal(0, updated.Json.GetProperty("threshold_amount").GetInt64());
        Assert.Equal("[prod]", (await Api.GetAsync($"organization/projects/{Prod}/spend_alerts/{id}")).Json.GetProperty("notification_channel").Str("subject_prefix"));

        // The update body is the create body: every field is required.
        (await Api.PostAsync($"organization/projects/{Prod}/spend_alerts/{id}", """{"threshold_amount":5}""")).BadRequest("currency");

        Reply deleted = await Api.DeleteAsync($"organization/projects/{Prod}/spend_alerts/{id}");
        Assert.Equal($$"""{"id":"{{id}}","object":"project.spend_alert.deleted","deleted":true}""", deleted.Text);
        (await Api.DeleteAsync($"organization/projects/{Prod}/spend_alerts/{id}")).Error(404);
        Assert.Equal("project_archived", (await Api.PostAsync($"organization/projects/{Legacy}/spend_alerts", Alert)).Error(400).Str("code"));
        (await Api.PostAsync("organization/projects/proj_missing/spend_alerts", Alert)).Error(404);
    }

    [Theory]
    [InlineData("""{"threshold_amount":-1,"currency":"USD","interval":"month","notification_channel":{"type":"email","recipients":["a@example.com"]}}""", "threshold_amount")]
    [InlineData("""{"threshold_amount":1,"currency":"GBP","interval":"month","notification_channel":{"type":"email","recipients":["a@example.com"]}}""", "currency")]
    [InlineData("""{"threshold_amount":1,"currency":"USD","interval":"week","notification_channel":{"type":"email","recipients":["a@example.com"]}}""", "interval")]
    [InlineData("""{"threshold_amount":1,"currency":"USD","interval":"month"}""", "notification_channel")]
    [InlineData("""{"threshold_amount":1,"currency":"USD","interval":"month","notification_channel":{"type":"slack","recipients":["a@example.com"]}}""", "notification_channel.type")]
    [InlineData("""{"threshold_amount":1,"currency":"USD","interval":"month","notification_channel":{"type":"email"}}""", "notification_channel.recipients")]
    [InlineData("""{"threshold_amount":1,"currency":"USD","interval":"month","notification_channel":{"type":"email","recipients":["not an address"]}}""", "notification_channel.recipients")]
    [InlineData("""{"threshold_amount":1,"currency":"USD","interval":"month","notification_channel":{"type":"email","recipients":["a@example.com"],"cc":[]}}""", "notification_channel.cc")]
    public async Task Alert_bodies_outside_the_contract_are_400_naming_the_field(string body, string param)
    {
        (await Api.PostAsync("organization/spend_alerts", body)).BadRequest(param);
        (await Api.PostAsync($"organization/spend_alerts/{SeedIds.SpendAlert(1)}", body)).BadRequest(param);
        Assert.Equal(2, (await Api.GetAsync("organization/spend_alerts")).Data.GetArrayLength());
    }

    [Fact]
    public async Task Data_retention_has_four_organization_types_and_six_project_types()
    {
        Assert.Equal("""{"object":"organization.data_retention","type":"modified_abuse_monitoring"}""", (await Api.GetAsync("organization/data_retention")).Text);
        Assert.Equal("""{"object":"project.data_retention","type":"organization_default"}""", (await Api.GetAsync($"organization/projects/{Prod}/data_retention")).Text);
        Assert.Equal("zero_data_retention", (await Api.GetAsync("organization/projects/proj_datascienceZ7xkBKUkwT43I/data_retention")).Json.Str("type"));

        (await Api.PostAsync("organization/data_retention", """{"retention_type":"none"}""")).BadRequest("retention_type");
        (await Api.PostAsync("organization/data_retention", """{"retention_type":"organization_default"}""")).BadRequest("retention_type");
        (await Api.PostAsync("organization/data_retention", """{"type":"zero_data_retention"}""")).BadRequest("type");
        (await Api.PostAsync("organization/data_retention", "{}")).BadRequest("retention_type");
        Assert.Equal("enhanced_zero_data_retention", (await Api.PostAsync("organization/data_retention", """{"retention_type":"enhanced_zero_data_retention"}""")).Json.Str("type"));

        Assert.Equal("none", (await Api.PostAsync($"organization/projects/{Prod}/data_retention", """{"retention_type":"none"}""")).Json.Str("type"));
        Assert.Equal("none", (await Api.GetAsync($"organization/projects/{Prod}/data_retention")).Json.Str("type"));
        (await Api.PostAsync($"organization/projects/{Prod}/data_retention", """{"retention_type":"forever"}""")).BadRequest("retention_type");
        Assert.Equal("project_archived", (await Api.PostAsync($"organization/projects/{Legacy}/data_retention", """{"retention_type":"none"}""")).Error(400).Str("code"));
        (await Api.GetAsync("organization/projects/proj_missing/data_retention")).Error(404);
    }
}
