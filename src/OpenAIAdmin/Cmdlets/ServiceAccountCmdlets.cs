using System;
using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    [Cmdlet(VerbsCommon.Get, "OAIServiceAccount", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [ApiOperation("GET", "/organization/projects/{project_id}/service_accounts")]
    [ApiOperation("GET", "/organization/projects/{project_id}/service_accounts/{service_account_id}")]
    [OutputType(typeof(ProjectServiceAccount))]
    public sealed class GetOAIServiceAccountCommand : OAICmdlet
    {
        /// <summary>The project; projects piped in bind here.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string ProjectId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ServiceAccountId", "service_account_id")]
        [ArgumentCompleter(typeof(ServiceAccountIdCompleter))]
        [ValidateNotBlank]
        public string[] Id { get; set; } = null!;

        /// <summary>Filtered in PowerShell: the API has no name filter.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotBlank]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 100)]
        [WholeNumber]
        public int? PageSize { get; set; }

        protected override object? ErrorTarget => ProjectId;

        protected override void ProcessItem()
        {
            string projectId = ProjectId;
            GetOrList(Id, id => Client.Projects.ServiceAccounts.GetAsync(projectId, id, CancellationToken),
                o => Client.Projects.ServiceAccounts.ListAsync(projectId, o, CancellationToken), PageSize, Name, a => a.Name);
        }
    }

    /// <summary>Creates a service account, by default with its first API key, whose value is returned only this once.</summary>
    [Cmdlet(VerbsCommon.New, "OAIServiceAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [ApiOperation("POST", "/organization/projects/{project_id}/service_accounts")]
    [OutputType(typeof(ProjectServiceAccountCreated))]
    public sealed class NewOAIServiceAccountCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string ProjectId { get; set; } = null!;

        /// <summary>Not bound from the pipeline, where it would be the name of the project piped in.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotBlank]
        public string Name { get; set; } = null!;

        /// <summary>Creates the account only: no default role, no key (<c>create_service_account_only</c>).</summary>
        [Parameter]
        public SwitchParameter NoApiKey { get; set; }

        protected override object? ErrorTarget => Name;

        protected override void ProcessItem()
        {
            bool accountOnly = NoApiKey.IsPresent && NoApiKey.ToBool();
            string action = accountOnly ? "Create (no role, no API key)" : "Create with an API key";
            if (!ShouldProcess($"service account '{Name}' in project {ProjectId}", action))
            {
                return;
            }

            Func<System.Threading.Tasks.Task<ProjectServiceAccountCreated>> create =
                () => Client.Projects.ServiceAccounts.CreateAsync(ProjectId, Name, accountOnly, CancellationToken);
            WriteObject(accountOnly ? Await(create()) : CreateWithSecret(
                $"The API key of the service account '{Name}' is returned only once, in the object this command returns: store its ApiKey.Value (a SecureString) in a secret store; it cannot be read again.",
                create));
        }
    }

    [Cmdlet(VerbsCommon.Set, "OAIServiceAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("POST", "/organization/projects/{project_id}/service_accounts/{service_account_id}")]
    [OutputType(typeof(ProjectServiceAccount))]
    public sealed class SetOAIServiceAccountCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string ProjectId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ServiceAccountId", "service_account_id")]
        [ArgumentCompleter(typeof(ServiceAccountIdCompleter))]
        [ValidateNotBlank]
        public string Id { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ProjectServiceAccount InputObject { get; set; } = null!;

        /// <summary>The new name. Not bound from the pipeline, where it would be the current name.</summary>
        [Parameter]
        [ValidateNotBlank]
        public string? Name { get; set; }

        [Parameter]
        [ValidateSet("owner", "member")]
        public string? Role { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => TargetId(Id);

        protected override void ProcessItem()
        {
            if (Name == null && Role == null)
            {
                ThrowTerminatingError(ErrorRecords.Create(ErrorRecords.NothingToChange, ErrorCategory.InvalidArgument,
                    "Give -Name or -Role: there is nothing to change.", TargetId(Id)));
            }

            string id = TargetId(Id);
            string projectId = ParameterSetName == InputObjectSet ? InputObject.ProjectId ?? string.Empty : ProjectId;
            string changes = Changes(
                Name != null ? $"Rename to '{Name}'" : null,
                Role != null ? $"Set project role '{Role}'" : null);
            var request = new ServiceAccountUpdateRequest { Name = Name, Role = Role };
            Change(Describe("service account", id) + $" in project {projectId}", changes,
                () => Client.Projects.ServiceAccounts.UpdateAsync(projectId, id, request, CancellationToken));
        }
    }

    /// <summary>Deletes a service account; every key it holds stops working at once.</summary>
    [Cmdlet(VerbsCommon.Remove, "OAIServiceAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("DELETE", "/organization/projects/{project_id}/service_accounts/{service_account_id}")]
    [OutputType(typeof(DeletedObject))]
    public sealed class RemoveOAIServiceAccountCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string ProjectId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ServiceAccountId", "service_account_id")]
        [ArgumentCompleter(typeof(ServiceAccountIdCompleter))]
        [ValidateNotBlank]
        public string Id { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ProjectServiceAccount InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => TargetId(Id);

        protected override void ProcessItem()
        {
            string id = TargetId(Id);
            string projectId = ParameterSetName == InputObjectSet ? InputObject.ProjectId ?? string.Empty : ProjectId;
            Change(Describe("service account", id) + $" in project {projectId}", "Delete (its API keys stop working)",
                () => Client.Projects.ServiceAccounts.DeleteAsync(projectId, id, CancellationToken));
        }
    }

    /// <summary>Issues another API key for an existing service account: the first step of a rotation.</summary>
    [Cmdlet(VerbsCommon.New, "OAIServiceAccountApiKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [ApiOperation("POST", "/organization/projects/{project_id}/service_accounts/{service_account_id}/api_keys")]
    [OutputType(typeof(ServiceAccountApiKeySecret))]
    public sealed class NewOAIServiceAccountApiKeyCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string ProjectId { get; set; } = null!;

        /// <summary>Service accounts piped in bind here by their ServiceAccountId.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("service_account_id")]
        [ArgumentCompleter(typeof(ServiceAccountIdCompleter))]
        [ValidateNotBlank]
        public string ServiceAccountId { get; set; } = null!;

        /// <summary>The key's name. Not bound from the pipeline, where it would be the service account's name.</summary>
        [Parameter]
        [ValidateNotBlank]
        public string? Name { get; set; }

        [Parameter]
        [ValidateNotBlank]
        public string[]? Scope { get; set; }

        protected override object? ErrorTarget => ServiceAccountId;

        protected override void ProcessItem()
        {
            string target = Describe("service account", ServiceAccountId) + $" in project {ProjectId}";
            if (!ShouldProcess(target, Name != null ? $"Create API key '{Name}'" : "Create an API key"))
            {
                return;
            }

            string named = Name != null ? $"API key '{Name}'" : "API key";
            WriteObject(CreateWithSecret(
                $"The value of the new {named} of service account {ServiceAccountId} is returned only once, in the object this command returns: store its Value property (a SecureString) in a secret store; it cannot be read again.",
                () => Client.Projects.ServiceAccounts.CreateApiKeyAsync(ProjectId, ServiceAccountId, Name, Scope, CancellationToken)));
        }
    }
}
