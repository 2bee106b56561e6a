using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIAdmin.Simulator.Infrastructure;
using OpenAIAdmin.Tests.Core;
using Xunit;

namespace OpenAIAdmin.Tests.Simulator;

/// <summary>Roles and user/group role assignments against the inventory (§6.7, §6.10, §6.11, X1, X2, X4), over raw HTTP.</summary>
public sealed class RolesSimulatorTests : SimulatorHttpTests
{
    public RolesSimulatorTests(SimulatorFixture sim)
        : base(sim)
    {
    }

    [Fact]
    public async Task Role_list_is_a_next_cursor_envelope_with_the_seeded_roles()
    {
        JsonElement page = await Ok(Api.GetAsync("organization/roles"));
        Assert.Equal("list", page.Str("object"));
        Assert.False(page.GetProperty("has_more").GetBoolean());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        JsonElement[] roles = page.GetProperty("data").EnumerateArray().ToArray();
        Assert.Equal(new[] { "Owner", "Reader", "Billing reader", "Security auditor", "Project creator" }, roles.Select(r => r.Str("name")));
        Assert.All(roles, r => Assert.Equal("role", r.Str("object")));
        Assert.Equal(new[] { true, true, false, false, false }, roles.Select(r => r.GetProperty("predefined_role").GetBoolean()));
        Assert.Equal("api.organization", roles[2].Str("resource_type"));
    }

    [Fact]
    public async Task Role_list_pages_with_an_opaque_next_and_rejects_a_raw_id_as_cursor()
    {
        JsonElement first = await Ok(Api.GetAsync("organization/roles?limit=2"));
        Assert.True(first.GetProperty("has_more").GetBoolean());
        string next = first.Str("next");
        Assert.NotEqual("role_01JR0002PSFWEXD4YP85XYRX2F", next);
        Assert.Equal(new[] { "role_01JR00039WRYDRWASJNY9WK5YG", "role_01JR0004BVXEKF1SKEW82NV711" }, (await Ok(Api.GetAsync("organization/roles?limit=2&after=" + next))).GetProperty("data").Ids());
        Assert.Equal(new[] { "role_01JR0005QDZ33W45MC1BQTQHRQ" }, (await Ok(Api.GetAsync("organization/roles?order=desc&limit=1"))).GetProperty("data").Ids());

        Assert.Equal("invalid_cursor", (await Api.GetAsync("organization/roles?after=role_01JR0002PSFWEXD4YP85XYRX2F")).BadRequest("after").Str("code"));
        (await Api.GetAsync("organization/roles?limit=1001")).BadRequest("limit");
    }

    [Fact]
    public async Task Create_update_and_delete_a_custom_role()
    {
        JsonElement created = await Ok(Api.PostAsync("organization/roles",
            """{"role_name":"Group manager","permissions":["api.groups.read","api.groups.write","api.groups.read"],"description":"Manages groups"}"""));
        string id = created.Str("id");
        Assert.True(IdShape.Role.Matches(id), id);
        Assert.Equal(new[] { "api.groups.read", "api.groups.write" }, created.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.False(created.GetProperty("predefined_role").GetBoolean());

        JsonElement updated = await Ok(Api.PostAsync("organization/roles/" + id, """{"role_name":"Group admin","description":""}"""));
        Assert.Equal("Group admin", updated.Str("name"));
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("description").ValueKind);
        Assert.Equal(2, updated.GetProperty("permissions").GetArrayLength());
        Assert.Equal("Group admin", (await Ok(Api.GetAsync("organization/roles/" + id))).Str("name"));

        JsonElement deleted = await Ok(Api.DeleteAsync("organization/roles/" + id));
        Assert.Equal("role.deleted", deleted.Str("object"));
        Assert.Equal(id, deleted.Str("id"));
        Assert.True(deleted.GetProperty("deleted").GetBoolean());
        (await Api.GetAsync("organization/roles/" + id)).Error(404);
    }

