using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using Note = (string Id, string Project, object Item);

namespace OpenAIAdmin.Commands
{
    /// <summary>
    /// Refuses, before any request, an input object that PowerShell bound to an id parameter although it is not
    /// that kind of thing: a user piped into Remove-OAIAdminApiKey (its Id bound by property name), a project piped
    /// into Remove-OAIUser, or Get-Date piped into anything (the date coerced to an id string).
    ///
    /// The rule: an id parameter's kind is its name or alias of the form XxxId (Id with alias UserId: a user id).
    /// An OpenAIAdmin object may fill it only from a property of that name (models carry XxxId alias properties for
    /// their own Id, see OpenAIAdmin.Types.ps1xml). Another object may fill it only from a property named like the
    /// parameter or one of its aliases (CSV rows, Select-Object output, the API's own snake_case). A plain string
    /// is an id and always passes. An OpenAIAdmin object that fills one id parameter rightly (a project's ProjectId
    /// bound to -ProjectId) has its wrong binding (its Id bound to the certificate -Id) dropped instead of refused:
    /// cmdlets therefore test the id parameter for null, not the parameter set, to tell a get from a list. A wrong
    /// binding no parameter set can do without (Remove-OAIProjectApiKey's -Id) is refused, not dropped.
    /// </summary>
    internal sealed class PipelineInputGuard
    {
        public const string ErrorId = "InvalidInputObject";

        // PowerShell keeps the record being bound in InternalCommand.CurrentPipelineObject (internal since v1, also in
        // Windows PowerShell 5.1). Without it (a future engine) the guard stands aside and binding works as before.
        private static readonly PropertyInfo? CurrentPipelineObjectProperty =
            typeof(Cmdlet).BaseType?.GetProperty("CurrentPipelineObject", BindingFlags.Instance | BindingFlags.NonPublic);

        private static readonly Assembly CoreAssembly = typeof(AdminClient).Assembly;

        private readonly PSCmdlet _cmdlet;
        private readonly HashSet<string> _fromCommandLine;
        /// <summary>
        /// Whether the command's -Id is the thing it changes (Set, Remove, Enable...), which only that thing itself may
        /// fill. An Add's -Id names what it adds (a user to a project), so a member or a project user may name it.
        /// </summary>
        private readonly bool _targetMustBeItself;

        private readonly bool _changes;

        /// <summary>Parameters the guard bound for the current record (see <see cref="Reset"/>).</summary>
        private readonly List<string> _rebound = new List<string>();

