using System.Collections.Generic;

namespace OpenAIAdmin
{
    /// <summary>A project's model policy (API type <c>project.model_permissions</c>): an allow list or a deny list of model ids.</summary>
    public sealed class ProjectModelPermissions
    {
        public string? Object { get; set; }

        /// <summary><c>allow_list</c> or <c>deny_list</c>.</summary>
        public string? Mode { get; set; }

        public List<string> ModelIds { get; set; } = new List<string>();

        /// <summary>Filled by the client (the API does not send it).</summary>
        public string? ProjectId { get; set; }

        public override string ToString() => (Mode ?? string.Empty) + ": " + string.Join(", ", ModelIds);
    }

    /// <summary>
    /// Which hosted tools a project may use. The API sends each tool as <c>{enabled}</c>; the client lifts them into
    /// one flag per tool (null when the API left a tool out).
    /// </summary>
    public sealed class ProjectHostedToolPermissions
    {
        public string? ProjectId { get; set; }

        public bool? FileSearch { get; set; }

        public bool? WebSearch { get; set; }

        public bool? ImageGeneration { get; set; }

        public bool? Mcp { get; set; }

        public bool? CodeInterpreter { get; set; }

        public override string ToString() => ProjectId ?? string.Empty;
    }

    /// <summary>The tools to change: null ones are not sent, so only the tools given change.</summary>
    public sealed class HostedToolPermissionsUpdate
    {
        public bool? FileSearch { get; set; }

        public bool? WebSearch { get; set; }

        public bool? ImageGeneration { get; set; }

        public bool? Mcp { get; set; }

        public bool? CodeInterpreter { get; set; }

        internal bool IsEmpty => FileSearch == null && WebSearch == null && ImageGeneration == null && Mcp == null && CodeInterpreter == null;
    }
}
