using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace OpenAIAdmin.Resources
{
    /// <summary>
    /// Copies a file's permissions to a file written beside it (Linux and macOS). A new file gets the process's umask,
    /// so the export's scratch file and a rewritten state file were readable by everyone next to an export its owner
    /// had closed (0600). .NET 7 and later have File.Get/SetUnixFileMode, which netstandard2.0 does not name: found by
    /// reflection. On Windows a new file inherits its folder's permissions, as the file it sits beside did.
    /// </summary>
    internal static class UnixPermissions
    {
        private static readonly MethodInfo? GetMode = typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });

        private static readonly MethodInfo? SetMode = GetMode == null
            ? null
            : typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), GetMode.ReturnType });

        /// <summary>Gives <paramref name="target"/> the permissions of <paramref name="model"/>, when both exist; IO errors are thrown as they are.</summary>
        public static void Copy(string model, string target)
        {
            if (GetMode == null || SetMode == null || RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || !File.Exists(model) || !File.Exists(target))
            {
                return;
            }

            try
            {
                object mode = GetMode.Invoke(null, new object[] { model })!;
                SetMode.Invoke(null, new[] { target, mode });
            }
            catch (TargetInvocationException ex) when (ex.InnerException is IOException || ex.InnerException is UnauthorizedAccessException)
            {
                // As the IOException or UnauthorizedAccessException callers handle for their file.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            }
        }
    }
}
