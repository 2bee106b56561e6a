# The recipes of docs/guides/ run as written: each script in docs/guides/examples runs here in a fresh pwsh that finds
# OpenAIAdmin by name (PSModulePath = a folder holding only the staged module), against the simulator. What needs
# Windows (DPAPI, Task Scheduler) or Azure (Get-AutomationPSCredential, the sandbox) cannot run here; the guides say so.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:Examples = (Resolve-Path (Join-Path $PSScriptRoot '../../docs/guides/examples')).Path
    $script:Modules = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'modules')
    New-Item -ItemType SymbolicLink -Path (Join-Path $Modules 'OpenAIAdmin') -Target (Split-Path (Split-Path (Resolve-Path $env:OPENAIADMIN_MODULE).Path)) | Out-Null
    $script:Ran = [Collections.Generic.List[string]]::new()

    # Runs a recipe in a fresh pwsh; -Command is the script text run there (for recipes that need a stand-in).
    function Invoke-Recipe {
        param([string] $File, [string[]] $Arguments = @(), [hashtable] $Environment = @{}, [string] $Command)
        $Ran.Add($File)
        $info = New-PwshStartInfo $(if ($Command) { @('-Command', $Command) } else { @('-File', (Join-Path $Examples $File)) + $Arguments })
        $info.Environment['PSModulePath'] = $Modules.FullName
        foreach ($name in 'OPENAI_ADMIN_KEY', 'OPENAI_BASE_URL', 'OPENAIADMIN_MODULE') { [void]$info.Environment.Remove($name) }
        foreach ($name in $Environment.Keys) { $info.Environment[$name] = $Environment[$name] }
        $info.WorkingDirectory = $TestDrive
        $process = [System.Diagnostics.Process]::Start($info)
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit(90000)) { $process.Kill($true); throw "$File did not finish within 90 s." }
        $process.WaitForExit()
        [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.GetAwaiter().GetResult(); Errors = $stderr.GetAwaiter().GetResult() }
    }

    $script:Simulator = @{ OPENAI_BASE_URL = $SimulatorUrl }
    $script:WithKey = @{ OPENAI_BASE_URL = $SimulatorUrl; OPENAI_ADMIN_KEY = $FakeAdminKey }
}

Describe 'secrets.md and task-scheduler.md: Save-AdminKeyCredential.ps1, then Invoke-AdminKeyAudit.ps1 with that file' {
    BeforeAll {
        Reset-Simulator
        $script:CredentialFile = Join-Path $TestDrive 'oai-admin.xml'
        $script:Saved = Invoke-Recipe Save-AdminKeyCredential.ps1 -Arguments @('-Path', $CredentialFile, '-Name', 'scheduled-audit') -Environment $WithKey
    }

    It 'creates a key and saves it as a PSCredential whose user name is the key id' {
        $Saved.ExitCode | Should -Be 0 -Because "$($Saved.Output)$($Saved.Errors)"
        $credential = Import-Clixml $CredentialFile
        $credential | Should -BeOfType [pscredential]
        $credential.UserName | Should -BeLike 'key_*'
        $credential.GetNetworkCredential().Password | Should -BeLike 'sk-admin-*'
        $Saved.Output | Should -BeLike "*Saved admin key $($credential.UserName) ('scheduled-audit')*"
        $Saved.Output | Should -Not -Match 'sk-admin-'
        @(Get-SimulatorRequest POST '*/organization/admin_api_keys').Count | Should -Be 1
    }

    It 'warns, and the file shows why: Export-Clixml does not encrypt outside Windows' -Skip:$IsWindows {
        $Saved.Output + $Saved.Errors | Should -Match 'does not encrypt on this system'
        $hex = ([xml](Get-Content $CredentialFile -Raw)).SelectSingleNode("//*[local-name()='SS']").InnerText
        [Text.Encoding]::Unicode.GetString([Convert]::FromHexString($hex)) | Should -Be (Import-Clixml $CredentialFile).GetNetworkCredential().Password
    }

    It 'audits with the saved credential, writes a transcript and exits 0' {
        $logs = Join-Path $TestDrive 'audit-logs'
        $cutoff = [DateTimeOffset]::UtcNow.AddDays(-30)
        Connect-Simulator
        $expected = @(Get-OAIAdminApiKey | Where-Object { if ($_.LastUsedAt) { $_.LastUsedAt -lt $cutoff } else { $_.CreatedAt -lt $cutoff } })
        $expected.Count | Should -BeGreaterThan 0 -Because 'the seeded keys include unused ones'
        $run = Invoke-Recipe Invoke-AdminKeyAudit.ps1 -Arguments @('-CredentialPath', $CredentialFile, '-UnusedDays', '30', '-LogDirectory', $logs, '-Remove') -Environment $Simulator
        $run.ExitCode | Should -Be 0 -Because "$($run.Output)$($run.Errors)"
        $run.Output | Should -Match "$($expected.Count) admin key\(s\) unused since"
        $run.Output | Should -Match "Removed $($expected.Count) admin key\(s\)"
        (@(Get-SimulatorRequest DELETE '*/organization/admin_api_keys/*').path | Sort-Object) | Should -Be (@($expected.Id | ForEach-Object { "/v1/organization/admin_api_keys/$_" }) | Sort-Object)
        $transcript = @(Get-ChildItem $logs -Filter 'admin-key-audit-*.log')
        $transcript.Count | Should -Be 1
        Get-Content $transcript[0].FullName -Raw | Should -Match "Removed $($expected.Count) admin key"
    }

    It 'exits 1 with the error id when it has no key, and logs it' {
        $logs = Join-Path $TestDrive 'audit-logs-nokey'
        $run = Invoke-Recipe Invoke-AdminKeyAudit.ps1 -Arguments @('-LogDirectory', $logs) -Environment $Simulator
        $run.ExitCode | Should -Be 1
        $run.Output | Should -Match 'FAILED: NoConnection,OpenAIAdmin.Commands.GetOAIAdminApiKeyCommand'
        Get-Content (Get-ChildItem $logs -Filter '*.log')[0].FullName -Raw | Should -Match 'FAILED: NoConnection'
    }
}

