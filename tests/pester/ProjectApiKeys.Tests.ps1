BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    function Get-Production { Get-OAIProject | Where-Object Name -eq 'Production chatbot' }
}

Describe 'Get-OAIProjectApiKey' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'lists the keys of piped projects with their owner, user or service account' {
        $keys = @(Get-OAIProject | Get-OAIProjectApiKey)
        $keys.Count | Should -Be 7
        $keys[0].GetType().FullName | Should -Be 'OpenAIAdmin.ProjectApiKey'
        @(Get-SimulatorRequest GET '*/api_keys/*').Count | Should -Be 0 -Because "a piped project's Id is not a key id"
        $user = $keys | Where-Object Name -eq 'laptop-ann'
        $user.OwnerType | Should -Be 'user'
        $user.OwnerId | Should -MatchExactly '^user-0004'
        $user.OwnerEmail | Should -Be 'user-0004@example.com'
        $user.ProjectId | Should -Be (Get-Production).Id
        $sa = $keys | Where-Object Name -eq 'ci-deploy key'
        $sa.OwnerType | Should -Be 'service_account'
        $sa.OwnerName | Should -Be 'ci-deploy'
        $sa.OwnerId | Should -MatchExactly '^svc_acct_0001'
        $sa.OwnerEmail | Should -BeNullOrEmpty
        $sa.Owner.ServiceAccount.Role | Should -Be 'member'
        $keys | ForEach-Object { $_.ApiKeyId | Should -Be $_.Id; $_.RedactedValue | Should -Match '\*\*\*' }
    }

    It 'filters by owner: piped service account, -UserId, -OwnerType, -Name' {
        $production = Get-Production
        $sa = Get-OAIServiceAccount -ProjectId $production.Id -Name monitoring
        @($sa | Get-OAIProjectApiKey).Name | Should -Be @('monitoring key')
        $user = @(Get-OAIProjectApiKey -ProjectId $production.Id -Name laptop-*)[0]
        @(Get-OAIProjectApiKey -ProjectId $production.Id -UserId $user.OwnerId).Name | Should -Be @('laptop-ann')
        @(Get-OAIProjectApiKey -ProjectId $production.Id -OwnerType ServiceAccount).Name | Should -Be @('ci-deploy key', 'monitoring key')
        @(Get-OAIProjectApiKey -ProjectId $production.Id -OwnerType User).Name | Should -Be @('laptop-ann')
    }

    It 'passes -OwnerProjectAccess to the API, which otherwise hides keys of owners without access' {
        $production = Get-Production
        @(Get-OAIProjectApiKey -ProjectId $production.Id).Name | Should -Not -Contain 'notebook-old'
        $all = @(Get-OAIProjectApiKey -ProjectId $production.Id -OwnerProjectAccess Any)
        $all.Name | Should -Contain 'notebook-old'
        ($all | Where-Object Name -eq 'notebook-old').OwnerProjectAccess | Should -Be 'inactive'
        (Get-SimulatorRequest GET '*/api_keys')[-1].query | Should -Match 'owner_project_access=any'
        @(Get-OAIProjectApiKey -ProjectId $production.Id -OwnerProjectAccess Inactive).Name | Should -Be @('notebook-old')
    }

    It 'gets keys by id, pages with -First, and reports a missing key as ApiNotFound' {
        $production = Get-Production
        $first = @(Get-OAIProjectApiKey -ProjectId $production.Id -First 1)
        $first.Count | Should -Be 1
        (Get-SimulatorRequest GET '*/api_keys')[-1].query | Should -Match 'limit=1'
        ($first | Get-OAIProjectApiKey).Name | Should -Be $first[0].Name
        Get-ErrorId { Get-OAIProjectApiKey -ProjectId $production.Id -Id key_missing } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIProjectApiKeyCommand'
    }
}

