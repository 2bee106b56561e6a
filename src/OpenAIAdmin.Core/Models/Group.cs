using System;

namespace OpenAIAdmin
{
    /// <summary>
    /// An organization group. List, get and create return the API's <c>GroupResponse</c> (with <c>group_type</c>);
    /// update returns <c>GroupResourceWithSuccess</c>, the same fields without <c>group_type</c>, so
    /// <see cref="GroupType"/> is null on a renamed group. One type for both, so every group cmdlet emits the same thing.
    /// </summary>
    public sealed class Group
    {
        public string Id { get; set; } = string.Empty;

        /// <summary><c>group</c> where the API sends it; absent from most group responses.</summary>
        public string? Object { get; set; }

        public string? Name { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        /// <summary>Managed by the identity provider through SCIM: membership changes belong there.</summary>
        public bool? IsScimManaged { get; set; }

        /// <summary><c>group</c> or <c>tenant_group</c>; null when the response did not carry it (update).</summary>
        public string? GroupType { get; set; }

        public override string ToString() => Id;
    }

    /// <summary>Body of POST /organization/groups and POST /organization/groups/{id}: the name, 1 to 255 characters.</summary>
    public sealed class GroupNameRequest
    {
        public const int MaxNameLength = 255;

        public string Name { get; set; } = string.Empty;
    }
}
