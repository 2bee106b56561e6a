using System;

namespace OpenAIAdmin
{
    /// <summary>
    /// An API key of a project (API type <c>organization.project.api_key</c>), owned by a user or a service account.
    /// The owner is kept as the API sends it and lifted into <see cref="OwnerType"/>, <see cref="OwnerId"/> and
    /// <see cref="OwnerName"/> for Where-Object and the views.
    /// </summary>
    public sealed class ProjectApiKey
    {
        public string Id { get; set; } = string.Empty;

        public string? Object { get; set; }

        public string? Name { get; set; }

        public string? RedactedValue { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset? LastUsedAt { get; set; }

        /// <summary><c>active</c> or <c>inactive</c>: whether the owner still has access to the project.</summary>
        public string? OwnerProjectAccess { get; set; }

        public ProjectApiKeyOwner? Owner { get; set; }

        /// <summary>Filled by the client (the API does not send it).</summary>
        public string? ProjectId { get; set; }

        /// <summary><c>user</c> or <c>service_account</c>.</summary>
        public string? OwnerType => Owner?.Type;

        public string? OwnerId => Owner?.User?.Id ?? Owner?.ServiceAccount?.Id;

        public string? OwnerName => Owner?.User?.Name ?? Owner?.ServiceAccount?.Name;

        public string? OwnerEmail => Owner?.User?.Email;

        public override string ToString() => Id;
    }

    public sealed class ProjectApiKeyOwner
    {
        public string? Type { get; set; }

        public ProjectApiKeyOwnerPrincipal? User { get; set; }

        public ProjectApiKeyOwnerPrincipal? ServiceAccount { get; set; }

        public override string ToString() => (User ?? ServiceAccount)?.ToString() ?? string.Empty;
    }

    /// <summary>The user or service account that owns a project key (a service account has no e-mail).</summary>
    public sealed class ProjectApiKeyOwnerPrincipal
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Email { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary>The owner's role in the project.</summary>
        public string? Role { get; set; }

        public override string ToString() => Name ?? Id ?? string.Empty;
    }
}
