using OpenAIAdmin.Simulator.Resources;

namespace OpenAIAdmin.Simulator.Infrastructure;

/// <summary>One resource area's in-memory state. <see cref="Seed"/> replaces everything with the seed data.</summary>
internal interface IResourceStore
{
    /// <summary>Called under <see cref="SimState.Gate"/>, in the order of <see cref="SimState.Stores"/>.</summary>
    void Seed(SimState state);
}

/// <summary>
/// All simulator state. Handlers take <see cref="Gate"/> for the whole of their read-modify-write, so each
/// request sees and leaves a consistent state. To add a resource area: add its store here and to
/// <see cref="Stores"/> (after the stores its seed refers to), and its Map call to <see cref="ApiRoutes"/>.
/// </summary>
internal sealed class SimState
{
    /// <summary>Seed times are fixed offsets from this instant (2025-01-01T00:00:00Z), so seeded data never changes.</summary>
    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly int _seed;

    public SimState(int seed)
    {
        _seed = seed;
        Ids = new Ids(seed);
    }

    public object Gate { get; } = new();

    public Ids Ids { get; private set; }

    /// <summary>Objects created through the API get the real current time (e.g. so that expiry checks make sense).</summary>
    public TimeProvider Clock { get; } = TimeProvider.System;

    public long Now => Clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>The list variants chosen on the control surface; not seed data, so <see cref="Reset"/> leaves them alone.</summary>
    public ListBehaviour Lists { get; } = new();

    public UsersStore Users { get; } = new();

    public ProjectsStore Projects { get; } = new();

    public AdminApiKeysStore AdminApiKeys { get; } = new();

    public GroupsStore Groups { get; } = new();

    public CertificatesStore Certificates { get; } = new();

    public InvitesStore Invites { get; } = new();

    public GroupMembersStore GroupMembers { get; } = new();

    public RolesStore Roles { get; } = new();

    public ProjectUsersStore ProjectUsers { get; } = new();

    public ProjectRolesStore ProjectRoles { get; } = new();

    public ProjectGroupsStore ProjectGroups { get; } = new();

    public ServiceAccountsStore ServiceAccounts { get; } = new();

    public ProjectApiKeysStore ProjectApiKeys { get; } = new();

    public RateLimitsStore RateLimits { get; } = new();

    public ProjectPermissionsStore ProjectPermissions { get; } = new();

    public SpendStore Spend { get; } = new();

    public DataRetentionStore DataRetention { get; } = new();

    public AuditLogsStore AuditLogs { get; } = new();

    private IEnumerable<IResourceStore> Stores => new IResourceStore[] { Users, Projects, AdminApiKeys, Groups, Certificates, Invites, GroupMembers, Roles, ProjectUsers, ProjectRoles, ProjectGroups, ServiceAccounts, ProjectApiKeys, RateLimits, ProjectPermissions, Spend, DataRetention, AuditLogs };

    /// <summary>Unix seconds of <see cref="Epoch"/> plus an offset.</summary>
    public static long At(TimeSpan offset) => (Epoch + offset).ToUnixTimeSeconds();

    public void Reset()
    {
        lock (Gate)
        {
            Ids = new Ids(_seed);
            foreach (IResourceStore store in Stores)
            {
                store.Seed(this);
            }
        }
    }
}
