BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
}

Describe 'Retries, paging faults and cancellation in real pwsh' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'recovers from 429 (with and without Retry-After) and writes each wait to Verbose' {
        Add-SimulatorFault @{ kind = 'status'; status = 429; retry_after = '1'; count = 1; path = '/v1/organization/projects' }
        Add-SimulatorFault @{ kind = 'status'; status = 429; count = 1; path = '/v1/organization/projects' }
        $verbose = Get-OAIProject -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        @($verbose | Where-Object Message -like 'Retrying GET*HTTP 429*').Count | Should -Be 2
        @(Get-SimulatorRequest GET '*/organization/projects').status -join ',' | Should -Be '429,429,200'
    }

    It 'recovers from a 5xx and from a dropped connection on a read' {
        Add-SimulatorFault @{ kind = 'status'; status = 502; count = 1 }
        Add-SimulatorFault @{ kind = 'drop'; skip = 1; count = 1 }
        (Get-OAIProject -Id proj_defaultSbtsIO0rWI91rcsUU).Id | Should -Be 'proj_defaultSbtsIO0rWI91rcsUU'
        # The faults really happened: a 502, a dropped connection (status 0), then the answer.
        @(Get-SimulatorRequest GET '*/projects/proj_defaultSbtsIO0rWI91rcsUU' | ForEach-Object { "$($_.status) $($_.fault)".Trim() }) -join ',' |
            Should -Be '502 status,0 drop,200'
    }

    It 'fails at once with ApiRateLimited when the server asks to wait longer than the call may take' {
        Add-SimulatorFault @{ kind = 'status'; status = 429; retry_after = '600'; count = -1 }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $null = Get-OAIProject -Id proj_defaultSbtsIO0rWI91rcsUU -ErrorVariable problems -ErrorAction SilentlyContinue
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        $problems[0].FullyQualifiedErrorId | Should -Be 'ApiRateLimited,OpenAIAdmin.Commands.GetOAIProjectCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $problems[0].Exception.Message | Should -BeLike '*The server asked to wait 600 s before trying again, longer than this call can wait (* s: * s left of its 150 s time limit, less 1 s for an attempt), so it stopped at once*'
        @(Get-SimulatorRequest).Count | Should -Be 1
    }

    It 'reports a redirect as ApiRedirected naming the new address, follows it nowhere and stops the pipeline' {
        Add-SimulatorFault @{ kind = 'redirect'; status = 308; location = 'https://admin.example.test/v1/organization/users/user-0005iWmK9D5TKHdUt4HCAUYy'; count = 1 }
        $problems = $null
        $err = $null
        try {
            'user-0005iWmK9D5TKHdUt4HCAUYy', 'user-0002JeNiLqIA6WxFhRLL4olw' | Get-OAIUser -ErrorAction Continue -ErrorVariable problems | Out-Null
        }
        catch { $err = $_ }
        # Terminating: the second id is never asked for, since every later input would be redirected too.
        $err.FullyQualifiedErrorId | Should -Be 'ApiRedirected,OpenAIAdmin.Commands.GetOAIUserCommand'
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
        $call = @(Get-SimulatorRequest)
        @($call | ForEach-Object { "$($_.method) $($_.status) $($_.fault)" }) | Should -Be 'GET 308 redirect'
        $err.Exception.Message | Should -BeLike "GET /organization/users/user-0005iWmK9D5TKHdUt4HCAUYy was not followed: the server answered HTTP 308 (Permanent Redirect, request id $($call[0].request_id)) with a redirect to https://admin.example.test/v1/organization/users/user-0005iWmK9D5TKHdUt4HCAUYy.*Connect to https://admin.example.test/v1 (Connect-OAIAdmin -BaseUri, or OPENAI_BASE_URL)."
        "$err" | Should -Not -BeLike "*$FakeAdminKey*"
    }

    It 'reports a delete that was applied before the connection dropped as done, and says why in Verbose' {
        Add-SimulatorFault @{ kind = 'drop_after'; method = 'DELETE'; path = '/v1/organization/users/user-0005iWmK9D5TKHdUt4HCAUYy'; count = 1 }
        $output = Remove-OAIUser -Id user-0005iWmK9D5TKHdUt4HCAUYy -Force -PassThru -Verbose -ErrorVariable problems 4>&1
        $problems.Count | Should -Be 0
        $deleted = @($output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $deleted.Count | Should -Be 1
        $deleted[0].Id | Should -Be 'user-0005iWmK9D5TKHdUt4HCAUYy'
        $deleted[0].Deleted | Should -BeTrue
        @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*HTTP 404*earlier attempt deleted it*' }).Count |
            Should -Be 1
        @(Get-SimulatorRequest DELETE | ForEach-Object { "$($_.status) $($_.fault)".Trim() }) -join ',' | Should -Be '0 drop_after,404'
        Get-ErrorId { Get-OAIUser -Id user-0005iWmK9D5TKHdUt4HCAUYy } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIUserCommand'
    }

    It 'reports a connection lost in the middle of a POST answer as ApiConnectionLost, not resent, and goes on with the next input' {
        Add-SimulatorFault @{ kind = 'reset_body'; method = 'POST'; path = '/v1/organization/projects'; count = 1 }
        $created = [pscustomobject]@{ Name = 'half-answered' }, [pscustomobject]@{ Name = 'answered' } |
            New-OAIProject -ErrorVariable problems -ErrorAction SilentlyContinue
        @($created).Name | Should -Be 'answered'
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'ApiConnectionLost,OpenAIAdmin.Commands.NewOAIProjectCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $problems[0].TargetObject | Should -Be 'half-answered'
        $problems[0].Exception.Message | Should -BeLike '*lost while reading the response*may have applied the change: check before running it again.'
        @(Get-SimulatorRequest POST | ForEach-Object { "$($_.status) $($_.fault)".Trim() }) -join ',' | Should -Be '200 reset_body,200'
    }

    It 'says a POST answered with a server error may have made its change, and a GET does not' {
        Add-SimulatorFault @{ kind = 'status'; status = 500; method = 'POST'; path = '/v1/organization/projects'; count = 1 }
        $problems = $null
        New-OAIProject -Name 'server error' -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be 'ApiServerError,OpenAIAdmin.Commands.NewOAIProjectCommand'
        $problems[0].Exception.Message | Should -BeLike '*(HTTP 500, request id req_*The server may have applied the change: check before running it again.'
        @(Get-SimulatorRequest POST | ForEach-Object status) | Should -Be @(500) -Because 'the fault really answered, and the POST was not resent'
        Connect-Simulator -MaxRetryCount 0
        Add-SimulatorFault @{ kind = 'status'; status = 500; method = 'GET'; count = 1 }
        Get-OAIProject -Id proj_defaultSbtsIO0rWI91rcsUU -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be 'ApiServerError,OpenAIAdmin.Commands.GetOAIProjectCommand'
        $problems[0].Exception.Message | Should -Not -Match 'may have applied'
    }

    It 'gives up after the bounded count with ApiServerError' {
        Connect-Simulator -MaxRetryCount 1
        Add-SimulatorFault @{ kind = 'status'; status = 500; count = -1 }
        Get-ErrorId { Get-OAIProject -Id proj_defaultSbtsIO0rWI91rcsUU } | Should -Be 'ApiServerError,OpenAIAdmin.Commands.GetOAIProjectCommand'
        @(Get-SimulatorRequest).Count | Should -Be 2
    }

    It 'reports ApiRateLimited when the server keeps refusing' {
        Connect-Simulator -MaxRetryCount 0
        Add-SimulatorFault @{ kind = 'status'; status = 429; count = -1 }
        Get-ErrorId { Get-OAIUser -First 1 } | Should -Be 'ApiRateLimited,OpenAIAdmin.Commands.GetOAIUserCommand'
        # The retry count ended it here: the advice names that limit too, not only the time limit.
        Get-OAIUser -First 1 -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].ErrorDetails.RecommendedAction | Should -Match '-MaxRetryCount'
        $problems[0].ErrorDetails.RecommendedAction | Should -Match '-OperationTimeoutSec'
    }

    It 'stops paging on a repeated cursor with PagingCursorRepeated and no duplicate output' {
        Add-SimulatorFault @{ kind = 'repeat_cursor'; count = -1; path = '/v1/organization/users' }
        $users = Get-OAIUser -PageSize 20 -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be 'PagingCursorRepeated,OpenAIAdmin.Commands.GetOAIUserCommand'
        $problems[0].Exception.Message | Should -Match '\(request id req_\w+\)\.$'
        @($users).Count | Should -Be @($users.Id | Sort-Object -Unique).Count
    }

    It 'stops with PagingCursorMissing when a page says has_more but gives no next, after writing that page' {
        $firstPage = @((Get-OAIGroup).Id)[0..4]
        Reset-Simulator
        Set-SimulatorBehaviour @{ cursor_missing = $true }
        $groups = Get-OAIGroup -PageSize 5 -ErrorVariable problems -ErrorAction SilentlyContinue
        @($problems).Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'PagingCursorMissing,OpenAIAdmin.Commands.GetOAIGroupCommand'
        @($groups.Id) | Should -Be $firstPage
        @(Get-SimulatorRequest GET '*/organization/groups').Count | Should -Be 1
    }

    It 'reads every group when next is the last id, and every user when pages have no first_id/last_id' {
        $allGroups = @((Get-OAIGroup).Id)
        $allUsers = @((Get-OAIUser).Id)
        Reset-Simulator
        Set-SimulatorBehaviour @{ next_cursor = 'last_id'; id_cursor_bounds = 'omitted' }
        @((Get-OAIGroup -PageSize 5).Id) | Should -Be $allGroups
        @(Get-SimulatorRequest GET '*/organization/groups')[1].query | Should -Match "after=$($allGroups[4])"
        $users = Get-OAIUser -PageSize 100
        @($users.Id) | Should -Be $allUsers
        $allUsers.Count | Should -Be 250
        @(Get-SimulatorRequest GET '*/organization/users')[2].query | Should -Match "after=$($allUsers[199])\b"
    }

    It 'reports malformed JSON as ApiResponseInvalid' {
        Add-SimulatorFault @{ kind = 'malformed'; count = 1 }
        Get-ErrorId { Get-OAIProject -Id proj_defaultSbtsIO0rWI91rcsUU } | Should -Be 'ApiResponseInvalid,OpenAIAdmin.Commands.GetOAIProjectCommand'
    }

    It 'Stop (Ctrl+C) cancels the in-flight request at once' {
        Add-SimulatorFault @{ kind = 'delay'; delay_ms = 15000; count = 1 }
        $ps = [powershell]::Create()
        try {
            # The runspace has no connection of its own: it is handed this one, as ForEach-Object -Parallel would with $using:.
            $null = $ps.AddScript("param(`$c) Import-Module '$env:OPENAIADMIN_MODULE'; Get-OAIProject -Id proj_defaultSbtsIO0rWI91rcsUU -Connection `$c").AddArgument((Get-OAIAdminContext))
            $handle = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(10)
            while (@(Get-SimulatorRequest GET '*/projects/proj_defaultSbtsIO0rWI91rcsUU').Count -eq 0 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            # Stop only once the server holds the request: the test is about an in-flight request.
            $held = @(Get-SimulatorRequest GET '*/projects/proj_defaultSbtsIO0rWI91rcsUU')
            $held.Count | Should -Be 1
            $held[0].fault | Should -Be 'delay'
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 3
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            # The server saw the client go away (499), and nothing was sent again.
            $deadline = [DateTime]::UtcNow.AddSeconds(10)
            while ((Get-SimulatorRequest GET '*/projects/proj_defaultSbtsIO0rWI91rcsUU').status -ne 499 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            @(Get-SimulatorRequest).status -join ',' | Should -Be '499'
        }
        finally {
            $ps.Dispose()
        }
    }
}
