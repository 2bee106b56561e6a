using System;

namespace OpenAIAdmin
{
    /// <summary>
    /// A connection: where the module talks to, with which key (redacted) and with which settings. Connect-OAIAdmin
    /// -PassThru returns one; every cmdlet that calls the API takes it as -Connection. Connections with the same key,
    /// base URI and settings share one client (HttpClient and rate-limit cooldown) across the whole process.
    /// </summary>
    public sealed class AdminContext
    {
        internal AdminContext(AdminClient client, AdminApiKeyCredential credential, Commands.ConnectionSettings settings, DateTimeOffset connectedAt, bool implicitConnection)
        {
            Client = client;
            Credential = credential;
            MaxRetryCount = settings.MaxRetryCount;
            TimeoutSec = settings.TimeoutSec;
            OperationTimeoutSec = settings.OperationTimeoutSec;
            ConnectedAt = connectedAt;
            Implicit = implicitConnection;
        }

        internal AdminClient Client { get; }

        // Only reference-type fields of core types: a value-type field (the KeySource enum) would make loading this
        // type, which every cmdlet names through -Connection, load the core before the module initializer runs.
        private AdminApiKeyCredential Credential { get; }

        public Uri BaseUri => Client.Options.BaseUri;

        public KeySource KeySource => Credential.Source;

        /// <summary>The key with all but its prefix and last four characters hidden.</summary>
        public string Key => Credential.Redacted;

        public DateTimeOffset ConnectedAt { get; }

        /// <summary>True when no Connect-OAIAdmin ran in this runspace and the connection comes from OPENAI_ADMIN_KEY.</summary>
        public bool Implicit { get; }

        /// <summary>Retries after the first attempt of one call.</summary>
        public int MaxRetryCount { get; }

        /// <summary>Seconds one attempt may take.</summary>
        public int TimeoutSec { get; }

        /// <summary>Seconds one call may take in all, retries and waits included.</summary>
        public int OperationTimeoutSec { get; }

        public string UserAgent => Client.Options.UserAgent;

        public override string ToString() => BaseUri + " (" + Key + ")";
    }
}
