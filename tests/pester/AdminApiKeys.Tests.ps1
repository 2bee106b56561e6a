BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
}

Describe 'Get-OAIAdminApiKey' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'lists admin keys with redacted values only' {
        $keys = @(Get-OAIAdminApiKey)
        $keys.Count | Should -BeGreaterThan 1
        $keys[0].GetType().FullName | Should -Be 'OpenAIAdmin.AdminApiKey'
        $keys | ForEach-Object { $_.RedactedValue | Should -Not -BeNullOrEmpty; $_.PSObject.Properties['Value'] | Should -BeNullOrEmpty }
    }

    It 'gets one key by id, also by property name from the pipeline' {
        $first = @(Get-OAIAdminApiKey)[0]
        (Get-OAIAdminApiKey -Id $first.Id).Id | Should -Be $first.Id
        ([pscustomobject]@{ key_id = $first.Id } | Get-OAIAdminApiKey).Name | Should -Be $first.Name
    }

    It 'passes -Descending as order=desc and honours -First with one request' {
        $ascending = @(Get-OAIAdminApiKey)
        Reset-Simulator
        $descending = @(Get-OAIAdminApiKey -Descending -First 1)
        $descending.Count | Should -Be 1
        $descending[0].Id | Should -Be $ascending[-1].Id
        $calls = @(Get-SimulatorRequest GET '*/admin_api_keys')
        $calls.Count | Should -Be 1
        $calls[0].query | Should -Match 'order=desc'
        $calls[0].query | Should -Match 'limit=1'
    }

    It 'reports a missing key as ApiNotFound' {
        Get-ErrorId { Get-OAIAdminApiKey -Id key_missing } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIAdminApiKeyCommand'
    }
}

Describe 'New-OAIAdminApiKey' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'returns the one-time value as a SecureString and warns to store it' {
        $key = New-OAIAdminApiKey -Name 'pester-ci' -ExpiresIn (New-TimeSpan -Days 30) -WarningVariable warnings -WarningAction SilentlyContinue
        $key.GetType().FullName | Should -Be 'OpenAIAdmin.AdminApiKeySecret'
        $key.Value | Should -BeOfType [securestring]
        [Net.NetworkCredential]::new('', $key.Value).Password | Should -BeLike 'sk-admin-*'
        $warnings[0] | Should -Match 'returned only once'
        "$key" | Should -Be $key.Id
        $key.ExpiresAt | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddDays(29))
        (Get-SimulatorRequest POST '*/admin_api_keys')[0].body | Should -Match '"expires_in_seconds":2592000'
    }

    It 'ends before creating anything when the session turns its reminder into a stop, so no secret is lost' {
        # CI jobs that fail on warnings; -Debug in a non-interactive host fails on the warning prompt the same way.
        Get-ErrorId { New-OAIAdminApiKey -Name 'pester-stop' -WarningAction Stop } | Should -Be 'ActionPreferenceStop,OpenAIAdmin.Commands.NewOAIAdminApiKeyCommand'
        $WarningPreference = 'Stop'
        try { Get-ErrorId { New-OAIAdminApiKey -Name 'pester-stop' } | Should -Be 'ActionPreferenceStop,OpenAIAdmin.Commands.NewOAIAdminApiKeyCommand' }
        finally { $WarningPreference = 'Continue' }
        @(Get-SimulatorRequest POST).Count | Should -Be 0
        @(Get-OAIAdminApiKey | Where-Object Name -eq 'pester-stop').Count | Should -Be 0
    }

    It 'shows the secret as a SecureString notice, never as text' {
        $key = New-OAIAdminApiKey -Name 'pester-show' -WarningAction SilentlyContinue
        $plain = [Net.NetworkCredential]::new('', $key.Value).Password
        $shown = $key | Out-String
        $shown | Should -Match 'SecureString'
        $shown | Should -Not -Match ([regex]::Escape($plain))
        ($key | ConvertTo-Json -Depth 3) | Should -Not -Match ([regex]::Escape($plain))
    }

    It 'rejects a lifetime over 365 days before any request' {
        Get-ErrorId { New-OAIAdminApiKey -Name too-long -ExpiresIn (New-TimeSpan -Days 366) } | Should -Be 'InvalidExpiry,OpenAIAdmin.Commands.NewOAIAdminApiKeyCommand'
        Get-ErrorId { New-OAIAdminApiKey -Name past -ExpiresAt (Get-Date).AddDays(-1) } | Should -Be 'InvalidExpiry,OpenAIAdmin.Commands.NewOAIAdminApiKeyCommand'
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }

    It '-WhatIf sends nothing' {
        New-OAIAdminApiKey -Name never -WhatIf
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }
}

Describe 'Remove-OAIAdminApiKey' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'previews with -WhatIf naming the key, and deletes nothing' {
        $key = @(Get-OAIAdminApiKey)[0]
        $text = Get-HostText { $key | Remove-OAIAdminApiKey -WhatIf }
        $text | Should -Match ([regex]::Escape("admin API key '$($key.Name)' ($($key.Id))"))
        @(Get-SimulatorRequest DELETE).Count | Should -Be 0
    }

    It 'deletes with -Force and emits the confirmation only with -PassThru' {
        $new = New-OAIAdminApiKey -Name 'to-delete' -WarningAction SilentlyContinue
        $deleted = $new | Remove-OAIAdminApiKey -Force -PassThru
        $deleted.GetType().FullName | Should -Be 'OpenAIAdmin.DeletedObject'
        $deleted.Id | Should -Be $new.Id
        $deleted.Deleted | Should -BeTrue
        $deleted.ProjectId | Should -BeNullOrEmpty -Because 'an admin key belongs to the organization'
        Get-ErrorId { Get-OAIAdminApiKey -Id $new.Id } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIAdminApiKeyCommand'
        $other = New-OAIAdminApiKey -Name 'quiet' -WarningAction SilentlyContinue
        Remove-OAIAdminApiKey -Id $other.Id -Confirm:$false | Should -BeNullOrEmpty
    }
}
