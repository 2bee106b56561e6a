using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    [Cmdlet(VerbsCommon.Get, "OAICertificate", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [ApiOperation("GET", "/organization/certificates")]
    [ApiOperation("GET", "/organization/certificates/{certificate_id}")]
    [ApiOperation("GET", "/organization/projects/{project_id}/certificates")]
    [OutputType(typeof(Certificate))]
    public sealed class GetOAICertificateCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CertificateId", "certificate_id")]
        [ArgumentCompleter(typeof(CertificateIdCompleter))]
        [ValidateNotBlank]
        public string[] Id { get; set; } = null!;

        /// <summary>The API returns the PEM text only when one certificate is requested by id.</summary>
        [Parameter(ParameterSetName = IdSet)]
        public SwitchParameter IncludeContent { get; set; }

        /// <summary>Lists a project's certificates instead of the organization's; projects piped in bind here.</summary>
        [Parameter(ParameterSetName = ListSet, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [PipedBlankIsAbsent]
        public string? ProjectId { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotBlank]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 100)]
        [WholeNumber]
        public int? PageSize { get; set; }

        protected override void ProcessItem()
        {
            string? projectId = ProjectId;
            // Both bound only for a project's certificate piped in (the guard binds its Id): it is got as the project sees
            // it, so its ProjectId and its state there go on down the pipeline (into Disable-OAICertificate, say).
            GetOrList(Id, id => projectId != null ? Client.Projects.Certificates.FindAsync(projectId, id, CancellationToken) : Client.Certificates.GetAsync(id, IncludeContent, CancellationToken),
                o => projectId != null ? Client.Projects.Certificates.ListAsync(projectId, null, o, CancellationToken) : Client.Certificates.ListAsync(null, o, CancellationToken),
                PageSize, Name, c => c.Name);
        }
    }

    /// <summary>Uploads a certificate after checking, on this machine, that it is one PEM certificate and no private key.</summary>
    [Cmdlet(VerbsData.Import, "OAICertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = PathSet)]
    [ApiOperation("POST", "/organization/certificates")]
    [OutputType(typeof(Certificate))]
    public sealed class ImportOAICertificateCommand : OAICmdlet
    {
        /// <summary>A certificate's date in a message, as the views show dates: UTC, invariant digits and calendar (not th-TH's year 2564).</summary>
        private static string Utc(DateTimeOffset time, string format) =>
            time.UtcDateTime.ToString(format, System.Globalization.CultureInfo.InvariantCulture);

        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private const string ContentSet = "Content";

        /// <summary>A certificate is a few kilobytes; anything this large is the wrong file.</summary>
        private const long MaxFileBytes = 1024 * 1024;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [SupportsWildcards]
        [ValidateNotBlank]
        public string[] Path { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotBlank]
        public string[] LiteralPath { get; set; } = null!;

        /// <summary>PEM text; several strings are the lines of one text (Get-Content without -Raw).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ContentSet, ValueFromPipeline = true)]
        [ValidateNotBlank]
        public string[] Content { get; set; } = null!;

        [Parameter]
        [ValidateNotBlank]
        public string? Name { get; set; }

        private object? _target;

        /// <summary>Lines piped one by one (Get-Content without -Raw), gathered until a PEM block's END line.</summary>
        private List<string>? _lines;

        protected override object? ErrorTarget => _target;

        protected override void ProcessItem()
        {
            if (ParameterSetName == ContentSet)
            {
                _target = Name;
                string text = string.Join("\n", Content);
                if (text.IndexOf('\n') < 0 && text.IndexOf('\r') < 0)
                {
                    // One line, not a PEM text: a file piped line by line. Its lines make one text up to the END line.
                    (_lines ??= new List<string>()).Add(text);
                    if (text.IndexOf("-----END ", StringComparison.Ordinal) < 0)
                    {
                        return;
                    }

                    text = string.Join("\n", _lines);
                    _lines = null;
                }

                Upload(text, null);
                return;
            }

            foreach (string file in ResolveFiles())
            {
                _target = file;
                string? text = ReadCertificateFile(file);
                if (text != null)
                {
                    Upload(text, file);
                }
            }
        }

        /// <summary>Lines left after the last END line (or a text of one line): uploaded as one text, which says what is wrong with it.</summary>
        protected override void EndItems()
        {
            if (_lines != null)
            {
                string text = string.Join("\n", _lines);
                _lines = null;
                Upload(text, null);
            }
        }

        private void Upload(string text, string? file)
        {
            PemCertificate certificate;
            try
            {
                certificate = CertificatePem.Parse(text);
            }
            catch (CertificateFormatException ex)
            {
                string source = file == null ? "The certificate content" : $"The file '{file}'";
                WriteError(new ErrorRecord(ex, ex.Problem.ToString(), ErrorCategory.InvalidData, (object?)file ?? Name)
                {
                    ErrorDetails = new ErrorDetails($"{source} cannot be uploaded: {ex.Message}"),
                });
                return;
            }

            DateTimeOffset now = DateTimeOffset.UtcNow;
            if (certificate.NotAfter < now)
            {
                WriteWarning($"The certificate {certificate.Subject} expired on {Utc(certificate.NotAfter, "yyyy-MM-dd HH:mm")} UTC.");
            }
            else if (certificate.NotBefore > now)
            {
                WriteWarning($"The certificate {certificate.Subject} is not valid before {Utc(certificate.NotBefore, "yyyy-MM-dd HH:mm")} UTC.");
            }

            string label = Name != null ? $"certificate '{Name}'" : "certificate";
            string target = $"{label} {certificate.Subject} (thumbprint {certificate.Thumbprint}, expires {Utc(certificate.NotAfter, "yyyy-MM-dd")})"
                + (file == null ? string.Empty : $" from '{file}'");
            if (!ShouldProcess(target, "Upload to the organization"))
            {
                return;
            }

            WriteObject(Await(Client.Certificates.UploadAsync(certificate.Pem, Name, CancellationToken)));
        }

        private IEnumerable<string> ResolveFiles()
        {
            bool literal = ParameterSetName == LiteralPathSet;
            foreach (string path in literal ? LiteralPath : Path)
            {
                var files = new List<string>();
                try
                {
                    if (literal)
                    {
                        files.Add(SessionState.Path.GetUnresolvedProviderPathFromPSPath(path));
                    }
                    else
                    {
                        files.AddRange(GetResolvedProviderPathFromPSPath(path, out ProviderInfo provider)
                            .Where(_ => provider.Name == "FileSystem"));
                    }
                }
                catch (ItemNotFoundException ex)
                {
                    WriteError(new ErrorRecord(ex, "PathNotFound", ErrorCategory.ObjectNotFound, path));
                    continue;
                }
                catch (ProviderNotFoundException ex)
                {
                    WriteError(new ErrorRecord(ex, "PathNotFound", ErrorCategory.ObjectNotFound, path));
                    continue;
                }

                if (files.Count == 0)
                {
                    WriteError(new ErrorRecord(new ItemNotFoundException($"No certificate file matches '{path}'."), "PathNotFound", ErrorCategory.ObjectNotFound, path));
                }

                foreach (string file in files)
                {
                    yield return file;
                }
            }
        }

        private string? ReadCertificateFile(string file)
        {
            var info = new FileInfo(file);
            if (Directory.Exists(file))
            {
                WriteError(new ErrorRecord(new IOException($"'{file}' is a folder, not a certificate file: give the file's path, or a wildcard such as '{System.IO.Path.Combine(file, "*.pem")}'."),
                    "PathIsFolder", ErrorCategory.InvalidArgument, file));
                return null;
            }

            if (!info.Exists)
            {
                WriteError(new ErrorRecord(new ItemNotFoundException($"Cannot find the certificate file '{file}'."), "PathNotFound", ErrorCategory.ObjectNotFound, file));
                return null;
            }

            if (info.Length > MaxFileBytes)
            {
                var ex = new CertificateFormatException(CertificateProblem.InvalidCertificate,
                    $"The file '{file}' is {info.Length} bytes: too large to be a certificate.");
                WriteError(new ErrorRecord(ex, ex.Problem.ToString(), ErrorCategory.InvalidData, file));
                return null;
            }

            try
            {
                return CertificatePem.ReadText(File.ReadAllBytes(file));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(ex, "FileReadError", ErrorCategory.ReadError, file));
                return null;
            }
        }
    }

    [Cmdlet(VerbsCommon.Set, "OAICertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("POST", "/organization/certificates/{certificate_id}")]
    [OutputType(typeof(Certificate))]
    public sealed class SetOAICertificateCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CertificateId", "certificate_id")]
        [ArgumentCompleter(typeof(CertificateIdCompleter))]
        [ValidateNotBlank]
        public string Id { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Certificate InputObject { get; set; } = null!;

        /// <summary>The new name: the only thing the API lets you change.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotBlank]
        public string Name { get; set; } = null!;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => TargetId(Id);

        protected override void ProcessItem()
        {
            string id = TargetId(Id);
            Change(Describe("certificate", id), $"Rename to '{Name}'", () => Client.Certificates.UpdateAsync(id, Name, CancellationToken));
        }
    }

    /// <summary>Deleting is permanent; the API refuses while the certificate is active in the organization or any project.</summary>
    [Cmdlet(VerbsCommon.Remove, "OAICertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("DELETE", "/organization/certificates/{certificate_id}")]
    [OutputType(typeof(DeletedObject))]
    public sealed class RemoveOAICertificateCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CertificateId", "certificate_id")]
        [ArgumentCompleter(typeof(CertificateIdCompleter))]
        [ValidateNotBlank]
        public string Id { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Certificate InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => TargetId(Id);

        protected override void ProcessItem()
        {
            string id = TargetId(Id);
            Change(Describe("certificate", id), "Delete (irreversible)", () => Client.Certificates.DeleteAsync(id, CancellationToken));
        }
    }

    [Cmdlet(VerbsLifecycle.Enable, "OAICertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("POST", "/organization/certificates/activate")]
    [ApiOperation("POST", "/organization/projects/{project_id}/certificates/activate")]
    [OutputType(typeof(Certificate))]
    public sealed class EnableOAICertificateCommand : CertificateActivationCommand
    {
        protected override bool Activate => true;
    }

    /// <summary>Deactivating cuts off every client that presents the certificate, at once: ConfirmImpact High, like disabling a network adapter.</summary>
    [Cmdlet(VerbsLifecycle.Disable, "OAICertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("POST", "/organization/certificates/deactivate")]
    [ApiOperation("POST", "/organization/projects/{project_id}/certificates/deactivate")]
    [OutputType(typeof(Certificate))]
    public sealed class DisableOAICertificateCommand : CertificateActivationCommand
    {
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override bool Activate => false;

        protected override bool ForceChange => Force;
    }

    /// <summary>
    /// Enable- and Disable-OAICertificate: each input is confirmed on its own (so -WhatIf names every certificate),
    /// then the confirmed ids are sent after the last input, up to ten per API call and one scope per call.
    /// The API applies each call atomically; when a call fails because an id does not exist, its ids are sent one
    /// by one (the operation is idempotent), so one wrong id fails alone and the rest of the input still applies.
    /// </summary>
    public abstract class CertificateActivationCommand : OAICmdlet
    {
        private readonly Dictionary<string, List<string>> _pending = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CertificateId", "certificate_id")]
        [ArgumentCompleter(typeof(CertificateIdCompleter))]
        [ProjectObjectIsNotAnId]
        [ValidateNotBlank]
        public string[] Id { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Certificate[] InputObject { get; set; } = null!;

        /// <summary>
        /// The project to change instead of the organization. Without it, certificates piped from
        /// <c>Get-OAICertificate -ProjectId</c> keep their project, rows that name a project (an export of them, with
        /// a ProjectId column) bind it here, and everything else applies to the organization (an export's empty cell
        /// too; a hand-made row's blank ProjectId is refused).
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [PipedBlankIsAbsent(OnlyFromRecordsThatSayWhatTheyAre = true)]
        public string? ProjectId { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected abstract bool Activate { get; }

        protected virtual bool ForceChange => false;

        protected override void ProcessItem()
        {
            if (ParameterSetName == InputObjectSet)
            {
                foreach (Certificate certificate in InputObject)
                {
                    // A row made into a certificate keeps its cell as it was (an edited export's ' ').
                    string? scope = ProjectId ?? (string.IsNullOrWhiteSpace(certificate.ProjectId) ? null : certificate.ProjectId);
                    Confirm(certificate.Id, scope, Target("certificate", certificate.Id, certificate.Name));
                }
            }
            else
            {
                foreach (string id in Id)
                {
                    Confirm(id, ProjectId, Describe("certificate", id));
                }
            }
        }

        protected override void EndItems()
        {
            foreach (KeyValuePair<string, List<string>> scope in _pending)
            {
                string? projectId = scope.Key.Length == 0 ? null : scope.Key;
                List<string> ids = scope.Value;
                for (int start = 0; start < ids.Count; start += Resources.CertificatesClient.MaxIdsPerCall)
                {
                    List<string> batch = ids.GetRange(start, Math.Min(Resources.CertificatesClient.MaxIdsPerCall, ids.Count - start));
                    WriteVerbose($"{(Activate ? "Activating" : "Deactivating")} {batch.Count} certificate(s) in {ScopeName(projectId)}: {string.Join(", ", batch)}.");
                    if (!Send(projectId, batch) && batch.Count > 1)
                    {
                        WriteVerbose("An id of that call does not exist; sending its ids one at a time so the others still apply.");
                        foreach (string id in batch)
                        {
                            Send(projectId, new List<string> { id });
                        }
                    }
                }
            }
        }

        private void Confirm(string id, string? projectId, string target)
        {
            if (string.IsNullOrEmpty(id))
            {
                WriteError(ErrorRecords.Create("EmptyCertificateId", ErrorCategory.InvalidArgument, "A certificate without an id cannot be changed.", null));
                return;
            }

            string action = $"{(Activate ? "Activate" : "Deactivate")} in {ScopeName(projectId)}";
            if (!ShouldChange(target, action, ForceChange))
            {
                return;
            }

            string key = projectId ?? string.Empty;
            if (!_pending.TryGetValue(key, out List<string>? ids))
            {
                ids = new List<string>();
                _pending.Add(key, ids);
            }

            if (!ids.Contains(id, StringComparer.Ordinal))
            {
                ids.Add(id);
            }
        }

        /// <summary>Sends one call; false only when it failed because an id does not exist and the batch can be split.</summary>
        private bool Send(string? projectId, List<string> batch)
        {
            IReadOnlyList<Certificate> result;
            try
            {
                AdminClient client = Client;
                result = Await(projectId == null
                    ? (Activate ? client.Certificates.ActivateAsync(batch, CancellationToken) : client.Certificates.DeactivateAsync(batch, CancellationToken))
                    : (Activate ? client.Projects.Certificates.ActivateAsync(projectId, batch, CancellationToken) : client.Projects.Certificates.DeactivateAsync(projectId, batch, CancellationToken)));
            }
            catch (OpenAIAdminException ex)
            {
                if (ex.Kind == AdminErrorKind.ApiNotFound && batch.Count > 1)
                {
                    return false;
                }

                ReportError(ex, batch.Count == 1 ? (object)batch[0] : batch.ToArray());
                return true;
            }

            if (PassThru)
            {
                foreach (Certificate certificate in result)
                {
                    WriteObject(certificate);
                }
            }

            return true;
        }

        private static string ScopeName(string? projectId) => projectId == null ? "the organization" : $"project {projectId}";
    }
}
