using System.Globalization;
using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>The API's <c>GroupResponse</c> (inventory §6.8; no <c>object</c> field).</summary>
internal sealed class GroupRecord
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public long CreatedAt { get; init; }

    public bool IsScimManaged { get; init; }

    /// <summary><c>group</c> or <c>tenant_group</c>.</summary>
    public string GroupType { get; init; } = "group";
}

/// <summary>
/// The organization's groups, in creation order. <see cref="GroupsApi"/> lists them, <see cref="GroupsCrudApi"/>
/// creates, gets, renames and deletes them; memberships live in <see cref="GroupMembersStore"/> and role
/// assignments in <see cref="RolesStore"/>.
/// </summary>
internal sealed class GroupsStore : IResourceStore
{
    public static readonly string[] SeedNames =
    {
        "Engineering", "Contractors", "Finance", "Billing admins", "Security", "Support",
        "Research", "Design", "Marketing", "Sales", "Legal", "Operations",
    };

    /// <summary>In creation order.</summary>
    public List<GroupRecord> Items { get; } = new();

    public void Seed(SimState state)
    {
        Items.Clear();
        for (int i = 0; i < SeedNames.Length; i++)
        {
            Items.Add(new GroupRecord
            {
                Id = SeedIds.Group(i + 1),
                Name = SeedNames[i],
                CreatedAt = SimState.At(TimeSpan.FromDays(40 + i)),
                IsScimManaged = SeedNames[i] == "Security",
            });
        }
    }

    public GroupRecord Get(string id) =>
        Items.Find(g => g.Id == id) ?? throw ApiException.NotFound("group", id);
}

/// <summary>Groups (inventory §6.8): the list.</summary>
internal static class GroupsApi
{
    /// <summary>Next-cursor, limit 0..1000 (default 100), <c>order</c> asc by default; the contract calls <c>after</c> a group id.</summary>
    public static readonly ListContract List = ListContract.NextCursor(0, 1000, 100, descendingByDefault: false) with { AfterMayBeId = true };

    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        GroupsStore store = state.Groups;

        v1.MapGet("/organization/groups", (HttpContext context) =>
        {
            var list = ListRequest.Read(context, state, List);
            lock (state.Gate)
            {
                return SimJson.Ok(list.Page("groups", store.Items, g => g.Id));
            }
        });
    }
}
