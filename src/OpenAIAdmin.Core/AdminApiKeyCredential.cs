using System;

namespace OpenAIAdmin
{
    /// <summary>Where the key of a connection came from.</summary>
    public enum KeySource
    {
        Parameter,
        Credential,
        Environment,
    }

    /// <summary>
    /// Holds an admin key. The only way to read the key is <see cref="Reveal"/>, which the auth handler calls
    /// when it writes the header; every other member (ToString included) shows the redacted form.
    /// </summary>
    public sealed class AdminApiKeyCredential
    {
        private readonly string _key;

        public AdminApiKeyCredential(string key, KeySource source)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new ArgumentException("The admin key is empty.", nameof(key));
            }

            _key = key.Trim();
            Source = source;
            Redacted = Redact(_key);
        }

        public KeySource Source { get; }

        /// <summary>The first characters of the prefix and the last four characters, e.g. <c>sk-admin-…wxyz</c>.</summary>
        public string Redacted { get; }

        /// <summary>True for project, service-account and user keys, which the Administration API rejects.</summary>
        public bool IsProjectKey => _key.StartsWith("sk-proj-", StringComparison.Ordinal)
            || _key.StartsWith("sk-svcacct-", StringComparison.Ordinal)
            || _key.StartsWith("sk-None-", StringComparison.Ordinal);

        internal string Reveal() => _key;

        /// <summary>
        /// A SHA-256 hash of the key: tells two keys apart (to share one client per key) without keeping a second
        /// copy of the key. Admin keys are long random strings, so the hash gives nothing away.
        /// </summary>
        public string Fingerprint
        {
            get
            {
                using var sha = System.Security.Cryptography.SHA256.Create();
                return Convert.ToBase64String(sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(_key)));
            }
        }

        /// <summary>Replaces every occurrence of the key in <paramref name="text"/> with its redacted form.</summary>
        public string Scrub(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            return text!.IndexOf(_key, StringComparison.Ordinal) < 0 ? text : text.Replace(_key, Redacted);
        }

        public override string ToString() => Redacted;

        internal static string Redact(string key)
        {
            const int tail = 4;
            int prefixEnd = key.StartsWith("sk-", StringComparison.Ordinal) ? key.IndexOf('-', 3) + 1 : 0;
            if (prefixEnd <= 0 || prefixEnd > 12)
            {
                prefixEnd = key.StartsWith("sk-", StringComparison.Ordinal) ? 3 : 0;
            }

            if (key.Length <= prefixEnd + tail + 4)
            {
                return key.Substring(0, Math.Min(prefixEnd, key.Length)) + "****";
            }

            return key.Substring(0, prefixEnd) + "****" + key.Substring(key.Length - tail);
        }
    }
}
