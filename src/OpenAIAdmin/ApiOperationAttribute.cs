using System;

namespace OpenAIAdmin.Commands
{
    /// <summary>
    /// Declares one Administration API operation a cmdlet calls: the HTTP method and the path relative to the API base
    /// (<c>https://api.openai.com/v1</c>), with the API's parameter names, e.g.
    /// <c>[ApiOperation("GET", "/organization/projects/{project_id}")]</c>. A cmdlet declares every operation it can
    /// call (a Get cmdlet that lists and gets declares both); each operation has one owning cmdlet. The build generates
    /// docs/COVERAGE.md from these declarations, and the tests check them against the simulator's routes.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ApiOperationAttribute : Attribute
    {
        public ApiOperationAttribute(string method, string path)
        {
            Method = method;
            Path = path;
        }

        /// <summary><c>GET</c>, <c>POST</c> or <c>DELETE</c> (the API has no other methods).</summary>
        public string Method { get; }

        /// <summary>The path relative to the API base, starting with <c>/</c>.</summary>
        public string Path { get; }

        /// <summary>
        /// The cmdlet calls this operation only to find its target or the current values for its confirmation (the API
        /// has no single get for it); the operation belongs to another cmdlet, which owns it in docs/COVERAGE.md.
        /// </summary>
        public bool Lookup { get; set; }

        public override string ToString() => Method + " " + Path;
    }
}
