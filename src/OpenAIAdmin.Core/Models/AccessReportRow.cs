using System;
using System.Collections.Generic;

namespace OpenAIAdmin
{
    /// <summary>
    /// One row of the access report: one principal's one role in one scope, and how it was granted. Flat (strings,
    /// dates, a flag) so that Export-Csv writes it as it is.
    /// </summary>
    public sealed class AccessReportRow
    {
        /// <summary>User, Group, ServiceAccount or ApiKey.</summary>
        public string PrincipalType { get; set; } = string.Empty;

        public string PrincipalId { get; set; } = string.Empty;

        public string? PrincipalName { get; set; }

        public string? Email { get; set; }

        /// <summary>Organization or Project.</summary>
        public string Scope { get; set; } = string.Empty;

        public string? ProjectId { get; set; }

        public string? ProjectName { get; set; }

        /// <summary>The role's name: the organization role (owner, reader), the project membership role (owner, member) or a project role's name.</summary>
        public string? Role { get; set; }

        /// <summary>The id of a project role (empty for the built-in membership and organization roles).</summary>
        public string? RoleId { get; set; }

        /// <summary><c>Direct</c>, <c>Group '&lt;name&gt;'</c> (a member of a group granted the role) or <c>OrganizationOwner</c>.</summary>
        public string GrantedVia { get; set; } = string.Empty;

        /// <summary>The group of a <c>Group '…'</c> grant.</summary>
        public string? GroupId { get; set; }

        /// <summary>Of an API key: user or service_account.</summary>
        public string? OwnerType { get; set; }

        public string? OwnerId { get; set; }

        public string? OwnerName { get; set; }

        /// <summary>When the membership, account or key was created (added to the organization or project).</summary>
        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary>Of an API key its last use; of a service account the latest last use of its keys.</summary>
        public DateTimeOffset? LastUsedAt { get; set; }

        /// <summary>With a stale threshold: a key or service account not used (or, never used, created) within it. Null where it does not apply.</summary>
        public bool? Stale { get; set; }

        public override string ToString() => $"{PrincipalType} {PrincipalId} {Scope} {ProjectId} {Role}".Replace("  ", " ").Trim();
    }

    /// <summary>What the access report covers and how fast it may crawl.</summary>
    public sealed class AccessReportOptions
    {
        public const int DefaultThrottleLimit = 4;

        public const int MaxThrottleLimit = 16;

        /// <summary>Only these projects (and no organization rows); null: every project, archived ones left out unless <see cref="IncludeArchived"/>.</summary>
        public IReadOnlyCollection<string>? ProjectIds { get; set; }

        public bool IncludeArchived { get; set; }

        /// <summary>At most this many API calls in flight (1..16).</summary>
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        /// <summary>A client-side budget: call starts spread evenly to at most this many per minute. Null: no pacing.</summary>
        public int? RequestsPerMinute { get; set; }

        /// <summary>Mark keys and service accounts not used within this many days. Null: no marking.</summary>
        public int? StaleDays { get; set; }

        /// <summary>The time "now" for <see cref="StaleDays"/> (tests); default the current UTC time.</summary>
        public DateTimeOffset? Now { get; set; }

        /// <summary>
        /// Called, on any thread, for a project the API refused to show (400, for instance an archived project's service
        /// accounts; 403; 404, a project given by id that does not exist or one deleted during the crawl): the report
        /// leaves that project out and goes on. Without it, such an answer ends the report like any other failure.
        /// </summary>
        public Action<string, OpenAIAdminException>? ProjectSkipped { get; set; }
    }
}
