using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIAdmin.Simulator.Infrastructure;
using Xunit;

namespace OpenAIAdmin.Tests.Core;

/// <summary>Projects.ServiceAccounts, Projects.ApiKeys and Projects.RateLimits against the simulator over real sockets.</summary>
public sealed class MachineAccessClientTests : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private static readonly string Production = SeedIds.Project("productionchatbot");
    private static readonly string Archived = SeedIds.Project("legacychatbot");
    private static readonly string CiDeploy = SeedIds.ServiceAccount("0001");

    private readonly SimulatorFixture _sim;

    public MachineAccessClientTests(SimulatorFixture sim) => _sim = sim;

    public Task InitializeAsync() => _sim.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Plain(System.Security.SecureString value) => new NetworkCredential(string.Empty, value).Password;

    [Fact]
    public async Task ServiceAccount_list_and_get_carry_the_project()
    {
        using AdminClient client = _sim.NewClient();
        var accounts = await client.Projects.ServiceAccounts.ListAsync(Production).ToListAsync();
        Assert.Equal(new[] { "ci-deploy", "monitoring" }, accounts.Select(a => a.Name).ToArray());
        Assert.All(accounts, a => Assert.Equal(Production, a.ProjectId));
        ProjectServiceAccount one = await client.Projects.ServiceAccounts.GetAsync(Production, CiDeploy);
        Assert.Equal("organization.project.service_account", one.Object);
        Assert.Equal(Production, one.ProjectId);
        Assert.Equal("member", one.Role);
    }

    [Fact]
    public async Task ServiceAccount_create_returns_the_key_once_as_a_SecureString_and_redacts_it_in_debug()
    {
        using AdminClient client = _sim.NewClient();
        var sink = new RecordingSink();
        ProjectServiceAccountCreated created;
        using (ClientEvents.Use(sink))
        {
            created = await client.Projects.ServiceAccounts.CreateAsync(Production, "xunit-sa");
        }

        Assert.NotNull(created.ApiKey);
        string secret = Plain(created.ApiKey!.Value!);
        Assert.StartsWith("sk-svcacct-", secret, StringComparison.Ordinal);
        Assert.Equal(created.Id, created.ApiKey.ServiceAccountId);
        Assert.Equal(Production, created.ApiKey.ProjectId);
        Assert.Equal(created.ApiKey.Id, created.ApiKey.ToString());
        Assert.Contains(sink.Debug, d => d.Contains("\"value\":\"***\"", StringComparison.Ordinal));
        Assert.DoesNotContain(secret.Substring(11, 16), sink.All(), StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(created.ApiKey.Value, Json.Options));
        var call = Assert.Single(await _sim.RequestsToAsync($"/organization/projects/{Production}/service_accounts"), c => c.Method == "POST");
        Assert.Equal("{\"name\":\"xunit-sa\"}", call.Body);
    }

    [Fact]
    public async Task ServiceAccount_only_sends_create_service_account_only_and_gets_no_key()
    {
        using AdminClient client = _sim.NewClient();
        ProjectServiceAccountCreated created = await client.Projects.ServiceAccounts.CreateAsync(Production, "xunit-bare", accountOnly: true);
        Assert.Null(created.ApiKey);
        Assert.Equal("none", created.Role);
        var call = Assert.Single(await _sim.RequestsToAsync($"/organization/projects/{Production}/service_accounts"), c => c.Method == "POST");
        Assert.Equal("{\"name\":\"xunit-bare\",\"create_service_account_only\":true}", call.Body);
    }

    [Fact]
    public async Task ServiceAccount_update_sends_only_given_fields_and_refuses_nothing()
    {
        using AdminClient client = _sim.NewClient();
        ProjectServiceAccount updated = await client.Projects.ServiceAccounts.UpdateAsync(Production, CiDeploy, new ServiceAccountUpdateRequest { Role = "owner" });
        Assert.Equal("owner", updated.Role);
        Assert.Equal("ci-deploy", updated.Name);
        Assert.Equal("{\"role\":\"owner\"}", (await _sim.RequestsToAsync($"/service_accounts/{CiDeploy}")).Single(c => c.Method == "POST").Body);
        var ex = await Assert.ThrowsAnyAsync<OpenAIAdminException>(() => client.Projects.ServiceAccounts.UpdateAsync(Production, CiDeploy, new ServiceAccountUpdateRequest()));
        Assert.Equal(AdminErrorKind.InvalidArgument, ex.Kind);
    }

    [Fact]
    public async Task Deleting_a_service_account_removes_its_keys_and_its_keys_cannot_be_deleted_alone()
    {
        using AdminClient client = _sim.NewClient();
        var keys = await client.Projects.ApiKeys.ListAsync(Production).ToListAsync();
        ProjectApiKey ciKey = keys.Single(k => k.OwnerId == CiDeploy);
        Assert.Equal("service_account", ciKey.OwnerType);
        var refused = await Assert.ThrowsAnyAsync<OpenAIAdminException>(() => client.Projects.ApiKeys.DeleteAsync(Production, ciKey.Id));
        Assert.Equal(AdminErrorKind.ApiBadRequest, refused.Kind);

        DeletedObject deleted = await client.Projects.ServiceAccounts.DeleteAsync(Production, CiDeploy);
        Assert.True(deleted.Deleted);
        Assert.Equal(CiDeploy, deleted.Id);
        var missing = await Assert.ThrowsAnyAsync<OpenAIAdminException>(() => client.Projects.ApiKeys.GetAsync(Production, ciKey.Id));
        Assert.Equal(AdminErrorKind.ApiNotFound, missing.Kind);
    }

    [Fact]
    public async Task A_new_key_for_an_existing_account_joins_its_keys()
    {
        using AdminClient client = _sim.NewClient();
        ServiceAccountApiKeySecret key = await client.Projects.ServiceAccounts.CreateApiKeyAsync(Production, CiDeploy, "rotated", new[] { "api.model.read" });
        Assert.Equal("rotated", key.Name);
        Assert.StartsWith("sk-svcacct-", Plain(key.Value!), StringComparison.Ordinal);
        Assert.Equal(CiDeploy, key.ServiceAccountId);
        var keys = await client.Projects.ApiKeys.ListAsync(Production).ToListAsync();
        Assert.Equal(2, keys.Count(k => k.OwnerId == CiDeploy));
        Assert.Equal("{\"name\":\"rotated\",\"scopes\":[\"api.model.read\"]}", (await _sim.RequestsToAsync("/api_keys")).Single(c => c.Method == "POST").Body);
    }

    [Fact]
    public async Task Archived_projects_refuse_service_accounts_with_400()
    {
        using AdminClient client = _sim.NewClient();
        var list = await Assert.ThrowsAnyAsync<OpenAIAdminException>(async () => await client.Projects.ServiceAccounts.ListAsync(Archived).ToListAsync());
        Assert.Equal(AdminErrorKind.ApiBadRequest, list.Kind);
        var create = await Assert.ThrowsAnyAsync<OpenAIAdminException>(() => client.Projects.ServiceAccounts.CreateAsync(Archived, "refused"));
        Assert.Equal(AdminErrorKind.ApiBadRequest, create.Kind);
    }

    [Fact]
    public async Task Project_keys_page_by_id_cursor_and_pass_owner_project_access()
    {
        using AdminClient client = _sim.NewClient();
        var keys = await client.Projects.ApiKeys.ListAsync(Production, "any", new ListOptions { PageSize = 2 }).ToListAsync();
        Assert.Equal(4, keys.Count);
        Assert.All(keys, k => Assert.Equal(Production, k.ProjectId));
        var calls = await _sim.RequestsToAsync($"/organization/projects/{Production}/api_keys");
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Contains("owner_project_access=any", c.Query, StringComparison.Ordinal));
        Assert.Contains($"after={keys[1].Id}", calls[1].Query, StringComparison.Ordinal);
        ProjectApiKey user = keys.First(k => k.OwnerType == "user");
        Assert.NotNull(user.OwnerEmail);
        Assert.Equal(user.Owner!.User!.Id, user.OwnerId);
    }

    [Fact]
    public async Task Rate_limits_find_by_model_or_id_and_send_only_the_limits_given()
    {
        using AdminClient client = _sim.NewClient();
        ProjectRateLimit byModel = await client.Projects.RateLimits.FindAsync(Production, "GPT-4O");
        Assert.Equal("rl-gpt-4o", byModel.Id);
        Assert.Equal(Production, byModel.ProjectId);
        Assert.Null(byModel.MaxImagesPer1Minute);
        ProjectRateLimit byId = await client.Projects.RateLimits.FindAsync(Production, "rl-o3");
        Assert.Equal(1_000_000, byId.MaxRequestsPer1Day);
        var none = await Assert.ThrowsAnyAsync<OpenAIAdminException>(() => client.Projects.RateLimits.FindAsync(Production, "no-model"));
        Assert.Equal(AdminErrorKind.ApiNotFound, none.Kind);

        ProjectRateLimit updated = await client.Projects.RateLimits.UpdateAsync(Production, "rl-gpt-4o", new ProjectRateLimitUpdateRequest { MaxRequestsPer1Minute = 500 });
        Assert.Equal(500, updated.MaxRequestsPer1Minute);
        Assert.Equal(30_000_000, updated.MaxTokensPer1Minute);
        Assert.Equal("{\"max_requests_per_1_minute\":500}", (await _sim.RequestsToAsync("/rate_limits/rl-gpt-4o")).Single().Body);
        var empty = await Assert.ThrowsAnyAsync<OpenAIAdminException>(() => client.Projects.RateLimits.UpdateAsync(Production, "rl-gpt-4o", new ProjectRateLimitUpdateRequest()));
        Assert.Equal(AdminErrorKind.InvalidArgument, empty.Kind);
        var above = await Assert.ThrowsAnyAsync<OpenAIAdminException>(() => client.Projects.RateLimits.UpdateAsync(Production, "rl-gpt-4o", new ProjectRateLimitUpdateRequest { MaxRequestsPer1Minute = 10_001 }));
        Assert.Equal(AdminErrorKind.ApiBadRequest, above.Kind);
    }

    [Fact]
    public async Task Sub_resource_ids_that_would_leave_their_path_are_refused_before_any_request()
    {
        using AdminClient client = _sim.NewClient();
        foreach (string bad in new[] { "", " ", ".", ".." })
        {
            var ex = await Assert.ThrowsAnyAsync<OpenAIAdminException>(() => client.Projects.ServiceAccounts.GetAsync(Production, bad));
            Assert.Equal(AdminErrorKind.InvalidArgument, ex.Kind);
            ex = await Assert.ThrowsAnyAsync<OpenAIAdminException>(() => client.Projects.ApiKeys.DeleteAsync(Production, bad));
            Assert.Equal(AdminErrorKind.InvalidArgument, ex.Kind);
        }

        Assert.Empty(await _sim.RequestsAsync());
    }
}
