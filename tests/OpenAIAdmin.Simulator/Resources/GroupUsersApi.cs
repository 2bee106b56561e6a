using System.Globalization;
using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>
/// Who is in which group, in the order they were added. Users are joined at read time, so a user removed from
/// the organization disappears from every group.
/// </summary>
internal sealed class GroupMembersStore : IResourceStore
{
    private readonly Dictionary<string, List<string>> _members = new(StringComparer.Ordinal);

    /// <summary>Engineering: users 0001..0030; Contractors: users 0011..0015; Finance: users 0031..0033; the rest empty.</summary>
    public void Seed(SimState state)
    {
        _members.Clear();
        Add(SeedIds.Group(1), 1, 30);
        Add(SeedIds.Group(2), 11, 15);
        Add(SeedIds.Group(3), 31, 33);
    }

    /// <summary>The members of a group, oldest membership first.</summary>
    public List<string> Of(string groupId) =>
        _members.TryGetValue(groupId, out List<string>? members) ? members : _members[groupId] = new List<string>();

    public void RemoveGroup(string groupId) => _members.Remove(groupId);

    private void Add(string groupId, int first, int last)
    {
        List<string> members = Of(groupId);
        for (int i = first; i <= last; i++)
        {
            members.Add(SeedIds.User(i));
        }
    }
}

/// <summary>
/// Group users (inventory §6.9): list, add, retrieve, remove. Each call answers in its own shape (quirk X3).
/// </summary>
internal static class GroupUsersApi
{
    /// <summary>
    /// Next-cursor, limit 0..1000 (default 100), <c>order</c> <b>desc</b> by default (newest membership first); the
    /// contract's <c>after</c> is "the ID of the last user".
    /// </summary>
    public static readonly ListContract List = ListContract.NextCursor(0, 1000, 100, descendingByDefault: true) with { AfterMayBeId = true };

    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        GroupMembersStore members = state.GroupMembers;

        v1.MapGet("/organization/groups/{groupId}/users", (HttpContext context, string groupId) =>
        {
            var list = ListRequest.Read(context, state, List);
            lock (state.Gate)
            {
                state.Groups.Get(groupId);
                var items = Users(state, groupId).Select(u => new GroupUserItem(u.Id, u.Name ?? string.Empty, u.Email));
                return SimJson.Ok(list.Page($"group_users.{groupId}", items, u => u.Id));
            }
        });

        v1.MapPost("/organization/groups/{groupId}/users", (HttpContext context, string groupId) =>
        {
            JsonBody body = JsonBody.Read(context, "user_id");
            string userId = body.String("user_id", required: true, allowEmpty: false)!;
            lock (state.Gate)
            {
                state.Groups.Get(groupId);
                state.Users.Get(userId);
                List<string> ids = members.Of(groupId);
                if (ids.Contains(userId))
                {
                    throw ApiException.BadRequest($"User '{userId}' is already a member of group '{groupId}'.", "user_id", "already_member");
                }

                ids.Add(userId);
                return SimJson.Ok(new { @object = "group.user", user_id = userId, group_id = groupId });
            }
        });

        v1.MapGet("/organization/groups/{groupId}/users/{userId}", (string groupId, string userId) =>
        {
            lock (state.Gate)
            {
                UserRecord user = Member(state, groupId, userId);
                return SimJson.Ok(new
                {
                    id = user.Id,
                    name = user.Name ?? string.Empty,
                    email = user.Email,
                    picture = (string?)null,
                    is_service_account = user.IsServiceAccount,
                    user_type = "user",
                });
            }
        });

        v1.MapDelete("/organization/groups/{groupId}/users/{userId}", (string groupId, string userId) =>
        {
            lock (state.Gate)
            {
                Member(state, groupId, userId);
                members.Of(groupId).Remove(userId);
                return SimJson.Ok(new { @object = "group.user.deleted", deleted = true });
            }
        });
    }

    /// <summary>The group's members that are still users of the organization, oldest membership first.</summary>
    private static List<UserRecord> Users(SimState state, string groupId) =>
        state.GroupMembers.Of(groupId)
            .Select(id => state.Users.Items.Find(u => u.Id == id))
            .Where(u => u is not null)
            .Select(u => u!)
            .ToList();

    private static UserRecord Member(SimState state, string groupId, string userId)
    {
        state.Groups.Get(groupId);
        return Users(state, groupId).Find(u => u.Id == userId)
            ?? throw new ApiException(404, $"No user with id '{userId}' in group '{groupId}'.", "invalid_request_error");
    }

    /// <summary>The API's <c>GroupUser</c>: {id, name, email}.</summary>
    private sealed record GroupUserItem(string Id, string Name, string? Email);
}