    [Fact]
    public async Task Refuses_duplicate_names_bad_permissions_unknown_fields_and_changes_to_predefined_roles()
    {
        Assert.Equal("role_name_taken", (await Api.PostAsync("organization/roles", """{"role_name":"billing READER","permissions":["api.groups.read"]}""")).BadRequest("role_name").Str("code"));
        Assert.Equal("invalid_value", (await Api.PostAsync("organization/roles", """{"role_name":"X","permissions":["read everything"]}""")).BadRequest("permissions").Str("code"));
        (await Api.PostAsync("organization/roles", """{"role_name":"X"}""")).BadRequest("permissions");
        (await Api.PostAsync("organization/roles", """{"name":"X","permissions":["api.groups.read"]}""")).BadRequest("name");
        Assert.Equal("predefined_role", (await Api.PostAsync("organization/roles/role_01JR0001EAYCQ1FRPJE6X0E5QA", """{"role_name":"Boss"}""")).BadRequest("role_id").Str("code"));
        Assert.Equal("predefined_role", (await Api.DeleteAsync("organization/roles/role_01JR0002PSFWEXD4YP85XYRX2F")).BadRequest("role_id").Str("code"));
        Assert.Equal(5, (await Ok(Api.GetAsync("organization/roles"))).GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task User_assignments_are_stateful_and_use_the_inventory_shapes()
    {
        JsonElement entry = Assert.Single((await Ok(Api.GetAsync("organization/users/user-0002JeNiLqIA6WxFhRLL4olw/roles"))).GetProperty("data").EnumerateArray());
        Assert.False(entry.TryGetProperty("object", out _));
        Assert.Equal("role_01JR00039WRYDRWASJNY9WK5YG", entry.Str("id"));
        Assert.Equal("user-0002JeNiLqIA6WxFhRLL4olw", entry.GetProperty("assignment_sources")[0].Str("principal_id"));
        Assert.Equal("user-0001dFOBZZvO66McY18E82hx", entry.Str("created_by"));

        JsonElement assigned = await Ok(Api.PostAsync("organization/users/user-0002JeNiLqIA6WxFhRLL4olw/roles", """{"role_id":"role_01JR0004BVXEKF1SKEW82NV711"}"""));
        Assert.Equal("user.role", assigned.Str("object"));
        Assert.Equal("organization.user", assigned.GetProperty("user").Str("object"));
        Assert.Equal("user-0002JeNiLqIA6WxFhRLL4olw", assigned.GetProperty("user").Str("id"));
        Assert.Equal("role", assigned.GetProperty("role").Str("object"));
        Assert.Equal(new[] { "role_01JR00039WRYDRWASJNY9WK5YG", "role_01JR0004BVXEKF1SKEW82NV711" }, (await Ok(Api.GetAsync("organization/users/user-0002JeNiLqIA6WxFhRLL4olw/roles"))).GetProperty("data").Ids());
        Assert.Equal("role_01JR0004BVXEKF1SKEW82NV711", (await Ok(Api.GetAsync("organization/users/user-0002JeNiLqIA6WxFhRLL4olw/roles/role_01JR0004BVXEKF1SKEW82NV711"))).Str("id"));

        Assert.Equal("role_already_assigned", (await Api.PostAsync("organization/users/user-0002JeNiLqIA6WxFhRLL4olw/roles", """{"role_id":"role_01JR0004BVXEKF1SKEW82NV711"}""")).BadRequest("role_id").Str("code"));
        (await Api.PostAsync("organization/users/user-0002JeNiLqIA6WxFhRLL4olw/roles", """{"role_id":"role_missing"}""")).Error(404);
        (await Api.PostAsync("organization/users/user_missing/roles", """{"role_id":"role_01JR0004BVXEKF1SKEW82NV711"}""")).Error(404);
        (await Api.PostAsync("organization/users/user-0002JeNiLqIA6WxFhRLL4olw/roles", "{}")).BadRequest("role_id");

        JsonElement deleted = await Ok(Api.DeleteAsync("organization/users/user-0002JeNiLqIA6WxFhRLL4olw/roles/role_01JR0004BVXEKF1SKEW82NV711"));
        Assert.Equal("user.role.deleted", deleted.Str("object"));
        Assert.True(deleted.GetProperty("deleted").GetBoolean());
        Assert.False(deleted.TryGetProperty("id", out _));
        (await Api.GetAsync("organization/users/user-0002JeNiLqIA6WxFhRLL4olw/roles/role_01JR0004BVXEKF1SKEW82NV711")).Error(404);
        (await Api.DeleteAsync("organization/users/user-0002JeNiLqIA6WxFhRLL4olw/roles/role_01JR0004BVXEKF1SKEW82NV711")).Error(404);
        Assert.Empty((await Ok(Api.GetAsync("organization/users/user-0003S96RP8civznnHCEbos4T/roles"))).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Group_assignment_embeds_the_role_assignment_group_shape()
    {
        Assert.Equal(new[] { "role_01JR00039WRYDRWASJNY9WK5YG" }, (await Ok(Api.GetAsync("organization/groups/group_01JG00039R95E99VB9Z3F7ZPY9/roles"))).GetProperty("data").Ids());
        JsonElement assigned = await Ok(Api.PostAsync("organization/groups/group_01JG000577GCF98PY016Z1J7D9/roles", """{"role_id":"role_01JR0004BVXEKF1SKEW82NV711"}"""));
        Assert.Equal("group.role", assigned.Str("object"));
        JsonElement group = assigned.GetProperty("group");
        Assert.Equal("group", group.Str("object"));
        Assert.True(group.GetProperty("scim_managed").GetBoolean());
        Assert.False(group.TryGetProperty("is_scim_managed", out _));
        Assert.False(group.TryGetProperty("group_type", out _));
        Assert.Equal("group.role.deleted", (await Ok(Api.DeleteAsync("organization/groups/group_01JG000577GCF98PY016Z1J7D9/roles/role_01JR0004BVXEKF1SKEW82NV711"))).Str("object"));
        (await Api.GetAsync("organization/groups/group_missing/roles")).Error(404);
    }

    [Fact]
    public async Task Assignment_lists_page_with_opaque_cursors_scoped_to_the_principal()
    {
        foreach (string role in new[] { "role_01JR0001EAYCQ1FRPJE6X0E5QA", "role_01JR0002PSFWEXD4YP85XYRX2F", "role_01JR0004BVXEKF1SKEW82NV711" })
        {
            await Ok(Api.PostAsync("organization/users/user-0002JeNiLqIA6WxFhRLL4olw/roles", $$"""{"role_id":"{{role}}"}"""));
        }

        JsonElement first = await Ok(Api.GetAsync("organization/users/user-0002JeNiLqIA6WxFhRLL4olw/roles?limit=3"));
        Assert.True(first.GetProperty("has_more").GetBoolean());
        string next = first.Str("next");
        Assert.Equal(new[] { "role_01JR0004BVXEKF1SKEW82NV711" }, (await Ok(Api.GetAsync("organization/users/user-0002JeNiLqIA6WxFhRLL4olw/roles?limit=3&after=" + next))).GetProperty("data").Ids());
        (await Api.GetAsync("organization/users/user-0003S96RP8civznnHCEbos4T/roles?after=" + next)).BadRequest("after");
        (await Api.GetAsync("organization/users/user-0002JeNiLqIA6WxFhRLL4olw/roles?limit=1001")).BadRequest("limit");
    }

    [Fact]
    public async Task Deleting_a_role_removes_its_assignments()
    {
        await Ok(Api.DeleteAsync("organization/roles/role_01JR00039WRYDRWASJNY9WK5YG"));
        Assert.Empty((await Ok(Api.GetAsync("organization/users/user-0002JeNiLqIA6WxFhRLL4olw/roles"))).GetProperty("data").EnumerateArray());
        Assert.Empty((await Ok(Api.GetAsync("organization/groups/group_01JG00039R95E99VB9Z3F7ZPY9/roles"))).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Reset_restores_the_seed()
    {
        await Ok(Api.PostAsync("organization/roles", """{"role_name":"Temp","permissions":["api.groups.read"]}"""));
        await Ok(Api.DeleteAsync("organization/users/user-0002JeNiLqIA6WxFhRLL4olw/roles/role_01JR00039WRYDRWASJNY9WK5YG"));
        await Sim.ResetAsync();
        Assert.Equal(5, (await Ok(Api.GetAsync("organization/roles"))).GetProperty("data").GetArrayLength());
        Assert.Equal(new[] { "role_01JR00039WRYDRWASJNY9WK5YG" }, (await Ok(Api.GetAsync("organization/users/user-0002JeNiLqIA6WxFhRLL4olw/roles"))).GetProperty("data").Ids());
    }

    private static async Task<JsonElement> Ok(Task<Reply> call)
    {
        Reply reply = await call;
        reply.Ok();
        return reply.Json.Clone();
    }
}
