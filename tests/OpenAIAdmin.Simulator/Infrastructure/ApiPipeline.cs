using System.Text;

namespace OpenAIAdmin.Simulator.Infrastructure;

/// <summary>
/// What every request goes through, in order: request id header; for <c>/v1</c> paths also body capture,
/// the request log, fault injection, authentication, the handler, and the real error shape for unknown routes
/// and for <see cref="ApiException"/>s thrown by handlers. Faults that act after the handler (<c>drop_after</c>,
/// <c>reset_body</c>) hold its response back and then decide how much of it the client gets.
/// </summary>
internal sealed class ApiPipeline
{
    private readonly RequestDelegate _next;
    private readonly FaultStore _faults;
    private readonly RequestLog _log;

    public ApiPipeline(RequestDelegate next, SimState state, FaultStore faults, RequestLog log)
    {
        _ = state;
        _next = next;
        _faults = faults;
        _log = log;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        string requestId = Ids.RequestId();
        context.Response.Headers["x-request-id"] = requestId;
        if (!context.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal))
        {
            try
            {
                await _next(context).ConfigureAwait(false);
            }
            catch (ApiException error) when (!context.Response.HasStarted)
            {
                await error.WriteAsync(context).ConfigureAwait(false);
            }

            return;
        }

        HttpRequest request = context.Request;
        string path = request.PathBase.Add(request.Path).Value ?? string.Empty;
        string query = request.QueryString.HasValue ? request.QueryString.Value!.TrimStart('?') : string.Empty;
        RequestLog.Entry? entry = null;
        FaultRule? fault = null;
        Stream? realBody = null;
        MemoryStream? heldBack = null;
        try
        {
            string? body = await ReadBodyAsync(context).ConfigureAwait(false);
            context.SetRawBody(body);
            entry = _log.Add(request.Method, path, query, body, requestId, context.Connection.Id);

            bool carriesCursor = HttpMethods.IsGet(request.Method) && (request.Query.ContainsKey("after") || request.Query.ContainsKey("page"));
            fault = _faults.Take(request.Method, path, carriesCursor);
            if (fault is not null && !await ApplyFaultAsync(context, fault, entry).ConfigureAwait(false))
            {
                return;
            }

            if (fault?.Kind is FaultKind.DropAfter or FaultKind.ResetBody)
            {
                // The request is served in full (the change is applied), but its response is held back so the fault
                // decides how much of it the client gets.
                realBody = context.Response.Body;
                heldBack = new MemoryStream();
                context.Response.Body = heldBack;
            }

            Authenticate(request);
            await _next(context).ConfigureAwait(false);

            if (!context.Response.HasStarted && context.Response.StatusCode is 404 or 405)
            {
                throw new ApiException(404, $"Invalid URL ({request.Method} {path})", "invalid_request_error", null, "unknown_url");
            }

            entry.Status = context.RequestAborted.IsCancellationRequested ? 499 : context.Response.StatusCode;
        }
        catch (ApiException error) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            await error.WriteAsync(context).ConfigureAwait(false);
            if (entry is not null)
            {
                entry.Status = error.Status;
            }
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (cancelled, timed out) before the response was complete.
            if (entry is not null)
            {
                entry.Status = 499;
            }

