using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator;

/// <summary>
/// Where every resource area plugs its routes into the <c>/v1</c> group (paths such as <c>/organization/projects</c>;
/// the RBAC paths under <c>/projects/{id}/…</c> that are not under <c>/organization</c> fit the same group).
/// </summary>
internal static class ApiRoutes
{
    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        Resources.ProjectsApi.Map(v1, state);
        Resources.AdminApiKeysApi.Map(v1, state);
        Resources.UsersApi.Map(v1, state);
        Resources.GroupsApi.Map(v1, state);
        Resources.CostsApi.Map(v1, state);
        Resources.UsageApi.Map(v1, state);
        Resources.CertificatesApi.Map(v1, state);
        Resources.InvitesApi.Map(v1, state);
        Resources.GroupsCrudApi.Map(v1, state);
        Resources.GroupUsersApi.Map(v1, state);
        Resources.RolesApi.Map(v1, state);
        Resources.ProjectUsersApi.Map(v1, state);
        Resources.ProjectGroupsApi.Map(v1, state);
        Resources.ProjectRolesApi.Map(v1, state);
        Resources.ProjectServiceAccountsApi.Map(v1, state);
        Resources.ProjectApiKeysApi.Map(v1, state);
        Resources.ProjectRateLimitsApi.Map(v1, state);
        Resources.ProjectPermissionsApi.Map(v1, state);
        Resources.SpendApi.Map(v1, state);
        Resources.DataRetentionApi.Map(v1, state);
        Resources.AuditLogsApi.Map(v1, state);
    }
}
