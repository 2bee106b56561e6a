using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace OpenAIAdmin
{
    /// <summary>What is wrong with a spend amount (see <see cref="SpendAmount.Check"/>).</summary>
    public enum SpendAmountProblem
    {
        None,

        /// <summary>More than two decimal places that are not zero: the wire carries whole cents.</summary>
        FractionOfCent,

        /// <summary>Below the operation's minimum (a limit: one cent; an alert: zero).</summary>
        BelowMinimum,

        /// <summary>More cents than the wire's integer holds.</summary>
        TooLarge,
    }

    /// <summary>
    /// Money of spend limits and alerts. The API carries integer cents of USD (<c>threshold_amount</c>); users give and
    /// see decimal dollars. A conversion never rounds: an amount with a fraction of a cent is refused.
    /// </summary>
    public static class SpendAmount
    {
        /// <summary>A hard spend limit is at least one cent (the API's <c>minimum: 1</c>).</summary>
        public const long MinimumLimitCents = 1;

        /// <summary>An alert threshold may be zero (the API's <c>minimum: 0</c>).</summary>
        public const long MinimumAlertCents = 0;

        /// <summary>The one currency the API accepts for limits and alerts.</summary>
        public const string Currency = "USD";

        /// <summary>The one interval the API accepts for limits and alerts.</summary>
        public const string Interval = "month";

        private static readonly decimal MaximumDollars = long.MaxValue / 100m;

        /// <summary>Cents on the wire → dollars for users, exact and with two decimal places (250000 → 2500.00).</summary>
        public static decimal ToDollars(long cents) => cents * 0.01m;

        /// <summary>Checks <paramref name="dollars"/> and gives its whole cents; <see cref="SpendAmountProblem.None"/> when it is fine.</summary>
        public static SpendAmountProblem Check(decimal dollars, long minimumCents, out long cents)
        {
            cents = 0;
            if (dollars > MaximumDollars || dollars < -MaximumDollars)
            {
                return SpendAmountProblem.TooLarge;
            }

            decimal scaled = dollars * 100m;
            if (decimal.Truncate(scaled) != scaled)
            {
                return SpendAmountProblem.FractionOfCent;
            }

            if (scaled < minimumCents)
            {
                return SpendAmountProblem.BelowMinimum;
            }

            cents = (long)scaled;
            return SpendAmountProblem.None;
        }

        /// <summary>A sentence that says what is wrong with <paramref name="dollars"/> as the amount of <paramref name="what"/>.</summary>
        public static string Describe(SpendAmountProblem problem, decimal dollars, long minimumCents, string what)
        {
            string given = dollars.ToString(CultureInfo.InvariantCulture);
            switch (problem)
            {
                case SpendAmountProblem.FractionOfCent:
                    return $"The amount {given} of {what} has a fraction of a cent: the API takes whole cents, so give at most two decimal places (nothing is rounded).";
                case SpendAmountProblem.BelowMinimum:
                    return minimumCents > 0
                        ? $"The amount {given} of {what} is too small: it must be at least {Format(minimumCents)}."
                        : $"The amount {given} of {what} is negative: it must be {Format(0)} or more.";
                case SpendAmountProblem.TooLarge:
                    return $"The amount {given} of {what} is too large for the API.";
                default:
                    return $"The amount {given} of {what} is valid.";
            }
        }

        /// <summary>Cents as users read them: <c>1,234.50 USD</c> (invariant culture).</summary>
        public static string Format(long cents, string? currency = Currency) =>
            ToDollars(cents).ToString("#,0.00", CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(currency) ? string.Empty : " " + currency);

        /// <summary>The whole cents of <paramref name="dollars"/>; throws <see cref="AdminErrorKind.InvalidArgument"/> for an amount the API cannot take.</summary>
        internal static long ToCents(decimal dollars, long minimumCents, string what)
        {
            SpendAmountProblem problem = Check(dollars, minimumCents, out long cents);
            return problem == SpendAmountProblem.None ? cents : throw Resources.InputError.Invalid(Describe(problem, dollars, minimumCents, what));
        }
    }

    /// <summary>
    /// A hard spend limit (API types <c>organization.spend_limit</c>, <c>project.spend_limit</c>): spending stops being
    /// served when a month's spend reaches it. <see cref="Amount"/> is in dollars; the API's cents are kept too.
    /// </summary>
    public abstract class SpendLimit
    {
        public string? Object { get; set; }

        /// <summary>The API's <c>threshold_amount</c>: whole cents.</summary>
        public long ThresholdAmountCents { get; set; }

        /// <summary>The limit in currency units (dollars), exactly <see cref="ThresholdAmountCents"/> / 100.</summary>
        public decimal Amount => SpendAmount.ToDollars(ThresholdAmountCents);

        /// <summary><c>USD</c> today (an open list in the API's answers).</summary>
        public string? Currency { get; set; }

        /// <summary><c>month</c> today (an open list in the API's answers).</summary>
        public string? Interval { get; set; }

        /// <summary>The API's <c>enforcement.status</c>: <c>enforcing</c> (requests are refused) or <c>inactive</c>.</summary>
        public string? EnforcementStatus { get; set; }

        public override string ToString() => SpendAmount.Format(ThresholdAmountCents, Currency);
    }

    /// <summary>The organization's hard spend limit.</summary>
    public sealed class OrganizationSpendLimit : SpendLimit
    {
    }

    /// <summary>A project's hard spend limit; <see cref="ProjectId"/> is filled by the client (the API does not send it).</summary>
    public sealed class ProjectSpendLimit : SpendLimit
    {
        public string ProjectId { get; set; } = string.Empty;
    }

    /// <summary>
    /// A spend alert (API types <c>organization.spend_alert</c>, <c>project.spend_alert</c>): an e-mail when a month's
    /// spend reaches <see cref="Amount"/>. The API's <c>notification_channel</c> is flattened into
    /// <see cref="NotificationType"/>, <see cref="Recipients"/> and <see cref="SubjectPrefix"/>.
    /// </summary>
    public abstract class SpendAlert
    {
        public string Id { get; set; } = string.Empty;

        public string? Object { get; set; }

        /// <summary>The API's <c>threshold_amount</c>: whole cents.</summary>
        public long ThresholdAmountCents { get; set; }

        /// <summary>The threshold in currency units (dollars), exactly <see cref="ThresholdAmountCents"/> / 100.</summary>
        public decimal Amount => SpendAmount.ToDollars(ThresholdAmountCents);

        public string? Currency { get; set; }

        public string? Interval { get; set; }

        /// <summary>The channel's <c>type</c>: <c>email</c> today.</summary>
        public string? NotificationType { get; set; }

        /// <summary>The e-mail addresses notified.</summary>
        public List<string> Recipients { get; set; } = new List<string>();

        /// <summary>Put before the subject of the alert's e-mails; null when none.</summary>
        public string? SubjectPrefix { get; set; }

        public override string ToString() => Id;
    }

    public sealed class OrganizationSpendAlert : SpendAlert
    {
    }

    /// <summary>A project's spend alert; <see cref="ProjectId"/> is filled by the client (the API does not send it).</summary>
    public sealed class ProjectSpendAlert : SpendAlert
    {
        public string ProjectId { get; set; } = string.Empty;
    }

    /// <summary>Everything an alert is made of; what a create sends, and what an update sends whole (the API's update replaces every field).</summary>
    public sealed class SpendAlertSettings
    {
        /// <summary>The threshold in dollars: whole cents, zero or more.</summary>
        public decimal Amount { get; set; }

        /// <summary>The e-mail addresses to notify; at least one.</summary>
        public IList<string> Recipients { get; set; } = new List<string>();

        /// <summary>Put before the subject of the e-mails; null or empty for none.</summary>
        public string? SubjectPrefix { get; set; }

        /// <summary>The addresses, trimmed, in order, each once (addresses compare without regard to case).</summary>
        public static List<string> Distinct(IEnumerable<string>? recipients) =>
            (recipients ?? Enumerable.Empty<string>()).Where(r => r != null).Select(r => r.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        /// <summary>True for a plain e-mail address (<c>ops@example.com</c>), without a display name or angle brackets.</summary>
        public static bool IsEmailAddress(string? text)
        {
            if (string.IsNullOrWhiteSpace(text) || text!.Trim() != text || text.IndexOfAny(new[] { ' ', '<', '>', ',', ';', '"' }) >= 0)
            {
                return false;
            }

            try
            {
                var address = new System.Net.Mail.MailAddress(text);
                return address.Address == text && string.IsNullOrEmpty(address.DisplayName) && address.User.Length <= 64 && IsMailDomain(address.Host);
            }
            catch (FormatException)
            {
                return false;
            }
        }

        /// <summary>
        /// A domain mail can be delivered to: names with a dot between them (the API refuses ops@localhost), none starting
        /// or ending with a hyphen; not an address literal such as [127.0.0.1].
        /// </summary>
        private static bool IsMailDomain(string host)
        {
            string[] labels = host.Split('.');
            return labels.Length >= 2 && labels.All(label => label.Length > 0 && label.Length <= 63
                && label.All(c => char.IsLetterOrDigit(c) || c == '-') && label[0] != '-' && label[label.Length - 1] != '-');
        }

        /// <summary>Throws <see cref="AdminErrorKind.InvalidArgument"/> when the settings cannot make an alert; returns the cents.</summary>
        internal long Validate()
        {
            long cents = SpendAmount.ToCents(Amount, SpendAmount.MinimumAlertCents, "a spend alert");
            List<string> recipients = Distinct(Recipients);
            if (recipients.Count == 0)
            {
                throw Resources.InputError.Invalid("A spend alert needs at least one e-mail address to notify.");
            }

            string? bad = recipients.FirstOrDefault(r => !IsEmailAddress(r));
            if (bad != null)
            {
                throw Resources.InputError.Invalid($"'{Resources.InputError.Shorten(bad)}' is not an e-mail address.");
            }

            return cents;
        }
    }

    /// <summary>
    /// The changes a user asks of an alert; null members keep the current value. The API's update takes every field,
    /// so <see cref="ApplyTo"/> merges these changes into the alert as it is now.
    /// </summary>
    public sealed class SpendAlertUpdate
    {
        public decimal? Amount { get; set; }

        /// <summary>Replaces the whole list.</summary>
        public IReadOnlyCollection<string>? Recipients { get; set; }

        public IReadOnlyCollection<string>? AddRecipients { get; set; }

        public IReadOnlyCollection<string>? RemoveRecipients { get; set; }

        /// <summary>The new prefix; an empty string removes it.</summary>
        public string? SubjectPrefix { get; set; }

        public bool IsEmpty => Amount == null && Recipients == null && AddRecipients == null && RemoveRecipients == null && SubjectPrefix == null;

        /// <summary>The addresses to remove that are not recipients of <paramref name="current"/> (compared as removals are).</summary>
        public IReadOnlyList<string> RemovalsNotIn(SpendAlert current) =>
            (RemoveRecipients ?? Array.Empty<string>()).Where(r => r != null).Select(r => r.Trim())
                .Where(r => !current.Recipients.Contains(r, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        /// <summary>The whole alert after these changes: <paramref name="current"/> with what this update gives.</summary>
        public SpendAlertSettings ApplyTo(SpendAlert current)
        {
            List<string> recipients = SpendAlertSettings.Distinct(Recipients ?? (IEnumerable<string>)current.Recipients);
            if (AddRecipients != null)
            {
                recipients = SpendAlertSettings.Distinct(recipients.Concat(AddRecipients));
            }

            if (RemoveRecipients != null)
            {
                var removed = new HashSet<string>(RemoveRecipients.Where(r => r != null).Select(r => r.Trim()), StringComparer.OrdinalIgnoreCase);
                recipients = recipients.Where(r => !removed.Contains(r)).ToList();
            }

            string? prefix = SubjectPrefix == null ? current.SubjectPrefix : SubjectPrefix.Length == 0 ? null : SubjectPrefix;
            return new SpendAlertSettings
            {
                Amount = Amount ?? current.Amount,
                Recipients = recipients,
                SubjectPrefix = prefix,
            };
        }
    }

    /// <summary>
    /// A data retention setting (API types <c>organization.data_retention</c>, <c>project.data_retention</c>). The API
    /// answers with <c>type</c> and is asked with <c>retention_type</c>; both are <see cref="RetentionType"/> here.
    /// </summary>
    public abstract class DataRetention
    {
        public string? Object { get; set; }

        /// <summary>One of <see cref="DataRetentionTypes.Organization"/>, or for a project <see cref="DataRetentionTypes.Project"/>.</summary>
        public string? RetentionType { get; set; }

        public override string ToString() => RetentionType ?? string.Empty;
    }

    public sealed class OrganizationDataRetention : DataRetention
    {
    }

    /// <summary>A project's data retention; <see cref="ProjectId"/> is filled by the client (the API does not send it).</summary>
    public sealed class ProjectDataRetention : DataRetention
    {
        public string ProjectId { get; set; } = string.Empty;
    }

    /// <summary>The retention types each scope accepts.</summary>
    public static class DataRetentionTypes
    {
        /// <summary>What an organization may be set to.</summary>
        public static readonly IReadOnlyList<string> Organization = new[]
        {
            "zero_data_retention", "modified_abuse_monitoring", "enhanced_zero_data_retention", "enhanced_modified_abuse_monitoring",
        };

        /// <summary>What a project may be set to: the organization's types, its default, or none.</summary>
        public static readonly IReadOnlyList<string> Project = new[]
        {
            "organization_default", "none",
            "zero_data_retention", "modified_abuse_monitoring", "enhanced_zero_data_retention", "enhanced_modified_abuse_monitoring",
        };

        /// <summary>The accepted spelling of <paramref name="value"/> (case-insensitive) for the scope, or null when the scope does not take it.</summary>
        public static string? Find(string? value, bool project) =>
            (project ? Project : Organization).FirstOrDefault(t => string.Equals(t, value?.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
