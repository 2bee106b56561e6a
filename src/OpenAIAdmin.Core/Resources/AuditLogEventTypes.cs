using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenAIAdmin
{
    /// <summary>
    /// The audit log event types the module knows (the values the API accepts in <c>event_types[]</c>), grouped by what
    /// they are about. The API adds types from time to time, so <see cref="AuditLog.Type"/> stays a free string: an event
    /// of a type missing here is read like any other. Only filtering asks for a known type, so that a typo is caught
    /// before a request is sent.
    /// </summary>
    public static class AuditLogEventTypes
    {
        private static readonly string[] Organization = Join(
            Area("api_key", "created", "updated", "deleted"),
            Area("certificate", "created", "updated", "deleted"),
            Area("certificates", "activated", "deactivated"),
            Area("checkpoint.permission", "created", "deleted"),
            Area("external_key", "registered", "removed"),
            Area("group", "created", "updated", "deleted"),
            Area("invite", "sent", "accepted", "deleted"),
            Area("ip_allowlist", "created", "updated", "deleted"),
            Area("ip_allowlist.config", "activated", "deactivated"),
            Area("login", "succeeded", "failed"),
            Area("logout", "succeeded", "failed"),
            Area("organization", "updated"),
            Area("project", "created", "updated", "archived", "deleted"),
            Area("rate_limit", "updated", "deleted"),
            Area("resource", "deleted"),
            Area("tunnel", "created", "updated", "deleted"),
            Area("workload_identity_provider", "created", "updated", "deleted"),
            Area("workload_identity_provider_mapping", "created", "updated", "deleted"),
            Area("role", "created", "updated", "deleted"),
            Area("role.assignment", "created", "deleted"),
            Area("scim", "enabled", "disabled"),
            Area("service_account", "created", "updated", "deleted"),
            Area("user", "added", "updated", "deleted"));

        /// <summary>Events of the tenant (the identity layer above organizations): listed only with <c>tenant_only=true</c>.</summary>
        private static readonly string[] Tenant = Join(
            Area("role", "bound_to_resource", "unbound_from_resource"),
            Area("tenant.metadata", "updated"),
            Area("tenant.microsoft_entra_mapping", "upserted", "deleted"),
            Area("tenant.workload_identity.provider", "created", "updated", "archived"),
            Area("tenant.workload_identity.mapping", "created", "updated", "archived"),
            Area("tenant.workload_identity.binding", "created"),
            Area("tenant.workload_identity.principal", "provisioned"),
            Area("tenant.workload_identity.access_token", "issued"),
            Area("tenant.admin_api_key", "created", "updated", "deleted"),
            Area("tenant.project_api_key", "created"),
            Area("tenant.chatgpt_access_token", "revoked"),
            Area("tenant.migration", "completed"),
            Area("tenant.sso", "migrated"),
            Area("tenant.domains", "migrated"),
            Area("tenant.sso_connection", "created", "updated", "deleted"),
            Area("tenant.sso_connection.setup", "started"),
            Area("tenant.policy", "created", "updated", "deleted", "attached", "detached"),
            Area("tenant.principal_authentication_policy", "resolved"),
            Area("tenant.scim.setup", "started"),
            Area("tenant.scim.deletion", "requested"),
            Area("tenant.scim.directory", "created"),
            Area("tenant.product_access_policy", "updated"),
            Area("tenant.resource_share_grant", "created", "updated", "accepted", "declined", "revoked", "deleted"),
            Area("tenant.service_account", "updated", "deleted"),
            Area("tenant.service_account.token", "revoked"),
            Area("tenant.billing.overage_limit", "updated"),
            Area("tenant.billing.alerts", "updated"),
            Area("tenant.billing.info", "updated"),
            Area("tenant.usage_limit.workspace", "updated"),
            Area("tenant.usage_limit.group", "updated"),
            Area("tenant.usage_limit.user", "updated"),
            Area("tenant.usage_limit.increase_request", "updated", "resolved"),
            Area("tenant.group", "created", "updated", "deleted"),
            Area("tenant.group.member", "added", "removed"),
            Area("tenant.migration_rollout.status", "updated"),
            Area("tenant.migration_rollout.tier", "updated"),
            Area("tenant.role.metadata", "updated"),
            Area("tenant.custom_role", "created", "updated", "deleted"),
            Area("tenant.role_assignment", "created", "deleted"),
            Area("tenant.resource_role_assignment", "created", "deleted"),
            Area("tenant.resource_access", "updated", "deleted"),
            Area("tenant.ads_account.onboarding", "redemption"),
            Area("tenant.session_policy", "created", "updated", "deleted"),
            Area("tenant.session_revocation", "started"),
            Area("tenant.third_party_app_policy", "updated"),
            Area("tenant.user", "added", "updated", "removed", "looked_up", "invited"),
            Area("tenant.membership", "revoked", "accepted", "declined"),
            Area("tenant.api_organization_invite", "upserted", "deleted"),
            Area("tenant.chatgpt_workspace_invite", "upserted"),
            Area("tenant.workspace_invite_email_settings", "updated"));

        private static readonly HashSet<string> TenantSet = new HashSet<string>(Tenant, StringComparer.Ordinal);

        private static readonly HashSet<string> KnownSet = new HashSet<string>(Organization.Concat(Tenant), StringComparer.Ordinal);

        /// <summary>Every known type: the organization's first, then the tenant-scoped ones.</summary>
        public static IReadOnlyList<string> All { get; } = Organization.Concat(Tenant).ToArray();

        /// <summary>The types listed without <c>tenant_only</c>.</summary>
        public static IReadOnlyList<string> OrganizationScoped { get; } = Organization;

        /// <summary>The types the API lists only with <c>tenant_only=true</c> (all <c>tenant.*</c>, and the connector role bindings).</summary>
        public static IReadOnlyList<string> TenantScoped { get; } = Tenant;

        /// <summary>True for a type of the list (exact, lower case as the API writes them).</summary>
        public static bool IsKnown(string? type) => type != null && KnownSet.Contains(type);

        /// <summary>
        /// True for the types the API calls tenant-scoped: they need <c>tenant_only=true</c>, and <c>tenant_only=true</c>
        /// accepts no other. Unknown types count as tenant-scoped when they start with <c>tenant.</c>.
        /// </summary>
        public static bool IsTenantScoped(string? type) =>
            type != null && (TenantSet.Contains(type) || type.StartsWith("tenant.", StringComparison.Ordinal));

        private static IEnumerable<string> Area(string subject, params string[] actions) => actions.Select(action => subject + "." + action);

        private static string[] Join(params IEnumerable<string>[] areas) => areas.SelectMany(a => a).ToArray();
    }
}
