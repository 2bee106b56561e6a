BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    function Get-Production { Get-OAIProject | Where-Object Name -eq 'Production chatbot' }
    function Get-Archived { Get-OAIProject -IncludeArchived | Where-Object Status -eq 'archived' | Select-Object -First 1 }
}

Describe 'Get-OAIServiceAccount' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'lists the accounts of piped projects, each carrying its project' {
        $accounts = @(Get-OAIProject | Get-OAIServiceAccount)
        $accounts.Count | Should -Be 4
        $accounts[0].GetType().FullName | Should -Be 'OpenAIAdmin.ProjectServiceAccount'
        $production = Get-Production
        @($accounts | Where-Object ProjectId -eq $production.Id).Name | Should -Be @('ci-deploy', 'monitoring')
        $accounts | ForEach-Object { $_.Id | Should -MatchExactly '^svc_acct_[A-Za-z0-9]{24}$'; $_.ServiceAccountId | Should -Be $_.Id }
        # A piped project's Id is not taken as a service account id: these are lists, not gets.
        @(Get-SimulatorRequest GET '*/service_accounts/*').Count | Should -Be 0
    }

    It 'gets by id, also from piped accounts, and filters by name' {
        $production = Get-Production
        $ci = Get-OAIServiceAccount -ProjectId $production.Id -Name 'ci-*'
        @($ci).Count | Should -Be 1
        ($ci | Get-OAIServiceAccount).Name | Should -Be 'ci-deploy'
        (Get-OAIServiceAccount -ProjectId $production.Id -Id $ci.Id).Role | Should -Be 'member'
        Get-ErrorId { Get-OAIServiceAccount -ProjectId $production.Id -Id svc_acct_missing } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIServiceAccountCommand'
    }

    It 'reports the 400 of an archived project as ApiBadRequest' {
        Get-ErrorId { Get-Archived | Get-OAIServiceAccount } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.GetOAIServiceAccountCommand'
        (Get-SimulatorRequest GET '*/service_accounts')[-1].status | Should -Be 400
    }
}