        public PipelineInputGuard(PSCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
            _fromCommandLine = new HashSet<string>(cmdlet.MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
            _changes = cmdlet.MyInvocation.MyCommand.Parameters.ContainsKey("WhatIf");
            _targetMustBeItself = _changes
                && !cmdlet.MyInvocation.MyCommand.Name.StartsWith(VerbsCommon.Add + "-", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// A project's object (a certificate, an alert) given as the -Id argument of a command whose project is optional:
        /// PowerShell made it its id text, and without -ProjectId the change would go to the organization. Null when the
        /// -Id given holds none (see <see cref="ProjectObjectIsNotAnIdAttribute"/>), or -ProjectId names the project.
        /// </summary>
        public ErrorRecord? RefuseProjectObjectGivenAsId()
        {
            if (!_fromCommandLine.Contains("Id") || !_cmdlet.MyInvocation.MyCommand.Parameters.TryGetValue("Id", out ParameterMetadata? id)
                || !id.Attributes.OfType<ProjectObjectIsNotAnIdAttribute>().Any())
            {
                return null;
            }

            return ProjectObjectGivenAsId(ProjectObjectIsNotAnIdAttribute.Take(IdValues()));
        }

        /// <summary>
        /// Notes there before the pipeline binds a record: left by a command that failed to bind, or by the command line
        /// of a command further down this pipeline. Not this command's records', which are judged in <see cref="Refuse"/>.
        /// </summary>
        private readonly List<Note> _notesBeforeRecords = new List<Note>();

        /// <summary>
        /// Takes out of the bound parameters what an earlier record bound and this one did not. PowerShell resets such a
        /// parameter to its default but leaves its name and old value in <c>BoundParameters</c> (PowerShell issues
        /// 5202 and 20137), so a user object and then a user id piped into Remove-OAIUser named the first user in the
        /// second one's confirmation, and a certificate row with a ProjectId and then one without had the second refused
        /// for the first one's project. A parameter this record bound holds the very value recorded (the binder sets both
        /// from one object; the guard's own rebinding too); one reset to its default does not.
        /// </summary>
        public void DropStaleBindings()
        {
            Dictionary<string, object> bound = _cmdlet.MyInvocation.BoundParameters;
            foreach (KeyValuePair<string, object> entry in bound.ToList())
            {
                if (_fromCommandLine.Contains(entry.Key) || _cmdlet.GetType().GetProperty(entry.Key) is not PropertyInfo property)
                {
                    continue;
                }

                object? now = property.GetValue(_cmdlet);
                bool same = ReferenceEquals(now, entry.Value) || (now != null && now.GetType().IsValueType && now.Equals(entry.Value));
                if (!same)
                {
                    bound.Remove(entry.Key);
                }
            }
        }

        /// <summary>Called once the command line is judged (BeginProcessing): what is noted after this came with records.</summary>
        public void StartRecords()
        {
            _notesBeforeRecords.AddRange(ProjectObjectIsNotAnIdAttribute.Peek());
            _cmdlet.MyInvocation.BoundParameters.TryGetValue("Id", out _idAtBegin);
        }

        /// <summary>
        /// What -Id held when the records began: a value given on the command line stays this very object, a script
        /// block PowerShell runs per record (-Id { $certificate }; listed as bound from the start) is replaced by its result.
        /// </summary>
        private object? _idAtBegin;

        /// <summary>The values bound to -Id, as text.</summary>
        private HashSet<string> IdValues() =>
            new HashSet<string>(_cmdlet.MyInvocation.BoundParameters.TryGetValue("Id", out object? bound)
                ? (Unwrap(bound) is IEnumerable values && !(Unwrap(bound) is string) ? values.Cast<object?>() : new[] { bound }).Select(value => Unwrap(value)?.ToString() ?? string.Empty)
                : Enumerable.Empty<string>(), StringComparer.Ordinal);

        /// <summary>The refusal of a noted project object, or null when there is none or -ProjectId names the project.</summary>
        private ErrorRecord? ProjectObjectGivenAsId(List<Note> noted)
        {
            // A project given: a text, not a script block that may give none (-ProjectId { $null } fell back to the organization).
            if (noted.Count == 0 || (_cmdlet.MyInvocation.BoundParameters.TryGetValue("ProjectId", out object? project) && Unwrap(project) is string text
                && !string.IsNullOrWhiteSpace(text) && _fromCommandLine.Contains("ProjectId")))
            {
                return null;
            }

            Note note = noted[0];
            string type = note.Item.GetType().Name;
            // A command just before that failed to bind leaves its note until the next OpenAIAdmin record: say so, since
            // then this -Id may have been text.
            string message = $"{_cmdlet.MyInvocation.MyCommand.Name} -Id names the {type} '{Shorten(note.Id)}' of project '{Shorten(note.Project)}', given as an object "
                + $"(here, or to a command just before that failed): as an id, it would be changed in the organization. Nothing was sent. Pipe it in or give it "
                + $"to -InputObject to keep its project, or add -ProjectId '{Shorten(note.Project)}'. If this -Id was text, run the command again.";
            return new ErrorRecord(new ArgumentException(message), "ProjectObjectGivenAsId", ErrorCategory.InvalidArgument, note.Id)
            {
                ErrorDetails = new ErrorDetails(message),
            };
        }

        /// <summary>The record PowerShell is binding for this ProcessRecord call, or null without pipeline input.</summary>
        public static object? Current(PSCmdlet cmdlet)
        {
            object? value = CurrentPipelineObjectProperty?.GetValue(cmdlet);
            return value is PSObject wrapped && wrapped.BaseObject == System.Management.Automation.Internal.AutomationNull.Value ? null : value;
        }

        /// <summary>
        /// Whether -InputObject holds not the record that came down the pipeline but an object PowerShell built from it
        /// by its property names (a CSV row made into an empty module object); <paramref name="bound"/> is that object.
        /// </summary>
        public static bool IsConverted(PSCmdlet cmdlet, out object? bound)
        {
            bound = null;
            object? current = Current(cmdlet);
            if (current == null || !cmdlet.MyInvocation.BoundParameters.TryGetValue("InputObject", out bound))
            {
                return false;
            }

            return !ReferenceEquals(current is PSObject record ? record.BaseObject : current, bound is PSObject value ? value.BaseObject : bound);
        }

        /// <summary>A property of an object (a .NET one or a PowerShell alias/note) as text; null when absent or empty.</summary>
        public static string? Text(object? source, string property)
        {
            if (source == null)
            {
                return null;
            }

            object? value = PSObject.AsPSObject(source).Properties[property]?.Value;
            if (value is PSObject inner)
            {
                value = inner.BaseObject;
            }

            string? text = value?.ToString();
            return string.IsNullOrEmpty(text) ? null : text;
        }

        /// <summary>An ErrorRecord when the current record filled an id parameter it does not fit; null when it fits.</summary>
        public ErrorRecord? Refuse()
        {
            // What PowerShell noted while binding this record: the record itself keeps its project by ProjectId, but an
            // object a script block gave -Id for it (-Id { $certificate }) would lose it.
            object? input = Current(_cmdlet);
            object? current = input is PSObject currentRecord ? currentRecord.BaseObject : input;
            // Only notes of the ids this record bound (a script block run for it, -Id { $certificate }): another command
            // in a ForEach-Object upstream that failed to bind left notes of its own.
            HashSet<string> recordIds = _cmdlet.MyInvocation.BoundParameters.TryGetValue("Id", out object? idNow) && !ReferenceEquals(idNow, _idAtBegin)
                ? IdValues() : new HashSet<string>();
            List<Note> givenForRecord = ProjectObjectIsNotAnIdAttribute.Take(null)
                .Where(note => !ReferenceEquals(note.Item, current) && !_notesBeforeRecords.Contains(note) && recordIds.Contains(note.Id)).ToList();
            _notesBeforeRecords.Clear();
            if (_cmdlet.MyInvocation.MyCommand.Parameters.TryGetValue("Id", out ParameterMetadata? idParameter)
                && idParameter.Attributes.OfType<ProjectObjectIsNotAnIdAttribute>().Any() && ProjectObjectGivenAsId(givenForRecord) is ErrorRecord givenAsId)
            {
                return givenAsId;
            }

            if (input == null)
            {
                return null;
            }

            object baseObject = input is PSObject psObject ? psObject.BaseObject : input;
            var record = PSObject.AsPSObject(input);
            bool ours = baseObject.GetType().Assembly == CoreAssembly;
            // An export of a module object (Export-Csv, ConvertTo-Json and back) carries the API's object type in its
            // Object column and the object's alias properties (ProjectId, UserId...): it is judged as that object is.
            bool export = !ours && baseObject is PSCustomObject && Text(record, "Object") != null;
            if (DropPipedBlanks(record, baseObject, ours || export) is ErrorRecord blank)
            {
                return blank;
            }

            if (baseObject is string)
            {
                return null;
            }

            if (IsConverted(_cmdlet, out object? converted) && converted != null && !(_cmdlet is OAICmdlet { NamesInputWithoutId: true })
                && PSObject.AsPSObject(converted).Properties["Id"] != null && Text(converted, "Id") == null)
            {
                // PowerShell built an object of the module's type from this one by its property names (a CSV row, a
                // Select-Object result) and it has no Id: say so, rather than "the id is empty" from deeper down.
                object target = converted is PSObject wrapped ? wrapped.BaseObject : converted;
                return Error(baseObject, $"{_cmdlet.MyInvocation.MyCommand.Name} cannot use a {baseObject.GetType().FullName} from the pipeline: it has no Id, "
                    + $"so it names no {target.GetType().Name}. Nothing was sent. Pipe ids, OpenAIAdmin objects or objects with an Id property.");
            }
            if (RoleOfOtherScope(record, baseObject, ours) is string otherScope)
            {
                return Error(baseObject, otherScope);
            }

            BindOwnIdOfReadingCommand(record, ours || export);

            var misbound = new List<ParameterMetadata>();
            string? ownId = Text(record, "Id");
            // What a row is, when it says so: a project's export carries ProjectId next to Id, with the same value.
            List<string> identity = ours ? new List<string>() : IdentityOf(record, ownId);
            bool likeOurs = ours || export;
            bool fitsAsItself = false;
            // A copy: a row bound whole to -Id is bound again below.
            foreach (KeyValuePair<string, object> bound in _cmdlet.MyInvocation.BoundParameters.ToList())
            {
                if (_fromCommandLine.Contains(bound.Key)
                    || !_cmdlet.MyInvocation.MyCommand.Parameters.TryGetValue(bound.Key, out ParameterMetadata? parameter))
                {
                    continue;
                }

                string? kind = KindOf(parameter);
                if (kind == null)
                {
                    continue;
                }

                string? value = FirstText(bound.Value);
                bool isItself = ownId != null && ownId == value;
                if (baseObject is PSCustomObject && value == record.ToString())
                {
                    // PowerShell bound the whole row, made text ("@{Id=...; ProjectId=...}"), by value to -Id after its
                    // ProjectId took the row's parameter set: the row's own Id property is what it means, and a row
                    // without one ({ProjectId=...} into Get-OAIServiceAccount) names no such thing and lists the scope.
                    if (Names(parameter).Select(name => FirstText(Unwrap(record.Properties[name]?.Value))).FirstOrDefault(text => !string.IsNullOrWhiteSpace(text)) is string named)
                    {
                        Rebind(parameter, named);
                        value = named;
                        isItself = ownId != null && ownId == value;
                    }
                    else if (CanRunWithout(new List<ParameterMetadata> { parameter }))
                    {
                        Unbind(parameter.Name);
                        continue;
                    }
                }

                if (likeOurs)
                {
                    // A command that changes things takes as its own target (-Id) only the thing itself: a group member names
                    // its group by GroupId and a project user its project by ProjectId, and piping them into Remove-OAIGroup
                    // or Remove-OAIProject would delete the group or archive the project. Reading (Get-OAIUser from a
                    // member) and adding (a member into Add-OAIProjectUser) may follow such a reference.
                    bool itself = parameter.Name != "Id" || !_targetMustBeItself || isItself || (export && ownId == null && IsMembershipNamedWhole(record));
                    if (Text(record, kind) == value && itself)
                    {
                        fitsAsItself |= isItself;
                    }
                    else
                    {
                        misbound.Add(parameter);
                    }

                    continue;
                }

                if (!Names(parameter).Any(name => FirstText(record.Properties[name]?.Value) == value))
                {
                    // A property of that name must hold the value bound: a script block has an Id (a Guid) of its own, and
                    // PowerShell bound its text.
                    return Error(baseObject, $"{_cmdlet.MyInvocation.MyCommand.Name} cannot use a {baseObject.GetType().FullName} from the pipeline as -{parameter.Name}: "
                        + $"it has no {OrList(Names(parameter))} property holding the value bound. Nothing was sent. Pipe ids, OpenAIAdmin objects or objects with one of those properties.");
                }

                if (isItself && identity.Count > 0 && !Names(parameter).Any(identity.Contains))
                {
                    // A project's row (its Id is its ProjectId) bound to a user -Id: its Id names no user.
                    misbound.Add(parameter);
                    continue;
                }

                if (parameter.Name == "Id" && _targetMustBeItself && !isItself && OtherReference(record, bound.Value) is string other)
                {
                    // A row without its own Id that names several things (a project group's export: ProjectId and GroupId)
                    // refers to the target without being it, as a project group object would.
                    return Error(baseObject, $"{_cmdlet.MyInvocation.MyCommand.Name} -Id acts on the {Thing(kind)} itself, but the {baseObject.GetType().Name} piped in has no Id "
                        + $"and names {Article(Words(other))} too ('{Shorten(Text(record, other))}'): it refers to {Words(kind)} '{Shorten(value)}' without being one. "
                        + $"Nothing was sent. Pipe objects of the right kind, or give -Id.");
                }

                fitsAsItself |= isItself || identity.Contains(kind);
            }

            // Not for an object taken whole (-InputObject, or a row PowerShell made into one): that is the target.
            if (misbound.Count == 0 && _targetMustBeItself && !fitsAsItself && !_cmdlet.MyInvocation.BoundParameters.ContainsKey("InputObject")
                && OtherReference(record, ownId, knownOnly: true) is string also)
            {
                // Nothing bound is the object itself, and it names more than the command takes: an access report's row for one
                // user (PrincipalId) names the group and role it came through, and Remove-OAIProjectGroupRole took the role
                // from the whole group.
                return Error(baseObject, $"{_cmdlet.MyInvocation.MyCommand.Name} would act on what {Piped(baseObject, ours)} piped in refers to, but it names {Article(Words(also))} too "
                    + $"('{Shorten(Text(record, also))}'): it is about that, not the thing the command changes. Nothing was sent. Give the ids on the command line, or pipe objects of the right kind.");
            }

            if (misbound.Count == 0)
            {
                return ActsOnScopeItOnlyRefersTo(record, baseObject, ours, export, identity, fitsAsItself);
            }

            if (fitsAsItself && CanRunWithout(misbound))
            {
                // A project piped into Get-OAICertificate: its ProjectId names the scope, and PowerShell also bound its Id
                // to the certificate -Id. That second binding is PowerShell's by-name rule, not the user's intent: drop it.
                foreach (ParameterMetadata parameter in misbound)
                {
                    Unbind(parameter.Name);
                }

                return null;
            }

            // Nothing fits as the object itself (a project API key, whose ProjectId fits, piped into Get-OAIServiceAccount
            // would list the whole project's accounts), or no parameter set can run without the wrong bindings (a service
            // account piped into Remove-OAIProjectApiKey: dropping its Id would leave the key to revoke empty).
            ParameterMetadata first = misbound[0];
            string firstKind = KindOf(first)!;
            string? refers = Text(record, firstKind);
            string what = refers != null && refers != ownId
                ? $"(it refers to {Words(firstKind)} '{Shorten(refers)}' without being one)"
                : identity.Count > 0
                    ? $"(its Id '{Shorten(ownId)}' is its {identity[0]}: it is {Article(Thing(identity[0]))})"
                    : ownId == null ? "(it has no Id)" : $"(Id '{Shorten(ownId)}')";
            string piped = Piped(baseObject, ours);
            return Error(baseObject, $"{_cmdlet.MyInvocation.MyCommand.Name} -{first.Name} takes {Article(Words(firstKind))}, but {piped} "
                + $"was piped in {what}. Nothing was sent. Pipe objects of the right kind, or give -{first.Name}.");
        }

        /// <summary>
        /// Organization roles and project roles are two kinds under one property name (RoleId): a project role's
        /// assignment piped into Remove-OAIUserRole would be sent as an organization role (and answered 404, its
        /// project role kept). A role belongs to a project when the object names one (ProjectId); a cmdlet takes
        /// project roles when it takes -ProjectId. A CSV row or other foreign object is judged only when it names a
        /// project (an export of project role assignments): one without a ProjectId may hold either kind.
        /// </summary>
        private string? RoleOfOtherScope(PSObject record, object input, bool ours)
        {
            bool projectCmdlet = _cmdlet.MyInvocation.MyCommand.Parameters.ContainsKey("ProjectId");
            string? project = Text(record, "ProjectId");
            if ((project != null) == projectCmdlet || Text(record, "RoleId") == null || (!ours && project == null))
            {
                return null;
            }

            bool bindsRole = _cmdlet.MyInvocation.BoundParameters.Keys.Any(name => !_fromCommandLine.Contains(name)
                && _cmdlet.MyInvocation.MyCommand.Parameters.TryGetValue(name, out ParameterMetadata? parameter) && KindOf(parameter) == "RoleId");
            if (!bindsRole)
            {
                return null;
            }

            string command = _cmdlet.MyInvocation.MyCommand.Name;
            string what = ours ? "an OpenAIAdmin." + input.GetType().Name : "an object";
            return project != null
                ? $"{command} takes an organization role, but {what} of project '{Shorten(project)}' was piped in: "
                    + "its RoleId names a role of that project. Nothing was sent. Organization roles come from Get-OAIRole, Get-OAIUserRole and Get-OAIGroupRole."
                : $"{command} takes a role of a project, but an OpenAIAdmin.{input.GetType().Name} of the organization was piped in: "
                    + "its RoleId names an organization role. Nothing was sent. Project roles come from Get-OAIProjectRole, Get-OAIProjectUserRole and Get-OAIProjectGroupRole.";
        }

        /// <summary>
        /// A reading command whose -Id PowerShell left unbound although the object piped in is a thing of that kind (a
        /// project's certificate into Get-OAICertificate bound only its ProjectId, and every certificate of the project
        /// came out once per certificate piped in): the object's own Id is bound, so the command gets that thing. A
        /// module object or an export says what it is (CertificateId next to an Id of the same value); a hand-made row
        /// ({Id=...; ProjectId=...}, a Select-Object of Id and ProjectId) means its Id, or its CertificateId, unless its
        /// Id is one of its other XxxId values (a project's Select-Object row: its Id is its ProjectId).
        /// </summary>
        private void BindOwnIdOfReadingCommand(PSObject record, bool saysWhatItIs)
        {
            if (_changes || _fromCommandLine.Contains("Id") || _cmdlet.MyInvocation.BoundParameters.ContainsKey("Id")
                || !_cmdlet.MyInvocation.MyCommand.Parameters.TryGetValue("Id", out ParameterMetadata? id)
                || !(KindOf(id) is string kind) || !id.Attributes.OfType<ParameterAttribute>().Any(a => a.ValueFromPipelineByPropertyName))
            {
                return;
            }

            string? own = Text(record, "Id");
            if (saysWhatItIs)
            {
                if (own != null && Text(record, kind) == own && (record.BaseObject.GetType().Assembly == CoreAssembly || IdentityOf(record, own).Contains(kind, StringComparer.OrdinalIgnoreCase)))
                {
                    Rebind(id, own);
                }

                return;
            }

            List<string> identity = IdentityOf(record, own);
            string? named = Names(id).Select(name => FirstText(Unwrap(record.Properties[name]?.Value))).FirstOrDefault(text => !string.IsNullOrWhiteSpace(text));
            if (named != null && (identity.Count == 0 || identity.Contains(kind, StringComparer.OrdinalIgnoreCase)))
            {
                Rebind(id, named);
            }
        }

        /// <summary>
        /// Unbinds what the guard bound for the record just processed: PowerShell resets only what it bound itself, so a
        /// value bound here would otherwise stay for the next record.
        /// </summary>
        public void Reset()
        {
            foreach (string name in _rebound)
            {
                Unbind(name);
            }

            _rebound.Clear();
        }

        /// <summary>
        /// Drops the white space around every id bound (a copied cell, a line of a file): the paths had it dropped already
        /// (<c>ApiPath.Id</c>), but the objects written kept the scope as given (<c>' proj_…'</c>), and piped on they
        /// named a project no row equals. Done after <see cref="Refuse"/>, which compares the record's own values.
        /// </summary>
        public void TrimIds()
        {
            foreach (KeyValuePair<string, object> bound in _cmdlet.MyInvocation.BoundParameters.ToList())
            {
                if (!_cmdlet.MyInvocation.MyCommand.Parameters.TryGetValue(bound.Key, out ParameterMetadata? parameter)
                    || (KindOf(parameter) == null && parameter.Name != "Id"))
                {
                    continue;
                }

                object? trimmed = Unwrap(bound.Value) switch
                {
                    string text when text.Trim().Length != text.Length => text.Trim(),
                    string[] texts when texts.Any(t => t != null && t.Trim().Length != t.Length) => texts.Select(t => t?.Trim()).ToArray(),
                    _ => null,
                };
                PropertyInfo? property = _cmdlet.GetType().GetProperty(parameter.Name);
                if (trimmed != null && property != null && property.PropertyType.IsInstanceOfType(trimmed))
                {
                    property.SetValue(_cmdlet, trimmed);
                    _cmdlet.MyInvocation.BoundParameters[bound.Key] = trimmed;
                }
            }
        }

        /// <summary>Takes back a value PowerShell (or the guard) bound from the current record.</summary>
        private void Unbind(string name)
        {
            _cmdlet.GetType().GetProperty(name)?.SetValue(_cmdlet, null);
            _cmdlet.MyInvocation.BoundParameters.Remove(name);
        }

        /// <summary>
        /// A blank value the record filled into a <see cref="PipedBlankIsAbsentAttribute"/> parameter is taken back, as if
        /// the record had no such property (an organization certificate's export has an empty ProjectId cell); an error
        /// when the parameter takes that only from records that say what they are and this one does not.
        /// </summary>
        private ErrorRecord? DropPipedBlanks(PSObject record, object input, bool saysWhatItIs)
        {
            foreach (PropertyInfo property in PipedBlankIsAbsentAttribute.On(_cmdlet.GetType()))
            {
                if (_fromCommandLine.Contains(property.Name) || !_cmdlet.MyInvocation.BoundParameters.TryGetValue(property.Name, out object? value)
                    || ValidateNotBlankAttribute.Problem(value) == null)
                {
                    continue;
                }

                // A hand-made row {Id=...; ProjectId=''}: without its project, the change would go to the organization. A null
                // (a Select-Object or JSON of an organization's certificate) says "none", as a module object's does.
                if (!saysWhatItIs && Unwrap(value) != null
                    && property.GetCustomAttribute<PipedBlankIsAbsentAttribute>()!.OnlyFromRecordsThatSayWhatTheyAre)
                {
                    return Error(input, $"{_cmdlet.MyInvocation.MyCommand.Name} cannot use the {input.GetType().Name} piped in: its {property.Name} is blank, "
                        + $"and without it the change would apply to the organization. Nothing was sent. Fill in the {property.Name}; "
                        + $"for the organization, pipe rows without a {property.Name} property, or with $null in it.");
                }

                Unbind(property.Name);
            }

            return null;
        }

        /// <summary>
        /// A command about to act on a whole scope that the object piped in only refers to.
        /// Reading: a project group piped into Get-OAIProjectUser binds its ProjectId and would list every user of the
        /// project, which a Remove further down the pipeline would then act on; a service account piped into Get-OAIUsage
        /// reads the project's usage. A reading command of a <see cref="ScopeSettingAttribute"/> setting gives one object
        /// per project, tagged with it, and may follow any reference; a hand-made or exported row says what it means.
        /// Changing a setting: a service account piped into Remove-OAISpendLimit would remove its project's limit; only
        /// the project, the setting itself, or a row that says it is neither something else may name it.
        /// A project piped in is the scope itself; a reference that fills the command's -Id (a group member into
        /// Get-OAIUser) names what to get; a record that also binds a parameter of another kind (a rate limit's Model)
        /// narrows it, and one that binds two references is a membership they name together (a project group into
        /// Get-OAIProjectGroupRole).
        /// </summary>
        private ErrorRecord? ActsOnScopeItOnlyRefersTo(PSObject record, object input, bool ours, bool export, List<string> identity, bool fitsAsItself)
        {
            ScopeSettingAttribute? setting = _cmdlet.GetType().GetCustomAttribute<ScopeSettingAttribute>();
            if (fitsAsItself || _cmdlet.MyInvocation.BoundParameters.ContainsKey("Id") || _changes != (setting != null))
            {
                return null;
            }

            bool somethingElse = identity.Count > 0 && !identity.Contains("ProjectId", StringComparer.OrdinalIgnoreCase);
            // A row with an Id that no binding holds names one thing of the project, not the project (a Select-Object of a
            // service account's Id, Name and ProjectId); an export is the setting only when it has all the setting's columns
            // (a cost row's export, with its ProjectId and no Id, had removed each project's limit).
            bool namesOneThing = Text(record, "Id") is string own && !BoundValues().Contains(own);
            bool refersOnly = _changes
                ? ours ? !setting!.SettingTypes.Contains(input.GetType())
                    : export ? !setting!.SettingTypes.Any(type => IsExportOf(record, type)) && !identity.Contains("ProjectId", StringComparer.OrdinalIgnoreCase)
                    // An export without an Object column (a hosted-tool permission's) is known by its columns.
                    : somethingElse || namesOneThing || (!setting!.SettingTypes.Any(type => IsExportOf(record, type)) && ScopedTypes.Any(type => IsExportOf(record, type)))
                // A hand-made row with an Id of its own ({Id='rl-...'; ProjectId=...} into Get-OAIRateLimit, which has no
                // -Id) names one thing, not the whole project.
                : ours || export || somethingElse || namesOneThing;
            if (!refersOnly)
            {
                return null;
            }

            ParameterMetadata? scope = null;
            int references = 0;
            foreach (string name in _cmdlet.MyInvocation.BoundParameters.Keys)
            {
                if (_fromCommandLine.Contains(name) || !_cmdlet.MyInvocation.MyCommand.Parameters.TryGetValue(name, out ParameterMetadata? parameter))
                {
                    continue;
                }

                if (KindOf(parameter) == null)
                {
                    // The record narrows the listing by something of its own (a rate limit's Model): it asks for that.
                    return null;
                }

                scope ??= parameter;
                references++;
            }

            // Only a project is refused so: a user or group an object refers to is often what a read asks for (a group
            // member into Get-OAIUserRole).
            if (references != 1 || scope == null || KindOf(scope) != "ProjectId")
            {
                // None, or a membership named by what it joins (a project group's ProjectId and GroupId into
                // Get-OAIProjectGroupRole): that names one thing, not a whole scope.
                return null;
            }

            string kind = KindOf(scope)!;
            string piped = ours ? "OpenAIAdmin." + input.GetType().Name : input.GetType().Name;
            string project = Shorten(Text(record, kind));
            return _changes
                ? Error(input, $"{_cmdlet.MyInvocation.MyCommand.Name} would change a setting of the whole {Thing(kind)} '{project}', which the {piped} piped in only refers to. "
                    + $"Nothing was sent. Pipe the {Thing(kind)} itself or what Get-{((CmdletInfo)_cmdlet.MyInvocation.MyCommand).Noun} gives for it, or give -{scope.Name}.")
                // A service account piped into Get-OAIUsage gave the project's figures once per account, rows no column told apart.
                : Error(input, $"{_cmdlet.MyInvocation.MyCommand.Name} would read everything of the {Thing(kind)} '{project}', which the {piped} "
                    + (ours || export || Text(record, "Id") == null ? string.Empty : $"(Id '{Shorten(Text(record, "Id"))}') ")
                    + $"piped in only refers to. Nothing was sent. Pipe the {Thing(kind)} itself, or give -{scope.Name}.");
        }

        /// <summary>The core's types that name a project (ProjectId) besides their own data: what an export may be of.</summary>
        private static readonly Type[] ScopedTypes = CoreAssembly.GetExportedTypes()
            .Where(type => type.IsClass && !type.IsAbstract && type.GetProperty("ProjectId") != null && type.GetProperties().Length > 2).ToArray();

        /// <summary>Whether a row has a column for every public property of a module type: an export of such an object.</summary>
        private static bool IsExportOf(PSObject record, Type type) =>
            type.GetProperties().All(property => record.Properties[property.Name] != null);

        /// <summary>
        /// Whether a row without an Id names two or more things and this command binds every one of them: an export of a
        /// project group (ProjectId and GroupId) piped into Remove-OAIProjectGroup is that membership, as the object is.
        /// </summary>
        private bool IsMembershipNamedWhole(PSObject record) =>
            record.Properties.Count(property => IsKnownReference(property.Name) && !string.IsNullOrWhiteSpace(FirstText(Unwrap(property.Value)))) >= 2
            && OtherReference(record, null, knownOnly: true) == null;

        private HashSet<string> BoundValues() =>
            new HashSet<string>(_cmdlet.MyInvocation.BoundParameters.Values.Select(FirstText).Where(v => v != null)!, StringComparer.Ordinal);

        /// <summary>Binds a parameter as PowerShell would have: the value converted to the parameter's type, recorded as bound.</summary>
        private void Rebind(ParameterMetadata parameter, string value)
        {
            PropertyInfo? property = _cmdlet.GetType().GetProperty(parameter.Name);
            if (property == null)
            {
                return;
            }

            object converted = LanguagePrimitives.ConvertTo(value, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture);
            property.SetValue(_cmdlet, converted);
            _cmdlet.MyInvocation.BoundParameters[parameter.Name] = converted;
            _rebound.Add(parameter.Name);
        }

        /// <summary>
        /// The XxxId properties of a foreign object that hold its own Id: what the object says it is. An export of the
        /// module's objects carries them (a project's row has ProjectId next to Id); a hand-made row seldom does.
        /// </summary>
        private static List<string> IdentityOf(PSObject record, string? ownId)
        {
            var names = new List<string>();
            if (ownId == null)
            {
                return names;
            }

            foreach (PSPropertyInfo property in record.Properties)
            {
                if (IsIdName(property.Name) && FirstText(Unwrap(property.Value)) == ownId)
                {
                    names.Add(property.Name);
                }
            }

            return names;
        }

        /// <summary>
        /// An XxxId property of a foreign object, holding a value, that no parameter of this call was bound from and that
        /// is not the value bound to -Id: the row names something else as well.
        /// </summary>
        private string? OtherReference(PSObject record, object? boundId, bool knownOnly = false)
        {
            var boundNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string key in _cmdlet.MyInvocation.BoundParameters.Keys)
            {
                if (_cmdlet.MyInvocation.MyCommand.Parameters.TryGetValue(key, out ParameterMetadata? parameter))
                {
                    boundNames.UnionWith(Names(parameter));
                }
            }

            string? id = FirstText(boundId);
            foreach (PSPropertyInfo property in record.Properties)
            {
                string? text = FirstText(Unwrap(property.Value));
                if (IsIdName(property.Name) && (!knownOnly || IsKnownReference(property.Name)) && !boundNames.Contains(property.Name) && !string.IsNullOrWhiteSpace(text) && text != id)
                {
                    return property.Name;
                }
            }

            return null;
        }

        /// <summary>
        /// The XxxId properties the core's objects carry (PrincipalId, OwnerId, GroupId...): in a hand-made row, a column
        /// such as TicketId or CostCenterId is the author's note, not a reference to judge.
        /// </summary>
        private static readonly HashSet<string> KnownReferences = new HashSet<string>(
            CoreAssembly.GetExportedTypes().SelectMany(type => type.GetProperties()).Select(property => property.Name).Where(IsIdName),
            StringComparer.OrdinalIgnoreCase);

        private static bool IsKnownReference(string name) => KnownReferences.Contains(name);

        private static bool IsIdName(string name) =>
            name.Length > 2 && char.IsUpper(name[0]) && name.EndsWith("Id", StringComparison.Ordinal);

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        /// <summary>"an OpenAIAdmin.ProjectUser", "a PSCustomObject": the object piped in, as the refusals name it.</summary>
        private static string Piped(object input, bool ours) =>
            ours ? "an OpenAIAdmin." + input.GetType().Name : Article(input.GetType().Name);

        /// <summary>"a user id", "an api key id" (no id kind starts with a "u" read as a vowel).</summary>
        private static string Article(string words) =>
            ("aeio".IndexOf(char.ToLowerInvariant(words[0])) >= 0 ? "an " : "a ") + words;

        /// <summary>
        /// Whether some parameter set of the command takes what stays bound once these bindings are dropped, and needs
        /// nothing more: a project piped into Get-OAIServiceAccount lists (its Id dropped, the list set needs only
        /// ProjectId); piped into Remove-OAIProjectApiKey it cannot, since every set there needs the key.
        /// </summary>
        private bool CanRunWithout(List<ParameterMetadata> dropped)
        {
            var remaining = new HashSet<string>(_cmdlet.MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
            remaining.ExceptWith(dropped.Select(p => p.Name));
            return _cmdlet.MyInvocation.MyCommand.ParameterSets.Any(set =>
                remaining.All(name => set.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                && set.Parameters.Where(p => p.IsMandatory).All(p => remaining.Contains(p.Name)));
        }

        /// <summary>The XxxId name among a parameter's name and aliases, or null for a parameter that takes no id.</summary>
        internal static string? KindOf(ParameterMetadata parameter) =>
            Names(parameter).FirstOrDefault(n => n.Length > 2 && n != "Id" && char.IsUpper(n[0]) && n.EndsWith("Id", StringComparison.Ordinal));

        private static IEnumerable<string> Names(ParameterMetadata parameter) => new[] { parameter.Name }.Concat(parameter.Aliases);

        private static string OrList(IEnumerable<string> names)
        {
            List<string> all = names.ToList();
            return all.Count == 1 ? all[0] : string.Join(", ", all.Take(all.Count - 1)) + " or " + all[all.Count - 1];
        }

        private static string? FirstText(object? value)
        {
            if (value is IEnumerable items && !(value is string))
            {
                foreach (object? item in items)
                {
                    return item?.ToString();
                }

                return null;
            }

            return value?.ToString();
        }

        /// <summary>"KeyId" → "key id".</summary>
        private static string Words(string kind) =>
            string.Concat(kind.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

        /// <summary>"ProjectId" → "project".</summary>
        private static string Thing(string kind) => Words(kind.Substring(0, kind.Length - 2));

        private static string Shorten(string? value) => ErrorRecords.Shorten(value ?? string.Empty);

        private ErrorRecord Error(object input, string message) =>
            new ErrorRecord(new ArgumentException(message), ErrorId, ErrorCategory.InvalidType, input)
            {
                ErrorDetails = new ErrorDetails(message),
            };
    }
}