Describe 'ci-pipelines.md: Invoke-ProjectCleanup.ps1, plan then apply' {
    BeforeAll { Reset-Simulator }

    It 'plans with -WhatIf: lists the projects in plan.json and plan.csv and changes nothing' {
        $out = Join-Path $TestDrive 'ci-plan'
        $run = Invoke-Recipe Invoke-ProjectCleanup.ps1 -Arguments @('-NamePattern', 'tmp-*', '-OutputDirectory', $out) -Environment $WithKey
        $run.ExitCode | Should -Be 0 -Because "$($run.Output)$($run.Errors)"
        @($run.Output -split "`n" | Where-Object { $_ -like 'What if: *Archive (irreversible)*' }).Count | Should -Be 3
        $run.Output | Should -Match 'Plan: 3 project\(s\) would be archived'
        @(Get-Content (Join-Path $out 'plan.json') -Raw | ConvertFrom-Json).Name | Should -Be @('tmp-load-test', 'tmp-experiment', 'tmp-hackathon')
        @(Import-Csv (Join-Path $out 'plan.csv')).Id | Should -Be @('proj_tmploadtest0rIQNaJTJECsi', 'proj_tmpexperimenthjCmW1FkOt3', 'proj_tmphackathonSxhpKMpOO6N1')
        @(Import-Csv (Join-Path $out 'plan.csv')).CreatedAt | Should -Match '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$' -Because 'times are ISO 8601 in UTC, the same in every culture'
        @(Get-SimulatorRequest POST '*/archive').Count | Should -Be 0
    }

    It 'applies without prompting and writes archived.json and archived.csv' {
        $out = Join-Path $TestDrive 'ci-apply'
        $run = Invoke-Recipe Invoke-ProjectCleanup.ps1 -Arguments @('-NamePattern', 'tmp-*', '-OutputDirectory', $out, '-Apply') -Environment $WithKey
        $run.ExitCode | Should -Be 0 -Because "$($run.Output)$($run.Errors)"
        $run.Output | Should -Match 'Archived 3 project\(s\)'
        @(Get-SimulatorRequest POST '*/archive').Count | Should -Be 3
        $archived = @(Get-Content (Join-Path $out 'archived.json') -Raw | ConvertFrom-Json)
        $archived.Status | Should -Be @('archived', 'archived', 'archived')
        @(Import-Csv (Join-Path $out 'archived.csv')).Count | Should -Be 3
    }

    It 'writes artifacts that say "nothing" when no project matches' {
        $out = Join-Path $TestDrive 'ci-none'
        $run = Invoke-Recipe Invoke-ProjectCleanup.ps1 -Arguments @('-NamePattern', 'nomatch-*', '-OutputDirectory', $out) -Environment $WithKey
        $run.ExitCode | Should -Be 0 -Because "$($run.Output)$($run.Errors)"
        (Get-Content (Join-Path $out 'plan.json') -Raw).Trim() | Should -Be '[]'
        (Get-Content (Join-Path $out 'plan.csv')) | Should -Be '"Id","Name","CreatedAt"'
        @(Import-Csv (Join-Path $out 'plan.csv')).Count | Should -Be 0
    }

    It 'exits 1 with the error id when the secret is missing' {
        $run = Invoke-Recipe Invoke-ProjectCleanup.ps1 -Arguments @('-NamePattern', 'tmp-*', '-OutputDirectory', (Join-Path $TestDrive 'ci-nokey')) -Environment $Simulator
        $run.ExitCode | Should -Be 1
        $run.Output | Should -Match 'FAILED: NoConnection,OpenAIAdmin.Commands.GetOAIProjectCommand'
    }
}