Describe 'New-OAIServiceAccount' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'returns the first key once as a SecureString, with a warning' {
        $production = Get-Production
        $sa = $production | New-OAIServiceAccount -Name 'pester-ci' -WarningVariable warnings -WarningAction SilentlyContinue
        $sa.GetType().FullName | Should -Be 'OpenAIAdmin.ProjectServiceAccountCreated'
        $sa.ProjectId | Should -Be $production.Id
        $sa.Role | Should -Be 'member'
        $sa.ApiKey.Value | Should -BeOfType [securestring]
        [Net.NetworkCredential]::new('', $sa.ApiKey.Value).Password | Should -BeLike 'sk-svcacct-*'
        "$($sa.ApiKey)" | Should -Be $sa.ApiKey.Id
        $warnings[0] | Should -Match 'returned only once'
        (Get-SimulatorRequest POST '*/service_accounts')[0].body | Should -Be '{"name":"pester-ci"}'
        # The key is the account's: the project lists it under the account.
        ($sa | Get-OAIProjectApiKey).Id | Should -Be $sa.ApiKey.Id
    }

    It 'ends before creating anything when the session turns its reminder into a stop, so no key is lost' {
        $production = Get-Production
        Get-ErrorId { $production | New-OAIServiceAccount -Name 'pester-stop' -WarningAction Stop } | Should -Be 'ActionPreferenceStop,OpenAIAdmin.Commands.NewOAIServiceAccountCommand'
        $account = @(Get-OAIServiceAccount -ProjectId $production.Id)[0]
        Reset-Simulator
        Get-ErrorId { $account | New-OAIServiceAccountApiKey -Name 'pester-stop' -WarningAction Stop } | Should -Be 'ActionPreferenceStop,OpenAIAdmin.Commands.NewOAIServiceAccountApiKeyCommand'
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }

    It '-NoApiKey creates the account only: create_service_account_only, role none, no key, no warning' {
        $sa = New-OAIServiceAccount -ProjectId (Get-Production).Id -Name 'pester-bare' -NoApiKey -WarningVariable warnings
        $sa.Role | Should -Be 'none'
        $sa.ApiKey | Should -BeNullOrEmpty
        $warnings.Count | Should -Be 0
        (Get-SimulatorRequest POST '*/service_accounts')[0].body | Should -Be '{"name":"pester-bare","create_service_account_only":true}'
        New-OAIServiceAccount -ProjectId (Get-Production).Id -Name 'pester-keyed' -NoApiKey:$false -WarningAction SilentlyContinue | ForEach-Object ApiKey | Should -Not -BeNullOrEmpty
    }

    It '-WhatIf sends nothing; an archived project refuses with ApiBadRequest' {
        New-OAIServiceAccount -ProjectId (Get-Production).Id -Name never -WhatIf
        @(Get-SimulatorRequest POST).Count | Should -Be 0
        Get-ErrorId { Get-Archived | New-OAIServiceAccount -Name refused } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.NewOAIServiceAccountCommand'
    }

    It 'keeps the secret out of every stream, Debug and Verbose included, and out of the transcript' {
        $production = Get-Production
        $text = Get-HostText {
            $DebugPreference = 'Continue'
            $VerbosePreference = 'Continue'
            $script:leakSa = $production | New-OAIServiceAccount -Name 'leak-check' -Verbose -Debug -WarningAction Continue
            $script:leakSa | Format-List | Out-Host
            $script:leakKey = $script:leakSa | New-OAIServiceAccountApiKey -Name 'leak-check-2' -Verbose -Debug -WarningAction Continue
            $script:leakKey | Format-List | Out-Host
        }
        $secrets = [Net.NetworkCredential]::new('', $leakSa.ApiKey.Value).Password, [Net.NetworkCredential]::new('', $leakKey.Value).Password
        $text | Should -Match 'HTTP POST'
        $text | Should -Match '"value":\s*"\*\*\*"'
        foreach ($secret in $secrets) {
            $secret | Should -BeLike 'sk-svcacct-*'
            $text | Should -Not -Match ([regex]::Escape($secret))
            $text | Should -Not -Match ([regex]::Escape($secret.Substring(11, 20)))
        }
        $records = & { $production | New-OAIServiceAccount -Name 'leak-streams' -Verbose -Debug -WarningAction Continue } 2>&1 3>&1 4>&1 5>&1 6>&1
        $made = @($records | Where-Object { $_.PSObject.TypeNames -contains 'OpenAIAdmin.ProjectServiceAccountCreated' })[0]
        $plain = [Net.NetworkCredential]::new('', $made.ApiKey.Value).Password
        ($records | Out-String) | Should -Not -Match ([regex]::Escape($plain))
        ($made | ConvertTo-Json -Depth 5 -WarningAction SilentlyContinue) | Should -Not -Match ([regex]::Escape($plain))
    }
}

Describe 'Set-OAIServiceAccount' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'sends only the fields given and names the account in the confirmation' {
        $sa = Get-OAIServiceAccount -ProjectId (Get-Production).Id -Name monitoring
        $text = Get-HostText { $sa | Set-OAIServiceAccount -Role owner -Name 'monitoring-eu' -WhatIf }
        $text | Should -Match ([regex]::Escape("Rename to 'monitoring-eu'; Set project role 'owner'"))
        $text | Should -Match ([regex]::Escape("service account 'monitoring' ($($sa.Id)) in project $($sa.ProjectId)"))
        @(Get-SimulatorRequest POST).Count | Should -Be 0
        $changed = $sa | Set-OAIServiceAccount -Role owner -PassThru
        $changed.Role | Should -Be 'owner'
        $changed.Name | Should -Be 'monitoring'
        (Get-SimulatorRequest POST '*/service_accounts/*')[0].body | Should -Be '{"role":"owner"}'
        Set-OAIServiceAccount -ProjectId $sa.ProjectId -Id $sa.Id -Name renamed | Should -BeNullOrEmpty
        (Get-OAIServiceAccount -ProjectId $sa.ProjectId -Id $sa.Id).Name | Should -Be 'renamed'
    }

    It 'refuses nothing to change before any request, and a role outside owner/member' {
        $sa = Get-OAIServiceAccount -ProjectId (Get-Production).Id -Name monitoring
        Get-ErrorId { $sa | Set-OAIServiceAccount } | Should -Be 'NothingToChange,OpenAIAdmin.Commands.SetOAIServiceAccountCommand'
        Get-ErrorId { $sa | Set-OAIServiceAccount -Role none } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.SetOAIServiceAccountCommand'
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }
}

