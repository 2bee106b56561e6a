BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
}

Describe 'Get-OAIUser' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'Select-Object -First 3 makes exactly one request' {
        $users = @(Get-OAIUser | Select-Object -First 3)
        $users.Count | Should -Be 3
        @(Get-SimulatorRequest GET '*/organization/users').Count | Should -Be 1
    }

    It 'pages through all 250 users in three requests with no duplicate' {
        $users = @(Get-OAIUser)
        $users.Count | Should -Be 250
        @($users.Id | Sort-Object -Unique).Count | Should -Be 250
        @(Get-SimulatorRequest GET '*/organization/users').Count | Should -Be 3
        $users[0].GetType().FullName | Should -Be 'OpenAIAdmin.OrganizationUser'
    }

    It 'honours -First, -Skip and -PageSize' {
        $all = @(Get-OAIUser -PageSize 50)
        @(Get-SimulatorRequest GET '*/organization/users').Count | Should -Be 5
        $slice = @(Get-OAIUser -Skip 10 -First 5)
        ($slice.Id -join ',') | Should -Be ($all[10..14].Id -join ',')
    }

    It 'filters by e-mail on the server' {
        $user = Get-OAIUser -Email 'user-0007@example.com'
        $user.Email | Should -Be 'user-0007@example.com'
        (Get-SimulatorRequest GET '*/organization/users')[0].query | Should -Match 'emails'
    }

    It 'warns about addresses no user has once the listing is read, not when it stops early' {
        $warnings = $null
        @(Get-OAIUser -Email 'nobody@example.com', 'user-0007@example.com', 'gone@example.com' -WarningVariable warnings -WarningAction SilentlyContinue).Count | Should -Be 1
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -Be 'No user of the organization has these 2 addresses: nobody@example.com, gone@example.com.'
        Get-OAIUser -Email 'user-0007@example.com', 'nobody@example.com' -First 1 -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
        @($warnings).Count | Should -Be 0 -Because '-First stopped the listing before the other address could be found'
        Get-OAIUser -Email 'user-0007@example.com' -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
        @($warnings).Count | Should -Be 0
    }

    It 'finds users from a list of hundreds of addresses, asking for 50 at a time' {
        Invoke-RestMethod -Method Post -Uri "$SimulatorRoot/_sim/bulk" -Body '{"users":300}' | Out-Null
        $all = @(Get-OAIUser)
        $wanted = @($all | Select-Object -First 260 | ForEach-Object Email) + 'nobody@example.com', " $($all[0].Email.ToUpperInvariant()) "
        $before = @(Get-SimulatorRequest GET '*/organization/users').Count
        $warnings = $null
        $found = @(Get-OAIUser -Email $wanted -WarningVariable warnings -WarningAction SilentlyContinue)
        $found.Count | Should -Be 260
        "$warnings" | Should -Be 'No user of the organization has the address nobody@example.com.' -Because 'a typo in a leavers list must not pass for done'
        @($found.Id | Sort-Object -Unique).Count | Should -Be 260 -Because 'each user once'
        $requests = @(Get-SimulatorRequest GET '*/organization/users' | Select-Object -Skip $before)
        $requests.Count | Should -Be 6 -Because '261 distinct addresses are asked for in parts of 50'
        @($requests | Where-Object status -ne 200).Count | Should -Be 0
        foreach ($request in $requests) { ([regex]::Matches($request.query, 'emails').Count) | Should -BeLessOrEqual 50 }
    }

    It 'gets by id and binds user_id from the pipeline' {
        $first = Get-OAIUser -First 1
        ([pscustomobject]@{ user_id = $first.Id } | Get-OAIUser).Email | Should -Be $first.Email
    }

    It 'shows name, e-mail and role in its table' {
        (Get-OAIUser -First 1 | Format-Table | Out-String) | Should -Match 'Name\s+Email\s+Role\s+Id'
    }
}

