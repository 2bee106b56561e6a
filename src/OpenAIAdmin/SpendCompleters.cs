using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIAdmin.Commands
{
    /// <summary>
    /// Spend alert ids of the scope on the command line: the project of -ProjectId, else the organization. The list
    /// shows each alert's amount and first recipient (alerts have no name).
    /// </summary>
    public sealed class SpendAlertIdCompleter : ApiIdCompleter
    {
        protected override string Kind => "spend alert";

        protected override string ScopeOf(IDictionary fakeBoundParameters)
        {
            object? value = fakeBoundParameters?["ProjectId"];
            return (value is PSObject wrapped ? wrapped.BaseObject : value) as string ?? string.Empty;
        }

        internal override Task<IReadOnlyList<KeyValuePair<string, string>>> FetchAsync(AdminClient client, string scope, CancellationToken cancellationToken) =>
            scope.Length == 0
                ? Collect(client.SpendAlerts.ListAsync(cancellationToken: cancellationToken), a => a.Id, Label)
                : Collect(client.Projects.SpendAlerts.ListAsync(scope, cancellationToken: cancellationToken), a => a.Id, Label);

        private static string Label(SpendAlert alert) =>
            SpendAmount.Format(alert.ThresholdAmountCents, alert.Currency) + (alert.Recipients.Count > 0 ? " to " + alert.Recipients[0] : string.Empty);
    }

    /// <summary>
    /// The data retention types of the scope being typed: a project's six when -ProjectId is on the command line or
    /// projects are piped in, else the organization's four. No request is made.
    /// </summary>
    public sealed class DataRetentionTypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            bool project = fakeBoundParameters?.Contains("ProjectId") == true || IsPipedInto(commandAst);
            string word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return (project ? DataRetentionTypes.Project : DataRetentionTypes.Organization)
                .Where(t => t.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(t => new CompletionResult(t, t, CompletionResultType.ParameterValue, project ? $"{t} (a project)" : $"{t} (the organization)"))
                .ToList();
        }

        /// <summary>True when the command is not the first of its pipeline: objects (projects) are piped into it.</summary>
        private static bool IsPipedInto(CommandAst? command) =>
            command?.Parent is PipelineAst pipeline && pipeline.PipelineElements.Count > 1 && !ReferenceEquals(pipeline.PipelineElements[0], command);
    }
}
