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
    /// does not exist). When the context that loaded the cmdlet assembly cannot find OpenAIAdmin.Core, load it
    /// by path into a private context that serves our own dependency copies and shares only what the runtime
    /// itself supplies.
    /// </summary>
    /// <remarks>
    /// Several runspaces may import the module at once (runspace pools, ForEach-Object -Parallel, thread jobs),
    /// and each import and Remove-Module calls <see cref="Register"/> or <see cref="Unregister"/>: registration is
    /// counted under a lock, so the handler is attached once and stays attached while any runspace has the module.
    /// There is exactly one private context per process; it is never unloaded.
    /// </remarks>
    internal static class IsolatedLoader
    {
        private static readonly object s_gate = new object();

        private static DependencyLoadContext? s_context;
        private static AssemblyLoadContext? s_hostContext;
        private static int s_registrations;

        [ThreadStatic]
        private static bool t_resolvingCore;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Register(string dependencyFolder)
        {
            lock (s_gate)
            {
                s_context ??= new DependencyLoadContext(dependencyFolder);
                if (s_registrations++ == 0)
                {
                    // Our cmdlet assembly asks its own context for the core: normally Default, but a host may load
                    // PowerShell modules into a context of its own.
                    s_hostContext = AssemblyLoadContext.GetLoadContext(typeof(IsolatedLoader).Assembly) ?? AssemblyLoadContext.Default;
                    s_hostContext.Resolving += ResolveCore;
                }
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Unregister()
        {
            lock (s_gate)
            {
                if (s_registrations > 0 && --s_registrations == 0)
                {
                    s_hostContext!.Resolving -= ResolveCore;
                    s_hostContext = null;
                }
            }
        }

        /// <summary>
        /// Answers only for OpenAIAdmin.Core, which nothing but our cmdlet assembly references. It loads the file by
        /// path: asking the private context by name would, when the file is missing, fall back to the host context,
        /// which raises this same event again, and again, until the stack overflows and pwsh dies.
        /// </summary>
        private static Assembly? ResolveCore(AssemblyLoadContext requestingContext, AssemblyName name)
        {
            if (!string.Equals(name.Name, LoadFailure.CoreAssemblyName, StringComparison.OrdinalIgnoreCase) || t_resolvingCore)
            {
                return null;
            }

            DependencyLoadContext? context;
            lock (s_gate)
            {
                context = s_context;
            }

            if (context == null)
            {
                return null;
            }

            t_resolvingCore = true;
            try
            {
                return context.LoadShipped(LoadFailure.CoreAssemblyName) ?? throw LoadFailure.MissingFile(name, context.PathOf(LoadFailure.CoreAssemblyName));
            }
            finally
            {
                t_resolvingCore = false;
            }
        }

        private sealed class DependencyLoadContext : AssemblyLoadContext
        {
            private readonly string _folder;
            private readonly HashSet<string> _platformAssemblies;
            private readonly Dictionary<string, Assembly> _loaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);

            public DependencyLoadContext(string folder)
            {
                _folder = folder;
                _platformAssemblies = ReadPlatformAssemblies();
                Resolving += ReportUnresolved;
            }

            public string PathOf(string simpleName) => Path.Combine(_folder, simpleName + ".dll");

            /// <summary>Our copy of an assembly, loaded once however many threads ask at the same time; null if we ship none.</summary>
            public Assembly? LoadShipped(string simpleName)
            {
                lock (_loaded)
                {
                    if (_loaded.TryGetValue(simpleName, out Assembly? assembly))
                    {
                        return assembly;
                    }

                    string path = PathOf(simpleName);
                    if (!File.Exists(path))
                    {
                        return null;
                    }

                    assembly = LoadFromAssemblyPath(path);
                    _loaded[simpleName] = assembly;
                    return assembly;
                }
            }

            protected override Assembly? Load(AssemblyName assemblyName)
            {
                // Types the host owns (System.*, and what pwsh ships such as Bcl.AsyncInterfaces) must be the
                // host's so that they are the same types on both sides of the cmdlet/core boundary.
                if (assemblyName.Name == null || _platformAssemblies.Contains(assemblyName.Name))
                {
                    return null;
                }

                return LoadShipped(assemblyName.Name);
            }

            /// <summary>
            /// Raised when neither our folder nor the host has the assembly. If one of our loaded assemblies references
            /// it, the install is broken: say which file is missing instead of the runtime's bare "could not load". A
            /// FileNotFoundException, like the runtime's own, so callers that probe for optional assemblies still
            /// catch it. Anything else (satellite resource assemblies, names probed at run time) gets the runtime's
            /// normal answer.
            /// </summary>
            private Assembly? ReportUnresolved(AssemblyLoadContext context, AssemblyName name)
            {
                if (name.Name == null || !string.IsNullOrEmpty(name.CultureName) || !IsReferencedByOurs(name.Name))
                {
                    return null;
                }

                string path = PathOf(name.Name);
                if (_platformAssemblies.Contains(name.Name) && File.Exists(path))
                {
                    throw LoadFailure.HostTooOld(name);
                }

                throw LoadFailure.MissingFile(name, path);
            }

            private bool IsReferencedByOurs(string simpleName)
            {
                Assembly[] ours;
                lock (_loaded)
                {
                    ours = new Assembly[_loaded.Count];
                    _loaded.Values.CopyTo(ours, 0);
                }

                foreach (Assembly assembly in ours)
                {
                    foreach (AssemblyName reference in assembly.GetReferencedAssemblies())
                    {
                        if (string.Equals(reference.Name, simpleName, StringComparison.OrdinalIgnoreCase))
                        {
                            return true;
                        }
                    }
                }

                return false;
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