Describe 'Remove-OAIProjectApiKey' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'previews every user key unused for 90 days across projects, naming key, owner and project, and sends nothing' {
        $stale = @(Get-OAIProject | Get-OAIProjectApiKey | Where-Object LastUsedAt -lt (Get-Date).AddDays(-90))
        $stale.Name | Should -Be @('build-bot key', 'laptop-ann', 'monitoring key')
        $text = Get-HostText { Get-OAIProject | Get-OAIProjectApiKey | Where-Object LastUsedAt -lt (Get-Date).AddDays(-90) | Remove-OAIProjectApiKey -WhatIf -ErrorAction SilentlyContinue }
        $errors = @()
        $stale | Remove-OAIProjectApiKey -WhatIf -ErrorVariable errors -ErrorAction SilentlyContinue
        # The two service accounts' keys cannot be revoked alone: refused before -WhatIf promises it.
        @([regex]::Matches($text, 'What if: Performing the operation "Revoke"')).Count | Should -Be 1
        $errors.FullyQualifiedErrorId | Should -Be (@('ServiceAccountKey,OpenAIAdmin.Commands.RemoveOAIProjectApiKeyCommand') * 2)
        $ann = $stale | Where-Object Name -eq 'laptop-ann'
        $text | Should -Match ([regex]::Escape("API key 'laptop-ann' ($($ann.Id)) of user 'User 0004' <user-0004@example.com> ($($ann.OwnerId)) in project $($ann.ProjectId)"))
        @(Get-SimulatorRequest DELETE).Count | Should -Be 0
    }

    It 'revokes a user key with -Force, by object or by id, and -PassThru returns the confirmation' {
        $production = Get-Production
        $key = Get-OAIProjectApiKey -ProjectId $production.Id -Name laptop-ann
        $deleted = $key | Remove-OAIProjectApiKey -Force -PassThru
        $deleted.Id | Should -Be $key.Id
        $deleted.Object | Should -Be 'organization.project.api_key.deleted'
        Get-ErrorId { Get-OAIProjectApiKey -ProjectId $production.Id -Id $key.Id } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIProjectApiKeyCommand'
        $other = Get-OAIProjectApiKey -ProjectId (Get-OAIProject -First 1).Id -Name playground
        Remove-OAIProjectApiKey -ProjectId $other.ProjectId -Id $other.Id -Confirm:$false | Should -BeNullOrEmpty
        (Get-SimulatorRequest DELETE)[-1].path | Should -BeLike "*/projects/$($other.ProjectId)/api_keys/$($other.Id)"
    }

    It 'refuses a service-account key piped in before any request; by id alone the API refuses it as ApiBadRequest; the key stays' {
        $production = Get-Production
        $key = Get-OAIProjectApiKey -ProjectId $production.Id -Name 'ci-deploy key'
        Get-ErrorId { $key | Remove-OAIProjectApiKey -Force } | Should -Be 'ServiceAccountKey,OpenAIAdmin.Commands.RemoveOAIProjectApiKeyCommand'
        Get-ErrorId { $key | ConvertTo-Csv | ConvertFrom-Csv | Remove-OAIProjectApiKey -Force } | Should -Be 'ServiceAccountKey,OpenAIAdmin.Commands.RemoveOAIProjectApiKeyCommand'
        @(Get-SimulatorRequest DELETE).Count | Should -Be 0
        Get-ErrorId { Remove-OAIProjectApiKey -ProjectId $production.Id -Id $key.Id -Force } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.RemoveOAIProjectApiKeyCommand'
        (Get-SimulatorRequest DELETE)[-1].status | Should -Be 400
        (Get-OAIProjectApiKey -ProjectId $production.Id -Id $key.Id).Id | Should -Be $key.Id
    }

    It 'refuses a user piped in as if it were a key, before any request' {
        $user = Get-OAIUser -First 1
        Get-ErrorId { $user | Remove-OAIProjectApiKey -ProjectId (Get-Production).Id -Force } | Should -Be 'InvalidInputObject,OpenAIAdmin.Commands.RemoveOAIProjectApiKeyCommand'
        @(Get-SimulatorRequest DELETE).Count | Should -Be 0
    }
}
