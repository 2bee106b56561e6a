using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace OpenAIAdmin.Commands.Loading
{
    /// <summary>
    /// PowerShell 7 only (the JIT never compiles these methods on .NET Framework, where AssemblyLoadContext
    /// does not exist). When the default context cannot find OpenAIAdmin.Core, load it into a private context
    /// that serves our own dependency copies and shares only what the runtime itself supplies.
    /// </summary>
    internal static class IsolatedLoader
    {
        private const string CoreAssemblyName = "OpenAIAdmin.Core";

        private static DependencyLoadContext? s_context;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Register(string dependencyFolder)
        {
            s_context ??= new DependencyLoadContext(dependencyFolder);
            AssemblyLoadContext.Default.Resolving -= ResolveCore;
            AssemblyLoadContext.Default.Resolving += ResolveCore;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Unregister() => AssemblyLoadContext.Default.Resolving -= ResolveCore;

        private static Assembly? ResolveCore(AssemblyLoadContext defaultContext, AssemblyName name) =>
            name.Name == CoreAssemblyName ? s_context?.LoadFromAssemblyName(name) : null;

        private sealed class DependencyLoadContext : AssemblyLoadContext
        {
            private readonly string _folder;
            private readonly HashSet<string> _platformAssemblies;

            public DependencyLoadContext(string folder)
            {
                _folder = folder;
                _platformAssemblies = ReadPlatformAssemblies();
            }

            protected override Assembly? Load(AssemblyName assemblyName)
            {
                // Types the host owns (System.*, and what pwsh ships such as Bcl.AsyncInterfaces) must be the
                // host's so that they are the same types on both sides of the cmdlet/core boundary.
                if (assemblyName.Name == null || _platformAssemblies.Contains(assemblyName.Name))
                {
                    return null;
                }

                string path = Path.Combine(_folder, assemblyName.Name + ".dll");
                return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
            }

            private static HashSet<string> ReadPlatformAssemblies()
            {
                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
                {
                    foreach (string path in list.Split(Path.PathSeparator))
                    {
                        names.Add(Path.GetFileNameWithoutExtension(path));
                    }
                }

                return names;
            }
        }
    }
}
