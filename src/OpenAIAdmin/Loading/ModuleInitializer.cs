using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
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
        internal static readonly string ModuleFolder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;

        internal static readonly string DependencyFolder = Path.Combine(ModuleFolder, "Dependencies");

        internal static bool IsNetFramework =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        public void OnImport()
        {
            if (IsNetFramework)
            {
                AppDomain.CurrentDomain.AssemblyResolve += ResolveOnNetFramework;
            }
            else
            {
                IsolatedLoader.Register(DependencyFolder);
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (IsNetFramework)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= ResolveOnNetFramework;
            }
            else
            {
                IsolatedLoader.Unregister();
            }
        }

        /// <summary>
        /// Windows PowerShell 5.1 has one load context and no binding redirects for modules: answer only for
        /// assemblies that our own code asked for and that we ship, whatever version the reference names.
        /// </summary>
        private static Assembly? ResolveOnNetFramework(object? sender, ResolveEventArgs args)
        {
            string? requester = args.RequestingAssembly?.Location;
            if (requester != null && !requester.StartsWith(ModuleFolder, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            string path = Path.Combine(DependencyFolder, new AssemblyName(args.Name).Name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
