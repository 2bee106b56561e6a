using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace OpenAIAdmin.Commands
{
    /// <summary>
    /// Where connections live. The current connection belongs to one runspace (Azure Automation runs several jobs
    /// in one process; ForEach-Object -Parallel runs runspaces side by side), so Connect/Disconnect in one runspace
    /// never changes another's. What is shared process-wide is the client of one (key, base URI, settings): its
    /// HttpClient and its rate-limit cooldown. Shared clients are created once, thread-safely, and never disposed:
    /// any runspace may be using one, and a connection object may travel to another runspace ($using:).
    /// </summary>
    internal static class ConnectionStore
    {
        public const string KeyVariable = "OPENAI_ADMIN_KEY";
        public const string BaseUriVariable = "OPENAI_BASE_URL";
        public const string MaxRetriesVariable = "OPENAI_ADMIN_MAX_RETRIES";
        public const string TimeoutVariable = "OPENAI_ADMIN_TIMEOUT_SEC";
        public const string OperationTimeoutVariable = "OPENAI_ADMIN_OPERATION_TIMEOUT_SEC";

        public const int MaxRetryCountLimit = 100;
        public const int TimeoutSecLimit = 3600;
        public const int OperationTimeoutSecLimit = 86400;

        private static readonly ConditionalWeakTable<object, StrongBox<AdminContext?>> CurrentByRunspace =
            new ConditionalWeakTable<object, StrongBox<AdminContext?>>();

        private static readonly object NoRunspace = new object();

        private static readonly ConcurrentDictionary<string, Lazy<SharedClient>> Clients =
            new ConcurrentDictionary<string, Lazy<SharedClient>>(StringComparer.Ordinal);

        /// <summary>
        /// A global variable of the runspace that holds its connection's box. ForEach-Object -Parallel reuses a runspace
        /// for later iterations and resets its global variables between them, not this module's table: without the
        /// variable, a connection made in one iteration served the next (another organization's key where that one
        /// meant OPENAI_ADMIN_KEY). The connection counts only while the variable still holds its box. Private, so
        /// Get-Variable at the prompt does not list it, and with a dot in its name, so no $name = … of a user's meets it.
        /// </summary>
        private const string MarkerVariable = "global:OpenAIAdmin.CurrentConnection";

        /// <summary>
        /// The connection Connect-OAIAdmin made in the calling runspace, if any. With the caller's session state it counts
        /// only while the runspace's marker variable holds it (see <see cref="MarkerVariable"/>); argument completers,
        /// which have no session state, read it as it is. <paramref name="ended"/> says that a connection was there and ended
        /// with the runspace's variables (a reset, or a dot-sourced Remove-Variable *), which the caller tells the user:
        /// silently falling back to OPENAI_ADMIN_KEY could mean another organization.
        /// </summary>
        public static AdminContext? Current(SessionState? state, out bool ended)
        {
            StrongBox<AdminContext?> box = Box();
            ended = box.Value != null && state != null && !ReferenceEquals(state.PSVariable.GetValue(MarkerVariable), box);
            if (ended)
            {
                box.Value = null;
            }

            return box.Value;
        }

        public const string EndedWarning =
            "The connection Connect-OAIAdmin made in this runspace has ended with the runspace's variables (ForEach-Object -Parallel "
            + "starts each iteration afresh; a dot-sourced Remove-Variable * removes them). Connect again, or pass -Connection.";

        /// <summary>Makes <paramref name="context"/> the calling runspace's connection.</summary>
        public static void SetCurrent(AdminContext context, SessionState state)
        {
            StrongBox<AdminContext?> box = Box();
            box.Value = context;
            state.PSVariable.Set(MarkerVariable, box);
            if (state.PSVariable.Get(MarkerVariable) is PSVariable marker)
            {
                marker.Visibility = SessionStateEntryVisibility.Private;
                marker.Description = "OpenAIAdmin: the connection Connect-OAIAdmin made in this runspace.";
            }
        }

        /// <summary>Forgets the calling runspace's connection; the shared client stays for whoever else uses it.</summary>
        public static bool Disconnect()
        {
            StrongBox<AdminContext?> box = Box();
            bool had = box.Value != null;
            box.Value = null;
            return had;
        }

        /// <summary>
        /// The implicit connection: OPENAI_ADMIN_KEY, OPENAI_BASE_URL and the setting variables read at this moment,
        /// so a changed or removed variable takes effect on the next cmdlet.
        /// </summary>
        public static AdminContext FromEnvironment(PSCmdlet? cmdlet, Action<string>? warn)
        {
            string? key = EnvironmentKey();
            if (key == null)
            {
                throw new ConnectionSetupException(ErrorRecords.Create(
                    ErrorRecords.NoConnection,
                    ErrorCategory.ConnectionError,
                    "Not connected to the OpenAI Administration API: run Connect-OAIAdmin or set the OPENAI_ADMIN_KEY environment variable.",
                    null,
                    ErrorRecords.ApiConnectionHelp));
            }

            var credential = new AdminApiKeyCredential(key!, KeySource.Environment);
            RejectUnusableKey(credential, "The key in " + KeyVariable);
            ConnectionSettings settings = ConnectionSettings.FromEnvironment();
            Uri baseUri = ValidateBaseUri(EnvironmentBaseUri() ?? AdminClientOptions.DefaultBaseUri, "The " + BaseUriVariable + " environment variable");
            return Open(credential, baseUri, settings, UserAgent(cmdlet), implicitConnection: true, warn);
        }

        /// <summary>A connection over the shared client of these settings (created on first use).</summary>
        public static AdminContext Open(AdminApiKeyCredential credential, Uri baseUri, ConnectionSettings settings, string userAgent, bool implicitConnection, Action<string>? warn)
        {
            string cacheKey = CacheKey(credential, baseUri, settings);
            bool created = false;
            SharedClient shared = Clients.GetOrAdd(cacheKey, _ => new Lazy<SharedClient>(() =>
            {
                created = true;
                return new SharedClient(new AdminClient(settings.ToOptions(credential, baseUri, userAgent)), DateTimeOffset.UtcNow);
            })).Value;

            if (baseUri.Scheme == Uri.UriSchemeHttp && !baseUri.IsLoopback && (created || !implicitConnection))
            {
                warn?.Invoke($"{baseUri} is not encrypted: the admin key travels in clear text. Use https except for a local simulator.");
            }

            return new AdminContext(shared.Client, credential, settings, implicitConnection ? shared.CreatedAt : DateTimeOffset.UtcNow, implicitConnection);
        }

        /// <summary>
        /// Only absolute http and https addresses, without user information (a password in an address would travel and
        /// show everywhere the address does), a query or a fragment (request paths are appended to the address); the
        /// same rule for -BaseUri and OPENAI_BASE_URL.
        /// </summary>
        public static Uri ValidateBaseUri(Uri baseUri, string source)
        {
            if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp)
                || !string.IsNullOrEmpty(baseUri.UserInfo) || !string.IsNullOrEmpty(baseUri.Query) || !string.IsNullOrEmpty(baseUri.Fragment))
            {
                // The error shows the address without its user information; ErrorRecords redacts anything shaped like a key
                // (a key pasted where the address belongs).
                string shown = ErrorRecords.Shorten(baseUri.IsAbsoluteUri && !string.IsNullOrEmpty(baseUri.UserInfo)
                    ? baseUri.Scheme + "://***@" + baseUri.Authority + baseUri.PathAndQuery
                    : baseUri.OriginalString);
                throw new ConnectionSetupException(ErrorRecords.Create(ErrorRecords.InvalidBaseUri, ErrorCategory.InvalidArgument,
                    $"{source} ('{shown}') is not an absolute http or https address without user information, query or fragment.", shown));
            }

            // Decoded too: Uri sends sk%2Dadmin%2D… as sk-admin-….
            string decoded = Uri.UnescapeDataString(baseUri.OriginalString);
            string redacted = AdminApiKeyCredential.RedactKeyShapes(decoded);
            if (redacted != decoded)
            {
                // A key pasted into the address would be sent in every request's path (into the server's and any proxy's
                // logs) and shown wherever the address is: in Verbose lines, transcripts and the connection's ToString().
                throw new ConnectionSetupException(ErrorRecords.Create(ErrorRecords.InvalidBaseUri, ErrorCategory.InvalidArgument,
                    $"{source} ('{ErrorRecords.Shorten(redacted)}') holds an API key. Give the address alone, and the key with -ApiKey or OPENAI_ADMIN_KEY. Nothing was sent.", redacted));
            }

            return baseUri;
        }

        /// <summary>
        /// A key that cannot work, refused before any request: one no HTTP header can carry (an invisible character
        /// from copying, a line break), and project and service-account keys, which never work on admin endpoints.
        /// </summary>
        public static void RejectUnusableKey(AdminApiKeyCredential credential, string what)
        {
            string? problem = credential.ShapeProblem != null ? credential.ShapeProblem + ". Nothing was sent."
                : credential.IsProjectKey ? "is a project, service-account or user key. The Administration API needs an admin key (sk-admin-...)."
                : null;
            if (problem != null)
            {
                throw new ConnectionSetupException(ErrorRecords.Create(
                    AdminErrorKind.InvalidAdminKey.ToString(), ErrorCategory.AuthenticationError, $"{what} ({credential.Redacted}) {problem}", null, ErrorRecords.ApiConnectionHelp));
            }
        }

        public static string? EnvironmentKey() => NonEmpty(Environment.GetEnvironmentVariable(KeyVariable));

        public static Uri? EnvironmentBaseUri()
        {
            string? text = NonEmpty(Environment.GetEnvironmentVariable(BaseUriVariable));
            if (text == null)
            {
                return null;
            }

            if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out Uri? uri))
            {
                throw new ConnectionSetupException(ErrorRecords.Create(ErrorRecords.InvalidBaseUri, ErrorCategory.InvalidArgument,
                    $"The {BaseUriVariable} environment variable ('{ErrorRecords.Shorten(text)}') is not an absolute http or https address.", text));
            }

            return uri;
        }

        public static string UserAgent(PSCmdlet? cmdlet)
        {
            string moduleVersion = typeof(ConnectionStore).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            object? psVersion = (cmdlet?.SessionState.PSVariable.GetValue("PSVersionTable") as System.Collections.IDictionary)?["PSVersion"]
                ?? typeof(PSObject).Assembly.GetName().Version;
            return "OpenAIAdmin/" + moduleVersion + " PowerShell/" + (psVersion?.ToString() ?? "unknown");
        }

        internal static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

        private static StrongBox<AdminContext?> Box() =>
            CurrentByRunspace.GetValue((object?)Runspace.DefaultRunspace ?? NoRunspace, _ => new StrongBox<AdminContext?>());

        /// <summary>The key enters the cache key only as its fingerprint, so no second copy of it is kept.</summary>
        private static string CacheKey(AdminApiKeyCredential credential, Uri baseUri, ConnectionSettings settings)
        {
            return string.Join("|",
                credential.Fingerprint,
                baseUri.AbsoluteUri.TrimEnd('/'),
                settings.MaxRetryCount.ToString(CultureInfo.InvariantCulture),
                settings.TimeoutSec.ToString(CultureInfo.InvariantCulture),
                settings.OperationTimeoutSec.ToString(CultureInfo.InvariantCulture));
        }

        private sealed class SharedClient
        {
            public SharedClient(AdminClient client, DateTimeOffset createdAt)
            {
                Client = client;
                CreatedAt = createdAt;
            }

            public AdminClient Client { get; }

            public DateTimeOffset CreatedAt { get; }
        }
    }

    /// <summary>The settings an unattended job needs, from Connect-OAIAdmin parameters or environment variables.</summary>
    internal sealed class ConnectionSettings
    {
        public const int DefaultMaxRetryCount = 10;
        public const int DefaultTimeoutSec = 60;
        public const int DefaultOperationTimeoutSec = 150;

        public ConnectionSettings(int maxRetryCount, int timeoutSec, int operationTimeoutSec)
        {
            MaxRetryCount = maxRetryCount;
            TimeoutSec = timeoutSec;
            OperationTimeoutSec = operationTimeoutSec;
        }

        public int MaxRetryCount { get; }

        public int TimeoutSec { get; }

        public int OperationTimeoutSec { get; }

        /// <summary>
        /// Given values win, then the environment, then the defaults. A per-attempt timeout raised beyond the
        /// overall budget raises the budget with it, unless the budget was given too.
        /// </summary>
        public static ConnectionSettings Resolve(int? maxRetryCount, int? timeoutSec, int? operationTimeoutSec)
        {
            int retries = maxRetryCount ?? Read(ConnectionStore.MaxRetriesVariable, 0, ConnectionStore.MaxRetryCountLimit) ?? DefaultMaxRetryCount;
            int timeout = timeoutSec ?? Read(ConnectionStore.TimeoutVariable, 1, ConnectionStore.TimeoutSecLimit) ?? DefaultTimeoutSec;
            int budget = operationTimeoutSec
                ?? Read(ConnectionStore.OperationTimeoutVariable, 1, ConnectionStore.OperationTimeoutSecLimit)
                ?? Math.Max(DefaultOperationTimeoutSec, timeout);
            return new ConnectionSettings(retries, timeout, budget);
        }

        public static ConnectionSettings FromEnvironment() => Resolve(null, null, null);

        public AdminClientOptions ToOptions(AdminApiKeyCredential credential, Uri baseUri, string userAgent) => new AdminClientOptions(credential)
        {
            BaseUri = baseUri,
            MaxRetries = MaxRetryCount,
            RequestTimeout = TimeSpan.FromSeconds(TimeoutSec),
            OperationTimeout = TimeSpan.FromSeconds(OperationTimeoutSec),
            UserAgent = userAgent,
        };

        private static int? Read(string variable, int min, int max)
        {
            string? text = ConnectionStore.NonEmpty(Environment.GetEnvironmentVariable(variable));
            if (text == null)
            {
                return null;
            }

            if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
            {
                throw new ConnectionSetupException(ErrorRecords.Create(ErrorRecords.InvalidSetting, ErrorCategory.InvalidArgument,
                    $"The {variable} environment variable ('{ErrorRecords.Shorten(text)}') must be a whole number from {min} to {max}.", variable));
            }

            return value;
        }
    }

    /// <summary>A connection that cannot be set up; the cmdlet reports the record as a terminating error.</summary>
    internal sealed class ConnectionSetupException : Exception
    {
        public ConnectionSetupException(ErrorRecord record)
            : base(record.Exception.Message)
        {
            ErrorRecord = record;
        }

        public ErrorRecord ErrorRecord { get; }
    }
}
