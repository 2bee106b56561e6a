using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OpenAIAdmin
{
    /// <summary>
    /// Query string in the API's spelling: arrays as <c>name[]=a&amp;name[]=b</c>, object members as
    /// <c>name[key]=v</c> (brackets in names are sent as they are), booleans lower case.
    /// </summary>
    internal sealed class Query
    {
        private readonly List<KeyValuePair<string, string>> _pairs = new List<KeyValuePair<string, string>>();

        public Query Add(string name, string? value)
        {
            if (value != null)
            {
                _pairs.Add(new KeyValuePair<string, string>(name, value));
            }

            return this;
        }

        public Query Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

        public Query Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

        public Query Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

        public Query Add(string name, DateTimeOffset? value) => Add(name, value?.ToUnixTimeSeconds());

        /// <summary>
        /// An array as the contract spells it for usage and costs (<c>style: form, explode: true</c>):
        /// <c>name=a&amp;name=b</c>. Those operations name their arrays without brackets, and a server that follows the
        /// contract (Prism among them) ignores <c>name[]</c> there, which would drop a filter or grouping unnoticed.
        /// </summary>
        public Query AddRepeated(string name, IEnumerable<string>? values)
        {
            if (values != null)
            {
                foreach (string value in values)
                {
                    Add(name, value);
                }
            }

            return this;
        }

        public Query AddArray(string name, IEnumerable<string>? values)
        {
            if (values != null)
            {
                foreach (string value in values)
                {
                    Add(name + "[]", value);
                }
            }

            return this;
        }

        public Query Clone()
        {
            var copy = new Query();
            copy._pairs.AddRange(_pairs);
            return copy;
        }

        public override string ToString()
        {
            var text = new StringBuilder();
            foreach (var pair in _pairs)
            {
                text.Append(text.Length == 0 ? '?' : '&')
                    .Append(Uri.EscapeDataString(pair.Key).Replace("%5B", "[").Replace("%5D", "]"))
                    .Append('=')
                    .Append(Uri.EscapeDataString(pair.Value));
            }

            return text.ToString();
        }
    }
}
