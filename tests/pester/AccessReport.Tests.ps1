# Get-OAIAccessReport in real pwsh against the simulator: exact rows after a scripted series of grants and revocations,
# scoping, stale marking, stopping early, bounded concurrency (from the request log's arrival/finish numbers) and a 429 storm.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    # Seed (tests/OpenAIAdmin.Simulator/README.md): organization owners are users 0001..0003; Finance has 0031..0033.
    $script:Owners = 'user-0001dFOBZZvO66McY18E82hx', 'user-0002JeNiLqIA6WxFhRLL4olw', 'user-0003S96RP8civznnHCEbos4T'
    $script:User4 = 'user-0004ou3jlSdLyovtJuypzqFO'
    $script:User5 = 'user-0005iWmK9D5TKHdUt4HCAUYy'
    $script:FinanceMembers = 'user-0031522Of5H0VV2iSGTtHHhG', 'user-0032', 'user-0033jfA1KRceT9PCwpI26aDl'
    $script:Prod = 'proj_productionchatbotrC4xJHX'

    # One line per row with what an access review reads; sorted, so the crawl's concurrency does not matter.
    function Format-Row($Rows) {
        @($Rows | ForEach-Object { '{0}|{1}|{2}|{3}|{4}|{5}' -f $_.PrincipalType, $_.PrincipalId, $_.Role, $_.RoleId, $_.GrantedVia, $_.OwnerId } | Sort-Object)
    }

    # The most requests in flight at once, from the log's event numbers (no timing): at each arrival, the requests
    # that arrived before it and had not finished yet, plus itself.
    function Get-MaxInFlight($Requests) {
        $max = 0
        foreach ($r in $Requests) {
            $open = @($Requests | Where-Object { $_.arrived -lt $r.arrived -and ($_.finished -eq 0 -or $_.finished -gt $r.arrived) }).Count + 1
            if ($open -gt $max) { $max = $open }
        }
        $max
    }

    # The scripted organization change: a new project, two users added, a group granted a project role, a project
    # role given to a user, a service account (with its key), and one of the users removed again.
    function New-ReviewProject {
        $project = New-OAIProject -Name 'Access review'
        $member = Get-OAIProjectRole -ProjectId $project.Id -Name Member
        $owner = Get-OAIProjectRole -ProjectId $project.Id -Name Owner
        Add-OAIProjectUser -ProjectId $project.Id -Id $User4 -Role member | Out-Null
        Add-OAIProjectUser -ProjectId $project.Id -Id $User5 -Role member | Out-Null
        $finance = Get-OAIGroup -Name Finance
        Add-OAIProjectGroup -ProjectId $project.Id -Id $finance.Id -RoleId $member.Id | Out-Null
        Add-OAIProjectUserRole -ProjectId $project.Id -UserId $User4 -RoleId $owner.Id | Out-Null
        $sa = New-OAIServiceAccount -ProjectId $project.Id -Name 'review-bot' -WarningAction SilentlyContinue
        Remove-OAIProjectUser -ProjectId $project.Id -Id $User5 -Force
        [pscustomobject]@{ Id = $project.Id; Member = $member.Id; Owner = $owner.Id; Finance = $finance.Id; ServiceAccount = $sa.Id; Key = $sa.ApiKey.Id }
    }
}