Describe 'Remove-OAIServiceAccount' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'is ConfirmImpact High: -WhatIf deletes nothing, -Force deletes the account and its keys' {
        (Get-Command Remove-OAIServiceAccount).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        $production = Get-Production
        $sa = Get-OAIServiceAccount -ProjectId $production.Id -Name ci-deploy
        $keys = @($sa | Get-OAIProjectApiKey)
        $keys.Count | Should -Be 1
        $text = Get-HostText { $sa | Remove-OAIServiceAccount -WhatIf }
        $text | Should -Match ([regex]::Escape("service account 'ci-deploy' ($($sa.Id)) in project $($production.Id)"))
        @(Get-SimulatorRequest DELETE).Count | Should -Be 0
        $deleted = $sa | Remove-OAIServiceAccount -Force -PassThru
        $deleted.Id | Should -Be $sa.Id
        $deleted.Deleted | Should -BeTrue
        Get-ErrorId { Get-OAIProjectApiKey -ProjectId $production.Id -Id $keys[0].Id } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIProjectApiKeyCommand'
        @(Get-OAIProjectApiKey -ProjectId $production.Id).OwnerName | Should -Not -Contain 'ci-deploy'
        Get-ErrorId { Remove-OAIServiceAccount -ProjectId $production.Id -Id $sa.Id -Force } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.RemoveOAIServiceAccountCommand'
    }
}

Describe 'New-OAIServiceAccountApiKey' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'issues another key for a piped account, which keeps its old key' {
        $sa = Get-OAIServiceAccount -ProjectId (Get-Production).Id -Name ci-deploy
        $key = $sa | New-OAIServiceAccountApiKey -Name 'ci-deploy-2' -Scope 'api.model.read' -WarningVariable warnings -WarningAction SilentlyContinue
        $key.GetType().FullName | Should -Be 'OpenAIAdmin.ServiceAccountApiKeySecret'
        $key.ServiceAccountId | Should -Be $sa.Id
        $key.ProjectId | Should -Be $sa.ProjectId
        $key.Name | Should -Be 'ci-deploy-2'
        [Net.NetworkCredential]::new('', $key.Value).Password | Should -BeLike 'sk-svcacct-*'
        $warnings[0] | Should -Match 'returned only once'
        (Get-SimulatorRequest POST '*/api_keys')[0].body | Should -Be '{"name":"ci-deploy-2","scopes":["api.model.read"]}'
        @($sa | Get-OAIProjectApiKey).Count | Should -Be 2
        ($key | Out-String) | Should -Match 'SecureString, shown only once'
    }

    It '-WhatIf sends nothing; an unknown account is ApiNotFound' {
        $production = Get-Production
        New-OAIServiceAccountApiKey -ProjectId $production.Id -ServiceAccountId svc_acct_missing -WhatIf
        @(Get-SimulatorRequest POST).Count | Should -Be 0
        Get-ErrorId { New-OAIServiceAccountApiKey -ProjectId $production.Id -ServiceAccountId svc_acct_missing -WarningAction SilentlyContinue } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.NewOAIServiceAccountApiKeyCommand'
    }
}
