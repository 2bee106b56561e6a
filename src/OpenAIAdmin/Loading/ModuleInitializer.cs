using System;
using System.IO;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OpenAIAdmin.Commands.Loading
{
    /// <summary>
    /// Runs at Import-Module, before any cmdlet touches the client core. The core and its dependencies live in
    /// the module's Dependencies folder, out of reach of the default probing, so nothing of ours collides with
    /// the copies other modules (Az, Microsoft.Graph) have already loaded, and theirs never replace ours.
    /// This class must not reference OpenAIAdmin.Core: resolving the core is its job.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        internal const string DependencyFolderName = "Dependencies";

        internal static readonly string ModuleFolder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;

        internal static readonly string DependencyFolder = Path.Combine(ModuleFolder, DependencyFolderName);

        internal static bool IsNetFramework =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        public void OnImport()
        {
            // A missing core would otherwise surface only at the first cmdlet call, as a bare "could not load".
            string core = Path.Combine(DependencyFolder, LoadFailure.CoreAssemblyName + ".dll");
            if (!File.Exists(core))
            {
                throw LoadFailure.MissingFile(null, core);
            }

            if (IsNetFramework)
            {
                FrameworkResolver.Register();
            }
            else
            {
                RegisterIsolatedLoader();
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (IsNetFramework)
            {
                FrameworkResolver.Unregister();
            }
            else
            {
                UnregisterIsolatedLoader();
            }
        }

        // Separate methods so that the .NET Framework JIT, compiling OnImport/OnRemove, never has to load a type that
        // names AssemblyLoadContext, which does not exist there.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void RegisterIsolatedLoader() => IsolatedLoader.Register(DependencyFolder);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void UnregisterIsolatedLoader() => IsolatedLoader.Unregister();
    }
}
