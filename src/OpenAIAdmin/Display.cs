using System.Linq;

namespace OpenAIAdmin.Commands
{
    /// <summary>
    /// Text as confirmations, stream lines and error messages show it (<see cref="Shown"/>): each control character,
    /// line separator and bidirectional control as U+FFFD. The format files apply the same rule with
    /// <c>-replace</c>, not by calling this class: their script blocks run in the session's language mode, and
    /// ConstrainedLanguage refuses to call methods of the module's types (every cell came out empty).
    /// </summary>
    internal static class Display
    {
        /// <summary>
        /// Text a confirmation, a stream line or an error message may show: secrets redacted
        /// (<see cref="AdminApiKeyCredential.RedactSecrets"/>), and every control character but a line break shown as
        /// U+FFFD. These land in transcripts and on the terminal: a key pasted where an id belongs
        /// (<c>Remove-OAIProject -Id sk-proj-…</c>) was shown whole in the target, and a name with an escape sequence
        /// ("Rename to '…'") reached the terminal raw.
        /// </summary>
        internal static string Shown(string text) => Printable(AdminApiKeyCredential.RedactSecrets(text), keepLineBreaks: true);

        /// <summary>The text with every unsafe character (<see cref="IsUnsafe"/>) replaced by U+FFFD.</summary>
        internal static string Printable(string text, bool keepLineBreaks = false)
        {
            if (!text.Any(IsUnsafe))
            {
                return text;
            }

            char[] shown = text.ToCharArray();
            for (int i = 0; i < shown.Length; i++)
            {
                bool lineBreak = keepLineBreaks && (shown[i] == '\n' || (shown[i] == '\r' && i + 1 < shown.Length && shown[i + 1] == '\n'));
                if (!lineBreak && IsUnsafe(shown[i]))
                {
                    shown[i] = '\uFFFD';
                }
            }

            return new string(shown);
        }

        /// <summary>
        /// Control characters (line breaks, ESC, BEL), U+2028 and U+2029 (not control characters, but terminals and editors
        /// break the line there) and the bidirectional controls that reorder what follows.
        /// </summary>
        internal static bool IsUnsafe(char c) =>
            char.IsControl(c) || c == '\u2028' || c == '\u2029'
            || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }
}
