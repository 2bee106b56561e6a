using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace OpenAIAdmin.Commands.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1 (.NET Framework): one load context and no binding redirects for modules. An
    /// AppDomain.AssemblyResolve handler answers, from our Dependencies folder, only for assemblies our own code asked
    /// for, whatever version the reference names (Microsoft.Extensions.Options references
    /// System.ComponentModel.Annotations 4.2.0.0 while 4.2.1.0 ships). This class names no AssemblyLoadContext type:
    /// it is also what tests/pester/Loading.Tests.ps1 asks, statically, which mismatched references are covered.
    /// </summary>
    internal static class FrameworkResolver
    {
        private static readonly object s_gate = new object();
        private static int s_registrations;

        [ThreadStatic]
        private static HashSet<string>? t_resolving;

        public static void Register()
        {
            lock (s_gate)
            {
                if (s_registrations++ == 0)
                {
                    AppDomain.CurrentDomain.AssemblyResolve += Resolve;
                }
            }
        }

        public static void Unregister()
        {
            lock (s_gate)
            {
                if (s_registrations > 0 && --s_registrations == 0)
                {
                    AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
                }
            }
        }

        /// <summary>
        /// The file the handler answers with, or null when the request is not ours to answer: the requester must be
        /// one of our assemblies (the cmdlet dll or anything in Dependencies/) and we must ship the assembly. The one
        /// exception is OpenAIAdmin.Core, which only our cmdlet assembly references, for requests the runtime makes
        /// without naming a requester.
        /// </summary>
        internal static string? FindShippedAssembly(string moduleFolder, string? requesterLocation, string requestedName)
        {
            string? simpleName = new AssemblyName(requestedName).Name;
            if (string.IsNullOrEmpty(simpleName))
            {
                return null;
            }

            bool isCore = string.Equals(simpleName, LoadFailure.CoreAssemblyName, StringComparison.OrdinalIgnoreCase);
            if (!isCore && !IsInside(moduleFolder, requesterLocation))
            {
                return null;
            }

            string path = Path.Combine(Path.Combine(moduleFolder, ModuleInitializer.DependencyFolderName), simpleName + ".dll");
            return File.Exists(path) ? path : null;
        }

        private static bool IsInside(string folder, string? path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return false;
            }

            string prefix = folder.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
                ? folder
                : folder + Path.DirectorySeparatorChar;
            return path!.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            Assembly? requester = args.RequestingAssembly;
            string? requesterLocation = requester == null || requester.IsDynamic ? null : requester.Location;
            string? path = FindShippedAssembly(ModuleInitializer.ModuleFolder, requesterLocation, args.Name);
            if (path == null)
            {
                return null;
            }

            // LoadFrom never raises this event for the file it loads, but a dependency of it might ask for the same
            // name while we are here; answering again would only repeat the same load.
            HashSet<string> resolving = t_resolving ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (!resolving.Add(path))
            {
                return null;
            }

            try
            {
                return Assembly.LoadFrom(path);
            }
            finally
            {
                resolving.Remove(path);
            }
        }
    }
}
