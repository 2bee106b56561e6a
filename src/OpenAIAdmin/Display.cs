using System.Collections;
using System.Linq;

namespace OpenAIAdmin.Commands
{
    /// <summary>
    /// Text from the server as the views show it (the format files call <see cref="Text"/>): anyone who may rename a
    /// project, or set their own name, chooses what a name holds, and an escape sequence in it reached the terminal of
    /// every admin who listed it (cursor moves that erased the rows above, a new window title, a cleared screen). Each
    /// control character, line separator and bidirectional control is shown as U+FFFD, as confirmations show them. The
    /// objects keep the text as the server sent it.
    /// </summary>
    public static class Display
    {
        /// <summary>A string made printable; each string of a list too (a list of recipients); anything else as it is.</summary>
        public static object? Text(object? value) => value switch
        {
            null => null,
            string text => Printable(text),
            IEnumerable items => items.Cast<object?>().Select(item => item is string text ? Printable(text) : item).ToArray(),
            _ => value,
        };

        /// <summary>
        /// What a view's script block made of an object's properties: its own line breaks (a cell of several lines, a list
        /// joined one per line; <c>[Environment]::NewLine</c>, so CR LF on Windows) are kept, every other unsafe character is
        /// replaced. A line break inside a property reaches the view as a line break, but no escape sequence does.
        /// </summary>
        public static object? Lines(object? value) => value switch
        {
            null => null,
            string text => Printable(text, keepLineBreaks: true),
            IEnumerable items => items.Cast<object?>().Select(item => item is string text ? Printable(text, keepLineBreaks: true) : item).ToArray(),
            _ => value,
        };

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
