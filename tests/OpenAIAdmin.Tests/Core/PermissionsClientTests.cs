using System.Linq;
using System.Threading.Tasks;
using OpenAIAdmin.Simulator.Infrastructure;
using Xunit;

namespace OpenAIAdmin.Tests.Core;

/// <summary>Projects.ModelPermissions and Projects.HostedToolPermissions against the simulator over real sockets.</summary>
public sealed class PermissionsClientTests : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private static readonly string Production = SeedIds.Project("productionchatbot");
    private static readonly string SupportBot = SeedIds.Project("supportbot");

    private readonly SimulatorFixture _sim;

    public PermissionsClientTests(SimulatorFixture sim) => _sim = sim;

    public Task InitializeAsync() => _sim.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Model_permissions_get_update_and_delete()
    {
        using AdminClient client = _sim.NewClient();
        ProjectModelPermissions current = await client.Projects.ModelPermissions.GetAsync(Production);
        Assert.Equal("allow_list", current.Mode);
        Assert.Equal(new[] { "gpt-4o", "gpt-4o-mini" }, current.ModelIds);
        Assert.Equal(Production, current.ProjectId);

        ProjectModelPermissions updated = await client.Projects.ModelPermissions.UpdateAsync(Production, "deny_list", new[] { "o3", "o3" });
        Assert.Equal("deny_list", updated.Mode);
        Assert.Equal("{\"mode\":\"deny_list\",\"model_ids\":[\"o3\"]}", (await _sim.RequestsToAsync("/model_permissions")).Single(c => c.Method == "POST").Body);

        DeletedObject deleted = await client.Projects.ModelPermissions.DeleteAsync(Production);
        Assert.Equal(Production, deleted.Id);
        Assert.True(deleted.Deleted);
        Assert.Empty((await client.Projects.ModelPermissions.GetAsync(Production)).ModelIds);

        var bad = await Assert.ThrowsAnyAsync<OpenAIAdminException>(() => client.Projects.ModelPermissions.UpdateAsync(Production, "everything", new[] { "x" }));
        Assert.Equal(AdminErrorKind.InvalidArgument, bad.Kind);
    }

    [Fact]
    public async Task Hosted_tools_change_only_the_tools_given()
    {
        using AdminClient client = _sim.NewClient();
        ProjectHostedToolPermissions before = await client.Projects.HostedToolPermissions.GetAsync(SupportBot);
        Assert.False(before.WebSearch);
        Assert.False(before.Mcp);
        Assert.True(before.FileSearch);

        ProjectHostedToolPermissions after = await client.Projects.HostedToolPermissions.UpdateAsync(SupportBot, new HostedToolPermissionsUpdate { WebSearch = true });
        Assert.True(after.WebSearch);
        Assert.False(after.Mcp);
        Assert.Equal(SupportBot, after.ProjectId);
        Assert.Equal("{\"web_search\":{\"enabled\":true}}", (await _sim.RequestsToAsync("/hosted_tool_permissions")).Single(c => c.Method == "POST").Body);

        var empty = await Assert.ThrowsAnyAsync<OpenAIAdminException>(() => client.Projects.HostedToolPermissions.UpdateAsync(SupportBot, new HostedToolPermissionsUpdate()));
        Assert.Equal(AdminErrorKind.InvalidArgument, empty.Kind);
    }
}
