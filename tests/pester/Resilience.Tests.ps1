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
    }

    It 'stops paging on a repeated cursor with PagingCursorRepeated and no duplicate output' {
        Add-SimulatorFault @{ kind = 'repeat_cursor'; count = -1; path = '/v1/organization/users' }
        $users = Get-OAIUser -PageSize 20 -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be 'PagingCursorRepeated,OpenAIAdmin.Commands.GetOAIUserCommand'
        @($users).Count | Should -Be @($users.Id | Sort-Object -Unique).Count
    }

    It 'reports malformed JSON as ApiResponseInvalid' {
        Add-SimulatorFault @{ kind = 'malformed'; count = 1 }
        Get-ErrorId { Get-OAIProject -Id proj_defaultSbtsIO0rWI91rcsUU } | Should -Be 'ApiResponseInvalid,OpenAIAdmin.Commands.GetOAIProjectCommand'
    }

    It 'Stop (Ctrl+C) cancels the in-flight request at once' {
        Add-SimulatorFault @{ kind = 'delay'; delay_ms = 15000; count = 1 }
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$env:OPENAIADMIN_MODULE'; Get-OAIProject -Id proj_defaultSbtsIO0rWI91rcsUU")
            $handle = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(10)
            while (@(Get-SimulatorRequest GET '*/projects/proj_defaultSbtsIO0rWI91rcsUU').Count -eq 0 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 3
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            $ps.Dispose()
        }
    }
}
