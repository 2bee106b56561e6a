using System;

namespace OpenAIAdmin
{
    /// <summary>A project of the organization (API type <c>organization.project</c>).</summary>
    public sealed class Project
    {
        public string Id { get; set; } = string.Empty;

        public string? Object { get; set; }

        public string? Name { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset? ArchivedAt { get; set; }

        /// <summary><c>active</c> or <c>archived</c>.</summary>
        public string? Status { get; set; }

        public string? ExternalKeyId { get; set; }

        public string? Residency { get; set; }

        public override string ToString() => Id;
    }

    /// <summary>Body of POST /organization/projects.</summary>
    public sealed class ProjectCreateRequest
    {
        public string Name { get; set; } = string.Empty;

        public string? Residency { get; set; }

        public string? ExternalKeyId { get; set; }
    }

    /// <summary>Body of POST /organization/projects/{id}; null fields are left unchanged.</summary>
    public sealed class ProjectUpdateRequest
    {
        public string? Name { get; set; }

        public string? ExternalKeyId { get; set; }
    }
}