            return;
        }

        if (fault is not null && realBody is not null && heldBack is not null && entry is not null)
        {
            await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            context.Response.Body = realBody;
            await FinishHeldBackAsync(context, fault, heldBack.ToArray(), entry).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <c>drop_after</c>: the client gets nothing, the connection is aborted (logged as 0).
    /// <c>reset_body</c>: the client gets the status, the headers (with the full Content-Length) and the first half of
    /// the body, then the connection closes (logged with the status that was sent).
    /// </summary>
    private static async Task FinishHeldBackAsync(HttpContext context, FaultRule fault, byte[] body, RequestLog.Entry entry)
    {
        if (fault.Kind == FaultKind.DropAfter)
        {
            entry.Status = 0;
            context.Abort();
            return;
        }

        context.Response.ContentLength = body.Length;
        int sent = body.Length / 2;
        await context.Response.Body.WriteAsync(body.AsMemory(0, sent), context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        // Returning with fewer bytes than Content-Length promised makes Kestrel close the connection after what was
        // sent (an abort here would reset it at once, and a reset can discard the headers before the client reads them).
    }

    /// <summary>Applies a fault; returns true when the request should go on to be served (normally, or held back).</summary>
    private static async Task<bool> ApplyFaultAsync(HttpContext context, FaultRule fault, RequestLog.Entry entry)
    {
        entry.Fault = fault.KindName;
        switch (fault.Kind)
        {
            case FaultKind.Drop:
                entry.Status = 0;
                context.Abort();
                return false;

            case FaultKind.Delay:
                // Throws when the client disconnects, so a cancelled client frees the request at once (logged as 499).
                await Task.Delay(fault.DelayMs, context.RequestAborted).ConfigureAwait(false);
                return true;

            case FaultKind.Malformed:
                entry.Status = 200;
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"object\":\"list\",\"data\":[{\"id\":\"trunc", context.RequestAborted).ConfigureAwait(false);
                return false;

            case FaultKind.RepeatCursor:
                context.SetRepeatCursor();
                return true;

            case FaultKind.Overlap:
                context.SetOverlap();
                return true;

            case FaultKind.EmptyPage:
                context.SetEmptyPage();
                return true;

            case FaultKind.RejectPage:
                ApiException rejected = BucketPages.TokenRejected(fault.Message);
                entry.Status = rejected.Status;
                await rejected.WriteAsync(context).ConfigureAwait(false);
                return false;

            case FaultKind.DropAfter:
            case FaultKind.ResetBody:
                return true;

            case FaultKind.Redirect:
                // As a gateway or an http-to-https upgrade answers: a Location and a short HTML body, no API error.
                HttpRequest request = context.Request;
                entry.Status = fault.Status;
                context.Response.StatusCode = fault.Status;
                context.Response.Headers["Location"] = fault.Location
                    ?? $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body>Moved</body></html>", context.RequestAborted).ConfigureAwait(false);
                return false;

            default:
                if (fault.RetryAfter is not null)
                {
                    context.Response.Headers["Retry-After"] = fault.RetryAfter;
                }

                if (fault.RetryAfterMs is long ms)
                {
                    context.Response.Headers["retry-after-ms"] = ms.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                if (fault.ShouldRetry is not null)
                {
                    context.Response.Headers["x-should-retry"] = fault.ShouldRetry;
                }

                ApiException error = fault.Error();
                entry.Status = error.Status;
                await error.WriteAsync(context).ConfigureAwait(false);
                return false;
        }
    }

    /// <summary>Any <c>sk-admin-…</c> key is accepted; project and service-account keys are told an admin key is needed.</summary>
    private static void Authenticate(HttpRequest request)
    {
        string header = request.Headers.Authorization.ToString();
        string? key = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        if (string.IsNullOrEmpty(key))
        {
            throw ApiException.Unauthorized(
                "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth " +
                "(i.e. Authorization: Bearer YOUR_KEY). The Administration API needs an admin key (sk-admin-...).",
                null);
        }

        if (key.StartsWith("sk-admin-", StringComparison.Ordinal) && key.Length > "sk-admin-".Length)
        {
            return;
        }

        if (key.StartsWith("sk-proj-", StringComparison.Ordinal) || key.StartsWith("sk-svcacct-", StringComparison.Ordinal))
        {
            throw ApiException.Unauthorized(
                "This endpoint requires an admin API key (sk-admin-...); project and service account keys cannot call the Administration API. " +
                "An organization owner can create an admin key at https://platform.openai.com/settings/organization/admin-keys.",
                "invalid_api_key");
        }

        // Never echo the key back, not even in part.
        throw ApiException.Unauthorized(
            "Incorrect API key provided. The Administration API needs an admin key (sk-admin-...); " +
            "see https://platform.openai.com/settings/organization/admin-keys.",
            "invalid_api_key");
    }

    private static async Task<string?> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        string body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        return body.Length == 0 ? null : body;
    }
}
