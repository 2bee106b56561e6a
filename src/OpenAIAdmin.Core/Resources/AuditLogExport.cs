using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIAdmin
{
    /// <summary>What one export run did.</summary>
    public sealed class AuditLogExportResult
    {
        public string Path { get; set; } = string.Empty;

        public string? StatePath { get; set; }

        /// <summary>Events appended by this run.</summary>
        public long EventsWritten { get; set; }

        /// <summary>Effective time of the oldest and newest event appended by this run.</summary>
        public DateTimeOffset? FirstEffectiveAt { get; set; }

        public DateTimeOffset? LastEffectiveAt { get; set; }

        public string? FirstId { get; set; }

        public string? LastId { get; set; }

        /// <summary>Where the run took up: <c>File</c> (the file's last event), <c>State</c> (an empty file, the state file's last event) or <c>Start</c>.</summary>
        public string ResumedFrom { get; set; } = "Start";

        public string? ResumedAfterId { get; set; }

        public DateTimeOffset? ResumedAfterEffectiveAt { get; set; }

        /// <summary>Events the API listed in the resume second that the file already held (not written again).</summary>
        public long AlreadyInFile { get; set; }

        /// <summary>Bytes of an incomplete last line (a run killed while writing) that were removed before appending.</summary>
        public long RemovedIncompleteBytes { get; set; }

        /// <summary>The file's length after the run.</summary>
        public long FileLength { get; set; }

        /// <summary>False when the run stopped before writing everything it had listed (the rest comes with the next run).</summary>
        public bool Complete { get; set; }

        public override string ToString() => Path;
    }
}

namespace OpenAIAdmin.Resources
{
    /// <summary>What to export where. Paths are full file-system paths.</summary>
    public sealed class AuditLogExportRequest
    {
        /// <summary>How the file system compares paths: case-insensitively on Windows only (Linux and macOS volumes may hold two files that differ in case).</summary>
        public static StringComparer PathComparer { get; } =
            System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows)
                ? StringComparer.OrdinalIgnoreCase
                : StringComparer.Ordinal;

        /// <summary>The JSON Lines file: one API event object per line, oldest first. It is created when missing.</summary>
        public string Path { get; set; } = string.Empty;

        /// <summary>Optional state file: a cache of where the file ends and which filter wrote it. Never needed for correctness.</summary>
        public string? StatePath { get; set; }

        /// <summary>Event types sent as <c>event_types[]</c>.</summary>
        public IList<string>? EventTypes { get; set; }

        /// <summary>How the caller named the event types (patterns before expansion); recorded in the state file. Defaults to <see cref="EventTypes"/>.</summary>
        public IList<string>? EventTypeFilter { get; set; }

        public IList<string>? ProjectIds { get; set; }

        public bool TenantOnly { get; set; }

        /// <summary>Where the first run starts (an empty file); ignored once the file holds events. Null: everything the API keeps.</summary>
        public DateTimeOffset? StartTime { get; set; }

        /// <summary>Go on although the state file says the file was written with another filter.</summary>
        public bool AcceptFilterChange { get; set; }

