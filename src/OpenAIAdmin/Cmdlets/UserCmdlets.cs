using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    [Cmdlet(VerbsCommon.Get, "OAIUser", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [ApiOperation("GET", "/organization/users")]
    [ApiOperation("GET", "/organization/users/{user_id}")]
    [OutputType(typeof(OrganizationUser))]
    public sealed class GetOAIUserCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId", "user_id")]
        [ValidateNotBlank]
        public string[] Id { get; set; } = null!;

        /// <summary>Filtered by the API (exact addresses).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotBlank]
        public string[]? Email { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotBlank]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 100)]
        [WholeNumber]
        public int? PageSize { get; set; }

        protected override void ProcessItem() =>
            GetOrList(Id, id => Client.Users.GetAsync(id, CancellationToken),
                o => Client.Users.ListAsync(Email, o, CancellationToken), PageSize, Name, u => u.Name);
    }

    [Cmdlet(VerbsCommon.Set, "OAIUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [ApiOperation("POST", "/organization/users/{user_id}")]
    [OutputType(typeof(OrganizationUser))]
    public sealed class SetOAIUserCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId", "user_id")]
        [ValidateNotBlank]
        public string Id { get; set; } = null!;

        [Parameter]
        [ValidateSet("owner", "reader")]
        public string? Role { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(RoleIdCompleter))]
        [ValidateNotBlank]
        public string? RoleId { get; set; }

        [Parameter]
        [ValidateNotBlank]
        public string? TechnicalLevel { get; set; }

        [Parameter]
        [ValidateNotBlank]
        public string? DeveloperPersona { get; set; }

        /// <summary>Answers the extra confirmation that making someone an organization owner asks for.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (Role == null && RoleId == null && TechnicalLevel == null && DeveloperPersona == null)
            {
                ThrowTerminatingError(ErrorRecords.Create(ErrorRecords.NothingToChange, ErrorCategory.InvalidArgument,
                    "Give -Role, -RoleId, -TechnicalLevel or -DeveloperPersona: there is nothing to change.", Id));
            }

            string action = Changes(
                Role != null ? $"Set role '{Role.ToLowerInvariant()}'" : null,
                RoleId != null ? $"Assign role {RoleId}" : null,
                TechnicalLevel != null ? $"Set technical level '{TechnicalLevel}'" : null,
                DeveloperPersona != null ? $"Set developer persona '{DeveloperPersona}'" : null);
            string target = Describe("user", Id);

            // An owner can do everything, including removing the other owners: confirm it as ConfirmImpact High would.
            bool makesOwner = string.Equals(Role, "owner", System.StringComparison.OrdinalIgnoreCase);
            if (!(makesOwner ? ShouldChangeHighImpact(target, action + " (full control of the organization)") : ShouldProcess(target, action)))
            {
                return;
            }

            var request = new UserUpdateRequest
            {
                Role = Role?.ToLowerInvariant(),
                RoleId = RoleId,
                TechnicalLevel = TechnicalLevel,
                DeveloperPersona = DeveloperPersona,
            };
            OrganizationUser user = Await(Client.Users.UpdateAsync(Id, request, CancellationToken));
            if (Switch("PassThru"))
            {
                WriteObject(user);
            }
        }
    }

    [Cmdlet(VerbsCommon.Remove, "OAIUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("DELETE", "/organization/users/{user_id}")]
    [OutputType(typeof(DeletedObject))]
    public sealed class RemoveOAIUserCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId", "user_id")]
        [ValidateNotBlank]
        public string Id { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public OrganizationUser InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => TargetId(Id);

        protected override void ProcessItem()
        {
            string id = TargetId(Id);
            Change(Describe("user", id), "Remove from the organization", () => Client.Users.DeleteAsync(id, CancellationToken));
        }
    }
}
