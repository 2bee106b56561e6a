using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    [Cmdlet(VerbsCommon.Get, "OAIRole", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [ApiOperation("GET", "/organization/roles")]
    [ApiOperation("GET", "/organization/roles/{role_id}")]
    [OutputType(typeof(Role))]
    public sealed class GetOAIRoleCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("RoleId", "role_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(RoleIdCompleter))]
        public string[] Id { get; set; } = null!;

        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotBlank]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 1000)]
        [WholeNumber]
        public int? PageSize { get; set; }

        protected override void ProcessItem() =>
            GetOrList(Id, id => Client.Roles.GetAsync(id, CancellationToken),
                o => Client.Roles.ListAsync(null, o, CancellationToken), PageSize, Name, r => r.Name);
    }

    [Cmdlet(VerbsCommon.New, "OAIRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [ApiOperation("POST", "/organization/roles")]
    [OutputType(typeof(Role))]
    public sealed class NewOAIRoleCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotBlank]
        public string Name { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Permissions")]
        [ValidateNotBlank]
        public string[] Permission { get; set; } = null!;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [PipedBlankIsAbsent]
        public string? Description { get; set; }

        protected override object? ErrorTarget => Name;

        protected override void ProcessItem()
        {
            List<string> permissions = RoleText.Distinct(Permission);
            var request = new RoleCreateRequest { RoleName = Name, Permissions = permissions, Description = Description };
            Change($"role '{Name}' with {RoleText.Permissions(permissions)}", "Create", () => Client.Roles.CreateAsync(request, CancellationToken));
        }
    }

    [Cmdlet(VerbsCommon.Set, "OAIRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("POST", "/organization/roles/{role_id}")]
    [OutputType(typeof(Role))]
    public sealed class SetOAIRoleCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("RoleId", "role_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(RoleIdCompleter))]
        public string Id { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Role InputObject { get; set; } = null!;

        /// <summary>The new name.</summary>
        [Parameter]
        [ValidateNotBlank]
        public string? Name { get; set; }

        /// <summary>The complete new permission set (replaces the current one).</summary>
        [Parameter]
        [Alias("Permissions")]
        [ValidateNotBlank]
        public string[]? Permission { get; set; }

        /// <summary>The new description; an empty string clears it.</summary>
        [Parameter]
        [AllowEmptyString]
        [ValidateNotNull]
        public string? Description { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => TargetId(Id);

        protected override void ProcessItem()
        {
            string id = TargetId(Id);
            if (Name == null && Permission == null && Description == null)
            {
                ThrowTerminatingError(ErrorRecords.Create(ErrorRecords.NothingToChange, ErrorCategory.InvalidArgument,
                    "Give -Name, -Permission or -Description: there is nothing to change.", id));
            }

            string changes = Changes(
                Name != null ? $"Rename to '{Name}'" : null,
                Permission != null ? $"Set {RoleText.Permissions(RoleText.Distinct(Permission))}" : null,
                Description == null ? null : Description.Length == 0 ? "Clear the description" : "Set the description");

            var request = new RoleUpdateRequest
            {
                RoleName = Name,
                Permissions = Permission == null ? null : RoleText.Distinct(Permission),
                Description = Description,
            };
            Change(Describe("role", id), changes, () => Client.Roles.UpdateAsync(id, request, CancellationToken));
        }
    }

    [Cmdlet(VerbsCommon.Remove, "OAIRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("DELETE", "/organization/roles/{role_id}")]
    [OutputType(typeof(DeletedObject))]
    public sealed class RemoveOAIRoleCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("RoleId", "role_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(RoleIdCompleter))]
        public string Id { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Role InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => TargetId(Id);

        protected override void ProcessItem()
        {
            string id = TargetId(Id);
            Change(Describe("role", id), "Delete (users and groups holding it lose it)", () => Client.Roles.DeleteAsync(id, CancellationToken));
        }
    }

    /// <summary>Wording shared by the role cmdlets' confirmation messages.</summary>
    internal static class RoleText
    {
        public static string Permissions(IReadOnlyCollection<string> permissions) =>
            permissions.Count == 1 ? $"1 permission ({permissions.First()})" : $"{permissions.Count} permissions ({string.Join(", ", permissions)})";

        /// <summary>Permissions in the order given, each once.</summary>
        public static List<string> Distinct(IEnumerable<string> permissions) => permissions.Distinct(System.StringComparer.Ordinal).ToList();
    }
}
