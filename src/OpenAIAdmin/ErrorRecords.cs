using System;
using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    /// <summary>Turns failures into ErrorRecords with the stable ids scripts match on.</summary>
    internal static class ErrorRecords
    {
        public const string NoConnection = "NoConnection";
        public const string InvalidBaseUri = "InvalidBaseUri";
        public const string InvalidSetting = "InvalidSetting";
        public const string NothingToChange = "NothingToChange";

        /// <summary>No message of ours grows with what a user typed or a server sent beyond this.</summary>
        private const int MaxMessageLength = 2000;
        private const int MaxQuotedValue = 40;

        public static ErrorRecord FromException(OpenAIAdminException exception, object? target)
        {
            var record = new ErrorRecord(exception, exception.Kind.ToString(), CategoryFor(exception.Kind), Safe(target))
            {
                ErrorDetails = new ErrorDetails(Limit(Display.Shown(exception.Message))),
            };

            if (exception.Kind == AdminErrorKind.InvalidAdminKey)
            {
                record.ErrorDetails.RecommendedAction = ApiConnectionHelp;
            }
            else if (exception.Kind == AdminErrorKind.ApiPermissionDenied)
            {
                record.ErrorDetails.RecommendedAction =
                    "Use an admin key that has this permission; organization owners manage admin keys at https://platform.openai.com/settings/organization/admin-keys.";
            }
            else if (exception.Kind == AdminErrorKind.ApiRateLimited)
            {
                record.ErrorDetails.RecommendedAction =
                    "Run the command again later, or let it wait longer: Connect-OAIAdmin -OperationTimeoutSec and -MaxRetryCount (or OPENAI_ADMIN_OPERATION_TIMEOUT_SEC and OPENAI_ADMIN_MAX_RETRIES); the message says which limit ended it.";
            }

            return record;
        }

        public static ErrorRecord Create(string errorId, ErrorCategory category, string message, object? target, string? recommendedAction = null)
        {
            message = Limit(Display.Shown(message));
            var record = new ErrorRecord(new InvalidOperationException(message), errorId, category, Safe(target));
            if (recommendedAction != null)
            {
                record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommendedAction };
            }

            return record;
        }

        /// <summary>The same error with a sentence added to what it says.</summary>
        public static ErrorRecord WithNote(ErrorRecord record, string note)
        {
            string message = (record.ErrorDetails?.Message ?? record.Exception.Message) + " " + note;
            return new ErrorRecord(new InvalidOperationException(message, record.Exception), record.FullyQualifiedErrorId, record.CategoryInfo.Category, record.TargetObject)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = record.ErrorDetails?.RecommendedAction },
            };
        }

        /// <summary>
        /// A target as an error may show it: the category line and transcripts print it, so text shaped like a key is
        /// shown redacted (a key given where an address or an id belongs).
        /// </summary>
        private static object? Safe(object? target) =>
            target is string text ? Display.Shown(text) : target;

        /// <summary>A value short enough to quote in a message.</summary>
        public static string Shorten(string value) =>
            value.Length <= MaxQuotedValue ? value : value.Substring(0, MaxQuotedValue) + "…";

        private static string Limit(string message) =>
            message.Length <= MaxMessageLength ? message : message.Substring(0, MaxMessageLength) + "… (" + message.Length + " characters)";

        /// <summary>Failures that will repeat for every following input: stop the pipeline instead of repeating them.</summary>
        public static bool IsTerminating(AdminErrorKind kind) =>
            kind == AdminErrorKind.InvalidAdminKey || kind == AdminErrorKind.ApiUnreachable || kind == AdminErrorKind.ApiRedirected
            || kind == AdminErrorKind.ApiEndpointNotFound;

        internal const string ApiConnectionHelp =
            "Connect with an admin key (sk-admin-...): Connect-OAIAdmin -ApiKey (Read-Host -AsSecureString), or set OPENAI_ADMIN_KEY. "
            + "Organization owners create admin keys at https://platform.openai.com/settings/organization/admin-keys.";

        private static ErrorCategory CategoryFor(AdminErrorKind kind)
        {
            switch (kind)
            {
                case AdminErrorKind.ApiBadRequest:
                case AdminErrorKind.ApiUnprocessable:
                case AdminErrorKind.InvalidArgument:
                    return ErrorCategory.InvalidArgument;
                case AdminErrorKind.InvalidAdminKey:
                    return ErrorCategory.AuthenticationError;
                case AdminErrorKind.ApiPermissionDenied:
                    return ErrorCategory.PermissionDenied;
                case AdminErrorKind.ApiNotFound:
                    return ErrorCategory.ObjectNotFound;
                case AdminErrorKind.ApiConflict:
                    return ErrorCategory.ResourceBusy;
                case AdminErrorKind.ApiRateLimited:
                    return ErrorCategory.LimitsExceeded;
                case AdminErrorKind.ApiServerError:
                    return ErrorCategory.ResourceUnavailable;
                case AdminErrorKind.ApiUnreachable:
                case AdminErrorKind.ApiRedirected:
                case AdminErrorKind.ApiEndpointNotFound:
                case AdminErrorKind.ApiConnectionLost:
                    // Lost is non-terminating (see IsTerminating): it concerns one request, the next input may well work.
                    return ErrorCategory.ConnectionError;
                case AdminErrorKind.ApiTimeout:
                    return ErrorCategory.OperationTimeout;
                case AdminErrorKind.ApiResponseInvalid:
                    return ErrorCategory.InvalidData;
                case AdminErrorKind.PagingCursorRepeated:
                case AdminErrorKind.PagingCursorMissing:
                    return ErrorCategory.InvalidResult;
                default:
                    return ErrorCategory.NotSpecified;
            }
        }
    }
}
