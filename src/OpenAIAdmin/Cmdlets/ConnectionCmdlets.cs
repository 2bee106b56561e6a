using System;
using System.Management.Automation;
using System.Net;
using System.Security;

namespace OpenAIAdmin.Commands
{
    [Cmdlet(VerbsCommunications.Connect, "OAIAdmin", DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(AdminContext))]
    public sealed class ConnectOAIAdminCommand : OAICmdlet
    {
        private const string ApiKeySet = "ApiKey";
        private const string CredentialSet = "Credential";
        private const string EnvironmentSet = "Environment";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ApiKeySet)]
        [ValidateNotNull]
        public SecureString ApiKey { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [ValidateNotNull]
        [Credential]
        public PSCredential Credential { get; set; } = null!;

        [Parameter]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetryCount { get; set; } = 3;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 100;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessItem()
        {
            AdminApiKeyCredential credential = ParameterSetName switch
            {
                ApiKeySet => new AdminApiKeyCredential(Plain(ApiKey), KeySource.Parameter),
                CredentialSet => new AdminApiKeyCredential(Plain(Credential.Password), KeySource.Credential),
                _ => EnvironmentCredential(),
            };
            RejectProjectKey(credential);

            Uri baseUri = BaseUri ?? ConnectionStore.EnvironmentBaseUri() ?? AdminClientOptions.DefaultBaseUri;
            if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
            {
                ThrowTerminatingError(ErrorRecords.Create(ErrorRecords.InvalidBaseUri, ErrorCategory.InvalidArgument,
                    $"The base URI '{baseUri}' is not an absolute http or https address.", baseUri));
            }

            if (baseUri.Scheme == Uri.UriSchemeHttp && !baseUri.IsLoopback)
            {
                WriteWarning($"{baseUri} is not encrypted: the admin key travels in clear text. Use https except for a local simulator.");
            }

            var options = new AdminClientOptions(credential)
            {
                BaseUri = baseUri,
                MaxRetries = MaxRetryCount,
                RequestTimeout = TimeSpan.FromSeconds(TimeoutSec),
                UserAgent = ConnectionStore.UserAgent(this),
            };
            AdminContext context = ConnectionStore.Connect(options, implicitConnection: false);
            WriteVerbose($"Connected to {context.BaseUri} with {context.Key} from {context.KeySource}.");
            if (PassThru)
            {
                WriteObject(context);
            }
        }

        private AdminApiKeyCredential EnvironmentCredential()
        {
            string? key = ConnectionStore.EnvironmentKey();
            if (key == null)
            {
                ThrowTerminatingError(ErrorRecords.Create(ErrorRecords.NoConnection, ErrorCategory.InvalidArgument,
                    "No admin key given: use -ApiKey or -Credential, or set the OPENAI_ADMIN_KEY environment variable.",
                    null, ErrorRecords.ApiConnectionHelp));
            }

            return new AdminApiKeyCredential(key!, KeySource.Environment);
        }

        private static string Plain(SecureString secure) => new NetworkCredential(string.Empty, secure).Password;
    }

    [Cmdlet(VerbsCommunications.Disconnect, "OAIAdmin")]
    [OutputType(typeof(void))]
    public sealed class DisconnectOAIAdminCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            if (!ConnectionStore.Disconnect())
            {
                WriteVerbose("There was no connection to close.");
            }
        }
    }

    [Cmdlet(VerbsCommon.Get, "OAIAdminContext")]
    [OutputType(typeof(AdminContext))]
    public sealed class GetOAIAdminContextCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            AdminContext? context = ConnectionStore.Current;
            if (context != null)
            {
                WriteObject(context);
            }
            else
            {
                WriteVerbose("Not connected. Run Connect-OAIAdmin, or set OPENAI_ADMIN_KEY and the first cmdlet connects.");
            }
        }
    }
}
