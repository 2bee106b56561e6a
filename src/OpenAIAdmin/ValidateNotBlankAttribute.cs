using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace OpenAIAdmin.Commands
{
    /// <summary>
    /// Like ValidateNotNullOrEmpty, but also refuses white space only ('   '), for names and ids: the API would take
    /// a blank name, and a blank id addresses nothing. Windows PowerShell 5.1 has no ValidateNotNullOrWhiteSpace.
    /// </summary>
    public sealed class ValidateNotBlankAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            if (Problem(arguments) is string problem)
            {
                throw new ValidationMetadataException(problem);
            }
        }

        /// <summary>What is blank about a value, as the validation message says it; null when nothing is.</summary>
        internal static string? Problem(object? arguments)
        {
            object? value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (value is string text)
            {
                return Check(text);
            }

            if (value is IEnumerable items)
            {
                bool any = false;
                foreach (object? item in items)
                {
                    any = true;
                    if (Check((item is PSObject inner ? inner.BaseObject : item)?.ToString()) is string problem)
                    {
                        return problem;
                    }
                }

                return any ? null : "The argument is an empty collection. Give at least one value.";
            }

            return value == null ? "The argument is null. Give a value that is not blank." : null;
        }

        private static string? Check(string? text) =>
            string.IsNullOrWhiteSpace(text) ? "The argument is blank (empty or white space only). Give a value with visible characters." : null;
    }

    /// <summary>
    /// For an optional parameter that binds by property name: a blank value from the pipeline (an empty CSV cell, as
    /// Export-Csv writes an organization certificate's ProjectId) means the parameter was not given, and a blank value on
    /// the command line is refused as <see cref="ValidateNotBlankAttribute"/> refuses it. It stands in for that
    /// attribute, which runs while PowerShell binds and cannot tell the two apart; <see cref="OAICmdlet"/> refuses the
    /// command line's, <see cref="PipelineInputGuard"/> drops (or refuses) the pipeline's.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class PipedBlankIsAbsentAttribute : Attribute
    {
        /// <summary>
        /// Only in a record that says what it is: an OpenAIAdmin object, or an export of one (it carries the API's object
        /// type in an Object column). A blank in a hand-made row is refused: for the scope of a change, "absent" is the
        /// organization, and a row with a ProjectId property was meant for a project.
        /// </summary>
        public bool OnlyFromRecordsThatSayWhatTheyAre { get; set; }

        private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Marked = new ConcurrentDictionary<Type, PropertyInfo[]>();

        internal static PropertyInfo[] On(Type cmdlet) =>
            Marked.GetOrAdd(cmdlet, type => type.GetProperties().Where(p => p.IsDefined(typeof(PipedBlankIsAbsentAttribute), true)).ToArray());
    }
}
