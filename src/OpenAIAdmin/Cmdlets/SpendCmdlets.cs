using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    /// <summary>What the spend cmdlets share: checking amounts and addresses before any request, and naming the scope.</summary>
    internal static class SpendInput
    {
        public const string AmountHasFractionOfCent = "AmountHasFractionOfCent";
        public const string AmountOutOfRange = "AmountOutOfRange";
        public const string InvalidRecipient = "InvalidRecipient";
        public const string NoRecipient = "NoRecipient";

        /// <summary>An error for an amount the API cannot take (a fraction of a cent, below the minimum), or null.</summary>
        public static ErrorRecord? AmountError(decimal amount, long minimumCents, string what, object? target)
        {
            SpendAmountProblem problem = SpendAmount.Check(amount, minimumCents, out _);
            if (problem == SpendAmountProblem.None)
            {
                return null;
            }

            string id = problem == SpendAmountProblem.FractionOfCent ? AmountHasFractionOfCent : AmountOutOfRange;
            return ErrorRecords.Create(id, ErrorCategory.InvalidArgument, SpendAmount.Describe(problem, amount, minimumCents, what) + " Nothing was sent.", target);
        }

        /// <summary>An error for the first entry of <paramref name="addresses"/> that is not an e-mail address, or null.</summary>
        public static ErrorRecord? RecipientError(IEnumerable<string>? addresses, string parameter, object? target)
        {
            string? bad = addresses?.FirstOrDefault(a => !SpendAlertSettings.IsEmailAddress(a.Trim()));
            return bad == null
                ? null
                : ErrorRecords.Create(InvalidRecipient, ErrorCategory.InvalidArgument,
                    $"'{ErrorRecords.Shorten(bad)}' in -{parameter} is not an e-mail address (give plain addresses such as ops@example.com). Nothing was sent.", target);
        }

        /// <summary>Cents as users read them: <c>1,234.50 USD</c>.</summary>
        public static string Money(long cents, string? currency = SpendAmount.Currency) => SpendAmount.Format(cents, currency);

        public static string Money(decimal dollars) => SpendAmount.Format((long)(dollars * 100m));

        public static string List(IEnumerable<string> recipients)
        {
            string text = string.Join(", ", recipients);
            return text.Length == 0 ? "(nobody)" : text;
        }
    }

    [Cmdlet(VerbsCommon.Get, "OAISpendLimit")]
    [ApiOperation("GET", "/organization/spend_limit")]
    [ApiOperation("GET", "/organization/projects/{project_id}/spend_limit")]
    [ApiOperation("GET", "/organization/projects/{project_id}", Lookup = true)]
    [OutputType(typeof(OrganizationSpendLimit), typeof(ProjectSpendLimit))]
    [ScopeSetting(typeof(OrganizationSpendLimit), typeof(ProjectSpendLimit))]
    public sealed class GetOAISpendLimitCommand : OAICmdlet
    {
        /// <summary>The project whose limit to get; without it, the organization's. Projects piped in bind here.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [PipedBlankIsAbsent]
        public string? ProjectId { get; set; }

        protected override object? ErrorTarget => ProjectId ?? "organization";

        protected override void ProcessItem()
        {
            SpendLimit? limit = ProjectId == null
                ? Await(Client.SpendLimit.GetAsync(CancellationToken))
                : (SpendLimit?)Await(Client.Projects.SpendLimit.GetAsync(ProjectId, CancellationToken));
            if (limit != null)
            {
                WriteObject(limit);
            }
        }
    }

    /// <summary>Sets (creates or replaces) the hard spend limit of the organization or of a project, in dollars a month.</summary>
    [Cmdlet(VerbsCommon.Set, "OAISpendLimit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [ApiOperation("POST", "/organization/spend_limit")]
    [ApiOperation("POST", "/organization/projects/{project_id}/spend_limit")]
    [ApiOperation("GET", "/organization/spend_limit", Lookup = true)]
    [ApiOperation("GET", "/organization/projects/{project_id}/spend_limit", Lookup = true)]
    [ApiOperation("GET", "/organization/projects/{project_id}", Lookup = true)]
    [OutputType(typeof(OrganizationSpendLimit), typeof(ProjectSpendLimit))]
    [ScopeSetting(typeof(OrganizationSpendLimit), typeof(ProjectSpendLimit))]
    public sealed class SetOAISpendLimitCommand : OAICmdlet
    {
        /// <summary>The limit in dollars a month: whole cents, at least 0.01. Not bound from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [MoneyAmount]
        public decimal Amount { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string? ProjectId { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => ProjectId ?? "organization";

        protected override void ProcessItem()
        {
            if (SpendInput.AmountError(Amount, SpendAmount.MinimumLimitCents, "a hard spend limit", ErrorTarget) is ErrorRecord invalid)
            {
                ThrowTerminatingError(invalid);
            }

            SpendAmount.Check(Amount, SpendAmount.MinimumLimitCents, out long cents);
            string? projectId = ProjectId;
            SpendLimit? current = projectId == null
                ? Await(Client.SpendLimit.GetAsync(CancellationToken))
                : (SpendLimit?)Await(Client.Projects.SpendLimit.GetAsync(projectId, CancellationToken));
            string target = "hard spend limit of " + (projectId == null ? "the organization" : Describe("project", projectId));
            if (current != null && current.ThresholdAmountCents == cents)
            {
                WriteVerbose($"The {target} is already {SpendInput.Money(cents, current.Currency)} a {current.Interval ?? SpendAmount.Interval}: nothing to change.");
                if (PassThru)
                {
                    WriteObject(current);
                }

                return;
            }

            string action = current == null
                ? $"Set to {SpendInput.Money(cents)} a month (none now)"
                : $"Change from {SpendInput.Money(current.ThresholdAmountCents, current.Currency)} to {SpendInput.Money(cents)} a month";
            // One Change per scope, each with its own result type: no generic helper over the core's types (a
            // constraint naming one would make PowerShell load the core before the module initializer has run).
            if (projectId == null)
            {
                Change(target, action, () => Client.SpendLimit.SetAsync(Amount, CancellationToken));
            }
            else
            {
                Change(target, action, () => Client.Projects.SpendLimit.SetAsync(projectId, Amount, CancellationToken));
            }
        }
    }

    /// <summary>Removes a hard spend limit: spending of the organization or the project is no longer capped.</summary>
    [Cmdlet(VerbsCommon.Remove, "OAISpendLimit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ScopeSet)]
    [ApiOperation("DELETE", "/organization/spend_limit")]
    [ApiOperation("DELETE", "/organization/projects/{project_id}/spend_limit")]
    [OutputType(typeof(DeletedObject))]
    [ScopeSetting(typeof(OrganizationSpendLimit), typeof(ProjectSpendLimit))]
    public sealed class RemoveOAISpendLimitCommand : OAICmdlet
    {
        private const string ScopeSet = "Scope";

        /// <summary>The project whose limit to remove; without it (and without -InputObject), the organization's.</summary>
        [Parameter(Position = 0, ParameterSetName = ScopeSet, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string? ProjectId { get; set; }

        /// <summary>A limit from Get-OAISpendLimit: its scope is removed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public SpendLimit InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private string? Scope => ParameterSetName == InputObjectSet ? (InputObject as ProjectSpendLimit)?.ProjectId : ProjectId;

        protected override object? ErrorTarget => Scope ?? "organization";

        protected override void ProcessItem()
        {
            string? projectId = Scope;
            string target = "hard spend limit of " + (projectId == null ? "the organization" : Describe("project", projectId));
            if (ParameterSetName == InputObjectSet)
            {
                target += $" ({SpendInput.Money(InputObject.ThresholdAmountCents, InputObject.Currency)} a {InputObject.Interval ?? SpendAmount.Interval})";
            }

            Change(target, "Remove (spending is no longer capped)", () => projectId == null
                ? Client.SpendLimit.DeleteAsync(CancellationToken)
                : Client.Projects.SpendLimit.DeleteAsync(projectId, CancellationToken));
        }
    }

    [Cmdlet(VerbsCommon.Get, "OAISpendAlert", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [ApiOperation("GET", "/organization/spend_alerts")]
    [ApiOperation("GET", "/organization/spend_alerts/{alert_id}")]
    [ApiOperation("GET", "/organization/projects/{project_id}/spend_alerts")]
    [ApiOperation("GET", "/organization/projects/{project_id}/spend_alerts/{alert_id}")]
    [OutputType(typeof(OrganizationSpendAlert), typeof(ProjectSpendAlert))]
    public sealed class GetOAISpendAlertCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SpendAlertId", "alert_id")]
        [ArgumentCompleter(typeof(SpendAlertIdCompleter))]
        [ValidateNotBlank]
        public string[] Id { get; set; } = null!;

        /// <summary>The project whose alerts to get; without it, the organization's. Projects piped in bind here.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [PipedBlankIsAbsent]
        public string? ProjectId { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 100)]
        [WholeNumber]
        public int? PageSize { get; set; }

        protected override object? ErrorTarget => ProjectId ?? "organization";

        protected override void ProcessItem()
        {
            string? projectId = ProjectId;
            if (projectId == null)
            {
                GetOrList(Id, id => Client.SpendAlerts.GetAsync(id, CancellationToken),
                    o => Client.SpendAlerts.ListAsync(null, o, CancellationToken), PageSize);
            }
            else
            {
                GetOrList(Id, id => Client.Projects.SpendAlerts.GetAsync(projectId, id, CancellationToken),
                    o => Client.Projects.SpendAlerts.ListAsync(projectId, null, o, CancellationToken), PageSize);
            }
        }
    }

    /// <summary>Creates a spend alert: an e-mail to the recipients when a month's spend reaches the amount.</summary>
    [Cmdlet(VerbsCommon.New, "OAISpendAlert", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [ApiOperation("POST", "/organization/spend_alerts")]
    [ApiOperation("POST", "/organization/projects/{project_id}/spend_alerts")]
    [OutputType(typeof(OrganizationSpendAlert), typeof(ProjectSpendAlert))]
    public sealed class NewOAISpendAlertCommand : OAICmdlet
    {
        /// <summary>The threshold in dollars a month: whole cents, zero or more.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [MoneyAmount]
        public decimal Amount { get; set; }

        /// <summary>The e-mail addresses to notify.</summary>
        [Parameter(Mandatory = true)]
        [Alias("NotifyEmail")]
        [ValidateNotBlank]
        public string[] Recipient { get; set; } = null!;

        [Parameter]
        [ValidateNotBlank]
        public string? SubjectPrefix { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string? ProjectId { get; set; }

        protected override object? ErrorTarget => ProjectId ?? "organization";

        protected override void ProcessItem()
        {
            if (SpendInput.AmountError(Amount, SpendAmount.MinimumAlertCents, "a spend alert", ErrorTarget) is ErrorRecord invalid)
            {
                ThrowTerminatingError(invalid);
            }

            if (SpendInput.RecipientError(Recipient, nameof(Recipient), ErrorTarget) is ErrorRecord badAddress)
            {
                ThrowTerminatingError(badAddress);
            }

            var settings = new SpendAlertSettings { Amount = Amount, Recipients = SpendAlertSettings.Distinct(Recipient), SubjectPrefix = SubjectPrefix };
            string? projectId = ProjectId;
            string target = "spend alert of " + (projectId == null ? "the organization" : Describe("project", projectId));
            string action = $"Create: e-mail {SpendInput.List(settings.Recipients)} when a month's spend reaches {SpendInput.Money(Amount)}"
                + (SubjectPrefix == null ? string.Empty : $", subject prefix '{SubjectPrefix}'");
            if (projectId == null)
            {
                Change(target, action, () => Client.SpendAlerts.CreateAsync(settings, CancellationToken));
            }
            else
            {
                Change(target, action, () => Client.Projects.SpendAlerts.CreateAsync(projectId, settings, CancellationToken));
            }
        }
    }

    /// <summary>
    /// Changes a spend alert. The API's update replaces every field, so the alert is read first and the changes given
    /// are merged into it; the confirmation lists each change as old → new.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "OAISpendAlert", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [ApiOperation("POST", "/organization/spend_alerts/{alert_id}")]
    [ApiOperation("POST", "/organization/projects/{project_id}/spend_alerts/{alert_id}")]
    [ApiOperation("GET", "/organization/spend_alerts/{alert_id}", Lookup = true)]
    [ApiOperation("GET", "/organization/projects/{project_id}/spend_alerts/{alert_id}", Lookup = true)]
    [OutputType(typeof(OrganizationSpendAlert), typeof(ProjectSpendAlert))]
    public sealed class SetOAISpendAlertCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SpendAlertId", "alert_id")]
        [ArgumentCompleter(typeof(SpendAlertIdCompleter))]
        [ValidateNotBlank]
        public string Id { get; set; } = null!;

        /// <summary>The project of the alert; without it, an organization alert. Alerts piped from Get-OAISpendAlert bring theirs.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string? ProjectId { get; set; }

        /// <summary>The new threshold in dollars a month (whole cents, zero or more). Not bound from the pipeline.</summary>
        [Parameter]
        [MoneyAmount]
        public decimal? Amount { get; set; }

        /// <summary>Replaces the whole list of addresses.</summary>
        [Parameter]
        [Alias("NotifyEmail")]
        [ValidateNotBlank]
        public string[]? Recipient { get; set; }

        [Parameter]
        [ValidateNotBlank]
        public string[]? AddRecipient { get; set; }

        [Parameter]
        [ValidateNotBlank]
        public string[]? RemoveRecipient { get; set; }

        /// <summary>The new subject prefix; an empty string removes it.</summary>
        [Parameter]
        [AllowEmptyString]
        [ValidateNotNull]
        public string? SubjectPrefix { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            var update = new SpendAlertUpdate
            {
                Amount = Amount,
                Recipients = Recipient,
                AddRecipients = AddRecipient,
                RemoveRecipients = RemoveRecipient,
                SubjectPrefix = SubjectPrefix,
            };
            if (update.IsEmpty)
            {
                ThrowTerminatingError(ErrorRecords.Create(ErrorRecords.NothingToChange, ErrorCategory.InvalidArgument,
                    "Give -Amount, -Recipient, -AddRecipient, -RemoveRecipient or -SubjectPrefix: there is nothing to change.", Id));
            }

            if (Recipient != null && (AddRecipient != null || RemoveRecipient != null))
            {
                ThrowTerminatingError(ErrorRecords.Create("ConflictingRecipientChange", ErrorCategory.InvalidArgument,
                    "-Recipient replaces the whole list; give it alone, or use -AddRecipient and -RemoveRecipient. Nothing was sent.", Id));
            }

            string? both = AddRecipient?.Select(a => a.Trim()).Intersect(RemoveRecipient?.Select(r => r.Trim()) ?? Enumerable.Empty<string>(), StringComparer.OrdinalIgnoreCase).FirstOrDefault();
            if (both != null)
            {
                ThrowTerminatingError(ErrorRecords.Create("ConflictingRecipientChange", ErrorCategory.InvalidArgument,
                    $"'{ErrorRecords.Shorten(both)}' is in both -AddRecipient and -RemoveRecipient; give it in one of them. Nothing was sent.", Id));
            }

            if (SubjectPrefix != null && SubjectPrefix.Length > 0 && SubjectPrefix.Trim().Length == 0)
            {
                // New-OAISpendAlert refuses a blank prefix; here only the empty string has a meaning (remove the prefix).
                ThrowTerminatingError(ErrorRecords.Create("InvalidSubjectPrefix", ErrorCategory.InvalidArgument,
                    "-SubjectPrefix is white space only. Give a prefix with visible characters, or '' to remove the prefix. Nothing was sent.", Id));
            }

            if (Amount is decimal amount && SpendInput.AmountError(amount, SpendAmount.MinimumAlertCents, "a spend alert", Id) is ErrorRecord invalid)
            {
                ThrowTerminatingError(invalid);
            }

            ErrorRecord? badAddress = SpendInput.RecipientError(Recipient, nameof(Recipient), Id) ?? SpendInput.RecipientError(AddRecipient, nameof(AddRecipient), Id);
            if (badAddress != null)
            {
                ThrowTerminatingError(badAddress);
            }

            string id = Id;
            string? projectId = ProjectId;
            SpendAlert current = projectId == null
                ? Await(Client.SpendAlerts.GetAsync(id, CancellationToken))
                : (SpendAlert)Await(Client.Projects.SpendAlerts.GetAsync(projectId, id, CancellationToken));
            SpendAlertSettings merged = update.ApplyTo(current);
            string target = $"spend alert {id} of " + (projectId == null ? "the organization" : Describe("project", projectId));
            foreach (string absent in update.RemovalsNotIn(current))
            {
                // Likely a typo: a removal that removes nothing must not pass for done.
                WriteWarning($"'{ErrorRecords.Shorten(absent)}' is not a recipient of the {target}: there was nothing to remove.");
            }

            if (merged.Recipients.Count == 0)
            {
                WriteError(ErrorRecords.Create(SpendInput.NoRecipient, ErrorCategory.InvalidArgument,
                    $"The {target} would notify nobody: a spend alert needs at least one address. Nothing was sent.", id));
                return;
            }

            string? changes = Changes(ChangesFrom(current, merged).ToArray());
            if (changes.Length == 0)
            {
                WriteVerbose($"The {target} already has these settings: nothing to change.");
                if (PassThru)
                {
                    WriteObject(current);
                }

                return;
            }

            if (projectId == null)
            {
                Change(target, changes, () => Client.SpendAlerts.UpdateAsync(id, merged, CancellationToken));
            }
            else
            {
                Change(target, changes, () => Client.Projects.SpendAlerts.UpdateAsync(projectId, id, merged, CancellationToken));
            }
        }

        private static IEnumerable<string> ChangesFrom(SpendAlert current, SpendAlertSettings merged)
        {
            if (merged.Amount != current.Amount)
            {
                yield return $"Amount {SpendInput.Money(current.ThresholdAmountCents, current.Currency)} → {SpendInput.Money(merged.Amount)}";
            }

            if (!merged.Recipients.SequenceEqual(current.Recipients, StringComparer.Ordinal))
            {
                yield return $"Recipients {SpendInput.List(current.Recipients)} → {SpendInput.List(merged.Recipients)}";
            }

            if ((merged.SubjectPrefix ?? string.Empty) != (current.SubjectPrefix ?? string.Empty))
            {
                yield return $"SubjectPrefix {Quoted(current.SubjectPrefix)} → {Quoted(merged.SubjectPrefix)}";
            }
        }

        private static string Quoted(string? text) => string.IsNullOrEmpty(text) ? "(none)" : $"'{text}'";
    }

    [Cmdlet(VerbsCommon.Remove, "OAISpendAlert", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("DELETE", "/organization/spend_alerts/{alert_id}")]
    [ApiOperation("DELETE", "/organization/projects/{project_id}/spend_alerts/{alert_id}")]
    [OutputType(typeof(DeletedObject))]
    public sealed class RemoveOAISpendAlertCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SpendAlertId", "alert_id")]
        [ArgumentCompleter(typeof(SpendAlertIdCompleter))]
        [ProjectObjectIsNotAnId]
        [ValidateNotBlank]
        public string Id { get; set; } = null!;

        /// <summary>The project of the alert; without it, an organization alert.</summary>
        [Parameter(ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string? ProjectId { get; set; }

        /// <summary>An alert from Get-OAISpendAlert; it keeps its scope.</summary>
        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public SpendAlert InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => TargetId(Id);

        protected override void ProcessItem()
        {
            string id = TargetId(Id);
            string? projectId = ParameterSetName == InputObjectSet ? (InputObject as ProjectSpendAlert)?.ProjectId : ProjectId;
            string target = $"spend alert {id}";
            if (ParameterSetName == InputObjectSet)
            {
                target += $" ({SpendInput.Money(InputObject.ThresholdAmountCents, InputObject.Currency)}, to {SpendInput.List(InputObject.Recipients)})";
            }

            target += " of " + (projectId == null ? "the organization" : Describe("project", projectId));
            Change(target, "Delete", () => projectId == null
                ? Client.SpendAlerts.DeleteAsync(id, CancellationToken)
                : Client.Projects.SpendAlerts.DeleteAsync(projectId, id, CancellationToken));
        }
    }
}
