using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIAdmin.Tests.Core;
using Xunit;

namespace OpenAIAdmin.Tests.Simulator;

/// <summary>Project users, groups and roles against the inventory (§6.13, §6.14, §6.19–§6.21, paging §3, X4, X15, X16), over raw HTTP.</summary>
public sealed class ProjectPeopleSimulatorTests : SimulatorHttpTests
{
    private const string Prod = "proj_productionchatbotrC4xJHX";
    public ProjectPeopleSimulatorTests(SimulatorFixture sim)
        : base(sim)
    {
    }

    [Theory]
    [InlineData("organization/projects/" + Prod + "/users?limit=0")]
    [InlineData("organization/projects/" + Prod + "/users?limit=101")]
    [InlineData("organization/projects/" + Prod + "/groups?limit=101")]
    [InlineData("projects/" + Prod + "/roles?limit=1001")]
    [InlineData("projects/" + Prod + "/users/user-0002JeNiLqIA6WxFhRLL4olw/roles?limit=1001")]
    public async Task Limits_outside_the_contract_are_400(string path) =>
        (await Api.GetAsync(path)).Error(400);

    [Fact]
    public async Task Each_list_has_its_own_envelope_and_default_page_size()
    {
        JsonElement users = (await Api.GetAsync($"organization/projects/{Prod}/users?limit=2")).Json;
        Assert.True(users.TryGetProperty("last_id", out _));
        Assert.True(users.GetProperty("has_more").GetBoolean());
        Assert.False(users.TryGetProperty("next", out _));

        await Api.PostAsync($"organization/projects/{Prod}/groups", "{\"group_id\":\"group_01JG0002G4HXWT9AVGWCFEE87V\",\"role\":\"role_01JPEEYA7RPP56YM5HEJRY3KYM\"}");
        JsonElement groups = (await Api.GetAsync($"organization/projects/{Prod}/groups?limit=1")).Json;
        Assert.True(groups.GetProperty("has_more").GetBoolean());
        Assert.Equal(JsonValueKind.String, groups.GetProperty("next").ValueKind);
        Assert.False(groups.TryGetProperty("last_id", out _));
        Assert.Equal(new[] { "object", "project_id", "group_id", "group_name", "group_type", "created_at" },
            groups.GetProperty("data")[0].EnumerateObject().Select(p => p.Name));

        JsonElement deleted = (await Api.DeleteAsync($"organization/projects/{Prod}/groups/group_01JG0002G4HXWT9AVGWCFEE87V")).Json;
        Assert.Equal(new[] { "object", "deleted" }, deleted.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Adding_a_user_needs_an_organization_member_and_a_known_role()
    {
        (await Api.PostAsync($"organization/projects/{Prod}/users", "{\"email\":\"stranger@example.com\",\"role\":\"member\"}")).Error(400);
        (await Api.PostAsync($"organization/projects/{Prod}/users", "{\"user_id\":\"user-0040\",\"role\":\"reader\"}")).Error(400);
        (await Api.PostAsync($"organization/projects/{Prod}/users", "{\"role\":\"member\"}")).Error(400);
        Assert.Equal(6, (await Api.GetAsync($"organization/projects/{Prod}/users")).Data.GetArrayLength());
    }
}
