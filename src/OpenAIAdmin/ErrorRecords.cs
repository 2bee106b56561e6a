using System;
using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    /// <summary>Turns failures into ErrorRecords with the stable ids scripts match on.</summary>
    internal static class ErrorRecords
    {
        public const string NoConnection = "NoConnection";
        public const string InvalidBaseUri = "InvalidBaseUri";

        public static ErrorRecord FromException(OpenAIAdminException exception, object? target)
        {
            var record = new ErrorRecord(exception, exception.Kind.ToString(), CategoryFor(exception.Kind), target)
            {
                ErrorDetails = new ErrorDetails(exception.Message),
            };

            if (exception.Kind == AdminErrorKind.InvalidAdminKey || exception.Kind == AdminErrorKind.ApiPermissionDenied)
            {
                record.ErrorDetails.RecommendedAction = ApiConnectionHelp;
            }
            else if (exception.Kind == AdminErrorKind.ApiRateLimited)
            {
                record.ErrorDetails.RecommendedAction = "Wait a minute and run the command again, or raise -MaxRetryCount on Connect-OAIAdmin.";
            }

            return record;
        }

        public static ErrorRecord Create(string errorId, ErrorCategory category, string message, object? target, string? recommendedAction = null)
        {
            var record = new ErrorRecord(new InvalidOperationException(message), errorId, category, target);
            if (recommendedAction != null)
            {
                record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommendedAction };
            }

            return record;
        }

        /// <summary>Failures that will repeat for every following input: stop the pipeline instead of repeating them.</summary>
        public static bool IsTerminating(AdminErrorKind kind) =>
            kind == AdminErrorKind.InvalidAdminKey || kind == AdminErrorKind.ApiUnreachable;

        internal const string ApiConnectionHelp =
            "Connect with an admin key (sk-admin-...): Connect-OAIAdmin -ApiKey (Read-Host -AsSecureString), or set OPENAI_ADMIN_KEY. "
            + "Organization owners create admin keys at https://platform.openai.com/settings/organization/admin-keys.";

        private static ErrorCategory CategoryFor(AdminErrorKind kind)
        {
            switch (kind)
            {
                case AdminErrorKind.ApiBadRequest:
                case AdminErrorKind.ApiUnprocessable:
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
