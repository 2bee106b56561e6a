using System;
using System.Collections.Generic;
using System.Text.Json;

namespace OpenAIAdmin
{
    /// <summary>
    /// An organization role held by a user or a group. The API answers in two shapes: listing and retrieving give
    /// the role's details plus assignment data (<c>AssignedRoleDetails</c>), assigning gives the principal and the
    /// role (<c>user.role</c> / <c>group.role</c>). Both are mapped to this one shape so every role-assignment
    /// cmdlet emits the same object; fields a given call does not return are null.
    /// </summary>
    public abstract class RoleAssignment
    {
        public string RoleId { get; set; } = string.Empty;

        public string? RoleName { get; set; }

        public string? Description { get; set; }

        public string[] Permissions { get; set; } = Array.Empty<string>();

        public string? ResourceType { get; set; }

        public bool PredefinedRole { get; set; }

        /// <summary>Principals the assignment comes from, when the API says (list and retrieve only).</summary>
        public IReadOnlyList<RoleAssignmentSource>? AssignmentSources { get; set; }

        /// <summary>When the role (not the assignment) was created; list and retrieve only.</summary>
        public DateTimeOffset? RoleCreatedAt { get; set; }

        /// <summary>When the role (not the assignment) was last changed; list and retrieve only.</summary>
        public DateTimeOffset? RoleUpdatedAt { get; set; }

        /// <summary>Id of whoever created the role; list and retrieve only.</summary>
        public string? RoleCreatedBy { get; set; }

        /// <summary>Details of whoever created the role, as the API gives them; list and retrieve only.</summary>
        public IDictionary<string, object?>? RoleCreatedByUser { get; set; }

        /// <summary>Metadata stored on the role; list and retrieve only.</summary>
        public IDictionary<string, object?>? Metadata { get; set; }

        /// <summary>The role id, which is what the API's list entries are identified by.</summary>
        public override string ToString() => RoleId;
    }

    /// <summary>An organization role assigned to a user.</summary>
    public sealed class UserRoleAssignment : RoleAssignment
    {
        public string UserId { get; set; } = string.Empty;

        /// <summary>The user as the API returned it when assigning; null from list and retrieve.</summary>
        public OrganizationUser? User { get; set; }
    }

    /// <summary>An organization role assigned to a group.</summary>
    public sealed class GroupRoleAssignment : RoleAssignment
    {
        public string GroupId { get; set; } = string.Empty;

        /// <summary>The group as the API returned it when assigning (no GroupType there); null from list and retrieve.</summary>
        public Group? Group { get; set; }
    }

    /// <summary>A principal a role assignment is inherited from.</summary>
    public sealed class RoleAssignmentSource
    {
        public string? PrincipalId { get; set; }

        /// <summary>For example <c>user</c> or <c>group</c>.</summary>
        public string? PrincipalType { get; set; }

        public override string ToString() => $"{PrincipalType} {PrincipalId}".Trim();
    }

    /// <summary>
    /// The API's confirmation of an unassignment (<c>user.role.deleted</c> or <c>group.role.deleted</c>). The API
    /// sends only <c>object</c> and <c>deleted</c>; the client adds the ids of the request.
    /// </summary>
    public sealed class DeletedRoleAssignment
    {
        public string? Object { get; set; }

        public bool? Deleted { get; set; }

        public string RoleId { get; set; } = string.Empty;

        /// <summary>The user the role was removed from; null for a group.</summary>
        public string? UserId { get; set; }

        /// <summary>The group the role was removed from; null for a user.</summary>
        public string? GroupId { get; set; }

        /// <summary>The project of a project role assignment; null for an organization role.</summary>
        public string? ProjectId { get; set; }

        public override string ToString() => RoleId;
    }

    /// <summary>Wire shape of list/retrieve entries (API schema <c>AssignedRoleDetails</c>).</summary>
    internal sealed class AssignedRoleDetails
    {
        public string Id { get; set; } = string.Empty;

        public string? Name { get; set; }

        public string[]? Permissions { get; set; }

        public string? ResourceType { get; set; }

        public bool PredefinedRole { get; set; }

        public string? Description { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }

        public DateTimeOffset? UpdatedAt { get; set; }

        public string? CreatedBy { get; set; }

        public Dictionary<string, JsonElement>? CreatedByUserObj { get; set; }

        public Dictionary<string, JsonElement>? Metadata { get; set; }

        public List<RoleAssignmentSource>? AssignmentSources { get; set; }

        public T Fill<T>(T assignment) where T : RoleAssignment
        {
            assignment.RoleId = Id;
            assignment.RoleName = Name;
            assignment.Description = Description;
            assignment.Permissions = Permissions ?? Array.Empty<string>();
            assignment.ResourceType = ResourceType;
            assignment.PredefinedRole = PredefinedRole;
            assignment.AssignmentSources = AssignmentSources;
            assignment.RoleCreatedAt = CreatedAt;
            assignment.RoleUpdatedAt = UpdatedAt;
            assignment.RoleCreatedBy = CreatedBy;
            assignment.RoleCreatedByUser = JsonValues.ToDictionary(CreatedByUserObj);
            assignment.Metadata = JsonValues.ToDictionary(Metadata);
            return assignment;
        }
    }

    /// <summary>Wire shape of POST /organization/users/{id}/roles (API schema <c>UserRoleAssignment</c>).</summary>
    internal sealed class UserRoleAssignmentResponse
    {
        public string? Object { get; set; }

        public OrganizationUser? User { get; set; }

        public Role? Role { get; set; }
    }

    /// <summary>Wire shape of POST /organization/groups/{id}/roles (API schema <c>GroupRoleAssignment</c>).</summary>
    internal sealed class GroupRoleAssignmentResponse
    {
        public string? Object { get; set; }

        public AssignmentGroup? Group { get; set; }

        public Role? Role { get; set; }
    }

    /// <summary>The group summary embedded in a group role assignment: <c>scim_managed</c>, not <c>is_scim_managed</c>, and no type.</summary>
    internal sealed class AssignmentGroup
    {
        public string Id { get; set; } = string.Empty;

        public string? Name { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public bool? ScimManaged { get; set; }

        public Group ToGroup() => new Group { Id = Id, Name = Name, CreatedAt = CreatedAt, IsScimManaged = ScimManaged };
    }

    /// <summary>Wire shape of DELETE …/roles/{role_id} (API schema <c>DeletedRoleAssignmentResource</c>).</summary>
    internal sealed class DeletedRoleAssignmentResponse
    {
        public string? Object { get; set; }

        public bool? Deleted { get; set; }
    }

    /// <summary>Turns free-form JSON ("map of string to any") into plain .NET values PowerShell shows naturally.</summary>
    internal static class JsonValues
    {
        public static IDictionary<string, object?>? ToDictionary(Dictionary<string, JsonElement>? map)
        {
            if (map == null)
            {
                return null;
            }

            var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, JsonElement> pair in map)
            {
                result[pair.Key] = ToValue(pair.Value);
            }

            return result;
        }

        public static object? ToValue(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (JsonProperty property in element.EnumerateObject())
                    {
                        map[property.Name] = ToValue(property.Value);
                    }

                    return map;
                case JsonValueKind.Array:
                    var list = new List<object?>();
                    foreach (JsonElement item in element.EnumerateArray())
                    {
                        list.Add(ToValue(item));
                    }

                    return list.ToArray();
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    return element.TryGetInt64(out long whole) ? whole : (object)element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }
    }
}
