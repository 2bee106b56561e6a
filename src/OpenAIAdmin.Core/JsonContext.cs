using System.Text.Json.Serialization;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin
{
    /// <summary>
    /// Compile-time JSON metadata (System.Text.Json source generation) for the answers the module reads most: the list
    /// pages and objects of the resources. <see cref="Json.Options"/> asks this context first and falls back to
    /// reflection for every type that is not listed, so a model added without an entry here still works; an entry only
    /// saves the first call of a process the cost of building that type's metadata by reflection (see "Performance" in
    /// docs/ARCHITECTURE.md). The naming policy, converters and number handling are those of <see cref="Json.Options"/>:
    /// the context supplies metadata only and is never used with its own options.
    /// </summary>
    [JsonSerializable(typeof(ListEnvelope<OrganizationUser>))]
    [JsonSerializable(typeof(OrganizationUser))]
    [JsonSerializable(typeof(ListEnvelope<Project>))]
    [JsonSerializable(typeof(Project))]
    [JsonSerializable(typeof(ListEnvelope<AdminApiKey>))]
    [JsonSerializable(typeof(AdminApiKey))]
    [JsonSerializable(typeof(ListEnvelope<Invite>))]
    [JsonSerializable(typeof(Invite))]
    [JsonSerializable(typeof(ListEnvelope<Group>))]
    [JsonSerializable(typeof(Group))]
    [JsonSerializable(typeof(ListEnvelope<Role>))]
    [JsonSerializable(typeof(Role))]
    [JsonSerializable(typeof(ListEnvelope<Certificate>))]
    [JsonSerializable(typeof(Certificate))]
    [JsonSerializable(typeof(ListEnvelope<ProjectUser>))]
    [JsonSerializable(typeof(ProjectUser))]
    [JsonSerializable(typeof(ListEnvelope<ProjectServiceAccount>))]
    [JsonSerializable(typeof(ProjectServiceAccount))]
    [JsonSerializable(typeof(ListEnvelope<ProjectApiKey>))]
    [JsonSerializable(typeof(ProjectApiKey))]
    [JsonSerializable(typeof(ListEnvelope<ProjectRateLimit>))]
    [JsonSerializable(typeof(ListEnvelope<ProjectRole>))]
    [JsonSerializable(typeof(ProjectRole))]
    [JsonSerializable(typeof(ListEnvelope<ProjectGroup>))]
    [JsonSerializable(typeof(ProjectGroup))]
    [JsonSerializable(typeof(ListEnvelope<AssignedRoleDetails>))]
    [JsonSerializable(typeof(DeletedObject))]
    internal sealed partial class AdminJsonContext : JsonSerializerContext
    {
    }
}
