using System.Collections;
using System.Management.Automation;

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
            object? value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (value is string text)
            {
                Check(text);
                return;
            }

            if (value is IEnumerable items)
            {
                bool any = false;
                foreach (object? item in items)
                {
                    any = true;
                    Check((item is PSObject inner ? inner.BaseObject : item)?.ToString());
                }

                if (!any)
                {
                    throw new ValidationMetadataException("The argument is an empty collection. Give at least one value.");
                }

                return;
            }

            if (value == null)
            {
                throw new ValidationMetadataException("The argument is null. Give a value that is not blank.");
            }
        }

        private static void Check(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new ValidationMetadataException("The argument is blank (empty or white space only). Give a value with visible characters.");
            }
        }
    }
}