Describe 'Get-OAIAccessReport' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'reports exactly the grants left after a series of grants and revocations' {
        $p = New-ReviewProject
        $rows = @(Get-OAIAccessReport -ProjectId $p.Id)
        $finance = @((Get-OAIGroupMember -GroupId $p.Finance).UserId | Sort-Object)
        $finance.Count | Should -Be 3
        $expected = @(
            "User|$User4|member|||"
            "User|$User4|Owner|$($p.Owner)|Direct|"
            "Group|$($p.Finance)|Member|$($p.Member)|Direct|"
            $finance | ForEach-Object { "User|$_|Member|$($p.Member)|Group 'Finance'|" }
            $Owners | ForEach-Object { "User|$_|owner||OrganizationOwner|" }
            "ServiceAccount|$($p.ServiceAccount)|member||Direct|"
            "ApiKey|$($p.Key)|member||Direct|$($p.ServiceAccount)"
        ) -replace '^User\|([^|]+)\|member\|\|\|$', 'User|$1|member||Direct|' | Sort-Object
        Format-Row $rows | Should -Be $expected
        @($rows | Where-Object PrincipalId -eq $User5).Count | Should -Be 0 -Because 'the removed user has no access left'
        @($rows.Scope | Sort-Object -Unique) | Should -Be 'Project'
        @($rows.ProjectName | Sort-Object -Unique) | Should -Be 'Access review'
        $rows[0].GetType().FullName | Should -Be 'OpenAIAdmin.AccessReportRow'
        ($rows | Where-Object PrincipalType -eq ApiKey).OwnerType | Should -Be 'service_account'
        ($rows | Where-Object GrantedVia -like 'Group*' | Select-Object -First 1).GroupId | Should -Be $p.Finance
        @($rows.Stale | Where-Object { $null -ne $_ }).Count | Should -Be 0 -Because 'without -StaleDays nothing is marked'
    }

    It 'reports the organization roles of every user and each project once, the same rows as -ProjectId' {
        $p = New-ReviewProject
        $rows = @(Get-OAIAccessReport)
        $users = @(Get-OAIUser)
        $org = @($rows | Where-Object Scope -eq Organization)
        $direct = @($org | Where-Object { $_.PrincipalType -eq 'User' -and $_.GrantedVia -eq 'Direct' })
        $direct.Count | Should -Be $users.Count
        Format-Row $direct | Should -Be @($users | ForEach-Object { "User|$($_.Id)|$($_.Role)||Direct|" } | Sort-Object)
        # Organization roles of groups, and the members who hold them through the group.
        $expected = @(foreach ($group in Get-OAIGroup) {
                foreach ($role in @(Get-OAIGroupRole -GroupId $group.Id)) {
                    "Group|$($group.Id)|$($role.RoleName)|$($role.RoleId)|Direct|"
                    foreach ($member in @(Get-OAIGroupMember -GroupId $group.Id)) { "User|$($member.UserId)|$($role.RoleName)|$($role.RoleId)|Group '$($group.Name)'|" }
                }
            })
        $expected.Count | Should -BeGreaterThan 1
        Format-Row ($org | Where-Object { -not ($_.PrincipalType -eq 'User' -and $_.GrantedVia -eq 'Direct') }) | Should -Be @($expected | Sort-Object)
        Format-Row ($rows | Where-Object ProjectId -eq $p.Id) | Should -Be (Format-Row (Get-OAIAccessReport -ProjectId $p.Id))
        @($rows.ProjectId | Where-Object { $_ } | Sort-Object -Unique) | Should -Be @(Get-OAIProject | ForEach-Object Id | Sort-Object)
    }

    It '-ProjectId (or piped projects) reports only those projects and asks nothing of the others' {
        Get-OAIProject -Id $Prod | Get-OAIAccessReport | Out-Null
        $paths = @(Get-SimulatorRequest GET '*' | Where-Object path -like '*proj_*' | ForEach-Object { [regex]::Match($_.path, 'proj_\w+').Value } | Sort-Object -Unique)
        $paths | Should -Be $Prod
        @(Get-SimulatorRequest GET '*/organization/projects').Count | Should -Be 0 -Because 'the project list is not needed'
    }

    It 'takes project ids from the pipeline as well as projects' {
        $rows = @($Prod | Get-OAIAccessReport -ErrorVariable problems)
        $problems.Count | Should -Be 0
        $rows.Count | Should -BeGreaterThan 0
        @($rows.ProjectId | Select-Object -Unique) | Should -Be $Prod
    }

    It 'reports nothing, with a warning, when the pipeline brings no project (a filter that matched nothing)' {
        $warnings = $null
        $rows = @(Get-OAIProject -Name 'no such project*' | Get-OAIAccessReport -WarningVariable warnings -WarningAction SilentlyContinue)
        $rows.Count | Should -Be 0
        "$warnings" | Should -BeLike 'No project came down the pipeline*'
        @(Get-SimulatorRequest GET '*' | Where-Object path -notlike '*/organization/projects').Count | Should -Be 0 -Because 'only the listing that matched nothing was sent'
    }

    It '-StaleDays marks keys and service accounts unused for that long, by last use or creation' {
        $rows = @(Get-OAIAccessReport -ProjectId $Prod -StaleDays 90)
        $machine = @($rows | Where-Object PrincipalType -in 'ApiKey', 'ServiceAccount')
        $machine.Count | Should -Be 6 -Because 'four keys (the inactive owner''s included) and two service accounts'
        $cutoff = [DateTimeOffset]::UtcNow.AddDays(-90)
        foreach ($row in $machine) {
            $used = if ($null -ne $row.LastUsedAt) { $row.LastUsedAt } else { $row.CreatedAt }
            $row.Stale | Should -Be ($used -lt $cutoff) -Because "$($row.PrincipalName) was last used or created $used"
        }
        ($rows | Where-Object PrincipalName -eq 'laptop-ann').Stale | Should -BeTrue -Because 'it was last used 200 days ago'
        ($rows | Where-Object { $_.PrincipalType -eq 'ServiceAccount' -and $_.PrincipalName -eq 'ci-deploy' }).Stale | Should -BeFalse -Because 'its key was used a day ago'
        ($rows | Where-Object { $_.PrincipalType -eq 'ServiceAccount' -and $_.PrincipalName -eq 'monitoring' }).Stale | Should -BeTrue -Because 'its key was last used 120 days ago'
        @($rows | Where-Object PrincipalType -eq User | Where-Object { $null -ne $_.Stale }).Count | Should -Be 0
    }

    It 'Select-Object -First stops the crawl: one project of all is asked about' {
        $first = @(Get-OAIProject | Get-OAIAccessReport -ThrottleLimit 1 | Select-Object -First 1)
        $first.Count | Should -Be 1
        # Each piped project is looked up by id first (for its name); what counts is which projects were crawled.
        $asked = @(Get-SimulatorRequest GET '*' | Where-Object path -match 'proj_\w+/' | ForEach-Object { [regex]::Match($_.path, 'proj_\w+').Value } | Sort-Object -Unique)
        $asked | Should -Be $first[0].ProjectId -Because 'with one request at a time the next project starts only after the first one''s rows are taken'
        @(Get-OAIProject).Count | Should -BeGreaterThan 2
    }

    It 'Select-Object -First on the organization rows makes no project request' {
        Get-OAIAccessReport | Select-Object -First 3 | Out-Null
        @(Get-SimulatorRequest GET '*/projects*').Count | Should -Be 0
        @(Get-SimulatorRequest GET '*/organization/users').Count | Should -BeGreaterThan 0
    }

    It 'keeps at most -ThrottleLimit requests in flight (<Limit>) and does use them' -ForEach @(@{ Limit = 2 }, @{ Limit = 4 }) {
        Add-SimulatorFault @{ kind = 'delay'; delay_ms = 25; count = -1; method = 'GET'; path = '/v1/organization/projects/' }
        Get-OAIAccessReport -ThrottleLimit $Limit | Out-Null
        $requests = @(Get-SimulatorRequest GET '*')
        @($requests | Where-Object fault -eq 'delay').Count | Should -BeGreaterThan 10
        @($requests | Where-Object finished -eq 0).Count | Should -Be 0
        $max = Get-MaxInFlight $requests
        $max | Should -BeLessOrEqual $Limit
        $max | Should -Be $Limit -Because 'the crawl runs requests side by side up to the limit'
    }

    It 'rides out a storm of 429s through the shared retry and cooldown, with the same rows' {
        $calm = Format-Row (Get-OAIAccessReport -ProjectId $Prod)
        Reset-Simulator
        Connect-Simulator -MaxRetryCount 10
        Add-SimulatorFault @{ kind = 'status'; status = 429; retry_after_ms = 50; count = 3; method = 'GET'; path = '/v1/organization/projects/' }
        $stormy = Format-Row (Get-OAIAccessReport -ProjectId $Prod -Verbose 4>&1 | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        @(Get-SimulatorRequest GET '*' | Where-Object status -eq 429).Count | Should -Be 3 -Because 'the storm really happened'
        $stormy | Should -Be $calm
    }

    It 'shows progress as projects done of total' {
        $run = Invoke-InOwnPowerShell { Get-OAIAccessReport | Out-Null }
        $run.HadErrors | Should -BeFalse
        $total = @(Get-OAIProject).Count
        $status = @($run.Progress | Where-Object StatusDescription -like 'Access report:*' | ForEach-Object StatusDescription)
        $status[-1] | Should -Be "Access report: $total of $total done"
        $status | Should -Contain "Access report: 1 of $total done"
    }

    It 'exports flat rows with Export-Csv' {
        $path = Join-Path ([IO.Path]::GetTempPath()) "oai-access-$([guid]::NewGuid()).csv"
        try {
            $rows = @(Get-OAIAccessReport -ProjectId $Prod -StaleDays 30)
            $rows | Export-Csv -Path $path -NoTypeInformation
            $csv = @(Import-Csv $path)
            $csv.Count | Should -Be $rows.Count
            $header = (Get-Content $path -TotalCount 1) -replace '"', ''
            $header | Should -Be 'PrincipalType,PrincipalId,PrincipalName,Email,Scope,ProjectId,ProjectName,Role,RoleId,GrantedVia,GroupId,OwnerType,OwnerId,OwnerName,CreatedAt,LastUsedAt,Stale'
            Get-Content $path -Raw | Should -Not -Match 'System\.|OpenAIAdmin\.' -Because 'no nested object is written as its type name'
        }
        finally { Remove-Item $path -ErrorAction SilentlyContinue }
    }

    It 'refuses a throttle limit or budget out of range: <Arguments.Keys>' -ForEach @(
        @{ Arguments = @{ ThrottleLimit = 0 } }, @{ Arguments = @{ ThrottleLimit = 17 } }, @{ Arguments = @{ RequestsPerMinute = 0 } }, @{ Arguments = @{ StaleDays = 0 } }
    ) {
        Get-ErrorId { Get-OAIAccessReport @Arguments } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.GetOAIAccessReportCommand'
        @(Get-SimulatorRequest GET '*').Count | Should -Be 0
    }

    It 'leaves out a project the API refuses to show, reports it, and goes on: archived projects with -IncludeArchived' {
        $legacy = (Get-OAIProject -IncludeArchived | Where-Object Status -eq archived)[0].Id
        $rows = @(Get-OAIAccessReport -IncludeArchived -ErrorVariable failures -ErrorAction SilentlyContinue)
        @($failures).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.GetOAIAccessReportCommand'
        $failures[0].TargetObject | Should -Be $legacy
        $failures[0].ErrorDetails.Message | Should -Match "archived.*The access report left out project $legacy\.$"
        @(Get-SimulatorRequest GET "/v1/organization/projects/$legacy/*" | Where-Object status -eq 400).Count | Should -BeGreaterThan 0 -Because 'the API really refused it'
        @($rows | Where-Object ProjectId -eq $legacy).Count | Should -Be 0
        Format-Row ($rows | Where-Object Scope -ne 'Organization') | Should -Be (Format-Row (Get-OAIAccessReport | Where-Object Scope -ne 'Organization'))
    }

    It 'reports a project id that does not exist and still reports the others' {
        $rows = @(Get-OAIAccessReport -ProjectId 'proj_doesnotexist0000000000000', $Prod -ErrorVariable failures -ErrorAction SilentlyContinue)
        @($failures.FullyQualifiedErrorId) | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIAccessReportCommand'
        @($rows.ProjectId | Sort-Object -Unique) | Should -Be $Prod
    }

    It 'reports a missing project as ApiNotFound' {
        Get-ErrorId { Get-OAIAccessReport -ProjectId 'proj_doesnotexist0000000000000' } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIAccessReportCommand'
    }
}
