using System;

namespace OpenAIAdmin
{
    /// <summary>What Get-OAIAdminContext shows: where the module talks to and with which key, redacted.</summary>
    public sealed class AdminContext
    {
        internal AdminContext(AdminClient client, DateTimeOffset connectedAt, bool implicitConnection)
        {
            Client = client;
            ConnectedAt = connectedAt;
            Implicit = implicitConnection;
        }

        internal AdminClient Client { get; }

        public Uri BaseUri => Client.Options.BaseUri;

        public KeySource KeySource => Client.Options.Credential.Source;

        /// <summary>The key with all but its prefix and last four characters hidden.</summary>
        public string Key => Client.Options.Credential.Redacted;

        public DateTimeOffset ConnectedAt { get; }

        /// <summary>True when no Connect-OAIAdmin ran and the first cmdlet connected from OPENAI_ADMIN_KEY.</summary>
        public bool Implicit { get; }

        public int MaxRetryCount => Client.Options.MaxRetries;

        public int TimeoutSec => (int)Client.Options.RequestTimeout.TotalSeconds;

        public string UserAgent => Client.Options.UserAgent;

        public override string ToString() => BaseUri + " (" + Key + ")";
    }
}
