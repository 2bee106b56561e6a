using System;
using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    [Cmdlet(VerbsCommon.Get, "OAIAdminApiKey", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [ApiOperation("GET", "/organization/admin_api_keys")]
    [ApiOperation("GET", "/organization/admin_api_keys/{key_id}")]
    [OutputType(typeof(AdminApiKey))]
    public sealed class GetOAIAdminApiKeyCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("KeyId", "key_id")]
        [ValidateNotBlank]
        public string[] Id { get; set; } = null!;

        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotBlank]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Descending { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 100)]
        [WholeNumber]
        public int? PageSize { get; set; }

        protected override void ProcessItem() =>
            GetOrList(Id, id => Client.AdminApiKeys.GetAsync(id, CancellationToken),
                o => Client.AdminApiKeys.ListAsync(Descending ? "desc" : null, o, CancellationToken), PageSize, Name, k => k.Name);
    }

    [Cmdlet(VerbsCommon.New, "OAIAdminApiKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NoExpirySet)]
    [ApiOperation("POST", "/organization/admin_api_keys")]
    [OutputType(typeof(AdminApiKeySecret))]
    public sealed class NewOAIAdminApiKeyCommand : OAICmdlet
    {
        private const string NoExpirySet = "NoExpiry";
        private const string ExpiresInSet = "ExpiresIn";
        private const string ExpiresAtSet = "ExpiresAt";
        private const long MaxLifetimeSeconds = 31536000;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotBlank]
        public string Name { get; set; } = null!;

        /// <summary>Lifetime of the key, from one second to 365 days.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ExpiresInSet)]
        [TimeSpanArgument]
        public TimeSpan ExpiresIn { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ExpiresAtSet)]
        [InvariantTime(AsDateTime = true)]
        public DateTime ExpiresAt { get; set; }

        protected override object? ErrorTarget => Name;

        protected override void ProcessItem()
        {
            long? seconds = ParameterSetName switch
            {
                ExpiresInSet => (long)Math.Ceiling(ExpiresIn.TotalSeconds),
                ExpiresAtSet => (long)Math.Ceiling((ExpiresAt.ToUniversalTime() - DateTime.UtcNow).TotalSeconds),
                _ => null,
            };
            if (seconds is long s && (s < 1 || s > MaxLifetimeSeconds))
            {
                ThrowTerminatingError(ErrorRecords.Create("InvalidExpiry", ErrorCategory.InvalidArgument,
                    $"An admin key must expire between 1 second and 365 days from now; the requested lifetime is {s} seconds.", Name));
            }

            if (!ShouldProcess($"admin API key '{Name}'", "Create"))
            {
                return;
            }

            WriteObject(CreateWithSecret(
                $"The value of the admin key '{Name}' is returned only once, in the object this command returns: store its Value property (a SecureString) in a secret store; it cannot be read again.",
                () => Client.AdminApiKeys.CreateAsync(Name, seconds, CancellationToken)));
        }
    }

    [Cmdlet(VerbsCommon.Remove, "OAIAdminApiKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("DELETE", "/organization/admin_api_keys/{key_id}")]
    [OutputType(typeof(DeletedObject))]
    public sealed class RemoveOAIAdminApiKeyCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("KeyId", "key_id")]
        [ValidateNotBlank]
        public string Id { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public AdminApiKey InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => TargetId(Id);

        protected override void ProcessItem()
        {
            string id = TargetId(Id);
            Change(Describe("admin API key", id), "Delete", () => Client.AdminApiKeys.DeleteAsync(id, CancellationToken));
        }
    }
}
