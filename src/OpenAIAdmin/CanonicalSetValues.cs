using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace OpenAIAdmin.Commands
{
    /// <summary>
    /// Gives every bound [ValidateSet] value the spelling of its set. PowerShell accepts a set's values in any casing
    /// ('allowlist' for AllowList, 'OWNER' for owner) and binds the value as typed, so a cmdlet that compares it, or
    /// sends it to the API, would see a value the set does not spell that way: 'allowlist' read as "not AllowList"
    /// set a deny list. Done once per record in <see cref="OAICmdlet"/>, so no cmdlet compares or sends a raw value.
    /// </summary>
    internal static class CanonicalSetValues
    {
        private static readonly ConcurrentDictionary<Type, SetParameter[]> ByCmdlet = new ConcurrentDictionary<Type, SetParameter[]>();

        public static void Apply(PSCmdlet cmdlet)
        {
            Dictionary<string, object> bound = cmdlet.MyInvocation.BoundParameters;
            foreach (SetParameter parameter in ByCmdlet.GetOrAdd(cmdlet.GetType(), Find))
            {
                if (bound.TryGetValue(parameter.Property.Name, out object? value) && parameter.Canonical(value) is object canonical)
                {
                    parameter.Property.SetValue(cmdlet, canonical);
                    bound[parameter.Property.Name] = canonical;
                }
            }
        }

        private static SetParameter[] Find(Type cmdletType) =>
            cmdletType.GetProperties(BindingFlags.Instance | BindingFlags.Public)
                .Where(p => p.CanWrite && (p.PropertyType == typeof(string) || p.PropertyType == typeof(string[])))
                .Select(p => (Property: p, Set: p.GetCustomAttribute<ValidateSetAttribute>()))
                .Where(p => p.Set != null && p.Property.GetCustomAttribute<ParameterAttribute>() != null)
                .Select(p => new SetParameter(p.Property, p.Set!.ValidValues))
                .ToArray();

        private sealed class SetParameter
        {
            private readonly IList<string> _values;

            public SetParameter(PropertyInfo property, IList<string> values)
            {
                Property = property;
                _values = values;
            }

            public PropertyInfo Property { get; }

            /// <summary>The value spelled as its set spells it; null when it already is (or is not a set value at all).</summary>
            public object? Canonical(object? value)
            {
                switch (value)
                {
                    case string text:
                        string spelled = Spell(text);
                        return string.Equals(spelled, text, StringComparison.Ordinal) ? null : spelled;
                    case string[] texts:
                        string[] all = texts.Select(t => t == null ? t! : Spell(t)).ToArray();
                        return all.SequenceEqual(texts, StringComparer.Ordinal) ? null : all;
                    default:
                        return null;
                }
            }

            private string Spell(string text) =>
                _values.FirstOrDefault(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase)) ?? text;
        }
    }
}
