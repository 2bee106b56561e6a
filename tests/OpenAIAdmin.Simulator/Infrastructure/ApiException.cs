using System.Text.Json;

namespace OpenAIAdmin.Simulator.Infrastructure;

/// <summary>
/// An API error in the real shape <c>{"error":{"message","type","param","code"}}</c>. Handlers throw it; the
/// pipeline writes it. Use the factories so that types and codes stay consistent across resources.
/// </summary>
internal sealed class ApiException : Exception
{
    public ApiException(int status, string message, string type, string? param = null, string? code = null)
        : base(message)
    {
        Status = status;
        Type = type;
        Param = param;
        Code = code;
    }

    public int Status { get; }

    public string Type { get; }

    public string? Param { get; }

    public string? Code { get; }

    public static ApiException BadRequest(string message, string? param = null, string? code = null) =>
        new(400, message, "invalid_request_error", param, code);

    public static ApiException Missing(string param) =>
        BadRequest($"Missing required parameter: '{param}'.", param, "missing_required_parameter");

    public static ApiException InvalidValue(string param, string detail) =>
        BadRequest($"Invalid value for '{param}': {detail}", param, "invalid_value");

    /// <summary>404 naming the missing id, e.g. "No project found with id 'proj_missing'."</summary>
    public static ApiException NotFound(string what, string id) =>
        new(404, $"No {what} found with id '{id}'.", "invalid_request_error");

    public static ApiException Unauthorized(string message, string? code) =>
        new(401, message, "invalid_request_error", null, code);

    /// <summary>A realistic body for an injected status fault when the rule gives no message of its own.</summary>
    public static ApiException ForStatus(int status) => status switch
    {
        400 => BadRequest("The request was invalid."),
        401 => Unauthorized("Incorrect API key provided. An admin API key (sk-admin-...) is required for this endpoint.", "invalid_api_key"),
        403 => new(403, "You do not have permission to perform this request.", "invalid_request_error", null, "insufficient_permissions"),
        404 => new(404, "Not found.", "invalid_request_error"),
        408 => new(408, "The request timed out.", "timeout"),
        409 => new(409, "The request conflicted with another request. Please try again.", "invalid_request_error", null, "conflict"),
        429 => new(429, "Rate limit reached for requests to the Administration API. Please try again later.", "requests", null, "rate_limit_exceeded"),
        503 => new(503, "The server is overloaded or not ready yet.", "server_error"),
        >= 500 => new(status, "The server had an error while processing your request. Sorry about that!", "server_error"),
        _ => new(status, $"HTTP {status}.", "invalid_request_error"),
    };

    public async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = Status;
        context.Response.ContentType = "application/json";
        var body = new { error = new { message = Message, type = Type, param = Param, code = Code } };
        await context.Response.WriteAsync(JsonSerializer.Serialize(body, SimJson.Options), context.RequestAborted).ConfigureAwait(false);
    }
}
