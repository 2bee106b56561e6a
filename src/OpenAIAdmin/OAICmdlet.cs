using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Commands.Loading;

namespace OpenAIAdmin.Commands
{
    /// <summary>
    /// Base of every cmdlet that calls the API. It owns what cmdlets must not repeat: -Connection and resolving the
    /// connection, refusing pipeline input of the wrong kind (<see cref="PipelineInputGuard"/>), running async core calls
    /// while writing to PowerShell only from the pipeline thread, streaming lists (the next page is fetched only when the
    /// pipeline asks for the next item), cancellation on Ctrl+C, progress while paging, ShouldProcess with -Force,
    /// -PassThru, naming the target of a confirmation, and mapping core failures to ErrorRecords.
    /// No member's signature names a type of OpenAIAdmin.Core (generic methods take them as type arguments only):
    /// PowerShell loads cmdlet types, and so this base type, before the module initializer has taught the runtime
    /// where the core lives (see Loading/ModuleInitializer.cs).
    /// </summary>
    public abstract class OAICmdlet : PSCmdlet
    {
        /// <summary>Parameter-set names every cmdlet uses alike: list everything, act on ids, act on piped objects.</summary>
        protected const string ListSet = "List";

        protected const string IdSet = "Id";

        protected const string InputObjectSet = "InputObject";

        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly BlockingCollection<Action> _pipelineThreadWork = new BlockingCollection<Action>();
        // The last step written. Every step is a record of its own: a host that keeps the records (a PowerShell
        // instance's Progress stream, a job) keeps each step as it was written.
        private ProgressRecord? _progress;
        private AdminContext? _context;
        private PipelineInputGuard? _inputGuard;

        /// <summary>
        /// The connection to use (what Connect-OAIAdmin -PassThru returns). Without it: this session's connection, else
        /// the implicit one from OPENAI_ADMIN_KEY as the environment is now.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public AdminContext? Connection { get; set; }

        protected CancellationToken CancellationToken => _cancellation.Token;

        /// <summary>The client of this cmdlet's connection, resolved once per command (see <see cref="Connection"/>).</summary>
        protected AdminClient Client => ResolveContext().Client;

        protected override void BeginProcessing()
        {
            // What is bound now came from the command line; what the binder adds per record came from the pipeline.
            _inputGuard = new PipelineInputGuard(this);
            if (_inputGuard.RefuseProjectObjectGivenAsId() is ErrorRecord projectObject)
            {
                ThrowTerminatingError(projectObject);
            }

            _inputGuard.StartRecords();

            foreach (System.Reflection.PropertyInfo property in PipedBlankIsAbsentAttribute.On(GetType()))
            {
                if (MyInvocation.BoundParameters.TryGetValue(property.Name, out object? value) && ValidateNotBlankAttribute.Problem(value) is string problem)
                {
                    // As ValidateNotBlank would have said it while binding.
                    string message = $"Cannot validate argument on parameter '{property.Name}'. {problem}";
                    ThrowTerminatingError(new ErrorRecord(new ValidationMetadataException(message), "ParameterArgumentValidationError", ErrorCategory.InvalidData, value)
                    {
                        ErrorDetails = new ErrorDetails(message),
                    });
                }
            }
        }

        protected override void ProcessRecord()
        {
            try
            {
                _inputGuard?.DropStaleBindings();
                if (_inputGuard?.Refuse() is ErrorRecord refused)
                {
                    WriteError(refused);
                    return;
                }

                _inputGuard?.TrimIds();

                CanonicalSetValues.Apply(this);

                using (ClientEvents.Use(new EventRelay(this, DebugWanted())))
                {
                    ProcessItem();
                }
            }
            catch (OpenAIAdminException ex)
            {
                ReportError(ex, ErrorTarget);
            }
            catch (ConnectionSetupException ex)
            {
                ThrowTerminatingError(ex.ErrorRecord);
            }
            catch (Exception ex) when (LoadFailure.Find(ex) is ModuleLoadException failure)
            {
                // A dependency missing from the module folder surfaces where the core first needs it: report our
                // message (which file, what to do) instead of the runtime's bare "Could not load file or assembly".
                ThrowTerminatingError(failure.ErrorRecord);
            }
            finally
            {
                _inputGuard?.Reset();
            }
        }

