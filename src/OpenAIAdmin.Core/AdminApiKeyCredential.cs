using System;
using System.Globalization;
using System.Text.RegularExpressions;

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
            ShapeProblem = ProblemOf(_key);
        }

        /// <summary>
        /// Why the key cannot be sent as given, as the end of a sentence ("contains white space (character 12)"), or
        /// null. A character outside printable ASCII (an invisible one left by copying, a line break) cannot go into
        /// an HTTP header, so every request would fail before reaching the server.
        /// </summary>
        public string? ShapeProblem { get; }

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

        /// <summary>Replaces the key, and every other secret <see cref="RedactSecrets"/> knows, in <paramref name="text"/> with redacted forms.</summary>
        public string Scrub(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            return RedactSecrets(text!.IndexOf(_key, StringComparison.Ordinal) < 0 ? text : text.Replace(_key, Redacted));
        }

        /// <summary>
        /// What no message, Verbose or Debug line, confirmation or exception of the module may show: every token shaped
        /// like an OpenAI key (<see cref="RedactKeyShapes"/>), and the user information of every address in the text
        /// (<c>http://user:password@proxy:3128</c> becomes <c>http://***@proxy:3128</c>). The second comes from the
        /// runtime: a proxy given in HTTPS_PROXY with its password is quoted whole in its errors ("The proxy tunnel
        /// request to proxy 'http://user:password@…' failed").
        /// </summary>
        public static string RedactSecrets(string text)
        {
            string redacted = RedactKeyShapes(text);
            return redacted.IndexOf('@') < 0 ? redacted : UserInfo.Replace(redacted, "${scheme}***@");
        }

        // A scheme, "//", then anything up to an '@' that is neither a path, white space nor a quote: the user information.
        private static readonly Regex UserInfo = new Regex(@"(?<scheme>\b[A-Za-z][A-Za-z0-9+.\-]*://)[^/\s@'""<>]+@", RegexOptions.CultureInvariant);

        /// <summary>
        /// Every token shaped like an OpenAI key (sk-admin-…, sk-proj-…, sk-svcacct-…) in its redacted form. A token starts
        /// after a character that cannot be part of a key, so names such as desk-booking stay whole.
        /// </summary>
        public static string RedactKeyShapes(string text) =>
            text.IndexOf("sk-", StringComparison.Ordinal) < 0 ? text : KeyShapes.Pattern.Replace(text, m => KeyShapes.LabelOnly.IsMatch(m.Value) ? m.Value : Redact(m.Value));

        private static string? ProblemOf(string key)
        {
            if (key.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return "starts with 'Bearer ': give the key alone";
            }

            // A .env file or CI variable that kept its quotes, or Markdown its backticks: the API would answer 401.
            if (key.Length > 0 && ("'\"`".IndexOf(key[0]) >= 0 || "'\"`".IndexOf(key[key.Length - 1]) >= 0))
            {
                return "is in quotes: give the key without them";
            }

            // Copied with the separator that followed it in a list or a shell line.
            if (key.Length > 0 && ";,".IndexOf(key[key.Length - 1]) >= 0)
            {
                return $"ends with '{key[key.Length - 1]}': give the key alone";
            }

            for (int i = 0; i < key.Length; i++)
            {
                char c = key[i];
                if (c <= ' ' || c > '~')
                {
                    return string.Format(
                        CultureInfo.InvariantCulture,
                        char.IsWhiteSpace(c)
                            ? "contains white space (character {0}): copy the key again"
                            : "contains a character that cannot be sent (character {0}, U+{1:X4}), often left by copying: copy the key again",
                        i + 1,
                        (int)c);
                }
            }

            return key == "sk-" || key == "sk-admin-" ? "has nothing after its prefix" : null;
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

        /// <summary>Built on first use: most processes never redact anything.</summary>
        private static class KeyShapes
        {
            // Not followed by '*': a key redacted already (sk-admin-****wxyz) is left as it is.
            internal static readonly Regex Pattern = new Regex(@"(?<![A-Za-z0-9_\-])sk-[A-Za-z0-9_\-]{6,}(?![*A-Za-z0-9_\-])", RegexOptions.CultureInvariant);

            // A key's kind alone, as the module's own advice names it ("an admin key (sk-admin-...)"): nothing secret.
            internal static readonly Regex LabelOnly = new Regex(@"^sk-[A-Za-z]+-$", RegexOptions.CultureInvariant);
        }
    }
}
