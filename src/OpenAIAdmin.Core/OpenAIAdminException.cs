using System;
using System.Net;

namespace OpenAIAdmin
{
    /// <summary>
    /// The stable kinds of failure. The PowerShell layer uses the name as the ErrorId, so renaming a member
    /// is a breaking change for every script that matches on FullyQualifiedErrorId.
    /// </summary>
    public enum AdminErrorKind
    {
        ApiBadRequest,
        InvalidAdminKey,
        ApiPermissionDenied,
        ApiNotFound,
        ApiConflict,
        ApiUnprocessable,
        ApiRateLimited,
        ApiServerError,
        ApiError,
        ApiRedirected,
        ApiUnreachable,
        ApiConnectionLost,
        ApiTimeout,
        ApiResponseInvalid,
        PagingCursorRepeated,
        PagingCursorMissing,
        InvalidArgument,
        ApiEndpointNotFound,
    }

    /// <summary>Base of every failure the client core reports.</summary>
    /// <remarks>
    /// Scripts log <c>$_.Exception.Message</c> and <c>Get-Error</c> shows every property and inner exception, so what
    /// the exception carries is redacted here, once (<see cref="AdminApiKeyCredential.RedactSecrets"/>): a key pasted as
    /// an id is in the operation's path, and the runtime quotes a proxy's address with its password.
    /// </remarks>
    public class OpenAIAdminException : Exception
    {
        private readonly string? _operation;

        public OpenAIAdminException(AdminErrorKind kind, string message, Exception? inner = null)
            : base(AdminApiKeyCredential.RedactSecrets(message), RedactedException.Of(inner))
        {
            Kind = kind;
        }

        public AdminErrorKind Kind { get; }

        /// <summary>The method and path of the request that failed (no query values, no key).</summary>
        public string? Operation
        {
            get => _operation;
            init => _operation = value == null ? null : AdminApiKeyCredential.RedactSecrets(value);
        }

        public string? RequestId { get; init; }
    }

    /// <summary>The API answered with an error status and (usually) an <c>{"error": {...}}</c> body.</summary>
    public sealed class OpenAIAdminApiException : OpenAIAdminException
    {
        public OpenAIAdminApiException(AdminErrorKind kind, HttpStatusCode statusCode, string message)
            : base(kind, message)
        {
            StatusCode = statusCode;
        }

        public HttpStatusCode StatusCode { get; }

        /// <summary>The API's own message, unchanged apart from key redaction.</summary>
        public string? ApiMessage { get; init; }

        public string? ErrorType { get; init; }

        public string? ErrorCode { get; init; }

        public string? Param { get; init; }

        internal static AdminErrorKind KindFor(HttpStatusCode status)
        {
            int code = (int)status;
            switch (code)
            {
                case 400: return AdminErrorKind.ApiBadRequest;
                case 401: return AdminErrorKind.InvalidAdminKey;
                case 403: return AdminErrorKind.ApiPermissionDenied;
                case 404: return AdminErrorKind.ApiNotFound;
                case 409: return AdminErrorKind.ApiConflict;
                case 422: return AdminErrorKind.ApiUnprocessable;
                case 429: return AdminErrorKind.ApiRateLimited;
                default: return code >= 500 ? AdminErrorKind.ApiServerError : AdminErrorKind.ApiError;
            }
        }
    }

    /// <summary>
    /// An inner exception whose message held a secret, kept as its type's name and its message redacted (with its own
    /// inner exceptions treated alike). An exception without one is kept as it is.
    /// </summary>
    public sealed class RedactedException : Exception
    {
        private RedactedException(Exception original)
            : base(AdminApiKeyCredential.RedactSecrets(original.Message), Of(original.InnerException))
        {
            OriginalType = original.GetType().FullName ?? original.GetType().Name;
            HResult = original.HResult;
        }

        /// <summary>The type of the exception this one stands for, e.g. System.Net.Http.HttpRequestException.</summary>
        public string OriginalType { get; }

        internal static Exception? Of(Exception? exception)
        {
            for (Exception? e = exception; e != null; e = e.InnerException)
            {
                if (AdminApiKeyCredential.RedactSecrets(e.Message) != e.Message)
                {
                    return new RedactedException(exception!);
                }
            }

            return exception;
        }

        public override string ToString() => OriginalType + ": " + Message;
    }
}