Describe 'Set-OAIUser' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'changes the role of users piped from Get-OAIUser' {
        $user = Get-OAIUser -Email 'user-0010@example.com'
        $updated = $user | Set-OAIUser -Role owner -Force -PassThru
        $updated.Role | Should -Be 'owner'
        (Get-OAIUser -Id $user.Id).Role | Should -Be 'owner'
        (Get-SimulatorRequest POST "*/users/$($user.Id)")[0].body | Should -Match '"role":"owner"'
    }

    It 'asks before making someone an owner, as ConfirmImpact High would, and names the person' {
        $user = Get-OAIUser -Email 'user-0010@example.com'
        # This host cannot answer prompts: asking shows as the engine's NonInteractive error, and nothing is sent.
        { $user | Set-OAIUser -Role owner -ErrorAction Stop } | Should -Throw '*NonInteractive*'
        @(Get-SimulatorRequest POST "*/users/*").Count | Should -Be 0
        $user | Set-OAIUser -Role owner -Confirm:$false
        (Get-OAIUser -Id $user.Id).Role | Should -Be 'owner'
        # A reader needs no extra confirmation.
        $user | Set-OAIUser -Role reader
        (Get-OAIUser -Id $user.Id).Role | Should -Be 'reader'
        $text = Get-HostText { $user | Set-OAIUser -Role owner -WhatIf }
        $text | Should -Match ([regex]::Escape("Set role 'owner' (full control of the organization)"" on target ""user 'User 0010' <user-0010@example.com> ($($user.Id))"))
    }

    It 'assigns an organization role by id, completed from the role names' {
        $user = Get-OAIUser -Email 'user-0011@example.com'
        Set-OAIUser -Id $user.Id -RoleId role_01JR0004BVXEKF1SKEW82NV711 -Confirm:$false
        (Get-SimulatorRequest POST "*/users/$($user.Id)")[0].body | Should -Match '"role_id":"role_01JR0004BVXEKF1SKEW82NV711"'
        (Get-OAIUserRole -UserId $user.Id).RoleId | Should -Contain 'role_01JR0004BVXEKF1SKEW82NV711'
        Get-ErrorId { Set-OAIUser -Id $user.Id -RoleId role_missing } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.SetOAIUserCommand'
    }

    It 'validates the role and refuses an empty change' {
        Get-ErrorId { Set-OAIUser -Id user_x -Role admin } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.SetOAIUserCommand'
        Get-ErrorId { Set-OAIUser -Id user_x } | Should -Be 'NothingToChange,OpenAIAdmin.Commands.SetOAIUserCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It '-WhatIf sends nothing' {
        Get-OAIUser -First 2 | Set-OAIUser -Role reader -WhatIf
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }
}

Describe 'Remove-OAIUser' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'previews with -WhatIf naming the user and sends no DELETE' {
        $user = Get-OAIUser -First 1
        $text = Get-HostText { $user | Remove-OAIUser -WhatIf }
        $text | Should -Match ([regex]::Escape("($($user.Id))"))
        $text | Should -Match ([regex]::Escape($user.Email))
        @(Get-SimulatorRequest DELETE).Count | Should -Be 0
    }

    It 'names a user without name or e-mail by id alone' {
        $user = Get-OAIUser -Id user-0005iWmK9D5TKHdUt4HCAUYy
        $user.Name = $null
        $user.Email = $null
        $text = Get-HostText { $user | Remove-OAIUser -WhatIf }
        $text | Should -Match ([regex]::Escape('on target "user user-0005iWmK9D5TKHdUt4HCAUYy"'))
        @(Get-SimulatorRequest DELETE).Count | Should -Be 0
    }

    It 'removes with -Force; the user is gone afterwards' {
        $user = Get-OAIUser -Email 'user-0020@example.com'
        $deleted = $user | Remove-OAIUser -Force -PassThru
        $deleted.Deleted | Should -BeTrue
        Get-ErrorId { Get-OAIUser -Id $user.Id } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIUserCommand'
        @(Get-OAIUser).Count | Should -Be 249
    }

    It 'continues with the next input after a missing user' {
        $user = Get-OAIUser -Email 'user-0030@example.com'
        Remove-OAIUser -Id user_missing -Force -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.RemoveOAIUserCommand'
        'user_missing', $user.Id | Remove-OAIUser -Force -ErrorAction SilentlyContinue
        Get-ErrorId { Get-OAIUser -Id $user.Id } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIUserCommand'
    }
}
