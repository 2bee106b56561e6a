BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    # Every organization event straight from the simulator (not through the module), oldest first: what the file must hold.
    function Get-ExpectedId {
        $headers = @{ Authorization = "Bearer $FakeAdminKey" }
        $all = [System.Collections.Generic.List[string]]::new()
        $after = ''
        do {
            $page = Invoke-RestMethod -Uri "$SimulatorUrl/organization/audit_logs?limit=100$after" -Headers $headers
            $all.AddRange([string[]]@($page.data.id))
            $after = "&after=$($page.last_id)"
        } while ($page.has_more)
        $all.Reverse()
        , $all.ToArray()
    }

    function Add-AuditEvent([hashtable] $Body) {
        (Invoke-RestMethod -Method Post -Uri "$SimulatorRoot/_sim/audit_logs" -ContentType 'application/json' -Body ($Body | ConvertTo-Json)).appended.id
    }

    # The file's events in file order; every line must be a whole JSON event and the file must end with a line break.
    function Read-ExportFile([string] $Path) {
        $bytes = [IO.File]::ReadAllBytes($Path)
        if ($bytes.Length -gt 0) { $bytes[-1] | Should -Be 10 -Because 'the file ends with a whole line' }
        $lines = [Text.Encoding]::UTF8.GetString($bytes) -split "`n" | Where-Object { $_ -ne '' }
        , @($lines | ForEach-Object { $_ | ConvertFrom-Json })
    }

    function Get-AuditRequest { @(Get-SimulatorRequest GET '*/organization/audit_logs') }

    function Set-FileLength([string] $Path, [long] $Length) {
        $stream = [IO.File]::Open($Path, 'Open', 'ReadWrite')
        try { $stream.SetLength($Length) } finally { $stream.Dispose() }
    }
}

