using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace OpenAIAdmin.Commands.Loading
{
    /// <summary>The errors the loaders raise when the module folder cannot serve what our code asks for.</summary>
    internal static class LoadFailure
    {
        public const string CoreAssemblyName = "OpenAIAdmin.Core";

        /// <summary>ErrorId: a file the module ships is not in its folder.</summary>
        public const string ModuleFileMissing = "ModuleFileMissing";

        /// <summary>ErrorId: the host shares its own, older copy of an assembly our dependencies need.</summary>
        public const string HostAssemblyTooOld = "HostAssemblyTooOld";

        private const string Reinstall =
            "The module folder is incomplete: reinstall OpenAIAdmin (Install-PSResource OpenAIAdmin -Reinstall, or Install-Module OpenAIAdmin -Force).";

        /// <summary>A file of ours is not where the module keeps it.</summary>
        public static ModuleLoadException MissingFile(AssemblyName? name, string path) =>
            new ModuleLoadException(
                ModuleFileMissing,
                $"OpenAIAdmin cannot load {(name == null ? Path.GetFileNameWithoutExtension(path) : name.FullName)}: the file '{path}' is missing. {Reinstall}",
                path);

        /// <summary>
        /// The host supplies the assembly (PowerShell 7 shares its own copy of, for example, Microsoft.Bcl.AsyncInterfaces),
        /// but an older version than our dependencies were built against.
        /// </summary>
        public static ModuleLoadException HostTooOld(AssemblyName name) =>
            new ModuleLoadException(
                HostAssemblyTooOld,
                $"OpenAIAdmin cannot load {name.FullName}: this PowerShell supplies {name.Name} itself, in an older version than the module needs. "
                + "Use the PowerShell version this OpenAIAdmin release supports (see its release notes), or a release built for your PowerShell.",
                name.Name + ".dll");

        /// <summary>
        /// Our failure inside whatever the runtime wrapped it in: an exception thrown by a resolver reaches the caller as the
        /// inner exception of the runtime's own "Could not load file or assembly".
        /// </summary>
        public static ModuleLoadException? Find(Exception? exception)
        {
            for (; exception != null; exception = exception.InnerException)
            {
                if (exception is ModuleLoadException ours)
                {
                    return ours;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// A FileNotFoundException, like the runtime's own, so that code probing for optional assemblies still catches it;
    /// it carries the ErrorRecord PowerShell shows when Import-Module or a cmdlet fails because of it.
    /// </summary>
    internal sealed class ModuleLoadException : FileNotFoundException, IContainsErrorRecord
    {
        public ModuleLoadException(string errorId, string message, string fileName)
            : base(message, fileName)
        {
            ErrorId = errorId;
        }

        public string ErrorId { get; }

        public ErrorRecord ErrorRecord =>
            new ErrorRecord(this, ErrorId, ErrorCategory.ResourceUnavailable, FileName)
            {
                ErrorDetails = new ErrorDetails(Message)
                {
                    RecommendedAction = ErrorId == LoadFailure.ModuleFileMissing
                        ? "Reinstall OpenAIAdmin: Install-PSResource OpenAIAdmin -Reinstall (or Install-Module OpenAIAdmin -Force)."
                        : "Run OpenAIAdmin on the PowerShell version its release notes name.",
                },
            };
    }
}
