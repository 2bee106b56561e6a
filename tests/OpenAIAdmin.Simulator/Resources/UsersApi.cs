using System.Globalization;
using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>The API's <c>User</c> (organization member), with the fields an admin reads.</summary>
internal sealed class UserRecord
{
    public string Object => "organization.user";

    public required string Id { get; init; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    /// <summary><c>owner</c> or <c>reader</c>.</summary>
    public string Role { get; set; } = "reader";

    public long AddedAt { get; init; }

    public bool IsDefault { get; init; }

    public bool IsServiceAccount { get; init; }

    public bool IsScimManaged { get; init; }

    public long? ApiKeyLastUsedAt { get; set; }

    public string? TechnicalLevel { get; set; }

    public string? DeveloperPersona { get; set; }
}

internal sealed class UsersStore : IResourceStore
{
    public const int SeedCount = 250;

    public static readonly string[] Roles = { "owner", "reader" };

    /// <summary>In the order they were added (the list order).</summary>
    public List<UserRecord> Items { get; } = new();

    public void Seed(SimState state)
    {
        Items.Clear();
        for (int i = 1; i <= SeedCount; i++)
        {
            string n = i.ToString("0000", CultureInfo.InvariantCulture);
            Items.Add(new UserRecord
            {
                Id = SeedIds.User(i),
                Name = "User " + n,
                Email = $"user-{n}@example.com",
                Role = i <= 3 ? "owner" : "reader",
                AddedAt = SimState.At(TimeSpan.FromHours(i)),
                IsDefault = i == 1,
                ApiKeyLastUsedAt = i % 5 == 0 ? SimState.At(TimeSpan.FromDays(600 + (i % 90))) : null,
            });
        }
    }

    public UserRecord Get(string id) =>
        Items.Find(u => u.Id == id) ?? throw ApiException.NotFound("user", id);
}

/// <summary>Organization users (inventory §6.6): list (with <c>emails[]</c>), retrieve, modify role, delete.</summary>
internal static class UsersApi
{
    /// <summary>Id-cursor, limit 1..100 (default 20), no <c>order</c>.</summary>
    public static readonly ListContract List = ListContract.IdCursor(1, 100, 20);

    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        UsersStore store = state.Users;

        v1.MapGet("/organization/users", (HttpContext context) =>
        {
            var list = ListRequest.Read(context, state, List);
            IReadOnlyList<string> emails = QueryReader.Array(context, "emails");
            lock (state.Gate)
            {
                var users = emails.Count == 0
                    ? store.Items
                    : store.Items.Where(u => emails.Contains(u.Email ?? string.Empty, StringComparer.OrdinalIgnoreCase));
                return SimJson.Ok(list.Page("users", users, u => u.Id));
            }
        });

        v1.MapGet("/organization/users/{userId}", (string userId) =>
        {
            lock (state.Gate)
            {
                return SimJson.Ok(store.Get(userId));
            }
        });

        v1.MapPost("/organization/users/{userId}", (HttpContext context, string userId) =>
        {
            JsonBody body = JsonBody.Read(context, "role", "role_id", "technical_level", "developer_persona");
            string? role = body.Enum("role", UsersStore.Roles);
            string? roleId = body.String("role_id");
            string? technicalLevel = body.String("technical_level");
            string? persona = body.String("developer_persona");
            if (role is null && roleId is null && technicalLevel is null && persona is null)
            {
                throw ApiException.Missing("role");
            }

            lock (state.Gate)
            {
                UserRecord user = store.Get(userId);
                if (roleId is not null)
                {
                    // "Role ID to assign to the user": the same assignment the user roles endpoint makes.
                    state.Roles.Get(roleId);
                    if (state.Roles.Find(RolesStore.User, userId, roleId) is null)
                    {
                        state.Roles.Assignments.Add(new RoleAssignmentRecord(RolesStore.User, userId, roleId));
                    }
                }

                user.Role = role ?? user.Role;
                user.TechnicalLevel = technicalLevel ?? user.TechnicalLevel;
                user.DeveloperPersona = persona ?? user.DeveloperPersona;
                return SimJson.Ok(user);
            }
        });

        v1.MapDelete("/organization/users/{userId}", (string userId) =>
        {
            lock (state.Gate)
            {
                store.Items.Remove(store.Get(userId));
                return SimJson.Ok(new { @object = "organization.user.deleted", id = userId, deleted = true });
            }
        });
    }
}
