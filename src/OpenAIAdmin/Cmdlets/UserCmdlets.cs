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
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = null!;

        /// <summary>Filtered by the API (exact addresses).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Email { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 100)]
        public int? PageSize { get; set; }

        protected override void ProcessItem()
        {
            if (ParameterSetName == IdSet)
            {
                WriteEach(Id, id => Client.Users.GetAsync(id, CancellationToken));

                return;
            }

            WildcardPattern? name = Wildcard(Name);
            WriteList(o => Client.Users.ListAsync(Email, o, CancellationToken), PageSize,
                name == null ? null : u => name.IsMatch(u.Name ?? string.Empty));
        }
    }

    [Cmdlet(VerbsCommon.Set, "OAIUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [ApiOperation("POST", "/organization/users/{user_id}")]
    [OutputType(typeof(OrganizationUser))]
    public sealed class SetOAIUserCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId", "user_id")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = null!;

        [Parameter]
        [ValidateSet("owner", "reader")]
        public string? Role { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(RoleIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string? RoleId { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TechnicalLevel { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DeveloperPersona { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (Role == null && RoleId == null && TechnicalLevel == null && DeveloperPersona == null)
            {
                ThrowTerminatingError(ErrorRecords.Create("NothingToChange", ErrorCategory.InvalidArgument,
                    "Give -Role, -RoleId, -TechnicalLevel or -DeveloperPersona: there is nothing to change.", Id));
            }

            string change = Role != null ? $"Set role '{Role.ToLowerInvariant()}'" : RoleId != null ? $"Assign role {RoleId}" : "Update profile";
            if (!ShouldProcess($"user {Id}", change))
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
            if (PassThru)
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
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public OrganizationUser InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private string UserId => ParameterSetName == InputObjectSet ? InputObject.Id : Id;

        protected override object? ErrorTarget => UserId;

        protected override void ProcessItem()
        {
            string target = ParameterSetName == InputObjectSet
                ? UserTarget.Describe(InputObject.Name, InputObject.Email, InputObject.Id)
                : $"user {Id}";
            if (!ShouldChange(target, "Remove from the organization", Force))
            {
                return;
            }

            DeletedObject deleted = Await(Client.Users.DeleteAsync(UserId, CancellationToken));
            if (PassThru)
            {
                WriteObject(deleted);
            }
        }
    }
}
