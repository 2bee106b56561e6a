using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>
/// Group create, retrieve, rename and delete (inventory §6.8), beside the list in <see cref="GroupsApi"/>.
/// Create and retrieve answer with <c>GroupResponse</c>; rename answers with <c>GroupResourceWithSuccess</c>,
/// which has no <c>group_type</c> (quirk X1); delete with <c>GroupDeletedResource</c>.
/// </summary>
internal static class GroupsCrudApi
{
    public const int MaxNameLength = 255;

    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        GroupsStore store = state.Groups;

        v1.MapPost("/organization/groups", (HttpContext context) =>
        {
            JsonBody body = JsonBody.Read(context, "name");
            string name = body.String("name", required: true, allowEmpty: false, maxLength: MaxNameLength)!;
            lock (state.Gate)
            {
                var group = new GroupRecord { Id = state.Ids.New(IdShape.Group), Name = name, CreatedAt = state.Now };
                store.Items.Add(group);
                return SimJson.Ok(group);
            }
        });

        v1.MapGet("/organization/groups/{groupId}", (string groupId) =>
        {
            lock (state.Gate)
            {
                return SimJson.Ok(store.Get(groupId));
            }
        });

        v1.MapPost("/organization/groups/{groupId}", (HttpContext context, string groupId) =>
        {
            JsonBody body = JsonBody.Read(context, "name");
            string name = body.String("name", required: true, allowEmpty: false, maxLength: MaxNameLength)!;
            lock (state.Gate)
            {
                GroupRecord group = store.Get(groupId);
                group.Name = name;
                return SimJson.Ok(new { id = group.Id, name = group.Name, created_at = group.CreatedAt, is_scim_managed = group.IsScimManaged });
            }
        });

        v1.MapDelete("/organization/groups/{groupId}", (string groupId) =>
        {
            lock (state.Gate)
            {
                store.Items.Remove(store.Get(groupId));
                state.GroupMembers.RemoveGroup(groupId);
                return SimJson.Ok(new { @object = "group.deleted", id = groupId, deleted = true });
            }
        });
    }
}
