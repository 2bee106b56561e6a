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
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RoleIdCompleter))]
        public string[] Id { get; set; } = null!;

        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 1000)]
        public int? PageSize { get; set; }

        protected override void ProcessItem()
        {
            if (ParameterSetName == IdSet)
            {
                WriteEach(Id, id => Client.Roles.GetAsync(id, CancellationToken));

                return;
            }

            WildcardPattern? name = Wildcard(Name);
            WriteList(o => Client.Roles.ListAsync(null, o, CancellationToken), PageSize,
                name == null ? null : r => name.IsMatch(r.Name ?? string.Empty));
        }
    }

    [Cmdlet(VerbsCommon.New, "OAIRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [ApiOperation("POST", "/organization/roles")]
    [OutputType(typeof(Role))]
    public sealed class NewOAIRoleCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Permissions")]
        [ValidateNotNullOrEmpty]
        public string[] Permission { get; set; } = null!;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Description { get; set; }

        protected override object? ErrorTarget => Name;

        protected override void ProcessItem()
        {
            if (!ShouldProcess($"role '{Name}' with {RoleText.Permissions(RoleText.Distinct(Permission))}", "Create"))
            {
                return;
            }

            var request = new RoleCreateRequest { RoleName = Name, Permissions = RoleText.Distinct(Permission), Description = Description };
            WriteObject(Await(Client.Roles.CreateAsync(request, CancellationToken)));
        }
    }

    [Cmdlet(VerbsCommon.Set, "OAIRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("POST", "/organization/roles/{role_id}")]
    [OutputType(typeof(Role))]
    public sealed class SetOAIRoleCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("RoleId", "role_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RoleIdCompleter))]
        public string Id { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Role InputObject { get; set; } = null!;

        /// <summary>The new name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The complete new permission set (replaces the current one).</summary>
        [Parameter]
        [Alias("Permissions")]
        [ValidateNotNullOrEmpty]
        public string[]? Permission { get; set; }

        /// <summary>The new description; an empty string clears it.</summary>
        [Parameter]
        [AllowEmptyString]
        [ValidateNotNull]
        public string? Description { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private string RoleId => ParameterSetName == InputObjectSet ? InputObject.Id : Id;

        protected override object? ErrorTarget => RoleId;

        protected override void ProcessItem()
        {
            if (Name == null && Permission == null && Description == null)
            {
                ThrowTerminatingError(ErrorRecords.Create("NothingToChange", ErrorCategory.InvalidArgument,
                    "Give -Name, -Permission or -Description: there is nothing to change.", RoleId));
            }

            var changes = new List<string>();
            if (Name != null)
            {
                changes.Add($"Rename to '{Name}'");
            }

            if (Permission != null)
            {
                changes.Add($"Set {RoleText.Permissions(RoleText.Distinct(Permission))}");
            }

            if (Description != null)
            {
                changes.Add(Description.Length == 0 ? "Clear the description" : "Set the description");
            }

            string target = ParameterSetName == InputObjectSet ? RoleText.Target(InputObject.Name, InputObject.Id) : RoleText.Target(null, Id);
            if (!ShouldProcess(target, string.Join("; ", changes)))
            {
                return;
            }

            var request = new RoleUpdateRequest
            {
                RoleName = Name,
                Permissions = Permission == null ? null : RoleText.Distinct(Permission),
                Description = Description,
            };
            Role role = Await(Client.Roles.UpdateAsync(RoleId, request, CancellationToken));
            if (PassThru)
            {
                WriteObject(role);
            }
        }
    }

    [Cmdlet(VerbsCommon.Remove, "OAIRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("DELETE", "/organization/roles/{role_id}")]
    [OutputType(typeof(DeletedObject))]
    public sealed class RemoveOAIRoleCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("RoleId", "role_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RoleIdCompleter))]
        public string Id { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Role InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private string RoleId => ParameterSetName == InputObjectSet ? InputObject.Id : Id;

        protected override object? ErrorTarget => RoleId;

        protected override void ProcessItem()
        {
            string target = ParameterSetName == InputObjectSet ? RoleText.Target(InputObject.Name, InputObject.Id) : RoleText.Target(null, Id);
            if (!ShouldChange(target, "Delete (users and groups holding it lose it)", Force))
            {
                return;
            }

            DeletedObject deleted = Await(Client.Roles.DeleteAsync(RoleId, CancellationToken));
            if (PassThru)
            {
                WriteObject(deleted);
            }
        }
    }

    /// <summary>Wording shared by the role cmdlets' confirmation messages.</summary>
    internal static class RoleText
    {
        public static string Target(string? name, string id) => string.IsNullOrEmpty(name) ? $"role {id}" : $"role '{name}' ({id})";

        public static string Permissions(IReadOnlyCollection<string> permissions) =>
            permissions.Count == 1 ? $"1 permission ({permissions.First()})" : $"{permissions.Count} permissions ({string.Join(", ", permissions)})";

        /// <summary>Permissions in the order given, each once.</summary>
        public static List<string> Distinct(IEnumerable<string> permissions) => permissions.Distinct(System.StringComparer.Ordinal).ToList();
    }
}
