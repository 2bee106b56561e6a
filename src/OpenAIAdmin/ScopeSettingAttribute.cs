using System;

namespace OpenAIAdmin.Commands
{
    /// <summary>
    /// Marks a command that reads or changes one setting of the organization or of a project (its spend limit, data
    /// retention, model or hosted-tool permissions) rather than things listed in it. Reading one gives one object, tagged
    /// with its project, whatever names the project; changing one takes, from the pipeline, only the project itself or
    /// the setting (<see cref="SettingTypes"/>): a service account piped into Remove-OAISpendLimit had removed its
    /// project's limit. See <see cref="PipelineInputGuard"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class ScopeSettingAttribute : Attribute
    {
        public ScopeSettingAttribute(params Type[] settingTypes)
        {
            SettingTypes = settingTypes;
        }

        /// <summary>The types of the setting's objects (the organization's and a project's).</summary>
        public Type[] SettingTypes { get; }
    }
}
