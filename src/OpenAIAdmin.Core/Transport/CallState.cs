using System;
using System.Net.Http;

namespace OpenAIAdmin.Transport
{
    /// <summary>
    /// What <see cref="RetryHandler"/> learned while it worked on one call, for <see cref="ApiConnection"/> to explain
    /// the outcome: how many attempts, how long in all, why it stopped retrying, and whether an earlier attempt
    /// may have been applied by the server although no answer said so.
    /// </summary>
    internal sealed class CallState
    {
        private const string PropertyKey = "OpenAIAdmin.CallState";

        public int Attempts { get; set; }

        public TimeSpan Elapsed { get; set; }

        /// <summary>
        /// Why an earlier attempt's outcome is unknown (the connection was lost after sending, it timed out, the server
        /// failed with 5xx), or null when every earlier attempt was refused before the server could act.
        /// </summary>
        public string? UnknownOutcome { get; set; }

        /// <summary>The attempt that left the outcome unknown (the first one that did).</summary>
        public int UnknownOutcomeAttempt { get; set; }

        /// <summary>Why the handler stopped retrying a retryable answer or failure (limit reached, no time left, long server wait).</summary>
        public string? StopReason { get; set; }

        public void MarkOutcomeUnknown(int attempt, string reason)
        {
            if (UnknownOutcome == null)
            {
                UnknownOutcome = reason;
                UnknownOutcomeAttempt = attempt;
            }
        }

        /// <summary>The state of <paramref name="request"/>, attached on first use.</summary>
        public static CallState For(HttpRequestMessage request)
        {
            // Properties (Options on .NET 5+) is what netstandard2.0 offers to carry per-request state through the handlers.
            var properties = request.Properties;
            if (properties.TryGetValue(PropertyKey, out object value) && value is CallState existing)
            {
                return existing;
            }

            var state = new CallState();
            properties[PropertyKey] = state;
            return state;
        }
    }
}
