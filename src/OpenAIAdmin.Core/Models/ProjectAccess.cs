using System;

namespace OpenAIAdmin
{
    /// <summary>
    /// A user in a project (API type <c>organization.project.user</c>). <see cref="Id"/> is the user's id;
    /// <see cref="ProjectId"/> is filled by the client from the request (the API does not send it), so a project user
    /// piped into another project cmdlet stays in its project.
    /// </summary>
    public sealed class ProjectUser
    {
        public string Id { get; set; } = string.Empty;

        public string? Object { get; set; }

        public string ProjectId { get; set; } = string.Empty;

        public string? Name { get; set; }

        public string? Email { get; set; }

        /// <summary><c>owner</c> or <c>member</c> of the project.</summary>
        public string? Role { get; set; }

        public DateTimeOffset AddedAt { get; set; }

        public override string ToString() => Id;
    }

    /// <summary>
    /// A group's access to a project (API type <c>project.group</c>). It has no <c>id</c> of its own: the membership is
    /// named by <see cref="ProjectId"/> and <see cref="GroupId"/>, so piping it binds both and nothing ambiguous.
    /// </summary>
    public sealed class ProjectGroup
    {
        public string? Object { get; set; }

        public string ProjectId { get; set; } = string.Empty;

        public string GroupId { get; set; } = string.Empty;

        public string? GroupName { get; set; }

        /// <summary><c>group</c> or <c>tenant_group</c>.</summary>
        public string? GroupType { get; set; }

        /// <summary>When the group was given access to the project.</summary>
        public DateTimeOffset CreatedAt { get; set; }

        public override string ToString() => GroupId;
    }

    /// <summary>
    /// A role of a project (API type <c>role</c> with resource type <c>api.project</c>): predefined or custom. The
    /// client adds <see cref="ProjectId"/>, so a project role piped into Set-/Remove-OAIProjectRole or an assignment
    /// cmdlet stays in its project.
    /// </summary>
    public sealed class ProjectRole
    {
        public string Id { get; set; } = string.Empty;

        public string? Object { get; set; }

        public string ProjectId { get; set; } = string.Empty;

        public string? Name { get; set; }

        public string? Description { get; set; }

        public string[] Permissions { get; set; } = Array.Empty<string>();

        public string? ResourceType { get; set; }

        /// <summary>True for the roles OpenAI defines, which cannot be changed or deleted.</summary>
        public bool PredefinedRole { get; set; }

        public override string ToString() => Id;
    }

    /// <summary>A project role assigned to a user within a project.</summary>
    public sealed class ProjectUserRoleAssignment : RoleAssignment
    {
        public string ProjectId { get; set; } = string.Empty;

        public string UserId { get; set; } = string.Empty;

        /// <summary>The user as the API returned it when assigning; null from list and retrieve.</summary>
        public OrganizationUser? User { get; set; }
    }

    /// <summary>A project role assigned to a group within a project.</summary>
    public sealed class ProjectGroupRoleAssignment : RoleAssignment
    {
        public string ProjectId { get; set; } = string.Empty;

        public string GroupId { get; set; } = string.Empty;

        /// <summary>The group as the API returned it when assigning (no GroupType there); null from list and retrieve.</summary>
        public Group? Group { get; set; }
    }
}
