using System;
using System.Collections.Generic;

namespace OpenAIAdmin
{
    /// <summary>A member of the organization (API type <c>organization.user</c>).</summary>
    public sealed class OrganizationUser
    {
        public string Id { get; set; } = string.Empty;

        public string? Object { get; set; }

        public string? Name { get; set; }

        public string? Email { get; set; }

        /// <summary><c>owner</c> or <c>reader</c>.</summary>
        public string? Role { get; set; }

        public DateTimeOffset AddedAt { get; set; }

        public bool? IsDefault { get; set; }

        public DateTimeOffset? Created { get; set; }

        public bool? IsServiceAccount { get; set; }

        public bool? IsScaleTierAuthorizedPurchaser { get; set; }

        public bool? IsScimManaged { get; set; }

        public DateTimeOffset? ApiKeyLastUsedAt { get; set; }

        public string? TechnicalLevel { get; set; }

        public string? DeveloperPersona { get; set; }

        public UserProjectList? Projects { get; set; }

        /// <summary>The account behind the membership (API field <c>user</c>), when the API includes it.</summary>
        public UserAccount? User { get; set; }

        public override string ToString() => Id;
    }

    /// <summary>A person's account as nested in an organization user (API type <c>user</c>).</summary>
    public sealed class UserAccount
    {
        public string Id { get; set; } = string.Empty;

        public string? Object { get; set; }

        public string? Email { get; set; }

        public string? Name { get; set; }

        /// <summary>Address of the profile picture.</summary>
        public string? Picture { get; set; }

        public bool? Enabled { get; set; }

        public bool? Banned { get; set; }

        public DateTimeOffset? BannedAt { get; set; }

        public override string ToString() => Id;
    }

    public sealed class UserProjectList
    {
        public List<UserProject> Data { get; set; } = new List<UserProject>();
    }

    public sealed class UserProject
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Role { get; set; }

        public override string ToString() => Name ?? Id ?? string.Empty;
    }

    /// <summary>Body of POST /organization/users/{id}; null fields are left unchanged.</summary>
    public sealed class UserUpdateRequest
    {
        public string? Role { get; set; }

        public string? RoleId { get; set; }

        public string? TechnicalLevel { get; set; }

        public string? DeveloperPersona { get; set; }
    }
}
