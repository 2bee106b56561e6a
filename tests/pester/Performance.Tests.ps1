# What the performance work changed in behaviour (docs/ARCHITECTURE.md, "Performance"); nothing here times anything.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
}

Describe 'Debug messages are built only when PowerShell would write them' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'writes them under $DebugPreference = Continue without -Debug' {
        $records = & { $DebugPreference = 'Continue'; Get-OAIUser -First 1 | Out-Null } 5>&1
        @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -like 'HTTP response 200*' }).Count | Should -Be 1
    }

    It 'writes them with -Debug, and none with -Debug:$false or by default' {
        # -Verbose with -Debug: a compiled cmdlet's verbose lines become prompts otherwise (ARCHITECTURE, -Debug in non-interactive hosts).
        $with = & { Get-OAIUser -First 1 -Debug -Verbose | Out-Null } 4>$null 5>&1
        @($with | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 0
        $off = & { $DebugPreference = 'Continue'; Get-OAIUser -First 1 -Debug:$false | Out-Null } 5>&1
        @($off | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -Be 0
        $default = & { Get-OAIUser -First 1 | Out-Null } 5>&1
        @($default | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -Be 0
    }
}

Describe 'Paging ahead' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'still lists every user once, in order, from three requests, and -First 3 from one' {
        $users = @(Get-OAIUser -PageSize 100)
        $users.Count | Should -Be 250
        @($users.Id | Sort-Object -Unique).Count | Should -Be 250
        ($users.Name -join ',') | Should -Be ((1..250 | ForEach-Object { 'User {0:0000}' -f $_ }) -join ',')
        @(Get-SimulatorRequest GET '*/organization/users').Count | Should -Be 3
        Reset-Simulator
        @(Get-OAIUser | Select-Object -First 3).Count | Should -Be 3
        @(Get-SimulatorRequest GET '*/organization/users').Count | Should -Be 1
    }
}