        /// <summary>
        /// Gets each id in turn, writing those the cmdlet's filters want (filters narrow a lookup as they narrow a list);
        /// a failure for one id is reported and the next id still runs.
        /// </summary>
        protected void WriteEach<T>(IEnumerable<string> ids, Func<string, Task<T>> get, Func<T, bool>? wanted = null)
        {
            foreach (string id in ids)
            {
                try
                {
                    T item = Await(get(id));
                    if (wanted == null || wanted(item))
                    {
                        WriteObject(item);
                    }
                }
                catch (OpenAIAdminException ex)
                {
                    ReportError(ex, id);
                }
            }
        }

        /// <summary>Writes a core failure as an ErrorRecord: non-terminating, unless every later input would fail the same way.</summary>
        protected void ReportError(OpenAIAdminException exception, object? target)
        {
            ErrorRecord record = ErrorRecords.FromException(exception, target);
            if (ErrorRecords.IsTerminating(exception.Kind))
            {
                ThrowTerminatingError(record);
            }

            WriteError(record);
        }

        /// <summary>The work for one pipeline input.</summary>
        protected abstract void ProcessItem();

        /// <summary>
        /// Whether an -InputObject that PowerShell built from another object may lack an Id, because the cmdlet finds the
        /// thing by another property (Set-OAIRateLimit by Model); otherwise the pipeline guard refuses such input.
        /// </summary>
        protected internal virtual bool NamesInputWithoutId => false;

        /// <summary>What an error of the current input refers to (usually the id).</summary>
        protected virtual object? ErrorTarget => null;

        /// <summary>Work after the last pipeline input, such as sending batched input; relays messages and maps errors like <see cref="ProcessItem"/>.</summary>
        protected virtual void EndItems()
        {
        }

        protected override void EndProcessing()
        {
            CanonicalSetValues.Apply(this);
            try
            {
                using (ClientEvents.Use(new EventRelay(this, DebugWanted())))
                {
                    EndItems();
                }
            }
            catch (OpenAIAdminException ex)
            {
                ReportError(ex, null);
            }
            catch (ConnectionSetupException ex)
            {
                ThrowTerminatingError(ex.ErrorRecord);
            }

            if (_progress != null)
            {
                WriteProgress(new ProgressRecord(_progress.ActivityId, _progress.Activity, _progress.StatusDescription)
                {
                    PercentComplete = _progress.PercentComplete,
                    RecordType = ProgressRecordType.Completed,
                });
            }
        }

        protected override void StopProcessing() => _cancellation.Cancel();

