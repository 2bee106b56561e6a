using System;
using System.Threading;

namespace OpenAIAdmin
{
    /// <summary>
    /// Receives what the client core has to say while it works. The PowerShell layer implements it to relay
    /// messages to the Verbose, Debug and Progress streams from the pipeline thread.
    /// Implementations must be thread-safe: handlers call them from thread-pool threads.
    /// </summary>
    public interface IClientEventSink
    {
        void Verbose(string message);

        void Debug(string message);

        void PageReceived(string operation, int pageNumber, long itemCount);

        /// <summary>How far a long operation of several calls got: <paramref name="done"/> of <paramref name="total"/> parts.</summary>
        void Progress(string activity, int done, int total);
    }

    /// <summary>
    /// Optional for a sink: whether it wants Debug messages at all. For a sink that says no, the core does not build
    /// them (headers, bodies, redaction: work on every response otherwise); a sink without this interface gets them all.
    /// </summary>
    public interface IClientEventFilter
    {
        bool WantsDebug { get; }
    }

    /// <summary>
    /// Optional for a sink: warnings, what a user must learn without -Verbose (a span the server would not give, so rows
    /// may be missing). A sink without this interface gets them as Verbose messages.
    /// </summary>
    public interface IClientWarningSink
    {
        void Warning(string message);
    }

    /// <summary>The sink of the current logical call (flows with async code, so one HttpClient serves many callers).</summary>
    public static class ClientEvents
    {
        private static readonly AsyncLocal<IClientEventSink?> CurrentSink = new AsyncLocal<IClientEventSink?>();

        internal static IClientEventSink? Current => CurrentSink.Value;

        /// <summary>The current sink when it wants Debug messages (see <see cref="IClientEventFilter"/>), else null.</summary>
        internal static IClientEventSink? DebugSink =>
            CurrentSink.Value is IClientEventSink sink && !(sink is IClientEventFilter filter && !filter.WantsDebug) ? sink : null;

        public static IDisposable Use(IClientEventSink sink)
        {
            IClientEventSink? previous = CurrentSink.Value;
            CurrentSink.Value = sink;
            return new Restore(previous);
        }

        // Every message is rid of key-shaped text on its way out: a key pasted as an id or a filter is in the URLs,
        // paths and targets these messages name, and Verbose output goes to transcripts and job logs.
        internal static void Verbose(string message) => CurrentSink.Value?.Verbose(AdminApiKeyCredential.RedactSecrets(message));

        internal static void Debug(string message) => CurrentSink.Value?.Debug(AdminApiKeyCredential.RedactSecrets(message));

        internal static void Warning(string message)
        {
            IClientEventSink? sink = CurrentSink.Value;
            message = AdminApiKeyCredential.RedactSecrets(message);
            if (sink is IClientWarningSink warnings)
            {
                warnings.Warning(message);
            }
            else
            {
                sink?.Verbose(message);
            }
        }

        internal static void Progress(string activity, int done, int total) => CurrentSink.Value?.Progress(activity, done, total);

        private sealed class Restore : IDisposable
        {
            private readonly IClientEventSink? _previous;

            public Restore(IClientEventSink? previous) => _previous = previous;

            public void Dispose() => CurrentSink.Value = _previous;
        }
    }
}
