using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    [Cmdlet(VerbsCommon.Get, "OAIInvite", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [ApiOperation("GET", "/organization/invites")]
    [ApiOperation("GET", "/organization/invites/{invite_id}")]
    [OutputType(typeof(Invite))]
    public sealed class GetOAIInviteCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("InviteId", "invite_id")]
        [ValidateNotBlank]
        public string[] Id { get; set; } = null!;

        /// <summary>Filtered in PowerShell: the API has no invite filter.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotBlank]
        public string? Email { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("pending", "accepted", "expired")]
        public string[]? Status { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 100)]
        [WholeNumber]
        public int? PageSize { get; set; }

        protected override void ProcessItem()
        {
            if (ParameterSetName == IdSet)
            {
                GetOrList(Id, id => Client.Invites.GetAsync(id, CancellationToken), o => Client.Invites.ListAsync(o, CancellationToken));
                return;
            }

            WildcardPattern? email = Wildcard(Email);
            string[]? status = Status;
            Func<Invite, bool>? filter = null;
            if (email != null || status != null)
            {
                filter = i => (email == null || email.IsMatch(i.Email ?? string.Empty))
                    && (status == null || status.Contains(i.Status ?? string.Empty, StringComparer.OrdinalIgnoreCase));
            }

            WriteList(o => Client.Invites.ListAsync(o, CancellationToken), PageSize, filter);
        }
    }

    /// <summary>
    /// Project grants come either as -ProjectId (one role for every project listed) or as -Project objects
    /// (each with its own role, e.g. hashtables, or the Projects of an existing invite piped in).
    /// Without either, the API adds the person to the default project; -Project @() grants no project at all.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "OAIInvite", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ProjectIdSet)]
    [ApiOperation("POST", "/organization/invites")]
    [OutputType(typeof(Invite))]
    public sealed class NewOAIInviteCommand : OAICmdlet
    {
        private const string ProjectIdSet = "ProjectId";
        private const string ProjectSet = "Project";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidatePattern(@"^[^@\s]+@[^@\s]+$")]
        public string Email { get; set; } = null!;

        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("reader", "owner")]
        public string Role { get; set; } = "reader";

        [Parameter(ParameterSetName = ProjectIdSet)]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string[]? ProjectId { get; set; }

        [Parameter(ParameterSetName = ProjectIdSet)]
        [ValidateSet("member", "owner")]
        public string ProjectRole { get; set; } = "member";

        [Parameter(Mandatory = true, ParameterSetName = ProjectSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Projects")]
        [AllowEmptyCollection]
        [ValidateNotNull]
        public InviteProject[] Project { get; set; } = null!;

        protected override object? ErrorTarget => Email;

        protected override void ProcessItem()
        {
            if (ProjectId == null && MyInvocation.BoundParameters.ContainsKey(nameof(ProjectRole)))
            {
                // Without -ProjectId the invite grants the default project as the API decides; a role given for it would be dropped.
                ThrowTerminatingError(ErrorRecords.Create("ProjectRoleWithoutProject", ErrorCategory.InvalidArgument,
                    "-ProjectRole applies to the projects of -ProjectId; give -ProjectId too, or -Project with a role per project. Nothing was sent.", Email));
            }

            if (ParameterSetName != ProjectSet && PipelineInputGuard.Current(this) is object record
                && (PipelineInputGuard.Text(record, "Projects") ?? PipelineInputGuard.Text(record, "Project")) is string unread)
            {
                // A CSV row keeps an invite's projects only as text, which cannot bind -Project: inviting without them
                // would grant the default project instead of the ones the row names.
                WriteError(ErrorRecords.Create("InvalidProjectGrant", ErrorCategory.InvalidArgument,
                    $"The piped object's projects ('{ErrorRecords.Shorten(unread)}') are text, not project grants (a CSV keeps only text), so '{Email}' was not invited. "
                    + "Nothing was sent. Pipe invites themselves (Import-Clixml keeps them), or give -Project @{ Id = '...'; Role = 'member' }.", Email));
                return;
            }

            IList<InviteProject>? projects = ParameterSetName == ProjectSet
                ? Project.Select(Grant).ToList()
                : ProjectId?.Select(id => new InviteProject(id, ProjectRole.ToLowerInvariant())).ToList();
            string role = Role.ToLowerInvariant();
            string grants = projects == null ? "the default project" : projects.Count == 0 ? "no project" : string.Join(", ", projects);
            // An accepted owner invite gives full control of the organization, as Set-OAIUser -Role owner does: it asks
            // as ConfirmImpact High would.
            string action = $"Invite as {role}, granting {grants}";
            if (!(role == "owner" ? ShouldChangeHighImpact($"'{Email}'", action + " (an owner has full control of the organization)") : ShouldProcess($"'{Email}'", action)))
            {
                return;
            }

            var request = new InviteCreateRequest { Email = Email, Role = role, Projects = projects };
            WriteObject(Await(Client.Invites.CreateAsync(request, CancellationToken)));
        }

        private InviteProject Grant(InviteProject? grant)
        {
            string? role = grant?.Role?.ToLowerInvariant();
            if (grant == null || string.IsNullOrWhiteSpace(grant.Id) || (role != "member" && role != "owner"))
            {
                ThrowTerminatingError(ErrorRecords.Create("InvalidProjectGrant", ErrorCategory.InvalidArgument,
                    $"Each -Project entry needs an Id and a Role of 'member' or 'owner', such as @{{ Id = 'proj_abc'; Role = 'member' }}; got '{grant}'.", grant));
            }

            return new InviteProject(grant!.Id, role!);
        }
    }

    [Cmdlet(VerbsCommon.Remove, "OAIInvite", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("DELETE", "/organization/invites/{invite_id}")]
    [OutputType(typeof(DeletedObject))]
    public sealed class RemoveOAIInviteCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("InviteId", "invite_id")]
        [ValidateNotBlank]
        public string Id { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Invite InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => TargetId(Id);

        protected override void ProcessItem()
        {
            string id = TargetId(Id);
            try
            {
                Change(Describe("invite", id), "Delete", () => Client.Invites.DeleteAsync(id, CancellationToken));
            }
            catch (OpenAIAdminApiException ex) when (ex.Kind == AdminErrorKind.ApiBadRequest && SaysAccepted(ex))
            {
                // The API refuses to delete an accepted invite: say what to do instead.
                ErrorRecord record = ErrorRecords.FromException(ex, id);
                record.ErrorDetails.RecommendedAction =
                    "An accepted invite cannot be deleted: the person is already a member of the organization. To revoke their access, use Remove-OAIUser.";
                WriteError(record);
            }
        }

        /// <summary>Whether the API said the invite was accepted: the contract names no code, so its message counts too.</summary>
        private static bool SaysAccepted(OpenAIAdminApiException ex) =>
            ex.ErrorCode == "invite_already_accepted"
            || (ex.ApiMessage ?? string.Empty).IndexOf("accepted", StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
