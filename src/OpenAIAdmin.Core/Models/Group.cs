using System;

namespace OpenAIAdmin
{
    /// <summary>An organization group (API schema <c>GroupResponse</c>).</summary>
    public sealed class Group
    {
        public string Id { get; set; } = string.Empty;

        public string? Name { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public bool? IsScimManaged { get; set; }

        /// <summary><c>group</c> or <c>tenant_group</c>.</summary>
        public string? GroupType { get; set; }

        public override string ToString() => Id;
    }
}
