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

/// <summary>Groups. Only the list is served so far; membership and role assignments will extend this store.</summary>
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

/// <summary>Groups (inventory §6.8): next-cursor list, limit 0..1000 (default 100), order asc by default.</summary>
internal static class GroupsApi
{
    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        GroupsStore store = state.Groups;

        v1.MapGet("/organization/groups", (HttpContext context) =>
        {
            int limit = QueryReader.Limit(context, 0, 1000, 100);
            bool descending = QueryReader.Descending(context, defaultDescending: false);
            lock (state.Gate)
            {
                var ordered = descending ? Enumerable.Reverse(store.Items).ToList() : store.Items.ToList();
                return SimJson.Ok(Paging.NextCursor(context, descending ? "groups.desc" : "groups.asc", ordered, g => g.Id, limit));
            }
        });
    }
}