        /// <summary>Waits for a core call, relaying its Verbose/Debug/Progress messages meanwhile.</summary>
        protected T Await<T>(Task<T> task)
        {
            WaitRelaying(task);
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Writes every item of a list as it arrives; honours -First/-Skip when the cmdlet supports paging.</summary>
        protected void WriteList<T>(Func<ListOptions, IAsyncEnumerable<T>> list, int? pageSize = null, Func<T, bool>? filter = null)
        {
            ulong skip = 0;
            ulong first = ulong.MaxValue;
            if (MyInvocation.MyCommand is CmdletInfo info && SupportsPaging(info))
            {
                skip = PagingParameters.Skip;
                first = PagingParameters.First;
                if (PagingParameters.IncludeTotalCount)
                {
                    WriteObject(PagingParameters.NewTotalCount(0, 0.0));
                }
            }

            if (first == 0)
            {
                return;
            }

            var options = new ListOptions { PageSize = pageSize };
            if (filter == null && first != ulong.MaxValue)
            {
                options.MaxItems = (long)Math.Min(first + skip, long.MaxValue);
            }

            IAsyncEnumerator<T> items = list(options).GetAsyncEnumerator(CancellationToken);
            Task<bool>? moving = null;
            bool stopped = false;
            try
            {
                ulong written = 0;
                while (Next(items, ref moving))
                {
                    T item = items.Current;
                    if (filter != null && !filter(item))
                    {
                        continue;
                    }

                    if (skip > 0)
                    {
                        skip--;
                        continue;
                    }

                    WriteObject(item);
                    if (++written >= first)
                    {
                        break;
                    }
                }
            }
            catch (PipelineStoppedException)
            {
                stopped = true;
                throw;
            }
            finally
            {
                if (moving != null && !moving.IsCompleted)
                {
                    // Writing a relayed message stopped the pipeline (a Verbose line met a downstream Select-Object -First)
                    // while a page was on its way. An async enumerator cannot be disposed while it moves: it throws
                    // NotSupportedException, which took the place of the stop and ended the whole script. So the page is
                    // cancelled and waited for first.
                    _cancellation.Cancel();
                    WaitQuietly(moving);
                }

                if (stopped)
                {
                    // Nothing more can be written: the messages the listing queued are dropped.
                    WaitQuietly(items.DisposeAsync().AsTask());
                    while (_pipelineThreadWork.TryTake(out _))
                    {
                    }
                }
                else
                {
                    WaitRelaying(items.DisposeAsync().AsTask());
                }
            }
        }

        /// <summary>Waits for a task whose outcome no longer matters (its exception included), writing nothing.</summary>
        private static void WaitQuietly(Task task) => task.ContinueWith(_ => { }, TaskScheduler.Default).Wait();

        /// <summary>
        /// The next item of a streamed list. Most items are already there (the rest of a page): those are taken without
        /// the task and wake-up that waiting for a page needs, once the messages they queued are written.
        /// </summary>
        private bool Next<T>(IAsyncEnumerator<T> items, ref Task<bool>? moving)
        {
            ValueTask<bool> next = items.MoveNextAsync();
            if (next.IsCompletedSuccessfully)
            {
                DrainRelayed();
                return next.Result;
            }

            // Kept for WriteList's finally: writing a relayed message can stop the pipeline while this move is under way.
            moving = next.AsTask();
            bool more = Await(moving);
            moving = null;
            return more;
        }

        /// <summary>
        /// ShouldProcess that -Force can answer: with -Force (and no -WhatIf) the change goes ahead without a
        /// prompt, which unattended scripts of ConfirmImpact High cmdlets need.
        /// </summary>
        protected bool ShouldChange(string target, string action, bool force)
        {
            if (force && !WhatIfRequested() && !Switch("Confirm"))
            {
                return GoAhead(target, action);
            }

            return ShouldProcess(target, action);
        }

        /// <summary>
        /// A change -Force lets through without asking, recorded as ShouldProcess records one: -Verbose in an unattended
        /// log says what was archived or deleted, as it does with -Confirm:$false.
        /// </summary>
        private bool GoAhead(string target, string action)
        {
            WriteVerbose($"Performing the operation \"{action}\" on target \"{target}\".");
            return true;
        }

        /// <summary>Every confirmation, -WhatIf line and its Verbose record, <see cref="Display.Shown"/>. Hides the engine's method, so every cmdlet's call comes here.</summary>
        protected new bool ShouldProcess(string target, string action) => base.ShouldProcess(Display.Shown(target), Display.Shown(action));

        protected new bool ShouldContinue(string query, string caption) => base.ShouldContinue(Display.Shown(query), caption);

        /// <summary>The cmdlets' own Verbose lines, and the core's relayed ones, <see cref="Display.Shown"/> (they name the ids given).</summary>
        protected new void WriteVerbose(string text) => base.WriteVerbose(Display.Shown(text));

        /// <summary>The cmdlets' own warnings, and the core's, <see cref="Display.Shown"/> (they quote names and values given).</summary>
        protected new void WriteWarning(string text) => base.WriteWarning(Display.Shown(text));

        /// <summary>The Debug lines (requests and answers), <see cref="Display.Shown"/>.</summary>
        protected new void WriteDebug(string text) => base.WriteDebug(Display.Shown(text));

        /// <summary>
        /// The pattern of a -Name-like filter, checked here: WildcardPattern parses on its first match, which comes after
        /// the first page has been read, so a stray '[' failed with a bare exception after a request.
        /// </summary>
        protected WildcardPattern? Wildcard(string? pattern)
        {
            if (string.IsNullOrEmpty(pattern))
            {
                return null;
            }

            var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            try
            {
                wildcard.IsMatch(string.Empty);
            }
            catch (WildcardPatternException)
            {
                ThrowTerminatingError(ErrorRecords.Create("InvalidWildcardPattern", ErrorCategory.InvalidArgument,
                    $"'{ErrorRecords.Shorten(pattern!)}' is not a valid wildcard pattern. Nothing was sent. To match [ or ] themselves, escape them with a backtick (`[).",
                    pattern));
            }

            return wildcard;
        }

        /// <summary>
        /// The Get body every resource shares: the given ids one by one (a missing one is a non-terminating error),
        /// else the whole list, streamed, filtered by a wildcard on the name when one is given.
        /// </summary>
        protected void GetOrList<T>(string[]? ids, Func<string, Task<T>> get, Func<ListOptions, IAsyncEnumerable<T>> list,
            int? pageSize = null, string? namePattern = null, Func<T, string?>? nameOf = null, Func<T, bool>? where = null)
        {
            WildcardPattern? name = nameOf == null ? null : Wildcard(namePattern);
            Func<T, bool>? wanted = name == null
                ? where
                : item => name.IsMatch(nameOf!(item) ?? string.Empty) && (where == null || where(item));
            if (ids != null)
            {
                WriteEach(ids, get, wanted);
                return;
            }

            WriteList(list, pageSize, wanted);
        }

        /// <summary>
        /// The change every Set/Remove/Add/New shares: confirm (with -Force answering for ConfirmImpact High), make the
        /// call, then write its result when -PassThru is given or the cmdlet has no -PassThru (New and Add return what
        /// they made).
        /// </summary>
        protected void Change<T>(string target, string action, Func<Task<T>> call, bool highImpact = false)
        {
            if (!(highImpact ? ShouldChangeHighImpact(target, action) : ShouldChange(target, action, Switch("Force"))))
            {
                return;
            }

            T result = Await(call());
            if (!MyInvocation.MyCommand.Parameters.ContainsKey("PassThru") || Switch("PassThru"))
            {
                WriteObject(result);
            }
        }

        /// <summary>
        /// Creates something whose secret the API returns only in this answer, writing the reminder to store it first.
        /// Written after the answer, a warning that the session turns into a stop (<c>$WarningPreference = 'Stop'</c>,
        /// <c>-WarningAction Stop</c>, <c>-Debug</c> in a non-interactive host) ended the command with the key created
        /// and its value gone; written before the request, it ends the command before anything exists.
        /// </summary>
        protected T CreateWithSecret<T>(string reminder, Func<Task<T>> create)
        {
            WriteWarning(reminder);
            return Await(create());
        }

        /// <summary>
        /// Whether -InputObject holds the object that came down the pipeline (one the module wrote, with every property
        /// the API sent), not one PowerShell built from another object by its property names (a CSV row), whose other
        /// properties are empty. Given on the command line, it is taken as it is.
        /// </summary>
        protected bool InputObjectCameAsItIs() => !PipelineInputGuard.IsConverted(this, out _);

        /// <summary>
        /// The id this input acts on: the Id of the object bound to -InputObject when that set is in use, else
        /// <paramref name="id"/>.
        /// </summary>
        protected string TargetId(string? id)
        {
            if (ParameterSetName == InputObjectSet && MyInvocation.BoundParameters.TryGetValue("InputObject", out object? input))
            {
                return PipelineInputGuard.Text(input, "Id") ?? id ?? string.Empty;
            }

            return id ?? string.Empty;
        }

        /// <summary>
        /// How every confirmation names its target, taking the name (and e-mail) from the object at hand: the one bound
        /// to -InputObject, or the one piped in with this id (so Set-OAIUser names the person piped into it).
        /// </summary>
        protected string Describe(string kind, string id)
        {
            object? source = null;
            if (MyInvocation.BoundParameters.TryGetValue("InputObject", out object? input))
            {
                source = input;
            }
            else if (PipelineInputGuard.Current(this) is object piped && IsTarget(piped, kind, id))
            {
                source = piped;
            }

            return Target(kind, id, PipelineInputGuard.Text(source, "Name"), PipelineInputGuard.Text(source, "Email"));
        }

        /// <summary>
        /// Whether the object piped in is the target, so its name (and e-mail) are the target's: it names the target by its
        /// own Id, or it has no Id and stands for what the kind's id property names (a group member, whose UserId, name and
        /// e-mail are the user's). A service account carries the ProjectId of its project, but its name is its own.
        /// </summary>
        private static bool IsTarget(object piped, string kind, string id)
        {
            string? own = PipelineInputGuard.Text(piped, "Id");
            if (own != null)
            {
                return own == id;
            }

            object item = piped is PSObject wrapped ? wrapped.BaseObject : piped;
            return !(item is PSCustomObject) && PipelineInputGuard.Text(piped, KindProperty(kind)) == id && item.ToString() == id;
        }

        /// <summary>"user" → "UserId", "admin API key" → "KeyId": the property that carries an id of that kind.</summary>
        private static string KindProperty(string kind)
        {
            string last = kind.Substring(kind.LastIndexOf(' ') + 1);
            return char.ToUpperInvariant(last[0]) + last.Substring(1) + "Id";
        }

        /// <summary>
        /// The one wording of a confirmation target: <c>kind 'Name' &lt;email&gt; (id)</c>, or <c>kind id</c> when nothing
        /// but the id is known. Names and e-mails come from the server, where anyone who may rename a project can put
        /// a line break, an escape sequence or a bidirectional override into them: shown as they are, a name made a
        /// second "What if:" line that named another project. They are shown printable (<see cref="Printable"/>).
        /// </summary>
        internal static string Target(string kind, string id, string? name, string? email = null)
        {
            name = name == null ? null : Printable(name);
            email = email == null ? null : Printable(email);
            if (string.IsNullOrEmpty(name) && string.IsNullOrEmpty(email))
            {
                return $"{kind} {Printable(id)}";
            }

            string text = string.IsNullOrEmpty(name) ? kind : $"{kind} '{name}'";
            return string.IsNullOrEmpty(email) ? $"{text} ({id})" : $"{text} <{email}> ({id})";
        }

        /// <summary>Longest name a confirmation quotes: a name can be 1,000 characters long, a prompt line cannot.</summary>
        private const int MaxQuotedName = 80;

        /// <summary>
        /// Text from the server as a prompt may show it: control characters and line separators (line breaks, ESC,
        /// U+2028) and the bidirectional controls that reorder what follows are each shown as U+FFFD, and a long text is
        /// cut with "…".
        /// </summary>
        internal static string Printable(string text)
        {
            string shown = Display.Printable(text);
            if (shown.Length <= MaxQuotedName)
            {
                return shown;
            }

            // Never half of a character written as two UTF-16 units (an emoji).
            int cut = char.IsLowSurrogate(shown[MaxQuotedName]) && char.IsHighSurrogate(shown[MaxQuotedName - 1]) ? MaxQuotedName - 1 : MaxQuotedName;
            return shown.Substring(0, cut) + "…";
        }

        /// <summary>The action of a confirmation that makes several changes: every change given, in order.</summary>
        protected static string Changes(params string?[] changes) =>
            string.Join("; ", changes.Where(change => change != null));

        /// <summary>Whether a switch parameter of the cmdlet was given and is not <c>:$false</c>.</summary>
        protected bool Switch(string name) =>
            MyInvocation.BoundParameters.TryGetValue(name, out object? value) && LanguagePrimitives.IsTrue(value);

        /// <summary>
        /// ShouldProcess for one change that is graver than the cmdlet's usual ones (making someone an owner): it asks
        /// as ConfirmImpact High would, unless -Force, -Confirm:$false or $ConfirmPreference = 'None' say not to.
        /// </summary>
        protected bool ShouldChangeHighImpact(string target, string action)
        {
            if (WhatIfRequested())
            {
                return ShouldProcess(target, action);
            }

            if (MyInvocation.BoundParameters.ContainsKey("Confirm"))
            {
                // -Confirm asks even with -Force; -Confirm:$false does not, and ShouldProcess says what it did.
                return ShouldProcess(target, action);
            }

            if (Switch("Force"))
            {
                return GoAhead(target, action);
            }

            // Only $ConfirmPreference = 'High' (the default) lets ShouldProcess pass a Medium cmdlet without asking;
            // None never asks, Low and Medium make ShouldProcess ask by itself.
            object? preference = SessionState.PSVariable.GetValue("ConfirmPreference");
            if (!(preference is ConfirmImpact impact) || impact != ConfirmImpact.High)
            {
                return ShouldProcess(target, action);
            }

            return ShouldProcess(target, action) && ShouldContinue($"{action}: {target}?", "Confirm a high-impact change");
        }

        /// <summary>-Connection, else this runspace's connection, else the implicit one from the environment as it is now.</summary>
        protected AdminContext ResolveContext()
        {
            if (_context == null)
            {
                AdminContext? current = null;
                if (Connection == null)
                {
                    current = ConnectionStore.Current(SessionState, out bool ended);
                    if (ended)
                    {
                        WriteWarning(ConnectionStore.EndedWarning);
                    }
                }

                _context = Connection ?? current ?? ConnectionStore.FromEnvironment(this, WriteWarning);
                if (_context.Implicit)
                {
                    WriteVerbose($"Using {_context.BaseUri} with the key in {ConnectionStore.KeyVariable} ({_context.Key}).");
                }
            }

            return _context;
        }

        private void RelayVerbose(string message) => Post(() => WriteVerbose(message));

        private void RelayDebug(string message) => Post(() => WriteDebug(message));

        private void RelayWarning(string message) => Post(() => WriteWarning(message));

        private void RelayPage(string operation, int pageNumber, long itemCount)
        {
            // One page needs no progress bar; from the second page on, long listings show how far they got.
            if (pageNumber < 2)
            {
                return;
            }

            Post(() =>
        {
            _progress = new ProgressRecord(
                Math.Abs(operation.GetHashCode() % 100000), MyInvocation.MyCommand.Name, $"{itemCount} items from {pageNumber} pages of {operation}");
            WriteProgress(_progress);
        });
        }

        /// <summary>A long operation of several parts (projects crawled): "done of total", with a percentage.</summary>
        private void RelayProgress(string activity, int done, int total) =>
            Post(() =>
            {
                _progress = new ProgressRecord(Math.Abs(activity.GetHashCode() % 100000), MyInvocation.MyCommand.Name, $"{activity}: {done} of {total} done")
                {
                    PercentComplete = total > 0 ? Math.Min(100, done * 100 / total) : -1,
                };
                WriteProgress(_progress);
            });

        private void Post(Action action)
        {
            if (!_pipelineThreadWork.IsAddingCompleted)
            {
                _pipelineThreadWork.Add(action);
            }
        }

        private void WaitRelaying(Task task)
        {
            if (!task.IsCompleted)
            {
                task.ContinueWith(_ => Post(() => { }), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                while (!task.IsCompleted)
                {
                    _pipelineThreadWork.Take()();
                }
            }

            DrainRelayed();
        }

        /// <summary>Writes what the core queued for the pipeline thread (Verbose, Debug, Progress).</summary>
        private void DrainRelayed()
        {
            while (_pipelineThreadWork.TryTake(out Action? action))
            {
                action();
            }
        }

        protected bool WhatIfRequested()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? value))
            {
                return LanguagePrimitives.IsTrue(value);
            }

