using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    /// <summary>
    /// Base of the cmdlets that act inside one project and always need it: declares -ProjectId once (mandatory, first
    /// position, bound by property name from piped projects and project objects, alias project_id, completed from the
    /// API). Cmdlets whose project is optional or belongs to one parameter set declare their own.
    /// </summary>
    public abstract class OAIProjectCmdlet : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string ProjectId { get; set; } = null!;
    }
}
