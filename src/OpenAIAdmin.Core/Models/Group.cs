using System;
using System.Text.Json.Serialization;

namespace OpenAIAdmin
{
    /// <summary>
    /// An organization group. The API describes a group in three shapes and this one type reads them all:
    /// list, get and create return <c>GroupResponse</c> (with <c>group_type</c>); update returns
    /// <c>GroupResourceWithSuccess</c>, which lacks <c>group_type</c> (so <see cref="GroupType"/> is null there);
    /// role assignments embed a <c>Group</c> with <c>object</c> and <c>scim_managed</c> instead of <c>is_scim_managed</c>.
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

        /// <summary>The embedded group shape spells <see cref="IsScimManaged"/> as <c>scim_managed</c>.</summary>
        [JsonInclude]
        [JsonPropertyName("scim_managed")]
        internal bool? ScimManaged
        {
            get => null;
            set
            {
                if (value != null)
                {
                    IsScimManaged = value;
                }
            }
        }

        public override string ToString() => Id;
    }

    /// <summary>Body of POST /organization/groups and POST /organization/groups/{id}: the name, 1 to 255 characters.</summary>
    public sealed class GroupNameRequest
    {
        public const int MaxNameLength = 255;

        public string Name { get; set; } = string.Empty;
    }
}
