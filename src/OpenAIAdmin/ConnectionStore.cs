using System;
using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    /// <summary>
    /// The current connection, shared by every runspace of the process (so ForEach-Object -Parallel and
    /// thread jobs reuse one HttpClient and one rate-limit cooldown). Replacing it disposes the old client.
    /// </summary>
    internal static class ConnectionStore
    {
        public const string KeyVariable = "OPENAI_ADMIN_KEY";
        public const string BaseUriVariable = "OPENAI_BASE_URL";

        private static readonly object Gate = new object();
        private static AdminContext? s_current;

        public static AdminContext? Current
        {
            get
            {
                lock (Gate)
                {
                    return s_current;
                }
            }
        }

        public static AdminContext Connect(AdminClientOptions options, bool implicitConnection)
        {
            var context = new AdminContext(new AdminClient(options), DateTimeOffset.UtcNow, implicitConnection);
            AdminContext? previous;
            lock (Gate)
            {
                previous = s_current;
                s_current = context;
            }

            previous?.Client.Dispose();
            return context;
        }

        public static bool Disconnect()
        {
            AdminContext? previous;
            lock (Gate)
            {
                previous = s_current;
                s_current = null;
            }

            previous?.Client.Dispose();
            return previous != null;
        }

        public static string? EnvironmentKey() => NonEmpty(Environment.GetEnvironmentVariable(KeyVariable));

        public static Uri? EnvironmentBaseUri()
        {
            string? text = NonEmpty(Environment.GetEnvironmentVariable(BaseUriVariable));
            return text != null && Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) ? uri : null;
        }

        public static string UserAgent(PSCmdlet cmdlet)
        {
            string moduleVersion = typeof(ConnectionStore).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            object? psVersion = (cmdlet.SessionState.PSVariable.GetValue("PSVersionTable") as System.Collections.IDictionary)?["PSVersion"];
            return "OpenAIAdmin/" + moduleVersion + " PowerShell/" + (psVersion?.ToString() ?? "unknown");
        }

        private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
