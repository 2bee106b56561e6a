using System;
using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    /// <summary>
    /// Lists or gets a project's API keys. One parameter set: a piped project, service account or user binds its
    /// ProjectId, ServiceAccountId or UserId, and the Id PowerShell also binds from it is dropped by the pipeline guard.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OAIProjectApiKey", SupportsPaging = true)]
    [ApiOperation("GET", "/organization/projects/{project_id}/api_keys")]
    [ApiOperation("GET", "/organization/projects/{project_id}/api_keys/{api_key_id}")]
    [OutputType(typeof(ProjectApiKey))]
    public sealed class GetOAIProjectApiKeyCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string ProjectId { get; set; } = null!;

        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ApiKeyId", "api_key_id")]
        [ArgumentCompleter(typeof(ProjectApiKeyIdCompleter))]
        [PipedBlankIsAbsent]
        public string[]? Id { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotBlank]
        public string? Name { get; set; }

        /// <summary>Only the keys of this service account; service accounts piped in bind here.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("service_account_id")]
        [ArgumentCompleter(typeof(ServiceAccountIdCompleter))]
        [PipedBlankIsAbsent]
        public string? ServiceAccountId { get; set; }

        /// <summary>Only the keys of this user.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("user_id")]
        [PipedBlankIsAbsent]
        public string? UserId { get; set; }

        [Parameter]
        [ValidateSet("User", "ServiceAccount")]
        public string? OwnerType { get; set; }

        /// <summary>The API's owner_project_access filter; without it the API applies its membership-based visibility.</summary>
        [Parameter]
        [ValidateSet("Active", "Inactive", "Any")]
        public string? OwnerProjectAccess { get; set; }

        [Parameter]
        [ValidateRange(1, 100)]
        [WholeNumber]
        public int? PageSize { get; set; }

        protected override object? ErrorTarget => ProjectId;

        protected override void ProcessItem()
        {
            string projectId = ProjectId;
            string? access = OwnerProjectAccess?.ToLowerInvariant();
            string? ownerType = OwnerType == null ? null : OwnerType == "User" ? "user" : "service_account";
            WildcardPattern? name = Wildcard(Name);
            string? serviceAccountId = ServiceAccountId;
            string? userId = UserId;
            bool Wanted(ProjectApiKey k) =>
                (name == null || name.IsMatch(k.Name ?? string.Empty))
                && (ownerType == null || string.Equals(k.OwnerType, ownerType, StringComparison.Ordinal))
                && (serviceAccountId == null || (k.OwnerType == "service_account" && k.OwnerId == serviceAccountId))
                && (userId == null || (k.OwnerType == "user" && k.OwnerId == userId));

            bool filtered = name != null || ownerType != null || serviceAccountId != null || userId != null;
            if (Id != null)
            {
                WriteEach(Id, id => Client.Projects.ApiKeys.GetAsync(projectId, id, CancellationToken), filtered ? Wanted : (Func<ProjectApiKey, bool>?)null);
                return;
            }

            WriteList(o => Client.Projects.ApiKeys.ListAsync(projectId, access, o, CancellationToken), PageSize, filtered ? Wanted : (Func<ProjectApiKey, bool>?)null);
        }
    }

    /// <summary>Revokes a project API key: whatever uses it fails from then on.</summary>
    [Cmdlet(VerbsCommon.Remove, "OAIProjectApiKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("DELETE", "/organization/projects/{project_id}/api_keys/{api_key_id}")]
    [OutputType(typeof(DeletedObject))]
    public sealed class RemoveOAIProjectApiKeyCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string ProjectId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ApiKeyId", "api_key_id")]
        [ArgumentCompleter(typeof(ProjectApiKeyIdCompleter))]
        [ValidateNotBlank]
        public string Id { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ProjectApiKey InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => TargetId(Id);

        protected override void ProcessItem()
        {
            string id = TargetId(Id);
            string projectId = ParameterSetName == InputObjectSet ? InputObject.ProjectId ?? string.Empty : ProjectId;
            string target = Describe("API key", id);
            object? piped = ParameterSetName == InputObjectSet ? InputObject : PipelineInputGuard.Current(this);
            if (PipelineInputGuard.Text(piped, "OwnerType") == "service_account")
            {
                // The API refuses it (400) after the prompt: say so before asking, and before -WhatIf promises a revoke.
                WriteError(ErrorRecords.Create("ServiceAccountKey", ErrorCategory.InvalidOperation,
                    $"{target} in project {projectId} belongs to service account {PipelineInputGuard.Text(piped, "OwnerId") ?? "(unknown)"}: the API deletes a service account's key only with the account (Remove-OAIServiceAccount). Nothing was sent.",
                    id));
                return;
            }

            if (ParameterSetName == InputObjectSet && InputObject.OwnerId != null)
            {
                string owner = InputObject.OwnerType == "service_account" ? "service account" : "user";
                target += $" of {Target(owner, InputObject.OwnerId, InputObject.OwnerName, InputObject.OwnerEmail)}";
            }

            Change(target + $" in project {projectId}", "Revoke", () => Client.Projects.ApiKeys.DeleteAsync(projectId, id, CancellationToken));
        }
    }
}
