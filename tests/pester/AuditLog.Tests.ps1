BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function Complete([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }

    # Every organization event straight from the simulator (not through the module), newest first.
    function Get-SimulatorAuditLog([string] $Filter = '') {
        $headers = @{ Authorization = "Bearer $FakeAdminKey" }
        $all = [System.Collections.Generic.List[object]]::new()
        $after = ''
        do {
            $page = Invoke-RestMethod -Uri "$SimulatorUrl/organization/audit_logs?limit=100$Filter$after" -Headers $headers
            $all.AddRange([object[]]@($page.data))
            $after = "&after=$($page.last_id)"
        } while ($page.has_more)
        $all
    }

    function Get-AuditRequest { @(Get-SimulatorRequest GET '*/organization/audit_logs') }
}

Describe 'Get-OAIAuditLog' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'lists every organization event once, newest first, typed, streaming 100 per request' {
        $expected = @(Get-SimulatorAuditLog)
        Reset-Simulator
        $events = @(Get-OAIAuditLog)
        $events.Count | Should -Be $expected.Count
        ($events.Id -join ',') | Should -Be ($expected.id -join ',')
        $events[0].PSObject.TypeNames | Should -Contain 'OpenAIAdmin.AuditLog'
        $events[0].AuditLogId | Should -Be $events[0].Id
        "$($events[0])" | Should -Be $events[0].Id
        $events[0].EffectiveAt.Offset | Should -Be ([TimeSpan]::Zero)
        $events[0].EffectiveAt.ToUnixTimeSeconds() | Should -Be $expected[0].effective_at
        for ($i = 1; $i -lt $events.Count; $i++) { $events[$i].EffectiveAt | Should -BeLessOrEqual $events[$i - 1].EffectiveAt }
        (Get-AuditRequest).Count | Should -Be ([math]::Ceiling($expected.Count / 100))
        (Get-AuditRequest)[0].query | Should -Be 'limit=100'
        (Get-AuditRequest)[1].query | Should -Be "limit=100&after=$($events[99].Id)"
    }

    It 'gives each event its details with the API field names, a summary, the actor and the project' {
        $events = @(Get-OAIAuditLog)
        $created = $events | Where-Object { $_.Type -eq 'project.created' } | Select-Object -First 1
        $created.Details.GetType().FullName | Should -Be 'System.Management.Automation.PSCustomObject'
        $created.Details.id | Should -Be $created.ProjectId
        $created.Details.data.name | Should -Be $created.ProjectName
        $created.Summary | Should -Be "$($created.ProjectId); name: $($created.ProjectName); title: $($created.Details.data.title)"
        $created.ActorType | Should -Be 'session'
        $created.ActorEmail | Should -Match '^user-\d{4}@example\.com$'
        $created.Actor.Session.User.Id | Should -Be $created.ActorId
        $key = $events | Where-Object { $_.ActorType -eq 'api_key' -and $_.Actor.ApiKey.Type -eq 'service_account' } | Select-Object -First 1
        $key.ActorId | Should -Match '^svc_acct_'
        $key.ApiKeyId | Should -Match '^key_'
        $located = $events | Where-Object { $_.ActorType -eq 'session' -and $null -ne $_.Actor.Session.IpAddressDetails } | Select-Object -First 1
        $located.Actor.Session.IpAddressDetails.country | Should -Be 'US'

        # What users do with them: JSON and CLIXML keep the details.
        ($created | ConvertTo-Json -Depth 6 | ConvertFrom-Json).Details.data.name | Should -Be $created.ProjectName
        $clixml = Join-Path $TestDrive 'events.xml'
        $events | Select-Object -First 20 | Export-Clixml $clixml
        $back = @(Import-Clixml $clixml)
        $back.Count | Should -Be 20
        ($back | Where-Object Id -eq $events[0].Id).Details.id | Should -Be $events[0].Details.id
        $back[0].Actor.Session.User.Email | Should -Be $events[0].Actor.Session.User.Email
    }

    It 'sends every filter in the query string as the API spells it' {
        $project = Get-OAIProject -First 2
        $start = [DateTimeOffset]::new(2025, 3, 20, 0, 0, 0, [TimeSpan]::Zero)
        $events = @(Get-OAIAuditLog -StartTime $start -EndTime '2025-03-21T02:00:00+02:00' -EventType 'api_key.*', login.failed -ProjectId $project.Id `
                -ActorId user-0003S96RP8civznnHCEbos4T -ActorEmail 'user-0003@example.com' -ResourceId key_4HZpn13x5GuI4ity)
        $query = (Get-AuditRequest)[-1].query
        $query | Should -Be ("effective_at[gte]=1742428800&effective_at[lt]=1742515200&project_ids[]=$($project[0].Id)&project_ids[]=$($project[1].Id)" +
            '&event_types[]=api_key.created&event_types[]=api_key.updated&event_types[]=api_key.deleted&event_types[]=login.failed' +
            '&actor_ids[]=user-0003S96RP8civznnHCEbos4T&actor_emails[]=user-0003%40example.com&resource_ids[]=key_4HZpn13x5GuI4ity&limit=100')
        $events.Count | Should -Be 0 -Because 'that key was created in another project'

        $found = @(Get-OAIAuditLog -StartTime $start -EndTime $start.AddDays(1) -EventType api_key.created -ResourceId key_4HZpn13x5GuI4ity)
        $found.Count | Should -Be 1
        $found[0].Details.id | Should -Be 'key_4HZpn13x5GuI4ity'
        $found[0].EffectiveAt | Should -BeGreaterOrEqual $start

        Get-OAIAuditLog -TenantOnly -EventType 'tenant.user.*' -First 2 | Out-Null
        (Get-AuditRequest)[-1].query | Should -Be ('event_types[]=tenant.user.added&event_types[]=tenant.user.updated&event_types[]=tenant.user.removed' +
            '&event_types[]=tenant.user.looked_up&event_types[]=tenant.user.invited&tenant_only=true&limit=2')
    }

    It 'reads times as UTC instants: a DateTime of Kind Utc, an offset, whole seconds (start inclusive, end exclusive)' {
        $all = @(Get-OAIAuditLog)
        $busy = $all | Group-Object { $_.EffectiveAt.ToUnixTimeSeconds() } | Where-Object Count -GE 3 | Select-Object -First 1
        $second = [DateTimeOffset]::FromUnixTimeSeconds([long]$busy.Name)
        $utc = [datetime]::SpecifyKind($second.UtcDateTime, 'Utc')
        @(Get-OAIAuditLog -StartTime $utc -EndTime $utc.AddSeconds(1)).Count | Should -Be $busy.Count
        @(Get-OAIAuditLog -StartTime $second.ToOffset([TimeSpan]::FromHours(-5)) -EndTime $second.AddSeconds(1)).Count | Should -Be $busy.Count
        @(Get-OAIAuditLog -StartTime $second.AddMilliseconds(1) -EndTime $second.AddSeconds(1)).Count | Should -Be 0
        @(Get-OAIAuditLog -StartTime $second -EndTime $second.AddMilliseconds(1)).Count | Should -Be $busy.Count
        $s = [long]$busy.Name
        @((Get-AuditRequest)[-4..-1].query | ForEach-Object { ($_ -split '&limit')[0] }) | Should -Be @(
            "effective_at[gte]=$s&effective_at[lt]=$($s + 1)", "effective_at[gte]=$s&effective_at[lt]=$($s + 1)",
            "effective_at[gte]=$($s + 1)&effective_at[lt]=$($s + 1)", "effective_at[gte]=$s&effective_at[lt]=$($s + 1)")
    }

    It 'pages with -First and -Skip like the other Get cmdlets, and stops when the pipeline does' {
        $all = @(Get-OAIAuditLog -First 130)
        Reset-Simulator
        @(Get-OAIAuditLog -First 5).Id | Should -Be $all[0..4].Id
        (Get-AuditRequest)[0].query | Should -Be 'limit=5'
        Reset-Simulator
        @(Get-OAIAuditLog -Skip 120 -First 10).Id | Should -Be $all[120..129].Id
        (Get-AuditRequest).query | Should -Be @('limit=100', "limit=30&after=$($all[99].Id)")
        Reset-Simulator
        Get-OAIAuditLog | Select-Object -First 3 | Out-Null
        (Get-AuditRequest).Count | Should -Be 1
        Reset-Simulator
        @(Get-OAIAuditLog -PageSize 7 -First 20).Count | Should -Be 20
        (Get-AuditRequest).query | Should -Be @('limit=7', "limit=7&after=$($all[6].Id)", "limit=6&after=$($all[13].Id)")
    }

    It 'binds piped projects to -ProjectId, one listing each' {
        $projects = @(Get-OAIProject | Where-Object Name -in 'Default project', 'Production chatbot')
        $events = @($projects | Get-OAIAuditLog)
        $events.Count | Should -BeGreaterThan 0
        $events.ProjectId | Sort-Object -Unique | Should -Be ($projects.Id | Sort-Object)
        @(Get-AuditRequest | Where-Object { $_.query -like 'project_ids*' }).query | ForEach-Object { ($_ -split '&')[0] } | Sort-Object -Unique |
            Should -Be ($projects.Id | ForEach-Object { "project_ids[]=$_" } | Sort-Object)
    }

    It 'refuses <What> with <ErrorId> before any request' -ForEach @(
        @{ What = 'a misspelled event type'; ErrorId = 'InvalidEventType'; Arguments = @{ EventType = 'projet.created' } }
        @{ What = 'a wildcard that matches nothing'; ErrorId = 'InvalidEventType'; Arguments = @{ EventType = 'nothing.*' } }
        @{ What = 'a tenant-scoped type without -TenantOnly'; ErrorId = 'TenantOnlyRequired'; Arguments = @{ EventType = 'tenant.user.added' } }
        @{ What = 'an organization type with -TenantOnly'; ErrorId = 'EventTypeNotTenantScoped'; Arguments = @{ EventType = 'login.failed'; TenantOnly = $true } }
        @{ What = 'an end before the start'; ErrorId = 'InvalidTimeRange'; Arguments = @{ StartTime = '2025-03-02'; EndTime = '2025-03-01' } }
        @{ What = 'an empty range'; ErrorId = 'InvalidTimeRange'; Arguments = @{ StartTime = '2025-03-02'; EndTime = '2025-03-02' } }
        @{ What = 'a page size of 0'; ErrorId = 'ParameterArgumentValidationError'; Arguments = @{ PageSize = 0 } }
        @{ What = 'a page size of 101'; ErrorId = 'ParameterArgumentValidationError'; Arguments = @{ PageSize = 101 } }
        @{ What = 'a blank project id'; ErrorId = 'ParameterArgumentValidationError'; Arguments = @{ ProjectId = ' ' } }
        @{ What = 'a blank event type'; ErrorId = 'ParameterArgumentValidationError'; Arguments = @{ EventType = '' } }
        @{ What = 'a time that is not one'; ErrorId = 'ParameterArgumentTransformationError'; Arguments = @{ StartTime = 'yesterday-ish' } }
    ) {
        Get-ErrorId { Get-OAIAuditLog @Arguments } | Should -Be "$ErrorId,OpenAIAdmin.Commands.GetOAIAuditLogCommand"
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'says what is wrong with an event type and suggests the right one' {
        $err = $null
        try { Get-OAIAuditLog -EventType project.renamed -ErrorAction Stop } catch { $err = $_ }
        $err.Exception.Message | Should -Match "'project.renamed' is not an audit log event type \(did you mean project.created, project.updated"
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject | Should -Be 'project.renamed'
        # Names are case-insensitive, as everywhere in PowerShell; the API gets its own spelling.
        Get-OAIAuditLog -EventType Project.Created -First 1 | Out-Null
        (Get-AuditRequest)[-1].query | Should -Be 'event_types[]=project.created&limit=1'
    }

    It 'completes -EventType from the event types, tenant-scoped ones only with -TenantOnly' {
        @(Complete 'Get-OAIAuditLog -EventType login.').CompletionText | Should -Be @('login.failed', 'login.succeeded')
        @(Complete 'Export-OAIAuditLog x -EventType certificates.').CompletionText | Should -Be @('certificates.activated', 'certificates.deactivated')
        @(Complete 'Get-OAIAuditLog -TenantOnly -EventType role.').CompletionText | Should -Be @('role.bound_to_resource', 'role.unbound_from_resource')
        $role = @(Complete 'Get-OAIAuditLog -EventType role.')
        $role.CompletionText | Should -Contain 'role.assignment.created'
        $role[-1].ToolTip | Should -Match 'tenant-scoped'
        @(Complete 'Get-OAIAuditLog -EventType tenant.').Count | Should -Be 86
        @(Get-SimulatorRequest).Count | Should -Be 0 -Because 'the list is the module''s own, not a request'
    }

    It 'rides out a server error on a later page, and the fault really happened' {
        Add-SimulatorFault @{ kind = 'status'; status = 502; method = 'GET'; path = '/v1/organization/audit_logs'; skip = 2; count = 1 }
        $events = @(Get-OAIAuditLog)
        $events.Count | Should -Be @($events.Id | Sort-Object -Unique).Count
        $events.Count | Should -Be @(Get-SimulatorAuditLog).Count
        @(Get-AuditRequest | Where-Object status -eq 502).Count | Should -Be 1
        (Get-AuditRequest)[2].status | Should -Be 502
        (Get-AuditRequest)[3].query | Should -Be (Get-AuditRequest)[2].query
    }
}

Describe 'Audit log views' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'shows date and time (UTC, to the second), type and summary, actor and project, in 79 columns with every id whole' {
        $events = @(Get-OAIAuditLog -First 40) + @(Get-OAIAuditLog -EventType api_key.created, service_account.created, role.assignment.created -First 30)
        $text = $events | Out-String -Width 80
        $lines = $text -split '\r?\n'
        $lines | Where-Object { $_ -match '\S' } | Select-Object -First 2 | Should -Be @(
            'Time (UTC) Event                              Actor / project',
            '---------- -----                              ---------------')
        foreach ($line in $lines) { $line.TrimEnd().Length | Should -BeLessOrEqual 79 }
        $text | Should -Not -Match '…'
        # The rows come in the order of the events: each event's row is the next one that starts with its date and type.
        $at = 0
        foreach ($event in $events) {
            $day = $event.EffectiveAt.UtcDateTime.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture)
            $time = $event.EffectiveAt.UtcDateTime.ToString('HH:mm:ss', [cultureinfo]::InvariantCulture)
            $type = $event.Type.Substring(0, [Math]::Min(34, $event.Type.Length))
            while ($at -lt $lines.Count -and -not ($lines[$at].StartsWith("$day ") -and $lines[$at].Substring(11).StartsWith($type))) { $at++ }
            $at | Should -BeLessThan $lines.Count -Because "the table shows $($event.Type) of $day"
            $lines[$at + 1] | Should -Match ('^' + [regex]::Escape($time) + '(?:\s|$)')
            foreach ($id in [regex]::Matches($event.Summary, '(?:proj_|user-|key_|svc_acct_|group_|role_|cert_|invite-)[A-Za-z0-9]+') | ForEach-Object Value) {
                $text | Should -Match ('(?<![\w-])' + [regex]::Escape($id) + '(?![\w-])') -Because "the summary's id $id stays whole"
            }
            $actor = if ($event.ActorEmail) { $event.ActorEmail } else { $event.ActorId }
            $lines[$at] | Should -Match ([regex]::Escape($actor) + '\s*$')
            if ($event.ProjectName) { $lines[$at + 1] | Should -Match ([regex]::Escape($event.ProjectName) + '\s*$') }
            $at++
        }
    }

    It 'lists every field, the time to the second and the details as JSON' {
        $event = Get-OAIAuditLog -EventType api_key.created -First 1
        $text = $event | Format-List | Out-String -Width 80
        $text | Should -Match ('(?m)^EffectiveAt \(UTC\) : ' + [regex]::Escape($event.EffectiveAt.UtcDateTime.ToString('yyyy-MM-dd HH:mm:ss', [cultureinfo]::InvariantCulture)) + '\s*$')
        # Wrapped at spaces, so the words of the summary are all there, none cut.
        ($text -split '\r?\n' | Where-Object { $_ -match '^Summary\s+: ' }) | Should -Match ('^Summary\s+: ' + [regex]::Escape(($event.Summary -split ' ')[0]))
        foreach ($word in $event.Summary -split ' ') { $text | Should -Match ('(?<=\s)' + [regex]::Escape($word) + '(?=\s)') }
        $text | Should -Match ('(?m)^Details\s+: \{\s*$')
        $text | Should -Match ('"id": "' + [regex]::Escape($event.Details.id) + '"')
        $text | Should -Match '"scopes": \['
        foreach ($name in 'Id', 'Type', 'ActorType', 'ActorId', 'ActorEmail', 'ApiKeyId', 'IpAddress', 'ProjectId', 'ProjectName') {
            $text | Should -Match "(?m)^$name\s+:"
        }
    }
}