Describe 'azure-automation.md: Runbook-UserReport.ps1 with a stand-in for Get-AutomationPSCredential' {
    It 'connects with the credential asset and reports every user' {
        Reset-Simulator
        # Only our side of the runbook runs here: Get-AutomationPSCredential is Azure's; this stand-in returns what the
        # asset would (user name anything, password the admin key).
        $standIn = "function Get-AutomationPSCredential([string] `$Name) { if (`$Name -ne 'OpenAIAdmin') { throw 'no such asset' }; " +
            "[pscredential]::new('key_runbook', (ConvertTo-SecureString '$FakeAdminKey' -AsPlainText -Force)) }; " +
            "& '$(Join-Path $Examples 'Runbook-UserReport.ps1')' | Out-String -Width 200"
        $run = Invoke-Recipe Runbook-UserReport.ps1 -Command $standIn -Environment $Simulator
        $run.ExitCode | Should -Be 0 -Because "$($run.Output)$($run.Errors)"
        Connect-Simulator
        $users = @(Get-OAIUser)
        $csv = @($run.Output -split "`r?`n" | Where-Object { $_ -like '"user-*' })
        $csv.Count | Should -Be $users.Count
        $csv[0] | Should -BeLike "`"$($users[0].Id)`",*"
    }
}

Describe 'task-scheduler.md: the daily feeds, Export-DailyCost.ps1 and Invoke-AuditLogExport.ps1' {
    BeforeAll { Reset-Simulator }

    It 'writes the same days under a culture with another calendar (th-TH), and a rerun still finds them' {
        $csv = Join-Path $TestDrive 'costs-th.csv'
        $thai = $WithKey + @{ LANG = 'th_TH.UTF-8'; LC_ALL = 'th_TH.UTF-8' }
        $first = Invoke-Recipe Export-DailyCost.ps1 -Arguments @('-Path', $csv, '-Days', '2', '-LogDirectory', (Join-Path $TestDrive 'th-logs')) -Environment $thai
        $first.ExitCode | Should -Be 0 -Because "$($first.Output)$($first.Errors)"
        $end = [DateTimeOffset]::new([DateTime]::UtcNow.Date, [TimeSpan]::Zero)
        while ($end -gt [DateTimeOffset]::UtcNow.AddHours(-24)) { $end = $end.AddDays(-1) }
        $days = @(0..1 | ForEach-Object { $end.AddDays($_ - 2).ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture) })
        @(Import-Csv $csv).Day | Sort-Object -Unique | Should -Be $days -Because 'the days are Gregorian, not Buddhist-era years'
        $first.Output | Should -Match ([regex]::Escape("for $($days[0]) to $($days[1])"))
        $again = Invoke-Recipe Export-DailyCost.ps1 -Arguments @('-Path', $csv, '-LogDirectory', (Join-Path $TestDrive 'th-logs')) -Environment $thai
        $again.ExitCode | Should -Be 0 -Because "$($again.Output)$($again.Errors)"
        $again.Output | Should -Match ([regex]::Escape("Nothing to add: $csv already holds every settled day up to $($days[1])."))
        # Two runs, two transcripts: named by the Gregorian time and the process, so runs in the same second do not share one.
        $logs = @(Get-ChildItem (Join-Path $TestDrive 'th-logs') -Filter 'daily-cost-*.log')
        $logs.Count | Should -Be 2
        foreach ($log in $logs) { $log.Name | Should -Match "^daily-cost-$([DateTime]::UtcNow.Year)\d{4}-\d{6}-\d+\.log$" }
    }

    It 'appends each settled day''s costs per project and line item once, with names; a rerun adds nothing' {
        $csv = Join-Path $TestDrive 'costs.csv'
        $logs = Join-Path $TestDrive 'cost-logs'
        $first = Invoke-Recipe Export-DailyCost.ps1 -Arguments @('-Path', $csv, '-Days', '5', '-LogDirectory', $logs) -Environment $WithKey
        $first.ExitCode | Should -Be 0 -Because "$($first.Output)$($first.Errors)"
        $rows = @(Import-Csv $csv)
        # The same range read in this process: the last settled day ended at least 24 hours ago.
        $end = [DateTimeOffset]::new([DateTime]::UtcNow.Date, [TimeSpan]::Zero)
        while ($end -gt [DateTimeOffset]::UtcNow.AddHours(-24)) { $end = $end.AddDays(-1) }
        Connect-Simulator
        $expected = @(Get-OAICost -StartTime $end.AddDays(-5) -EndTime $end -GroupBy project_id, line_item -IncludeName | Where-Object { $_.Amount })
        $rows.Count | Should -Be $expected.Count
        @($rows.Day | Sort-Object -Unique) | Should -Be @(0..4 | ForEach-Object { $end.AddDays($_ - 5).ToString('yyyy-MM-dd') })
        @($rows | ForEach-Object { "$($_.Day) $($_.ProjectId) $($_.LineItem)" } | Sort-Object -Unique).Count | Should -Be $rows.Count
        ($rows | Where-Object ProjectName -eq 'Production chatbot').Count | Should -BeGreaterThan 0
        [decimal]($rows | ForEach-Object { [decimal]::Parse($_.Amount, [cultureinfo]::InvariantCulture) } | Measure-Object -Sum).Sum |
            Should -Be ([decimal]($expected | Measure-Object Amount -Sum).Sum)
        $first.Output | Should -Match "Added $($rows.Count) row\(s\)"

        $hash = (Get-FileHash $csv).Hash
        $costReads = @(Get-SimulatorRequest GET '*/organization/costs').Count
        $again = Invoke-Recipe Export-DailyCost.ps1 -Arguments @('-Path', $csv, '-LogDirectory', $logs) -Environment $WithKey
        $again.ExitCode | Should -Be 0 -Because "$($again.Output)$($again.Errors)"
        $again.Output | Should -Match 'Nothing to add'
        (Get-FileHash $csv).Hash | Should -Be $hash
        @(Get-SimulatorRequest GET '*/organization/costs').Count | Should -Be $costReads -Because 'every settled day is in the file already'
    }

    It 'appends the audit log''s events once; a rerun appends nothing; without a key it exits 1 with the error id' {
        $jsonl = Join-Path $TestDrive 'audit.jsonl'
        $logs = Join-Path $TestDrive 'audit-export-logs'
        $first = Invoke-Recipe Invoke-AuditLogExport.ps1 -Arguments @('-Path', $jsonl, '-LogDirectory', $logs) -Environment $WithKey
        $first.ExitCode | Should -Be 0 -Because "$($first.Output)$($first.Errors)"
        Connect-Simulator
        $all = @(Get-OAIAuditLog)
        $lines = @(Get-Content $jsonl)
        $lines.Count | Should -Be $all.Count
        ($lines[0] | ConvertFrom-Json).id | Should -Be $all[-1].Id -Because 'the oldest event comes first'
        $first.Output | Should -Match "Appended $($all.Count) event\(s\)"
        Test-Path "$jsonl.state.json" | Should -BeTrue

        $again = Invoke-Recipe Invoke-AuditLogExport.ps1 -Arguments @('-Path', $jsonl, '-LogDirectory', $logs) -Environment $WithKey
        $again.ExitCode | Should -Be 0 -Because "$($again.Output)$($again.Errors)"
        $again.Output | Should -Match 'Appended 0 event\(s\)'
        @(Get-Content $jsonl).Count | Should -Be $all.Count

        $nokey = Invoke-Recipe Invoke-AuditLogExport.ps1 -Arguments @('-Path', $jsonl, '-LogDirectory', $logs) -Environment $Simulator
        $nokey.ExitCode | Should -Be 1
        $nokey.Output | Should -Match 'FAILED: NoConnection'
    }
}

Describe 'The guides' {
    It 'ran every example script' {
        $files = @(Get-ChildItem $Examples -Filter '*.ps1' | ForEach-Object Name | Sort-Object)
        ($Ran | Sort-Object -Unique) | Should -Be $files
    }

    It '<Guide> exists and names only example scripts that exist' -ForEach @(
        @{ Guide = 'task-scheduler.md' }, @{ Guide = 'azure-automation.md' }, @{ Guide = 'ci-pipelines.md' }, @{ Guide = 'secrets.md' }
    ) {
        $path = Join-Path $PSScriptRoot "../../docs/guides/$Guide"
        Test-Path $path | Should -BeTrue
        $named = @([regex]::Matches((Get-Content $path -Raw), 'examples/([A-Za-z-]+\.ps1)') | ForEach-Object { $_.Groups[1].Value } | Sort-Object -Unique)
        foreach ($name in $named) { Test-Path (Join-Path $Examples $name) | Should -BeTrue -Because "$Guide names examples/$name" }
    }
}