            return LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));
        }

        private static bool SupportsPaging(CmdletInfo info)
        {
            foreach (object attribute in info.ImplementingType.GetCustomAttributes(typeof(CmdletAttribute), false))
            {
                return ((CmdletAttribute)attribute).SupportsPaging;
            }

            return false;
        }
    
        /// <summary>
        /// Whether WriteDebug would write anything: -Debug (or -Debug:$false) on this command, else $DebugPreference as
        /// the caller has it. When it would not, the core does not build Debug messages at all. Read on the pipeline thread.
        /// </summary>
        private bool DebugWanted()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Debug", out object? value))
            {
                return LanguagePrimitives.IsTrue(value);
            }

            object? preference = SessionState.PSVariable.GetValue("DebugPreference");
            return !(preference is ActionPreference action) || (action != ActionPreference.SilentlyContinue && action != ActionPreference.Ignore);
        }

        private sealed class EventRelay : IClientEventSink, IClientEventFilter, IClientWarningSink
        {
            private readonly OAICmdlet _cmdlet;

            public EventRelay(OAICmdlet cmdlet, bool wantsDebug)
            {
                _cmdlet = cmdlet;
                WantsDebug = wantsDebug;
            }

            public bool WantsDebug { get; }

            public void Verbose(string message) => _cmdlet.RelayVerbose(message);

            public void Debug(string message) => _cmdlet.RelayDebug(message);

            public void Warning(string message) => _cmdlet.RelayWarning(message);

            public void PageReceived(string operation, int pageNumber, long itemCount) => _cmdlet.RelayPage(operation, pageNumber, itemCount);

            public void Progress(string activity, int done, int total) => _cmdlet.RelayProgress(activity, done, total);
        }
    }
}
