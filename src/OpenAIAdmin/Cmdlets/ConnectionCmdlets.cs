using System;
using System.Management.Automation;
using System.Net;
using System.Security;

namespace OpenAIAdmin.Commands
{
    /// <summary>
    /// Makes the current connection of this runspace. Every failure is terminating and leaves the runspace with no
    /// connection: a script must never go on silently with the connection it had before.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "OAIAdmin", DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(AdminContext))]
    public sealed class ConnectOAIAdminCommand : PSCmdlet
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
        [ValidateRange(0, ConnectionStore.MaxRetryCountLimit)]
        [WholeNumber]
        public int MaxRetryCount { get; set; }

        [Parameter]
        [ValidateRange(1, ConnectionStore.TimeoutSecLimit)]
        [WholeNumber]
        public int TimeoutSec { get; set; }

        [Parameter]
        [ValidateRange(1, ConnectionStore.OperationTimeoutSecLimit)]
        [WholeNumber]
        public int OperationTimeoutSec { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            bool replaced = ConnectionStore.Disconnect();
            try
            {
                AdminContext context = Connect();
                // Before the connection becomes the session's: a Verbose line the host cannot write (-Debug in a
                // non-interactive run) fails the command, and a failed Connect-OAIAdmin leaves no connection.
                WriteVerbose($"Connected to {context.BaseUri} with {context.Key} from {context.KeySource}.");
                ConnectionStore.SetCurrent(context, SessionState);
                if (PassThru)
                {
                    WriteObject(context);
                }
            }
            catch (ConnectionSetupException ex)
            {
                ThrowTerminatingError(replaced ? ErrorRecords.WithNote(ex.ErrorRecord, "This session no longer has its previous connection (a failed Connect-OAIAdmin leaves none): connect again.") : ex.ErrorRecord);
            }
            catch (Exception ex) when (Loading.LoadFailure.Find(ex) is Loading.ModuleLoadException failure)
            {
                // The first cmdlet of a session is often this one: a dependency missing from the module folder shows here.
                ThrowTerminatingError(failure.ErrorRecord);
            }
        }

        private AdminContext Connect()
        {
            AdminApiKeyCredential credential = ParameterSetName switch
            {
                ApiKeySet => KeyFrom(Plain(ApiKey), KeySource.Parameter, "-ApiKey"),
                CredentialSet => KeyFrom(Plain(Credential.Password), KeySource.Credential, "-Credential"),
                _ => KeyFrom(ConnectionStore.EnvironmentKey(), KeySource.Environment, ConnectionStore.KeyVariable),
            };
            ConnectionStore.RejectUnusableKey(credential, "The key");

            Uri baseUri = BaseUri != null
                ? ConnectionStore.ValidateBaseUri(BaseUri, "-BaseUri")
                : ConnectionStore.ValidateBaseUri(ConnectionStore.EnvironmentBaseUri() ?? AdminClientOptions.DefaultBaseUri, "The " + ConnectionStore.BaseUriVariable + " environment variable");
            ConnectionSettings settings = ConnectionSettings.Resolve(
                Given(nameof(MaxRetryCount), MaxRetryCount), Given(nameof(TimeoutSec), TimeoutSec), Given(nameof(OperationTimeoutSec), OperationTimeoutSec));
            return ConnectionStore.Open(credential, baseUri, settings, ConnectionStore.UserAgent(this), implicitConnection: false, WriteWarning);
        }

        private int? Given(string parameter, int value) => MyInvocation.BoundParameters.ContainsKey(parameter) ? value : (int?)null;

        private static AdminApiKeyCredential KeyFrom(string? key, KeySource source, string from)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                string message = source == KeySource.Environment
                    ? "No admin key given: use -ApiKey or -Credential, or set the OPENAI_ADMIN_KEY environment variable."
                    : $"The admin key given with {from} is empty.";
                throw new ConnectionSetupException(ErrorRecords.Create(ErrorRecords.NoConnection, ErrorCategory.InvalidArgument,
                    message, null, ErrorRecords.ApiConnectionHelp));
            }

            return new AdminApiKeyCredential(key!, source);
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
                WriteVerbose("There was no connection to forget in this session.");
            }
        }
    }

    /// <summary>
    /// The connection the next cmdlet of this runspace would use: Connect-OAIAdmin's, else the implicit one from
    /// OPENAI_ADMIN_KEY as the environment is now. With neither, a warning says so and nothing is written.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OAIAdminContext")]
    [OutputType(typeof(AdminContext))]
    public sealed class GetOAIAdminContextCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            AdminContext? context = ConnectionStore.Current(SessionState, out bool ended);
            if (ended)
            {
                WriteWarning(ConnectionStore.EndedWarning);
            }

            if (context == null && ConnectionStore.EnvironmentKey() == null)
            {
                WriteWarning("Not connected: run Connect-OAIAdmin, or set OPENAI_ADMIN_KEY and every cmdlet connects with it.");
                return;
            }

            try
            {
                WriteObject(context ?? ConnectionStore.FromEnvironment(this, WriteWarning));
            }
            catch (ConnectionSetupException ex)
            {
                ThrowTerminatingError(ex.ErrorRecord);
            }
        }
    }
}