        /// <summary>Only count what would be written: no lock, no scratch data, nothing written.</summary>
        public bool DryRun { get; set; }
    }

    /// <summary>A condition of the export a caller must act on (the id is the PowerShell ErrorId).</summary>
    public sealed class AuditLogExportException : Exception
    {
        public const string InProgress = "ExportInProgress";
        public const string FileInvalid = "ExportFileInvalid";
        public const string FileChanged = "ExportFileChanged";
        public const string FilterChanged = "ExportFilterChanged";
        public const string FileError = "ExportFileError";

        public AuditLogExportException(string errorId, string message, Exception? inner = null) : base(message, inner) => ErrorId = errorId;

        public string ErrorId { get; }
    }

    /// <summary>
    /// One export run, in two steps: <see cref="PrepareAsync"/> reads the end of the file, lists what the API has after it
    /// and keeps it in a scratch file, then <see cref="WriteAsync"/> appends it oldest first. The file is the truth:
    /// <list type="bullet">
    /// <item>Lines are appended in time order and only ever whole: a run killed at any moment leaves the events up to some
    /// point plus at most a partial last line, which the next run removes before it writes (the event in it comes again).</item>
    /// <item>The next run lists from the second of the file's last event (<c>effective_at[gte]</c>) and skips the ids the
    /// file already holds for that second, so events that share a second with the last one exported are written once.</item>
    /// <item>The API lists newest first. The run keeps one page in memory; the listed events wait in <c>&lt;file&gt;.lock</c>
    /// (the run's lock file, beside the target, emptied after the run) and are appended from there in reverse.</item>
    /// <item>The state file is a cache written by temporary file and rename: it records the filter (a changed filter stops
    /// the run unless accepted) and where the file ended (used only when the file is empty, as after a rotation).</item>
    /// </list>
    /// </summary>
    public sealed class AuditLogExport : IDisposable
    {
        internal const int BlockSize = 100;
        private const int MaxLineBytes = 16 * 1024 * 1024;
        private const string StateFormat = "OpenAIAdmin.AuditLogExport/1";

        private static readonly JsonWriterOptions LineOptions = new JsonWriterOptions
        {
            // The API's characters as they are (no \u escapes for é or <); quotes, backslashes and control characters,
            // line breaks included, are always escaped, so an event never spans two lines.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Indented = false,
        };

        /// <summary>File names compare as the platform does: case-insensitively on Windows.</summary>

        private readonly AuditLogExportRequest _request;
        private readonly List<long> _blockStarts = new List<long>();
        private readonly List<string> _warnings = new List<string>();
        private FileStream? _lock;
        private FileTail _tail = FileTail.Empty;
        private HashSet<string> _resumeIds = new HashSet<string>(StringComparer.Ordinal);
        private long? _resumeSecond;
        private long _spoolLength;
        private bool _written;

        private AuditLogExport(AuditLogExportRequest request)
        {
            _request = request;
            Result = new AuditLogExportResult { Path = request.Path, StatePath = request.StatePath };
        }

        public string Path => _request.Path;

        /// <summary>Events listed that the file does not hold yet.</summary>
        public long PendingEvents { get; private set; }

        public DateTimeOffset? FirstPendingEffectiveAt { get; private set; }

        public DateTimeOffset? LastPendingEffectiveAt { get; private set; }

        /// <summary>Bytes of a partial last line that <see cref="WriteAsync"/> removes first.</summary>
        public long IncompleteLineBytes => _tail.IncompleteBytes;

        /// <summary>Something to write: new events, or a partial line to remove.</summary>
        public bool HasChanges => PendingEvents > 0 || IncompleteLineBytes > 0;

        /// <summary>Things the caller should tell the user (an unreadable state file that was ignored, …).</summary>
        public IReadOnlyList<string> Warnings => _warnings;

        /// <summary>What the run did; complete after <see cref="WriteAsync"/> has been read to the end.</summary>
        public AuditLogExportResult Result { get; }

        internal static async Task<AuditLogExport> PrepareAsync(AuditLogsClient client, AuditLogExportRequest request, CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(request.Path) || !System.IO.Path.IsPathRooted(request.Path))
            {
                throw InputError.Invalid("The export path must be a full file path.");
            }

            var export = new AuditLogExport(request);
            try
            {
                await export.PlanAsync(client, cancellationToken).ConfigureAwait(false);
                return export;
            }
            catch
            {
                export.Dispose();
                throw;
            }
        }

        private async Task PlanAsync(AuditLogsClient client, CancellationToken cancellationToken)
        {
            string? directory = System.IO.Path.GetDirectoryName(Path);
            if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
            {
                throw new AuditLogExportException(AuditLogExportException.FileError, $"The folder of '{Path}' does not exist.");
            }

            if (Directory.Exists(Path))
            {
                throw new AuditLogExportException(AuditLogExportException.FileError, $"'{Path}' is a folder, not a file.");
            }

            // The state file is a cache, but one that cannot be written never protects the filter: say so before any request.
            if (_request.StatePath is string statePath)
            {
                string? stateFolder = System.IO.Path.GetDirectoryName(statePath);
                if (string.IsNullOrEmpty(stateFolder) || !Directory.Exists(stateFolder))
                {
                    throw new AuditLogExportException(AuditLogExportException.FileError, $"The folder of the state file '{statePath}' does not exist.");
                }

                if (Directory.Exists(statePath))
                {
                    throw new AuditLogExportException(AuditLogExportException.FileError, $"The state file '{statePath}' is a folder, not a file.");
                }
            }

            if (!_request.DryRun)
            {
                _lock = OpenLock(Path + ".lock");
                _lock.SetLength(0);
                // Before any event is in it: the scratch file holds the same data as the export.
                Io(() => UnixPermissions.Copy(Path, Path + ".lock"));
                RefuseUnwritableTarget();
            }

            _tail = Io(() => FileTail.Read(Path));
            ExportState? state = ExportState.Read(_request.StatePath, _warnings);
            if (state != null && !AuditLogExportRequest.PathComparer.Equals(state.Path, Path))
            {
                _warnings.Add($"The state file '{_request.StatePath}' belongs to '{state.Path}', not to '{Path}'; it was not used.");
                state = null;
            }

            string filter = FilterText(_request);
            bool exportedBefore = _tail.LastId != null || state?.LastId != null;
            if (state != null && exportedBefore && state.Filter != filter && !_request.AcceptFilterChange)
            {
                throw new AuditLogExportException(
                    AuditLogExportException.FilterChanged,
                    $"'{Path}' was written with the filter {Describe(state.Filter)}, and this run asks for {Describe(filter)}. "
                    + "Events that the new filter adds before the file's last event would never be exported; nothing was written.");
            }

            if (_tail.LastId != null)
            {
                Result.ResumedFrom = "File";
                Resume(_tail.LastId, _tail.LastSecond!.Value, _tail.IdsAtLastSecond);
                if (state?.LastId != null && (state.LastId != _tail.LastId || state.FileLength != _tail.ValidLength))
                {
                    ClientEvents.Verbose($"The state file says '{Path}' ended with event {state.LastId} at {state.FileLength} bytes; the file ends with {_tail.LastId} at {_tail.ValidLength} bytes. The file wins.");
                }
            }
            else if (state?.LastId != null && state.LastSecond != null)
            {
                // An empty file with a state that says where exporting got to: the file was rotated away (or emptied)
                // after the last run, so going on from the state does not export those events again.
                Result.ResumedFrom = "State";
                Resume(state.LastId, state.LastSecond.Value, state.IdsAtLastSecond);
                ClientEvents.Verbose($"'{Path}' holds no events; going on after event {state.LastId} recorded in the state file '{_request.StatePath}' (delete the state file to export from the start).");
            }

            await ListAsync(client, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// A file that cannot be written is found now, not after the whole listing: read-only (which Windows enforces
        /// for administrators too, so it is refused on every system) or refused by its permissions.
        /// </summary>
        private void RefuseUnwritableTarget()
        {
            if (!File.Exists(Path))
            {
                return;
            }

            if ((Io(() => File.GetAttributes(Path)) & FileAttributes.ReadOnly) != 0)
            {
                throw new AuditLogExportException(AuditLogExportException.FileError, $"'{Path}' is read-only; nothing was exported.");
            }

            Io(() => new FileStream(Path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete).Dispose());
        }

        private void Resume(string id, long second, IEnumerable<string> idsAtSecond)
        {
            _resumeSecond = second;
            _resumeIds = new HashSet<string>(idsAtSecond, StringComparer.Ordinal) { id };
            Result.ResumedAfterId = id;
            Result.ResumedAfterEffectiveAt = DateTimeOffset.FromUnixTimeSeconds(second);
        }

        /// <summary>Lists newest first from the resume second on and keeps each event not in the file yet in the scratch file.</summary>
        private async Task ListAsync(AuditLogsClient client, CancellationToken cancellationToken)
        {
            var query = new AuditLogQuery
            {
                StartTime = _resumeSecond == null ? _request.StartTime : null,
                EventTypes = _request.EventTypes,
                ProjectIds = _request.ProjectIds,
                TenantOnly = _request.TenantOnly,
            };
            long? floor = _resumeSecond ?? (_request.StartTime is DateTimeOffset start ? AuditLogQuery.CeilingSeconds(start) : (long?)null);
            const string operation = "GET /" + ApiPath.AuditLogs;
            long? previous = null;
            var line = new MemoryStream();
            await foreach (JsonElement element in client.ListRawAsync(query.ToQuery(_resumeSecond), null, cancellationToken).ConfigureAwait(false))
            {
                string id = AuditLogsClient.IdOf(element) ?? throw Invalid(operation, "an event without an id");
                long second = SecondOf(element) ?? throw Invalid(operation, $"event {id} without an effective_at time");
                if (previous is long newer && second > newer)
                {
                    // Appending in reverse list order is oldest first only if the API lists newest first.
                    throw Invalid(operation, $"events out of time order (event {id} at {second} listed after one at {newer}); nothing was written");
                }

                previous = second;
                if (floor is long lowest && second < lowest)
                {
                    // Older than the range asked for: the rest of the list is older still.
                    break;
                }

                if (second == _resumeSecond && _resumeIds.Contains(id))
                {
                    Result.AlreadyInFile++;
                    continue;
                }

                PendingEvents++;
                LastPendingEffectiveAt ??= DateTimeOffset.FromUnixTimeSeconds(second);
                FirstPendingEffectiveAt = DateTimeOffset.FromUnixTimeSeconds(second);
                if (_lock != null)
                {
                    line.SetLength(0);
                    using (var writer = new Utf8JsonWriter(line, LineOptions))
                    {
                        element.WriteTo(writer);
                    }

                    line.WriteByte((byte)'\n');
                    if ((PendingEvents - 1) % BlockSize == 0)
                    {
                        _blockStarts.Add(_spoolLength);
                    }

                    Io(() => _lock.Write(line.GetBuffer(), 0, (int)line.Length));
                    _spoolLength += line.Length;
                }
            }

            if (_lock != null)
            {
                Io(() => _lock.Flush());
            }

            ClientEvents.Verbose(PendingEvents == 0
                ? $"No new audit log events for '{Path}'."
                : $"{PendingEvents} new audit log events for '{Path}', {FirstPendingEffectiveAt:u} to {LastPendingEffectiveAt:u}.");
        }

        /// <summary>
        /// Removes a partial last line, appends the listed events oldest first, a block of up to 100 at a time (each block
        /// flushed before the next; the file is flushed to disk at the end), then writes the state file. Yields each event
        /// once its block is in the file, when <paramref name="returnEvents"/> is set; otherwise yields nothing. A consumer
        /// that stops early leaves a complete file that the next run continues.
        /// </summary>
        public async IAsyncEnumerable<AuditLog> WriteAsync(bool returnEvents, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            if (_request.DryRun)
            {
                throw new InvalidOperationException("A dry run writes nothing.");
            }

            if (_written || _lock == null)
            {
                throw new InvalidOperationException("This export has already been written or disposed.");
            }

            _written = true;
            await Task.Yield();
            FileStream target = Io(() => new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.None));
            bool finished = false;
            long lastSecond = _resumeSecond ?? -1;
            var idsAtLastSecond = new HashSet<string>(_resumeIds, StringComparer.Ordinal);
            string? lastId = Result.ResumedAfterId;
            try
            {
                if (Io(() => target.Length) != _tail.Length)
                {
                    throw new AuditLogExportException(AuditLogExportException.FileChanged,
                        $"'{Path}' changed while the export listed events (from {_tail.Length} to {target.Length} bytes); nothing was written. Run the export again.");
                }

                if (_tail.IncompleteBytes > 0)
                {
                    Io(() => target.SetLength(_tail.ValidLength));
                    Result.RemovedIncompleteBytes = _tail.IncompleteBytes;
                    ClientEvents.Verbose($"Removed an incomplete last line ({_tail.IncompleteBytes} bytes) from '{Path}'; its event is written again.");
                }

                Io(() => target.Seek(0, SeekOrigin.End));
                var buffer = new MemoryStream();
                for (int block = _blockStarts.Count - 1; block >= 0; block--)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    long start = _blockStarts[block];
                    long end = block + 1 < _blockStarts.Count ? _blockStarts[block + 1] : _spoolLength;
                    byte[] data = new byte[end - start];
                    Io(() =>
                    {
                        _lock.Seek(start, SeekOrigin.Begin);
                        ReadFully(_lock, data);
                    });

                    List<ArraySegment<byte>> lines = SplitLines(data);
                    lines.Reverse();
                    buffer.SetLength(0);
                    foreach (ArraySegment<byte> line in lines)
                    {
                        buffer.Write(line.Array!, line.Offset, line.Count);
                        buffer.WriteByte((byte)'\n');
                    }

                    Io(() =>
                    {
                        target.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
                        target.Flush();
                    });

                    var events = new List<AuditLog>();
                    foreach (ArraySegment<byte> line in lines)
                    {
                        using JsonDocument document = JsonDocument.Parse(line.AsMemory());
                        JsonElement element = document.RootElement;
                        string id = AuditLogsClient.IdOf(element)!;
                        long second = SecondOf(element)!.Value;
                        if (second != lastSecond)
                        {
                            lastSecond = second;
                            idsAtLastSecond.Clear();
                        }

                        idsAtLastSecond.Add(id);
                        lastId = id;
                        Result.EventsWritten++;
                        Result.FirstId ??= id;
                        Result.FirstEffectiveAt ??= DateTimeOffset.FromUnixTimeSeconds(second);
                        Result.LastId = id;
                        Result.LastEffectiveAt = DateTimeOffset.FromUnixTimeSeconds(second);
                        if (returnEvents)
                        {
                            events.Add(AuditLogsClient.Read(element));
                        }
                    }

                    foreach (AuditLog written in events)
                    {
                        yield return written;
                    }
                }

                finished = true;
            }
            finally
            {
                try
                {
                    Io(() => target.Flush(true));
                    Result.FileLength = target.Length;
                }
                finally
                {
                    target.Dispose();
                }

                Result.Complete = finished;
                if (lastId != null && lastSecond >= 0)
                {
                    WriteState(lastId, lastSecond, idsAtLastSecond, Result.FileLength);
                }
            }
        }

        /// <summary>Writes the state file when nothing had to be written (it may be missing, or from an older run).</summary>
        public void Finish()
        {
            if (_request.DryRun || _written)
            {
                return;
            }

            _written = true;
            Result.Complete = true;
            Result.FileLength = _tail.ValidLength;
            if (Result.ResumedAfterId != null && _resumeSecond != null)
            {
                WriteState(Result.ResumedAfterId, _resumeSecond.Value, _resumeIds, _tail.ValidLength);
            }
        }

        public void Dispose()
        {
            if (_lock == null)
            {
                return;
            }

            try
            {
                // The scratch copy of the events goes; the empty lock file stays (deleting it would let a third run race).
                _lock.SetLength(0);
            }
            catch (IOException)
            {
            }
            finally
            {
                _lock.Dispose();
                _lock = null;
            }
        }

        private void WriteState(string lastId, long lastSecond, IEnumerable<string> idsAtSecond, long fileLength)
        {
            if (_request.StatePath == null)
            {
                return;
            }

            var state = new ExportState
            {
                Path = Path,
                Filter = FilterText(_request),
                LastId = lastId,
                LastSecond = lastSecond,
                IdsAtLastSecond = idsAtSecond.OrderBy(i => i, StringComparer.Ordinal).ToList(),
                FileLength = fileLength,
            };
            try
            {
                state.Write(_request.StatePath, Result.EventsWritten);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // The state is a cache: the export itself is done and correct without it.
                _warnings.Add($"The state file '{_request.StatePath}' could not be written ({ex.Message}); the next run reads '{Path}' instead.");
            }
        }

        /// <summary>The filter as one comparable text, e.g. <c>event_types=login.*;project_ids=;tenant_only=false</c>.</summary>
        internal static string FilterText(AuditLogExportRequest request)
        {
            static string List(IEnumerable<string>? values) =>
                string.Join(",", (values ?? Array.Empty<string>()).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal));

            // Event types are lower case in the API, so LOGIN.* and login.* are one filter; ids keep their case.
            return "event_types=" + List((request.EventTypeFilter ?? request.EventTypes)?.Select(t => t.ToLowerInvariant()))
                + ";project_ids=" + List(request.ProjectIds)
                + ";tenant_only=" + (request.TenantOnly ? "true" : "false");
        }

        private static string Describe(string? filter)
        {
            if (string.IsNullOrEmpty(filter))
            {
                return "(unknown)";
            }

            var parts = filter!.Split(';').Where(p => !p.EndsWith("=", StringComparison.Ordinal) && p != "tenant_only=false").ToList();
            return parts.Count == 0 ? "(none: every event)" : "(" + string.Join("; ", parts) + ")";
        }

        private static OpenAIAdminException Invalid(string operation, string what) =>
            new OpenAIAdminException(AdminErrorKind.ApiResponseInvalid, $"{operation} returned {what}.") { Operation = operation };

        /// <summary>A time of the API (Unix seconds) as a message shows it: 2025-03-04 00:32:33.</summary>
        internal static string UtcText(long second) =>
            DateTimeOffset.FromUnixTimeSeconds(second).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

        internal static long? SecondOf(JsonElement element)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("effective_at", out JsonElement value) || value.ValueKind != JsonValueKind.Number)
            {
                return null;
            }

            long? second = value.TryGetInt64(out long whole) ? whole : value.GetDouble() is double real && !double.IsInfinity(real) && Math.Abs(real) < 1e15 ? (long)Math.Floor(real) : (long?)null;
            // A time DateTimeOffset cannot hold is not an event time: such a line is not an event.
            return second is long known && IsUnixSecond(known) ? second : null;
        }

        private static bool IsUnixSecond(long second) => second >= 0 && second <= 253402300799;

        private static FileStream OpenLock(string path)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 65536, FileOptions.None);
            }
            catch (IOException ex) when (File.Exists(path) && !(ex is FileNotFoundException) && !(ex is DirectoryNotFoundException) && !(ex is PathTooLongException))
            {
                throw new AuditLogExportException(
                    AuditLogExportException.InProgress,
                    $"Another export is writing '{path.Substring(0, path.Length - ".lock".Length)}' (its lock file '{path}' is in use). Wait for it to finish; runs of one file never overlap.",
                    ex);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new AuditLogExportException(AuditLogExportException.FileError, $"The lock file '{path}' cannot be created: {ex.Message}", ex);
            }
        }

        private static void Io(Action action) => Io(() => { action(); return true; });

        private static T Io<T>(Func<T> action)
        {
            try
            {
                return action();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new AuditLogExportException(AuditLogExportException.FileError, ex.Message, ex);
            }
        }

        private static void ReadFully(Stream stream, byte[] data)
        {
            int read = 0;
            while (read < data.Length)
            {
                int n = stream.Read(data, read, data.Length - read);
                if (n == 0)
                {
                    throw new IOException("The export's scratch data ended early.");
                }

                read += n;
            }
        }

        private static List<ArraySegment<byte>> SplitLines(byte[] data)
        {
            var lines = new List<ArraySegment<byte>>();
            int start = 0;
            for (int i = 0; i < data.Length; i++)
            {
                if (data[i] == (byte)'\n')
                {
                    lines.Add(new ArraySegment<byte>(data, start, i - start));
                    start = i + 1;
                }
            }

            return lines;
        }

        /// <summary>
        /// The end of an export file: where its last complete line ends, and its last event with the ids of every event
        /// of that second. Read backwards, so the cost is the last second's lines, whatever the file's size.
        /// </summary>
        internal sealed class FileTail
        {
            public static readonly FileTail Empty = new FileTail();

            public long Length { get; private set; }

            /// <summary>Length up to and including the last line break: what a partial last line is cut back to.</summary>
            public long ValidLength { get; private set; }

            public long IncompleteBytes => Length - ValidLength;

            public string? LastId { get; private set; }

            public long? LastSecond { get; private set; }

            public List<string> IdsAtLastSecond { get; } = new List<string>();

            public static FileTail Read(string path)
            {
                if (!File.Exists(path))
                {
                    return Empty;
                }

                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.None);
                var tail = new FileTail { Length = stream.Length };
                var reader = new BackwardLines(stream, tail.Length);
                tail.ValidLength = reader.LastLineBreakEnd();
                reader.Reset(tail.ValidLength);
                while (reader.Previous(out byte[]? line, out long offset))
                {
                    if (line!.Length > MaxLineBytes)
                    {
                        throw new AuditLogExportException(AuditLogExportException.FileInvalid, $"'{path}' has a line of more than {MaxLineBytes} bytes at byte {offset}: it is not an audit log export.");
                    }

                    ReadOnlyMemory<byte> text = Trim(line);
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    string? id;
                    long? second;
                    try
                    {
                        using JsonDocument document = JsonDocument.Parse(text);
                        id = AuditLogsClient.IdOf(document.RootElement);
                        second = SecondOf(document.RootElement);
                    }
                    catch (JsonException)
                    {
                        id = null;
                        second = null;
                    }

                    if (id == null || second == null)
                    {
                        throw new AuditLogExportException(
                            AuditLogExportException.FileInvalid,
                            $"The line at byte {offset} of '{path}' is not an audit log event (JSON with id and effective_at). Export-OAIAuditLog appends only to files it wrote; give another path.");
                    }

                    if (tail.LastId == null)
                    {
                        tail.LastId = id;
                        tail.LastSecond = second;
                    }
                    else if (second > tail.LastSecond)
                    {
                        throw new AuditLogExportException(
                            AuditLogExportException.FileInvalid,
                            $"'{path}' is not in time order at byte {offset}: the event there, at {UtcText(second.Value)} UTC, is later than the file's last event, at {UtcText(tail.LastSecond!.Value)} UTC (an export appends in time order); it was not written by Export-OAIAuditLog alone.");
                    }
                    else if (second < tail.LastSecond)
                    {
                        break;
                    }

                    tail.IdsAtLastSecond.Add(id);
                }

                CheckIncompleteLine(path, stream, tail);
                return tail;
            }

            /// <summary>
            /// What is after the last line break is cut before appending: the partial line a run stopped while writing
            /// leaves. It is cut only when it can be one: at most a line's length and, in a file that holds no event yet
            /// (nothing proves it an export), the start of an event. Otherwise any file without a line break (notes, a
            /// JSON array, a one-line document) was taken for a partial line and emptied.
            /// </summary>
            private static void CheckIncompleteLine(string path, FileStream stream, FileTail tail)
            {
                long incomplete = tail.IncompleteBytes;
                if (incomplete == 0)
                {
                    return;
                }

                if (incomplete > MaxLineBytes)
                {
                    throw new AuditLogExportException(AuditLogExportException.FileInvalid,
                        $"'{path}' ends with {incomplete} bytes after its last line break, more than a line of an export holds: it is not an audit log export. Nothing was written.");
                }

                if (tail.LastId != null)
                {
                    return;
                }

                var bytes = new byte[incomplete];
                stream.Position = tail.ValidLength;
                ReadFully(stream, bytes);
                ReadOnlyMemory<byte> text = Trim(bytes);
                if (text.Length == 0 || LooksLikeEventStart(text.Span))
                {
                    return;
                }

                throw new AuditLogExportException(AuditLogExportException.FileInvalid,
                    $"'{path}' holds no audit log event, and its text is not the start of one: it is not an audit log export, so nothing was written. "
                    + "Export-OAIAuditLog appends only to files it wrote; give another path.");
            }

            /// <summary>A whole event without its line break, or the beginning of one as this export writes it (the API's field order, id first).</summary>
            private static bool LooksLikeEventStart(ReadOnlySpan<byte> text)
            {
                try
                {
                    using JsonDocument document = JsonDocument.Parse(text.ToArray());
                    return AuditLogsClient.IdOf(document.RootElement) != null && SecondOf(document.RootElement) != null;
                }
                catch (JsonException)
                {
                    ReadOnlySpan<byte> eventStart = new byte[] { (byte)'{', (byte)'"', (byte)'i', (byte)'d', (byte)'"', (byte)':' };
                    // A run stopped within those first bytes left fewer of them.
                    return text.StartsWith(eventStart) || eventStart.StartsWith(text);
                }
            }

            /// <summary>A line without its carriage return and without a byte order mark (a file begun by another tool).</summary>
            private static ReadOnlyMemory<byte> Trim(byte[] line)
            {
                int start = line.Length >= 3 && line[0] == 0xEF && line[1] == 0xBB && line[2] == 0xBF ? 3 : 0;
                int end = line.Length;
                while (end > start && (line[end - 1] == (byte)'\r' || line[end - 1] == (byte)' ' || line[end - 1] == (byte)'\t'))
                {
                    end--;
                }

                while (start < end && (line[start] == (byte)' ' || line[start] == (byte)'\t'))
                {
                    start++;
                }

                return new ReadOnlyMemory<byte>(line, start, end - start);
            }
        }

        /// <summary>Reads a file's lines from the end backwards, in chunks.</summary>
        private sealed class BackwardLines
        {
            private const int ChunkSize = 64 * 1024;
            private readonly Stream _stream;
            private long _position;

            public BackwardLines(Stream stream, long end)
            {
                _stream = stream;
                _position = end;
            }

            public void Reset(long end) => _position = end;

            /// <summary>The offset just after the last <c>\n</c> of the file, or 0 when it has none.</summary>
            public long LastLineBreakEnd()
            {
                long position = _position;
                var chunk = new byte[ChunkSize];
                while (position > 0)
                {
                    int size = (int)Math.Min(ChunkSize, position);
                    position -= size;
                    _stream.Seek(position, SeekOrigin.Begin);
                    ReadFully(_stream, chunk, size);
                    for (int i = size - 1; i >= 0; i--)
                    {
                        if (chunk[i] == (byte)'\n')
                        {
                            return position + i + 1;
                        }
                    }
                }

                return 0;
            }

            /// <summary>The line that ends at the current position (which must be a line start), moving before it.</summary>
            public bool Previous(out byte[]? line, out long offset)
            {
                line = null;
                offset = 0;
                if (_position <= 0)
                {
                    return false;
                }

                // The current position follows a '\n' (or is the end of the valid part); skip that terminator.
                long end = _position - 1;
                var pieces = new List<byte[]>();
                long cursor = end;
                long total = 0;
                while (true)
                {
                    int size = (int)Math.Min(ChunkSize, cursor);
                    if (size == 0)
                    {
                        break;
                    }

                    var chunk = new byte[size];
                    _stream.Seek(cursor - size, SeekOrigin.Begin);
                    ReadFully(_stream, chunk, size);
                    int found = Array.LastIndexOf(chunk, (byte)'\n');
                    if (found >= 0)
                    {
                        var piece = new byte[size - found - 1];
                        Array.Copy(chunk, found + 1, piece, 0, piece.Length);
                        pieces.Add(piece);
                        cursor = cursor - size + found + 1;
                        break;
                    }

                    pieces.Add(chunk);
                    cursor -= size;
                    total += size;
                    if (total > MaxLineBytes)
                    {
                        break;
                    }
                }

                pieces.Reverse();
                line = pieces.SelectMany(p => p).ToArray();
                offset = cursor;
                _position = cursor;
                return true;
            }

            private static void ReadFully(Stream stream, byte[] buffer, int count)
            {
                int read = 0;
                while (read < count)
                {
                    int n = stream.Read(buffer, read, count - read);
                    if (n == 0)
                    {
                        throw new IOException("The file ended early while it was read.");
                    }

                    read += n;
                }
            }
        }

        /// <summary>The state file: a JSON cache of the filter and of where the file ended.</summary>
        private sealed class ExportState
        {
            public string Path { get; set; } = string.Empty;

            public string Filter { get; set; } = string.Empty;

            public string? LastId { get; set; }

            public long? LastSecond { get; set; }

            public List<string> IdsAtLastSecond { get; set; } = new List<string>();

            public long FileLength { get; set; }

            /// <summary>Null when there is no state file; a warning (and null) when it cannot be read.</summary>
            public static ExportState? Read(string? path, List<string> warnings)
            {
                if (path == null || !File.Exists(path))
                {
                    return null;
                }

                try
                {
                    using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
                    JsonElement root = document.RootElement;
                    if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out JsonElement format) || format.GetString() != StateFormat)
                    {
                        throw new JsonException("not an OpenAIAdmin audit log export state");
                    }

                    var state = new ExportState
                    {
                        Path = root.GetProperty("path").GetString() ?? string.Empty,
                        Filter = root.GetProperty("filter").GetString() ?? string.Empty,
                        FileLength = root.TryGetProperty("file_length", out JsonElement length) ? length.GetInt64() : 0,
                    };
                    if (root.TryGetProperty("last_event", out JsonElement last) && last.ValueKind == JsonValueKind.Object)
                    {
                        state.LastId = last.GetProperty("id").GetString();
                        state.LastSecond = last.GetProperty("effective_at").GetInt64();
                        if (!IsUnixSecond(state.LastSecond.Value))
                        {
                            throw new FormatException($"its last event's effective_at, {state.LastSecond}, is not a time");
                        }

                        state.IdsAtLastSecond = last.GetProperty("ids_at_second").EnumerateArray().Select(e => e.GetString() ?? string.Empty).Where(s => s.Length > 0).ToList();
                    }

                    return state;
                }
                catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is KeyNotFoundException || ex is FormatException || ex is IOException || ex is UnauthorizedAccessException)
                {
                    warnings.Add($"The state file '{path}' cannot be read ({ex.Message}); it was ignored and will be rewritten. The export file itself says where to go on.");
                    return null;
                }
            }

            /// <summary>Writes the state to a temporary file beside it, then renames it over the old one.</summary>
            public void Write(string path, long eventsWritten)
            {
                var text = new MemoryStream();
                using (var writer = new Utf8JsonWriter(text, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    writer.WriteStartObject();
                    writer.WriteString("format", StateFormat);
                    writer.WriteString("path", Path);
                    writer.WriteString("filter", Filter);
                    writer.WriteNumber("file_length", FileLength);
                    writer.WriteStartObject("last_event");
                    writer.WriteString("id", LastId);
                    writer.WriteNumber("effective_at", LastSecond ?? 0);
                    writer.WriteStartArray("ids_at_second");
                    foreach (string id in IdsAtLastSecond)
                    {
                        writer.WriteStringValue(id);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                    writer.WriteNumber("events_written_last_run", eventsWritten);
                    writer.WriteString("updated_at", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
                    writer.WriteEndObject();
                }

                string temporary = path + ".tmp";
                using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    file.Write(text.GetBuffer(), 0, (int)text.Length);
                    file.Flush(true);
                }

                UnixPermissions.Copy(path, temporary);

                if (File.Exists(path))
                {
                    File.Replace(temporary, path, null);
                }
                else
                {
                    File.Move(temporary, path);
                }
            }
        }
    }
}
