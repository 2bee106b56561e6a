# Runs docs/guides/rotate-service-account-key.md: every powershell block, in order, in one scope, against the simulator.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:GuidePath = Join-Path $PSScriptRoot '../../docs/guides/rotate-service-account-key.md'
}

Describe 'docs/guides/rotate-service-account-key.md' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'rotates the key of ci-deploy with no moment without a working key' {
        $blocks = [regex]::Matches((Get-Content $GuidePath -Raw), '(?s)```powershell\r?\n(.*?)```') | ForEach-Object { $_.Groups[1].Value }
        $blocks.Count | Should -Be 5

        # What the guide's secret store receives (SecretManagement is not installed here).
        $script:stored = @{}
        function Set-Secret([string] $Name, [securestring] $SecureStringSecret) { $script:stored[$Name] = $SecureStringSecret }

        $before = @(Get-OAIProject | Where-Object Name -eq 'Production chatbot' | Get-OAIProjectApiKey | Where-Object OwnerName -eq 'ci-deploy')
        $before.Count | Should -Be 1
        # Dot-sourced into this scope (the guide's variables are checked below), under a transcript of the host.
        $transcript = Join-Path ([IO.Path]::GetTempPath()) "oai-rotate-$([guid]::NewGuid()).txt"
        Start-Transcript -Path $transcript -UseMinimalHeader | Out-Null
        try { foreach ($block in $blocks) { . ([scriptblock]::Create($block)) | Out-Host } }
        finally { Stop-Transcript | Out-Null }
        $text = Get-Content $transcript -Raw
        Remove-Item $transcript

        # Step 1 found the account and its one key.
        $old.Name | Should -Be 'ci-deploy'
        @($oldKeys.Id) | Should -Be @($before.Id)
        # Steps 2-3: a new account with a key, stored as a SecureString that is the new key's secret.
        $new.Name | Should -BeLike 'ci-deploy-*'
        $stored['openai-ci-deploy'] | Should -BeOfType [securestring]
        [Net.NetworkCredential]::new('', $stored['openai-ci-deploy']).Password | Should -BeLike 'sk-svcacct-*'
        $newKey.Id | Should -Be $new.ApiKey.Id
        # The old key kept working until the end: no request revoked a key or deleted an account before the last step.
        $deletes = @(Get-SimulatorRequest DELETE)
        $deletes.Count | Should -Be 1
        $deletes[0].path | Should -Match ([regex]::Escape("/service_accounts/$($old.Id)") + '$')
        # Step 5: the old account and its key are gone; the new account's key is the project's ci key now.
        Get-ErrorId { Get-OAIServiceAccount -ProjectId $project.Id -Id $old.Id } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIServiceAccountCommand'
        $after = @(Get-OAIProjectApiKey -ProjectId $project.Id)
        $after.Id | Should -Not -Contain $before[0].Id
        $after.Id | Should -Contain $new.ApiKey.Id
        # The secret was never shown.
        $text | Should -Not -Match ([regex]::Escape([Net.NetworkCredential]::new('', $stored['openai-ci-deploy']).Password))
    }

    It 'keeps the old account while an old key is still in use after the new one was issued' {
        # A consumer that has not switched: the old key is used after the new account exists.
        $blocks = [regex]::Matches((Get-Content $GuidePath -Raw), '(?s)```powershell\r?\n(.*?)```') | ForEach-Object { $_.Groups[1].Value }
        function Set-Secret([string] $Name, [securestring] $SecureStringSecret) { }
        foreach ($block in $blocks[0..2]) { . ([scriptblock]::Create($block)) }
        $new.CreatedAt = $new.CreatedAt.AddDays(-30)   # as if the new account had been made a month before the old key's last use
        . ([scriptblock]::Create($blocks[3]))
        $stillUsed.Count | Should -Be 1
        . ([scriptblock]::Create($blocks[4]))
        @(Get-SimulatorRequest DELETE).Count | Should -Be 0
        (Get-OAIServiceAccount -ProjectId $project.Id -Id $old.Id).Id | Should -Be $old.Id
    }
}