Describe 'Export-OAIAuditLog' {
    BeforeEach {
        Reset-Simulator
        Connect-Simulator
        $script:file = Join-Path $TestDrive "events-$([guid]::NewGuid().ToString('N')).jsonl"
        $script:state = "$file.state.json"
    }

    It 'writes every event once, oldest first, each line the API object; a rerun appends nothing; -WhatIf writes nothing' {
        $expected = Get-ExpectedId
        Reset-Simulator
        $text = Get-HostText { Export-OAIAuditLog -Path $file -StatePath $state -WhatIf }
        $text | Should -Match ([regex]::Escape("Append $($expected.Count) audit log events (") + '[^)]+' + [regex]::Escape(" UTC)"" on target ""$file"""))
        Test-Path $file | Should -BeFalse
        Test-Path "$file.lock" | Should -BeFalse
        Test-Path $state | Should -BeFalse

        $result = Export-OAIAuditLog -Path $file -StatePath $state
        $result.PSObject.TypeNames | Should -Contain 'OpenAIAdmin.AuditLogExportResult'
        $result.EventsWritten | Should -Be $expected.Count
        $result.Path | Should -Be $file
        $result.ResumedFrom | Should -Be 'Start'
        $result.Complete | Should -BeTrue
        $events = Read-ExportFile $file
        $events.id | Should -Be $expected
        $result.FirstId | Should -Be $expected[0]
        $result.LastId | Should -Be $expected[-1]
        $result.FirstEffectiveAt.ToUnixTimeSeconds() | Should -Be $events[0].effective_at
        $result.LastEffectiveAt.ToUnixTimeSeconds() | Should -Be $events[-1].effective_at

        # Each line is the event as the API sent it (field names and values), the payload under the type's name.
        $headers = @{ Authorization = "Bearer $FakeAdminKey" }
        $api = (Invoke-RestMethod -Uri "$SimulatorUrl/organization/audit_logs?limit=1" -Headers $headers).data[0]
        ($events[-1] | ConvertTo-Json -Depth 20 -Compress) | Should -Be ($api | ConvertTo-Json -Depth 20 -Compress)
        $created = $events | Where-Object type -eq 'project.created' | Select-Object -First 1
        $created.'project.created'.id | Should -Be $created.project.id
        (Get-Item "$file.lock").Length | Should -Be 0

        $hash = (Get-FileHash $file).Hash
        $again = Export-OAIAuditLog -Path $file -StatePath $state
        $again.EventsWritten | Should -Be 0
        $again.ResumedFrom | Should -Be 'File'
        $again.ResumedAfterId | Should -Be $expected[-1]
        (Get-FileHash $file).Hash | Should -Be $hash

        # -WhatIf with nothing new says so, as a run with something to append would say what.
        $text = Get-HostText { Export-OAIAuditLog -Path $file -StatePath $state -WhatIf }
        $text | Should -Match ([regex]::Escape('What if: Performing the operation "Append no events" on target "' + $file + '"'))
        (Get-FileHash $file).Hash | Should -Be $hash
    }

    It 'appends exactly the new events, also those in the second of the last one exported' {
        Export-OAIAuditLog -Path $file -StatePath $state | Out-Null
        $before = Read-ExportFile $file
        $last = $before[-1].effective_at
        $added = @(Add-AuditEvent @{ count = 3; effective_at = $last }) + @(Add-AuditEvent @{ count = 4; effective_at = $last + 1; per_second = 2 })

        $result = Export-OAIAuditLog -Path $file -StatePath $state
        $result.EventsWritten | Should -Be 7
        $result.AlreadyInFile | Should -Be @($before | Where-Object effective_at -EQ $last).Count
        (Get-AuditRequest)[-1].query | Should -Be "effective_at[gte]=$last&limit=100"
        $after = Read-ExportFile $file
        $after.id | Should -Be (@($before.id) + $added)
        @($after.id | Sort-Object -Unique).Count | Should -Be $after.Count
    }

    It 'removes a half-written last line and writes its event again, whole' {
        Export-OAIAuditLog -Path $file | Out-Null
        $full = [IO.File]::ReadAllBytes($file)
        $hash = (Get-FileHash $file).Hash
        $cut = $full.Length - 57
        Set-FileLength $file $cut
        $verbose = Export-OAIAuditLog -Path $file -Verbose 4>&1
        $result = $verbose | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $result.EventsWritten | Should -Be 1
        $result.RemovedIncompleteBytes | Should -Be ($cut - ([array]::LastIndexOf($full, [byte]10, $cut - 1) + 1))
        ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain "Removed an incomplete last line ($($result.RemovedIncompleteBytes) bytes) from '$file'; its event is written again."
        (Get-FileHash $file).Hash | Should -Be $hash
    }

    It 'removes a half-written first line, the only text of the file, and writes its event again' {
        Export-OAIAuditLog -Path $file | Out-Null
        $full = [IO.File]::ReadAllBytes($file)
        $first = [array]::IndexOf($full, [byte]10) + 1
        Set-FileLength $file ([int]($first / 2))
        $result = Export-OAIAuditLog -Path $file
        $result.RemovedIncompleteBytes | Should -Be ([int]($first / 2))
        (Read-ExportFile $file).id | Should -Be (Get-ExpectedId)
    }

    It 'leaves a file without a line break that is not the start of an event as it is: <What>' -ForEach @(
        @{ What = 'a note'; Text = 'important notes' }
        @{ What = 'a JSON array of events'; Text = '[{"id":"audit_log-abc","effective_at":1700000000}]' }
        @{ What = 'a one-line JSON document'; Text = '{"name":"settings","retention_days":30}' }
    ) {
        [IO.File]::WriteAllText($file, $Text)
        $err = $null
        try { Export-OAIAuditLog -Path $file -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'ExportFileInvalid,OpenAIAdmin.Commands.ExportOAIAuditLogCommand'
        $err.Exception.Message | Should -BeLike '*holds no audit log event*nothing was written*'
        [IO.File]::ReadAllText($file) | Should -BeExactly $Text
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'refuses an event time no date can hold, in the file as ExportFileInvalid and in the state with a warning' {
        Set-Content -Path $file -Value '{"id":"audit_log-far","effective_at":99999999999999}' -Encoding utf8NoBOM
        Get-ErrorId { Export-OAIAuditLog -Path $file } | Should -Be 'ExportFileInvalid,OpenAIAdmin.Commands.ExportOAIAuditLogCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0

        Remove-Item $file
        Set-Content -Path $state -Encoding utf8NoBOM -Value (@{ format = 'OpenAIAdmin.AuditLogExport/1'; path = $file; filter = ''; file_length = 0
            last_event = @{ id = 'audit_log-far'; effective_at = 99999999999999; ids_at_second = @('audit_log-far') } } | ConvertTo-Json)
        $result = Export-OAIAuditLog -Path $file -StatePath $state -WarningVariable warned -WarningAction SilentlyContinue
        $result.EventsWritten | Should -Be (Get-ExpectedId).Count
        $warned.Count | Should -BeGreaterOrEqual 1
    }

    It 'refuses a path no file may have with InvalidPath' {
        Get-ErrorId { Export-OAIAuditLog -Path "$TestDrive/a`0b.jsonl" } | Should -Be 'InvalidPath,OpenAIAdmin.Commands.ExportOAIAuditLogCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'gives its scratch file and a rewritten state file the permissions of the files they belong to' -Skip:$IsWindows {
        Export-OAIAuditLog -Path $file -StatePath $state | Out-Null
        [IO.File]::SetUnixFileMode($file, 'UserRead, UserWrite')
        [IO.File]::SetUnixFileMode($state, 'UserRead, UserWrite')
        [void](Add-AuditEvent @{ count = 2; type = 'group.updated' })
        (Export-OAIAuditLog -Path $file -StatePath $state).EventsWritten | Should -Be 2
        [IO.File]::GetUnixFileMode("$file.lock") | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite')
        [IO.File]::GetUnixFileMode($state) | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite')
    }

    It 'trims the ids it filters by, as it trims event types' {
        $project = (Get-OAIProject -First 1).Id
        Export-OAIAuditLog -Path $file -ProjectId " $project " | Out-Null
        (Get-AuditRequest)[0].query | Should -Be "project_ids[]=$project&limit=100"
    }

    It 'resolves relative paths against the current location and -PassThru writes the appended events, oldest first' {
        Push-Location $TestDrive
        try {
            $events = @(Export-OAIAuditLog -Path ./passthru.jsonl -PassThru)
            $events.Count | Should -Be (Get-ExpectedId).Count
            $events[0].PSObject.TypeNames | Should -Contain 'OpenAIAdmin.AuditLog'
            $events.Id | Should -Be (Read-ExportFile (Join-Path $TestDrive 'passthru.jsonl')).id
            $events[-1].Details | Should -Not -BeNullOrEmpty
            for ($i = 1; $i -lt $events.Count; $i++) { $events[$i].EffectiveAt | Should -BeGreaterOrEqual $events[$i - 1].EffectiveAt }
        }
        finally { Pop-Location }
    }

    It 'stops on a changed filter unless -Force, and keeps an event type selection to its file' {
        Export-OAIAuditLog -Path $file -StatePath $state -EventType 'login.*' | Out-Null
        $logins = Read-ExportFile $file
        $logins.type | Sort-Object -Unique | Should -Be @('login.failed', 'login.succeeded')
        (Get-AuditRequest)[0].query | Should -Be 'event_types[]=login.succeeded&event_types[]=login.failed&limit=100'
        $hash = (Get-FileHash $file).Hash

        $err = $null
        try { Export-OAIAuditLog -Path $file -StatePath $state -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'ExportFilterChanged,OpenAIAdmin.Commands.ExportOAIAuditLogCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidOperation'
        $err.ErrorDetails.RecommendedAction | Should -Match '-Force'
        (Get-FileHash $file).Hash | Should -Be $hash

        (Export-OAIAuditLog -Path $file -StatePath $state -EventType LOGIN.*).EventsWritten | Should -Be 0
        $added = @(Add-AuditEvent @{ count = 2; type = 'group.updated' })
        $forced = Export-OAIAuditLog -Path $file -StatePath $state -Force
        $forced.EventsWritten | Should -BeGreaterOrEqual 2
        (Read-ExportFile $file)[-2..-1].id | Should -Be $added
        (Export-OAIAuditLog -Path $file -StatePath $state).EventsWritten | Should -Be 0
    }

    It 'refuses <What> with <ErrorId> before any request and writes nothing' -ForEach @(
        @{ What = 'a misspelled event type'; ErrorId = 'InvalidEventType'; Arguments = @{ EventType = 'login.failure' } }
        @{ What = 'a tenant type without -TenantOnly'; ErrorId = 'TenantOnlyRequired'; Arguments = @{ EventType = 'tenant.policy.created' } }
        @{ What = 'an organization type with -TenantOnly'; ErrorId = 'EventTypeNotTenantScoped'; Arguments = @{ EventType = 'user.added'; TenantOnly = $true } }
        @{ What = 'a path of another provider'; ErrorId = 'InvalidPath'; Arguments = @{ Path = 'Env:\OAI_AUDIT' } }
        @{ What = 'the same file as state'; ErrorId = 'InvalidPath'; Arguments = @{ StatePath = '<file>' } }
        @{ What = 'the lock file as state'; ErrorId = 'InvalidPath'; Arguments = @{ StatePath = '<file>.lock' } }
        @{ What = 'a missing folder'; ErrorId = 'ExportFileError'; Arguments = @{ Path = '<folder>/no-such-folder/events.jsonl' } }
        @{ What = 'a folder'; ErrorId = 'ExportFileError'; Arguments = @{ Path = '<folder>' } }
        @{ What = 'a state file in a missing folder'; ErrorId = 'ExportFileError'; Arguments = @{ StatePath = '<folder>/no-such-folder/export.state' } }
        @{ What = 'a folder as the state file'; ErrorId = 'ExportFileError'; Arguments = @{ StatePath = '<folder>' } }
        @{ What = 'a blank path'; ErrorId = 'ParameterArgumentValidationError'; Arguments = @{ Path = ' ' } }
    ) {
        # (PowerShell variable names ignore case: $call, not $arguments, next to the test case's $Arguments.)
        $call = @{ Path = $file }
        foreach ($key in $Arguments.Keys) { $call[$key] = $Arguments[$key] -replace '<file>', $file -replace '<folder>', $TestDrive }
        if ($Arguments.ContainsKey('TenantOnly')) { $call.TenantOnly = $true }
        Get-ErrorId { Export-OAIAuditLog @call } | Should -Be "$ErrorId,OpenAIAdmin.Commands.ExportOAIAuditLogCommand"
        @(Get-SimulatorRequest).Count | Should -Be 0
        Test-Path $file | Should -BeFalse
    }

    It 'names the times of a file out of time order as dates, and leaves it alone' {
        $lines = '{"id":"audit_log-later","effective_at":1741048353}', '{"id":"audit_log-earlier","effective_at":1737569960}'
        Set-Content -Path $file -Value $lines -Encoding utf8NoBOM
        $err = $null
        try { Export-OAIAuditLog -Path $file -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'ExportFileInvalid,OpenAIAdmin.Commands.ExportOAIAuditLogCommand'
        $err.Exception.Message | Should -Match ([regex]::Escape("the event there, at 2025-03-04 00:32:33 UTC, is later than the file's last event, at 2025-01-22 18:19:20 UTC"))
        Get-Content $file | Should -Be $lines
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'leaves a file that is not an export alone' {
        Set-Content -Path $file -Value 'timestamp,user,action', '2025-01-01,ann,login' -Encoding utf8NoBOM
        Get-ErrorId { Export-OAIAuditLog -Path $file } | Should -Be 'ExportFileInvalid,OpenAIAdmin.Commands.ExportOAIAuditLogCommand'
        Get-Content $file | Should -Be @('timestamp,user,action', '2025-01-01,ann,login')
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'refuses a read-only export file before any request and leaves it as it was' {
        (Export-OAIAuditLog -Path $file).EventsWritten | Should -BeGreaterThan 0
        $before = Get-FileHash $file
        [void](Add-AuditEvent @{ count = 2; type = 'group.updated' })
        $requests = @(Get-SimulatorRequest).Count
        Set-ItemProperty -Path $file -Name IsReadOnly -Value $true
        try {
            $err = $null
            try { Export-OAIAuditLog -Path $file -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Be 'ExportFileError,OpenAIAdmin.Commands.ExportOAIAuditLogCommand'
            $err.Exception.Message | Should -BeLike "*is read-only; nothing was exported."
            @(Get-SimulatorRequest).Count | Should -Be $requests
        }
        finally { Set-ItemProperty -Path $file -Name IsReadOnly -Value $false }
        (Get-FileHash $file).Hash | Should -Be $before.Hash
        (Export-OAIAuditLog -Path $file).EventsWritten | Should -BeGreaterOrEqual 2
    }

    It 'never runs twice on one file at once' {
        $lock = [IO.File]::Open("$file.lock", 'OpenOrCreate', 'ReadWrite', 'None')
        try {
            $err = $null
            try { Export-OAIAuditLog -Path $file -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Be 'ExportInProgress,OpenAIAdmin.Commands.ExportOAIAuditLogCommand'
            $err.CategoryInfo.Category | Should -Be 'ResourceBusy'
            @(Get-SimulatorRequest).Count | Should -Be 0
        }
        finally { $lock.Dispose() }
        (Export-OAIAuditLog -Path $file).EventsWritten | Should -BeGreaterThan 0
    }

    It 'writes nothing when the listing fails, and the next run starts again (the fault really happened)' {
        Connect-Simulator -MaxRetryCount 0
        Add-SimulatorFault @{ kind = 'status'; status = 500; method = 'GET'; path = '/v1/organization/audit_logs'; skip = 3; count = 1 }
        Get-ErrorId { Export-OAIAuditLog -Path $file -StatePath $state } | Should -Be 'ApiServerError,OpenAIAdmin.Commands.ExportOAIAuditLogCommand'
        (Get-AuditRequest).status | Should -Be @(200, 200, 200, 500)
        Test-Path $file | Should -BeFalse
        (Get-Item "$file.lock").Length | Should -Be 0
        (Export-OAIAuditLog -Path $file -StatePath $state).EventsWritten | Should -Be (Get-ExpectedId).Count
    }

    It 'warns about a state file it cannot read and goes on from the export file' {
        Export-OAIAuditLog -Path $file -StatePath $state | Out-Null
        Set-Content -Path $state -Value '{ broken'
        $added = @(Add-AuditEvent @{ count = 2 })
        $result = Export-OAIAuditLog -Path $file -StatePath $state -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -Match 'cannot be read'
        $result.EventsWritten | Should -Be 2
        (Read-ExportFile $file)[-2..-1].id | Should -Be $added
        (Get-Content $state -Raw | ConvertFrom-Json).last_event.id | Should -Be $added[-1]
    }
}

Describe 'Export-OAIAuditLog killed at random points' {
    BeforeAll {
        $script:childScript = Join-Path $TestDrive 'export-child.ps1'
        Set-Content -Path $childScript -Value @'
param([string] $Path, [string] $StatePath)
$ErrorActionPreference = 'Stop'
Import-Module $env:OPENAIADMIN_MODULE
Export-OAIAuditLog -Path $Path -StatePath $StatePath | Out-Null
'@

        # Starts an export in a fresh process of this same pwsh (native or `dotnet pwsh`), connected through the environment.
        function Start-ChildExport([string] $Path, [string] $StatePath) {
            $info = New-PwshStartInfo '-File', $childScript, '-Path', $Path, '-StatePath', $StatePath
            $info.Environment['OPENAI_ADMIN_KEY'] = $FakeAdminKey
            $info.Environment['OPENAI_BASE_URL'] = $SimulatorUrl
            $process = [System.Diagnostics.Process]::Start($info)
            [pscustomobject]@{ Process = $process; Output = $process.StandardOutput.ReadToEndAsync(); Errors = $process.StandardError.ReadToEndAsync() }
        }

        function Get-Length([string] $Path) { if (Test-Path $Path) { (Get-Item $Path).Length } else { 0 } }

        # One run, stopped as the mode says:
        #   Listing - killed once it has made a (seeded) number of audit log requests: nothing written yet;
        #   Writing - killed as soon as the file grows; the kill is then placed at a seeded byte of what the run appended,
        #             by cutting the file there and putting the state file back as it was before the run. Appends are
        #             sequential and the state is written after them, so this is exactly what a kill at that byte leaves;
        #   Random  - killed after a seeded delay, whatever it is doing;
        #   Finish  - left to finish.
        function Invoke-Run([string] $Mode, [Random] $Random, [string] $Path, [string] $StatePath) {
            $lengthBefore = Get-Length $Path
            $stateBefore = if (Test-Path $StatePath) { Get-Content $StatePath -Raw } else { $null }
            $requestsBefore = @(Get-SimulatorRequest GET '*/organization/audit_logs').Count
            $child = Start-ChildExport $Path $StatePath
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $target = switch ($Mode) { 'Listing' { $Random.Next(1, 4) } 'Random' { $Random.Next(1500, 4500) } default { 0 } }
            $killed = $false
            while (-not $child.Process.HasExited -and $clock.Elapsed.TotalSeconds -lt 60) {
                $due = switch ($Mode) {
                    'Listing' { @(Get-SimulatorRequest GET '*/organization/audit_logs').Count - $requestsBefore -ge $target }
                    'Writing' { (Get-Length $Path) -gt $lengthBefore }
                    'Random' { $clock.ElapsedMilliseconds -ge $target }
                    default { $false }
                }
                if ($due) {
                    $child.Process.Kill($true)
                    $killed = $true
                    break
                }
                Start-Sleep -Milliseconds $(if ($Mode -eq 'Writing') { 2 } else { 20 })
            }
            $child.Process.WaitForExit()
            $written = (Get-Length $Path) - $lengthBefore
            $cut = $null
            if ($Mode -eq 'Writing' -and (Get-Length $Path) -gt $lengthBefore) {
                $cut = $lengthBefore + $Random.Next(0, (Get-Length $Path) - $lengthBefore)
                Set-FileLength $Path $cut
                if ($null -eq $stateBefore) { Remove-Item $StatePath -ErrorAction SilentlyContinue } else { Set-Content -Path $StatePath -Value $stateBefore -NoNewline }
            }
            if ($Mode -eq 'Finish') {
                $child.Process.ExitCode | Should -Be 0 -Because "a run left alone succeeds: $($child.Errors.GetAwaiter().GetResult())"
            }
            [pscustomobject]@{
                Mode     = $Mode
                Killed   = $killed
                Requests = @(Get-SimulatorRequest GET '*/organization/audit_logs').Count - $requestsBefore
                Written  = $written
                Kept     = (Get-Length $Path) - $lengthBefore
                Cut      = $cut
                Partial  = $null -ne $cut -and $cut -gt 0 -and ([IO.File]::ReadAllBytes($Path)[-1] -ne 10)
            }
        }
    }

    It 'holds every event exactly once, oldest first, with no partial line, after kills and reruns; then exactly the new events; then nothing' {
        Reset-Simulator
        $expected = Get-ExpectedId
        $file = Join-Path $TestDrive 'killed.jsonl'
        $state = Join-Path $TestDrive 'killed.state.json'
        $random = [Random]::new(20251201)
        # Latency on every audit log page, so that kills land while the export lists.
        Add-SimulatorFault @{ kind = 'delay'; delay_ms = 150; method = 'GET'; path = '/v1/organization/audit_logs'; count = -1 }

        $runs = @(foreach ($mode in 'Listing', 'Writing', 'Random', 'Writing', 'Listing', 'Finish') { Invoke-Run $mode $random $file $state })
        $runs | Format-Table | Out-String | Write-Host
        @($runs | Where-Object { $_.Mode -eq 'Listing' -and $_.Killed -and $_.Written -eq 0 }).Count | Should -BeGreaterThan 0 -Because 'a run was killed while it listed, before it wrote'
        @($runs | Where-Object Partial).Count | Should -BeGreaterThan 0 -Because 'a run was stopped in the middle of a line'
        (Read-ExportFile $file).id | Should -Be $expected
        (Get-Item "$file.lock").Length | Should -Be 0

        # New events: some in the second of the last one exported, some later; a run killed while writing, then one to the end.
        $last = (Read-ExportFile $file)[-1].effective_at
        $added = @(Add-AuditEvent @{ count = 3; effective_at = $last }) + @(Add-AuditEvent @{ count = 5; effective_at = $last + 1; per_second = 2 })
        $more = @(foreach ($mode in 'Writing', 'Finish') { Invoke-Run $mode $random $file $state })
        $more | Format-Table | Out-String | Write-Host
        (Read-ExportFile $file).id | Should -Be (@($expected) + $added)

        # Nothing new: nothing appended, the file unchanged.
        $hash = (Get-FileHash $file).Hash
        Invoke-Run 'Finish' $random $file $state | Out-Null
        (Get-FileHash $file).Hash | Should -Be $hash
        (Get-Content $state -Raw | ConvertFrom-Json).last_event.id | Should -Be $added[-1]
    }
}
