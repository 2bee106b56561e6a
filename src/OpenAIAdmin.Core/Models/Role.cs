using System;
using System.Collections.Generic;

namespace OpenAIAdmin
{
    /// <summary>An organization role (API type <c>role</c>): predefined by OpenAI or custom.</summary>
    public sealed class Role
    {
        public string Id { get; set; } = string.Empty;

        public string? Object { get; set; }

        public string? Name { get; set; }

        public string? Description { get; set; }

        public string[] Permissions { get; set; } = Array.Empty<string>();

        /// <summary>What the role applies to, e.g. <c>api.organization</c>.</summary>
        public string? ResourceType { get; set; }

        /// <summary>True for the roles OpenAI defines (such as Owner and Reader), which cannot be changed or deleted.</summary>
        public bool PredefinedRole { get; set; }

        public override string ToString() => Id;
    }

    /// <summary>Body of POST /organization/roles.</summary>
    public sealed class RoleCreateRequest
    {
        public string RoleName { get; set; } = string.Empty;

        public IList<string> Permissions { get; set; } = new List<string>();

        public string? Description { get; set; }
    }

    /// <summary>Body of POST /organization/roles/{id}; null fields are left unchanged.</summary>
    public sealed class RoleUpdateRequest
    {
        public string? RoleName { get; set; }

        /// <summary>Replaces the whole permission set when given.</summary>
        public IList<string>? Permissions { get; set; }

        public string? Description { get; set; }
    }
}
