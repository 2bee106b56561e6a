using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Commands.Loading;

namespace OpenAIAdmin.Commands
{
    /// <summary>
    /// Base of every cmdlet that calls the API. It owns what cmdlets must not repeat: resolving the connection,
    /// running async core calls while writing to PowerShell only from the pipeline thread, streaming lists
    /// (the next page is fetched only when the pipeline asks for the next item), cancellation on Ctrl+C,
    /// progress while paging, ShouldProcess with -Force, and mapping core failures to ErrorRecords.
    /// Its signature names no type of OpenAIAdmin.Core: PowerShell loads cmdlet types before the module
    /// initializer has taught the runtime where the core lives (see Loading/ModuleInitializer.cs).
    /// </summary>
    public abstract class OAICmdlet : PSCmdlet
    {
        /// <summary>Parameter-set names every cmdlet uses alike: list everything, act on ids, act on piped objects.</summary>
        protected const string ListSet = "List";

        protected const string IdSet = "Id";

        protected const string InputObjectSet = "InputObject";

        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly BlockingCollection<Action> _pipelineThreadWork = new BlockingCollection<Action>();
        private ProgressRecord? _progress;

        protected CancellationToken CancellationToken => _cancellation.Token;

        /// <summary>The client of the current connection; connects from OPENAI_ADMIN_KEY when none exists.</summary>
        protected AdminClient Client => ResolveContext().Client;

        protected override void ProcessRecord()
        {
            try
            {
                using (ClientEvents.Use(new EventRelay(this)))
                {
                    ProcessItem();
                }
            }
            catch (OpenAIAdminException ex)
            {
                ReportError(ex, ErrorTarget);
            }
            catch (ArgumentException ex)
            {
                // The core's own input checks (a blank id, too many ids per call, nothing to change) run before any
                // request; they are the user's input, not a defect, so they get a stable id like every other error.
                WriteError(new ErrorRecord(ex, "InvalidArgument", ErrorCategory.InvalidArgument, ErrorTarget));
            }
            catch (Exception ex) when (LoadFailure.Find(ex) is ModuleLoadException failure)
            {
                // A dependency missing from the module folder surfaces where the core first needs it: report our
                // message (which file, what to do) instead of the runtime's bare "Could not load file or assembly".
                ThrowTerminatingError(failure.ErrorRecord);
            }
        }

        /// <summary>Gets each id in turn; a failure for one id is reported and the next id still runs.</summary>
        protected void WriteEach<T>(IEnumerable<string> ids, Func<string, Task<T>> get)
        {
            foreach (string id in ids)
            {
                try
                {
                    WriteObject(Await(get(id)));
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

        /// <summary>What an error of the current input refers to (usually the id).</summary>
        protected virtual object? ErrorTarget => null;

        /// <summary>Work after the last pipeline input, such as sending batched input; relays messages and maps errors like <see cref="ProcessItem"/>.</summary>
        protected virtual void EndItems()
        {
        }

        protected override void EndProcessing()
        {
            try
            {
                using (ClientEvents.Use(new EventRelay(this)))
                {
                    EndItems();
                }
            }
            catch (OpenAIAdminException ex)
            {
                ReportError(ex, null);
            }

            if (_progress != null)
            {
                _progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(_progress);
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
            try
            {
                ulong written = 0;
                while (Await(items.MoveNextAsync().AsTask()))
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
            finally
            {
                WaitRelaying(items.DisposeAsync().AsTask());
            }
        }

        /// <summary>
        /// ShouldProcess that -Force can answer: with -Force (and no -WhatIf) the change goes ahead without a
        /// prompt, which unattended scripts of ConfirmImpact High cmdlets need.
        /// </summary>
        protected bool ShouldChange(string target, string action, bool force)
        {
            if (force && !WhatIfRequested())
            {
                return true;
            }

            return ShouldProcess(target, action);
        }

        protected static WildcardPattern? Wildcard(string? pattern) =>
            string.IsNullOrEmpty(pattern) ? null : new WildcardPattern(pattern, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);

        protected AdminContext ResolveContext()
        {
            AdminContext? current = ConnectionStore.Current;
            if (current != null)
            {
                return current;
            }

            string? key = ConnectionStore.EnvironmentKey();
            if (key == null)
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    ErrorRecords.NoConnection,
                    ErrorCategory.ConnectionError,
                    "Not connected to the OpenAI Administration API: run Connect-OAIAdmin or set the OPENAI_ADMIN_KEY environment variable.",
                    null,
                    ErrorRecords.ApiConnectionHelp));
            }

            var credential = new AdminApiKeyCredential(key!, KeySource.Environment);
            RejectProjectKey(credential);
            var options = new AdminClientOptions(credential)
            {
                BaseUri = ConnectionStore.EnvironmentBaseUri() ?? AdminClientOptions.DefaultBaseUri,
                UserAgent = ConnectionStore.UserAgent(this),
            };
            WriteVerbose($"Connecting to {options.BaseUri} with the key in {ConnectionStore.KeyVariable} ({credential.Redacted}).");
            return ConnectionStore.Connect(options, implicitConnection: true);
        }

        /// <summary>Project and service-account keys never work on admin endpoints: say so before any request.</summary>
        protected void RejectProjectKey(AdminApiKeyCredential credential)
        {
            if (credential.IsProjectKey)
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    AdminErrorKind.InvalidAdminKey.ToString(),
                    ErrorCategory.AuthenticationError,
                    $"The key {credential.Redacted} is a project or service-account key. The Administration API needs an admin key (sk-admin-...).",
                    null,
                    ErrorRecords.ApiConnectionHelp));
            }
        }

        private void RelayVerbose(string message) => Post(() => WriteVerbose(message));

        private void RelayDebug(string message) => Post(() => WriteDebug(message));

        private void RelayPage(string operation, int pageNumber, long itemCount)
        {
            // One page needs no progress bar; from the second page on, long listings show how far they got.
            if (pageNumber < 2)
            {
                return;
            }

            Post(() =>
        {
            _progress ??= new ProgressRecord(Math.Abs(operation.GetHashCode() % 100000), MyInvocation.MyCommand.Name, operation);
            _progress.StatusDescription = $"{itemCount} items from {pageNumber} pages of {operation}";
            WriteProgress(_progress);
        });
        }

        private void Post(Action action)
        {
            if (!_pipelineThreadWork.IsAddingCompleted)
            {
                _pipelineThreadWork.Add(action);
            }
        }

        private void WaitRelaying(Task task)
        {
            task.ContinueWith(_ => Post(() => { }), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            while (!task.IsCompleted)
            {
                _pipelineThreadWork.Take()();
            }

            while (_pipelineThreadWork.TryTake(out Action? action))
            {
                action();
            }
        }

        private bool WhatIfRequested()
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
    
        private sealed class EventRelay : IClientEventSink
        {
            private readonly OAICmdlet _cmdlet;

            public EventRelay(OAICmdlet cmdlet) => _cmdlet = cmdlet;

            public void Verbose(string message) => _cmdlet.RelayVerbose(message);

            public void Debug(string message) => _cmdlet.RelayDebug(message);

            public void PageReceived(string operation, int pageNumber, long itemCount) => _cmdlet.RelayPage(operation, pageNumber, itemCount);
        }
    }
}
