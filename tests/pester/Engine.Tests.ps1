# The engine under use that unattended jobs see: connections per runspace, -Connection, the implicit connection
# following the environment, input that must never reach the API, and what errors say.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:Unreachable = 'http://127.0.0.1:9/v1'   # the discard port: nothing listens on loopback there

    function Use-Environment([string] $Key, [string] $Url) {
        if ($Key) { $env:OPENAI_ADMIN_KEY = $Key } else { Remove-Item Env:OPENAI_ADMIN_KEY -ErrorAction SilentlyContinue }
        if ($Url) { $env:OPENAI_BASE_URL = $Url } else { Remove-Item Env:OPENAI_BASE_URL -ErrorAction SilentlyContinue }
    }
}

Describe 'Connections belong to their runspace' {
    BeforeEach {
        Reset-Simulator
        Disconnect-OAIAdmin
        $script:saved = @{ Key = $env:OPENAI_ADMIN_KEY; Url = $env:OPENAI_BASE_URL }
    }
    AfterEach {
        Use-Environment $saved.Key $saved.Url
        foreach ($name in 'OPENAI_ADMIN_MAX_RETRIES', 'OPENAI_ADMIN_TIMEOUT_SEC', 'OPENAI_ADMIN_OPERATION_TIMEOUT_SEC') {
            Remove-Item "Env:$name" -ErrorAction SilentlyContinue
        }
        Connect-Simulator
    }

    It 'serves 8 parallel first uses of the implicit connection, each complete' {
        # Nothing has connected in this process's runspaces yet: every worker's first cmdlet makes the implicit connection.
        Use-Environment $FakeAdminKey $SimulatorUrl
        $module = $env:OPENAIADMIN_MODULE
        $counts = 1..8 | ForEach-Object -Parallel {
            Import-Module $using:module
            try { (Get-OAIUser -ErrorAction Stop | Measure-Object).Count } catch { $_.FullyQualifiedErrorId + ': ' + $_.Exception.GetType().Name }
        } -ThrottleLimit 8
        $expected = @(Get-OAIUser).Count
        $expected | Should -BeGreaterThan 100
        $counts | Should -Be (@($expected) * 8)
    }

    It 'keeps a listing in another runspace whole while this one connects and disconnects' {
        Connect-Simulator
        $context = Get-OAIAdminContext
        $expected = @(Get-OAIUser).Count
        Reset-Simulator
        Add-SimulatorFault @{ kind = 'delay'; delay_ms = 300; count = 4; path = '/v1/organization/users' }
        $job = Start-ThreadJob -ScriptBlock {
            param($module, $connection)
            Import-Module $module
            try { (Get-OAIUser -Connection $connection -PageSize 50 -ErrorAction Stop | Measure-Object).Count }
            catch { $_.FullyQualifiedErrorId + ': ' + $_.Exception.GetType().Name }
        } -ArgumentList $env:OPENAIADMIN_MODULE, $context
        $deadline = [DateTime]::UtcNow.AddSeconds(20)
        while (@(Get-SimulatorRequest GET '*/organization/users').Count -eq 0 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
        1..5 | ForEach-Object { Disconnect-OAIAdmin; Connect-Simulator }
        Disconnect-OAIAdmin
        $job | Wait-Job -Timeout 60 | Receive-Job | Should -Be $expected
        $job | Remove-Job -Force
    }

    It 'does not see a connection made in another runspace' {
        Use-Environment $null $null
        $module = $env:OPENAIADMIN_MODULE
        $key = $FakeAdminKey
        $url = $SimulatorUrl
        $job = Start-ThreadJob -ScriptBlock {
            Import-Module $using:module
            Connect-OAIAdmin -ApiKey (ConvertTo-SecureString $using:key -AsPlainText -Force) -BaseUri $using:url
            (Get-OAIAdminContext).KeySource
        }
        $job | Wait-Job -Timeout 60 | Receive-Job | Should -Be 'Parameter'
        $job | Remove-Job -Force
        Get-ErrorId { Get-OAIProject } | Should -Be 'NoConnection,OpenAIAdmin.Commands.GetOAIProjectCommand'
    }

    It 'does not carry a connection into the next iteration of ForEach-Object -Parallel on a reused runspace' {
        # One runspace for all three iterations: PowerShell resets its variables between them, and the connection with them.
        Use-Environment $FakeAdminKey $SimulatorUrl
        $module = $env:OPENAIADMIN_MODULE
        $seen = 1..3 | ForEach-Object -ThrottleLimit 1 -Parallel {
            Import-Module $using:module
            if ($_ -eq 1) { Connect-OAIAdmin -ApiKey (ConvertTo-SecureString 'sk-admin-other-org-fake' -AsPlainText -Force) -BaseUri $using:Unreachable; $here = 'set' }
            "$_ $((Get-OAIAdminContext).KeySource) $((Get-OAIAdminContext).BaseUri) $here"
        }
        $seen | Should -Be @("1 Parameter $Unreachable set", "2 Environment $SimulatorUrl ", "3 Environment $SimulatorUrl ")
        Connect-Simulator
        (Get-Variable -Scope Global -Name 'OpenAIAdmin.CurrentConnection').Visibility | Should -Be 'Private' -Because 'Get-Variable at the prompt does not list it'
    }

    It 'says so when the connection ended with the runspace''s variables, before falling back to OPENAI_ADMIN_KEY' {
        Use-Environment $FakeAdminKey $SimulatorUrl
        Connect-OAIAdmin -ApiKey (ConvertTo-SecureString 'sk-admin-other-org-fake' -AsPlainText -Force) -BaseUri $Unreachable
        # What a dot-sourced Remove-Variable * does to the global variables.
        Remove-Variable -Scope Global -Name 'OpenAIAdmin.CurrentConnection' -Force
        $warnings = $null
        @(Get-OAIProject -First 1 -WarningVariable warnings -WarningAction SilentlyContinue).Count | Should -Be 1
        "$warnings" | Should -BeLike 'The connection Connect-OAIAdmin made in this runspace has ended with the runspace''s variables*Connect again, or pass -Connection.'
        (Get-OAIAdminContext -WarningVariable warnings -WarningAction SilentlyContinue).KeySource | Should -Be 'Environment'
        @($warnings).Count | Should -Be 0 -Because 'it is said once, when the connection ends'
    }

    It 'works with two organizations side by side through -Connection, without switching' {
        $here = Connect-OAIAdmin -ApiKey (ConvertTo-SecureString $FakeAdminKey -AsPlainText -Force) -BaseUri $SimulatorUrl -PassThru
        $other = Connect-OAIAdmin -ApiKey (ConvertTo-SecureString 'sk-admin-other-org-fake' -AsPlainText -Force) -BaseUri $Unreachable -MaxRetryCount 0 -PassThru
        # The current connection is now the other one; -Connection picks either without changing it.
        @(Get-OAIProject -Connection $here -First 1).Count | Should -Be 1
        Get-ErrorId { Get-OAIProject -Connection $other } | Should -Be 'ApiUnreachable,OpenAIAdmin.Commands.GetOAIProjectCommand'
        (Get-OAIAdminContext).BaseUri | Should -Be $other.BaseUri
        @(Get-SimulatorRequest GET '*/organization/projects').Count | Should -Be 1
    }

    It 'shares one client per key and base URI across runspaces' {
        Use-Environment $FakeAdminKey $SimulatorUrl
        $module = $env:OPENAIADMIN_MODULE
        $stamps = 1..3 | ForEach-Object -Parallel { Import-Module $using:module; (Get-OAIAdminContext).ConnectedAt.UtcTicks } -ThrottleLimit 3
        @($stamps | Select-Object -Unique).Count | Should -Be 1
    }

    It 'says clearly when nothing is connected' {
        Use-Environment $null $null
        $warnings = $null
        $output = Get-OAIAdminContext -WarningVariable warnings -WarningAction SilentlyContinue
        $output | Should -BeNullOrEmpty
        "$warnings" | Should -Match 'Not connected'
    }

    It 'follows OPENAI_ADMIN_KEY and OPENAI_BASE_URL as they are at each cmdlet' {
        Use-Environment $FakeAdminKey $SimulatorUrl
        @(Get-OAIProject -First 1).Count | Should -Be 1
        $env:OPENAI_ADMIN_KEY = $FakeProjectKey
        Get-ErrorId { Get-OAIProject } | Should -Be 'InvalidAdminKey,OpenAIAdmin.Commands.GetOAIProjectCommand'
        $env:OPENAI_ADMIN_KEY = $FakeAdminKey
        $env:OPENAI_BASE_URL = $Unreachable
        $env:OPENAI_ADMIN_MAX_RETRIES = '0'
        Get-ErrorId { Get-OAIProject } | Should -Be 'ApiUnreachable,OpenAIAdmin.Commands.GetOAIProjectCommand'
        Remove-Item Env:OPENAI_ADMIN_KEY
        Get-ErrorId { Get-OAIProject } | Should -Be 'NoConnection,OpenAIAdmin.Commands.GetOAIProjectCommand'
        @(Get-SimulatorRequest GET '*/organization/projects').Count | Should -Be 1
    }

    It 'validates OPENAI_BASE_URL as -BaseUri is validated, naming the variable' -ForEach @(
        @{ Url = 'not a url' }
        @{ Url = 'ftp://127.0.0.1/v1' }
    ) {
        Use-Environment $FakeAdminKey $Url
        $err = $null
        try { Get-OAIProject -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'InvalidBaseUri,OpenAIAdmin.Commands.GetOAIProjectCommand'
        "$err" | Should -Match 'OPENAI_BASE_URL'
        Get-ErrorId { Connect-OAIAdmin } | Should -Be 'InvalidBaseUri,OpenAIAdmin.Commands.ConnectOAIAdminCommand'
    }

    It 'warns that plain http to another host sends the key in clear text, before any request' {
        # Get-OAIAdminContext builds the implicit connection but sends nothing, so no traffic leaves this machine.
        Use-Environment $FakeAdminKey 'http://admin-proxy.invalid/v1'
        $warnings = $null
        $context = Get-OAIAdminContext -WarningVariable warnings -WarningAction SilentlyContinue
        $context.BaseUri.Host | Should -Be 'admin-proxy.invalid'
        "$warnings" | Should -Match 'not encrypted'
    }

    It 'takes timeout and retry settings for the implicit connection from the environment' {
        Use-Environment $FakeAdminKey $SimulatorUrl
        $env:OPENAI_ADMIN_MAX_RETRIES = '2'
        $env:OPENAI_ADMIN_TIMEOUT_SEC = '5'
        $env:OPENAI_ADMIN_OPERATION_TIMEOUT_SEC = '20'
        $context = Get-OAIAdminContext
        $context.MaxRetryCount | Should -Be 2
        $context.TimeoutSec | Should -Be 5
        $context.OperationTimeoutSec | Should -Be 20
        $env:OPENAI_ADMIN_TIMEOUT_SEC = 'soon'
        $err = $null
        try { Get-OAIProject -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'InvalidSetting,OpenAIAdmin.Commands.GetOAIProjectCommand'
        "$err" | Should -Match 'OPENAI_ADMIN_TIMEOUT_SEC'
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'defaults to riding out a minute of rate limiting and giving up within three minutes' {
        $context = Connect-OAIAdmin -ApiKey (ConvertTo-SecureString $FakeAdminKey -AsPlainText -Force) -BaseUri $SimulatorUrl -PassThru
        $context.MaxRetryCount | Should -Be 10
        $context.TimeoutSec | Should -Be 60
        $context.OperationTimeoutSec | Should -Be 150
    }

    It 'leaves no connection behind when Connect-OAIAdmin fails, and stops the script' {
        Use-Environment $null $null
        Connect-Simulator
        $err = $null
        try { Connect-OAIAdmin -ApiKey ([securestring]::new()) -BaseUri $SimulatorUrl } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'NoConnection,OpenAIAdmin.Commands.ConnectOAIAdminCommand'
        "$err" | Should -Match ([regex]::Escape('This session no longer has its previous connection'))
        Get-ErrorId { Get-OAIProject } | Should -Be 'NoConnection,OpenAIAdmin.Commands.GetOAIProjectCommand'
        # Terminating: the rest of a script block does not run after a failed Connect.
        $after = & { $ErrorActionPreference = 'Continue'; try { Connect-OAIAdmin -ApiKey ([securestring]::new()); 'went on' } catch { 'stopped' } }
        $after | Should -Be 'stopped'
    }
}

Describe 'Pipeline input of the wrong kind sends nothing' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It '<Name> is refused with InvalidInputObject' -ForEach @(
        @{ Name = 'a user piped into Remove-OAIAdminApiKey'; Source = { Get-OAIUser -First 1 }; Command = 'Remove-OAIAdminApiKey'; Arguments = @{ Force = $true } }
        @{ Name = 'a project piped into Remove-OAIUser'; Source = { Get-OAIProject -First 1 }; Command = 'Remove-OAIUser'; Arguments = @{ Force = $true } }
        @{ Name = 'a date piped into Remove-OAIUser'; Source = { Get-Date }; Command = 'Remove-OAIUser'; Arguments = @{ Force = $true } }
        @{ Name = 'a role piped into Remove-OAIGroup'; Source = { Get-OAIRole -First 1 }; Command = 'Remove-OAIGroup'; Arguments = @{ Force = $true } }
        @{ Name = 'a group piped into Set-OAIProject'; Source = { Get-OAIGroup -First 1 }; Command = 'Set-OAIProject'; Arguments = @{ Name = 'x' } }
        @{ Name = 'a certificate piped into Get-OAIUser'; Source = { Get-OAICertificate -First 1 }; Command = 'Get-OAIUser'; Arguments = @{} }
        @{ Name = 'a number piped into Get-OAIProject'; Source = { 42 }; Command = 'Get-OAIProject'; Arguments = @{} }
        # Their ProjectId fits, but the id the command needs does not: dropping that binding would leave -Id empty.
        @{ Name = 'a service account piped into Remove-OAIProjectApiKey'; Source = { Get-OAIServiceAccount -ProjectId proj_productionchatbotrC4xJHX -First 1 }; Command = 'Remove-OAIProjectApiKey'; Arguments = @{ Force = $true } }
        @{ Name = 'a project API key piped into Remove-OAIServiceAccount'; Source = { Get-OAIProjectApiKey -ProjectId proj_productionchatbotrC4xJHX -First 1 }; Command = 'Remove-OAIServiceAccount'; Arguments = @{ Force = $true } }
        @{ Name = 'a project user piped into Remove-OAIProjectGroup'; Source = { Get-OAIProjectUser -ProjectId proj_productionchatbotrC4xJHX -First 1 }; Command = 'Remove-OAIProjectGroup'; Arguments = @{ Force = $true } }
        @{ Name = 'a project role piped into Remove-OAIProjectUser'; Source = { Get-OAIProjectRole -ProjectId proj_productionchatbotrC4xJHX -First 1 }; Command = 'Remove-OAIProjectUser'; Arguments = @{ Force = $true } }
        # A member names its group by GroupId without being the group: it must not delete or rename it.
        @{ Name = 'a group member piped into Remove-OAIGroup'; Source = { Get-OAIGroupMember -GroupId group_01JG00039R95E99VB9Z3F7ZPY9 -First 1 }; Command = 'Remove-OAIGroup'; Arguments = @{ Force = $true } }
        @{ Name = 'a group member piped into Set-OAIGroup'; Source = { Get-OAIGroupMember -GroupId group_01JG00039R95E99VB9Z3F7ZPY9 -First 1 }; Command = 'Set-OAIGroup'; Arguments = @{ Name = 'renamed'; Confirm = $false } }
        @{ Name = 'a project user piped into Remove-OAIProject'; Source = { Get-OAIProjectUser -ProjectId proj_productionchatbotrC4xJHX -First 1 }; Command = 'Remove-OAIProject'; Arguments = @{ Force = $true } }
        # Its ProjectId fits, but it is not the project: listing the project's accounts would turn one key into all of them.
        @{ Name = 'a project API key piped into Get-OAIServiceAccount'; Source = { Get-OAIProjectApiKey -ProjectId proj_productionchatbotrC4xJHX -First 1 }; Command = 'Get-OAIServiceAccount'; Arguments = @{} }
        @{ Name = 'a service account piped into Get-OAIProjectUser'; Source = { Get-OAIServiceAccount -ProjectId proj_productionchatbotrC4xJHX -First 1 }; Command = 'Get-OAIProjectUser'; Arguments = @{} }
        @{ Name = 'a project group piped into Get-OAIProjectUser'; Source = { Get-OAIProjectGroup -ProjectId proj_productionchatbotrC4xJHX -First 1 }; Command = 'Get-OAIProjectUser'; Arguments = @{} }
        # Exported rows say what they are: a project's row has ProjectId next to an Id of the same value.
        @{ Name = "a project's CSV row piped into Remove-OAIProjectUser"; Source = { Get-OAIProject -Id proj_productionchatbotrC4xJHX | ConvertTo-Csv | ConvertFrom-Csv }; Command = 'Remove-OAIProjectUser'; Arguments = @{ Force = $true } }
        # A project group's row has no Id and names a project and a group: it is neither.
        @{ Name = "a project group's CSV row piped into Remove-OAIProject"; Source = { Get-OAIProjectGroup -ProjectId proj_productionchatbotrC4xJHX -First 1 | ConvertTo-Csv | ConvertFrom-Csv }; Command = 'Remove-OAIProject'; Arguments = @{ Force = $true } }
        @{ Name = "a project group's CSV row piped into Remove-OAIGroup"; Source = { Get-OAIProjectGroup -ProjectId proj_productionchatbotrC4xJHX -First 1 | ConvertTo-Csv | ConvertFrom-Csv }; Command = 'Remove-OAIGroup'; Arguments = @{ Force = $true } }
        @{ Name = "a project group's Select-Object row piped into Remove-OAIProject"; Source = { Get-OAIProjectGroup -ProjectId proj_productionchatbotrC4xJHX -First 1 | Select-Object ProjectId, GroupId, GroupName }; Command = 'Remove-OAIProject'; Arguments = @{ Force = $true } }
        # A setting of the whole project changes only for the project itself or the setting: these only name the project.
        @{ Name = 'a service account piped into Remove-OAISpendLimit'; Source = { Get-OAIServiceAccount -ProjectId proj_productionchatbotrC4xJHX -First 1 }; Command = 'Remove-OAISpendLimit'; Arguments = @{ Force = $true } }
        @{ Name = 'a project user piped into Set-OAIDataRetention'; Source = { Get-OAIProjectUser -ProjectId proj_productionchatbotrC4xJHX -First 1 }; Command = 'Set-OAIDataRetention'; Arguments = @{ RetentionType = 'zero_data_retention'; Force = $true } }
        @{ Name = 'a spend alert piped into Remove-OAIModelPermission'; Source = { New-OAISpendAlert -ProjectId proj_productionchatbotrC4xJHX -Amount 10 -Recipient ops@example.com -Confirm:$false }; Command = 'Remove-OAIModelPermission'; Arguments = @{ Force = $true } }
        @{ Name = "a service account's CSV row piped into Remove-OAISpendLimit"; Source = { Get-OAIServiceAccount -ProjectId proj_productionchatbotrC4xJHX -First 1 | ConvertTo-Csv | ConvertFrom-Csv }; Command = 'Remove-OAISpendLimit'; Arguments = @{ Force = $true } }
        # A hand-made row's blank ProjectId would have sent the change to the organization ("in project " said -WhatIf).
        @{ Name = 'a hand-made row with a blank ProjectId piped into Disable-OAICertificate'; Source = { [pscustomobject]@{ Id = 'cert_0002LmNAjHn1wac56gmIa6Fy'; ProjectId = '' } }; Command = 'Disable-OAICertificate'; Arguments = @{ Force = $true } }
        @{ Name = 'a hand-made row with a white-space ProjectId piped into Enable-OAICertificate'; Source = { [pscustomobject]@{ CertificateId = 'cert_0002LmNAjHn1wac56gmIa6Fy'; ProjectId = ' ' } }; Command = 'Enable-OAICertificate'; Arguments = @{ Confirm = $false } }
        # An export says what it is (its Object column) and is judged as the object is: these only name the project or user.
        @{ Name = "a spend limit's CSV row piped into Remove-OAIProject"; Source = { Set-OAISpendLimit -ProjectId proj_supportbottE5emakLryq7y4 -Amount 5 -Confirm:$false; Get-OAISpendLimit -ProjectId proj_supportbottE5emakLryq7y4 | ConvertTo-Csv | ConvertFrom-Csv }; Command = 'Remove-OAIProject'; Arguments = @{ Force = $true } }
        @{ Name = "a retention setting's CSV row piped into Set-OAIProject"; Source = { Get-OAIDataRetention -ProjectId proj_productionchatbotrC4xJHX | ConvertTo-Csv | ConvertFrom-Csv }; Command = 'Set-OAIProject'; Arguments = @{ Name = 'renamed'; Confirm = $false } }
        @{ Name = "an exported deletion record piped into Remove-OAIUser"; Source = { Remove-OAIProjectUser -ProjectId proj_productionchatbotrC4xJHX -Id user-0002JeNiLqIA6WxFhRLL4olw -Force -PassThru | ConvertTo-Csv | ConvertFrom-Csv }; Command = 'Remove-OAIUser'; Arguments = @{ Force = $true } }
        # A cost row's export has a ProjectId and no Id: it is no spend limit, and had removed each project's limit.
        @{ Name = "a cost row's CSV row piped into Remove-OAISpendLimit"; Source = { Get-OAICost -GroupBy project_id | Where-Object ProjectId | Select-Object -First 1 | ConvertTo-Csv | ConvertFrom-Csv }; Command = 'Remove-OAISpendLimit'; Arguments = @{ Force = $true } }
        # A hosted-tool permission's export has no Object and no Id: its columns say what it is.
        @{ Name = "a hosted-tool permission's CSV row piped into Remove-OAIModelPermission"; Source = { Get-OAIHostedToolPermission -ProjectId proj_productionchatbotrC4xJHX | ConvertTo-Csv | ConvertFrom-Csv }; Command = 'Remove-OAIModelPermission'; Arguments = @{ Force = $true } }
        # A projection of a service account keeps its Id: it names the account, not the project.
        @{ Name = "a service account's Select-Object row piped into Remove-OAISpendLimit"; Source = { Get-OAIServiceAccount -ProjectId proj_productionchatbotrC4xJHX -First 1 | Select-Object Id, Name, ProjectId }; Command = 'Remove-OAISpendLimit'; Arguments = @{ Force = $true } }
        # A user's access-report row names the group and role it came through: removing that took the role from the whole group.
        @{ Name = "a user's access-report row piped into Remove-OAIProjectGroupRole"; Source = { Get-OAIAccessReport -ProjectId proj_productionchatbotrC4xJHX | Where-Object { $_.PrincipalType -eq 'User' -and $_.GroupId } | Select-Object -First 1 }; Command = 'Remove-OAIProjectGroupRole'; Arguments = @{ Force = $true } }
        @{ Name = "a user's access-report CSV row piped into Remove-OAIProjectGroupRole"; Source = { Get-OAIAccessReport -ProjectId proj_productionchatbotrC4xJHX | Where-Object { $_.PrincipalType -eq 'User' -and $_.GroupId } | Select-Object -First 1 | ConvertTo-Csv | ConvertFrom-Csv }; Command = 'Remove-OAIProjectGroupRole'; Arguments = @{ Force = $true } }
        # A hand-made row with an Id names one rate limit, and Get-OAIRateLimit (no -Id) would list them all.
        @{ Name = 'a hand-made row with an Id piped into Get-OAIRateLimit'; Source = { [pscustomobject]@{ Id = 'rl-gpt-4o'; ProjectId = 'proj_productionchatbotrC4xJHX' } }; Command = 'Get-OAIRateLimit'; Arguments = @{} }
        # A script block has an Id property of its own (a Guid); PowerShell bound its text.
        @{ Name = 'a script block piped into Remove-OAIGroup'; Source = { { x } }; Command = 'Remove-OAIGroup'; Arguments = @{ Force = $true } }
        # PowerShell builds an empty Group from a row without an Id.
        @{ Name = 'a row without an Id piped into Remove-OAIGroup'; Source = { [pscustomobject]@{ Name = 'x' } }; Command = 'Remove-OAIGroup'; Arguments = @{ Force = $true } }
        @{ Name = 'a row without an Id piped into Remove-OAIUser'; Source = { [pscustomobject]@{ Email = 'x@example.com' } }; Command = 'Remove-OAIUser'; Arguments = @{ Force = $true } }
    ) {
        $items = @(& $Source)
        Reset-Simulator
        $errors = @()
        $items | & $Command @Arguments -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be "InvalidInputObject,OpenAIAdmin.Commands.$((Get-Command $Command).ImplementingType.Name)"
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidType'
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'still takes ids, our objects of the right kind and foreign objects with a fitting property' {
        $users = @(Get-OAIUser -First 4)
        $group = Get-OAIGroup -First 1
        Reset-Simulator
        $users[0].Id | Remove-OAIUser -Force
        [pscustomobject]@{ user_id = $users[1].Id } | Remove-OAIUser -Force
        $users[2] | Remove-OAIUser -Force
        $users[3] | Add-OAIGroupMember -GroupId $group.Id -WhatIf
        @(Get-SimulatorRequest DELETE '*/organization/users/*').Count | Should -Be 3
    }

    It 'looks up an id with the white space of a copied cell as the id' {
        (Get-OAIProject -Id " proj_productionchatbotrC4xJHX`t" -ErrorAction Stop).Id | Should -Be 'proj_productionchatbotrC4xJHX'
        [pscustomobject]@{ ProjectId = 'proj_productionchatbotrC4xJHX '; Id = ' user-0002JeNiLqIA6WxFhRLL4olw' } | Get-OAIProjectUser -ErrorAction Stop | ForEach-Object Id | Should -Be 'user-0002JeNiLqIA6WxFhRLL4olw'
        @(Get-SimulatorRequest).path | Should -Be @('/v1/organization/projects/proj_productionchatbotrC4xJHX', '/v1/organization/projects/proj_productionchatbotrC4xJHX/users/user-0002JeNiLqIA6WxFhRLL4olw')
        # The objects written name the scope without it, so piped on they still match.
        @(Get-OAICertificate -ProjectId ' proj_defaultSbtsIO0rWI91rcsUU ').ProjectId | Select-Object -Unique | Should -BeExactly 'proj_defaultSbtsIO0rWI91rcsUU'
        ([pscustomobject]@{ ProjectId = "proj_productionchatbotrC4xJHX`t" } | Get-OAIServiceAccount -First 1).ProjectId | Should -BeExactly 'proj_productionchatbotrC4xJHX'
    }

    It 'lists what an exported project row names, as it does for the project itself' {
        $project = Get-OAIProject -Id proj_productionchatbotrC4xJHX
        $expected = @($project | Get-OAIProjectUser).Id
        $expected.Count | Should -BeGreaterThan 1
        foreach ($row in @(($project | ConvertTo-Csv | ConvertFrom-Csv), ($project | Select-Object Id, Name, ProjectId))) {
            Reset-Simulator
            @($row | Get-OAIProjectUser -ErrorAction Stop).Id | Should -Be $expected
            # One listing of the project's users, no lookup of the project's id as a user's.
            @(Get-SimulatorRequest).path | Should -Be @('/v1/organization/projects/proj_productionchatbotrC4xJHX/users')
        }
    }

    It 'adds the members of a group and the users of another project to a project' {
        $members = @(Get-OAIGroupMember -GroupId group_01JG00039R95E99VB9Z3F7ZPY9 -First 2)
        $others = @(Get-OAIProjectUser -ProjectId proj_productionchatbotrC4xJHX -First 1)
        Reset-Simulator
        $added = @($members + $others | Add-OAIProjectUser -ProjectId proj_supportbottE5emakLryq7y4 -Role member -ErrorAction Stop)
        $added.UserId | Should -Be @($members.UserId + $others.UserId)
        @(Get-SimulatorRequest POST '*/projects/proj_supportbottE5emakLryq7y4/users').Count | Should -Be 3
    }

    It 'never widens a change to the organization for a row or object whose ProjectId is blank' {
        Set-OAISpendLimit -Amount 1000 -Confirm:$false
        Reset-Simulator
        $errors = @()
        [pscustomobject]@{ ProjectId = '' } | Remove-OAISpendLimit -Force -ErrorVariable errors -ErrorAction SilentlyContinue
        Get-OAICertificate -First 1 | Set-OAIDataRetention -RetentionType zero_data_retention -Force -ErrorVariable +errors -ErrorAction SilentlyContinue
        $errors.Count | Should -Be 2
        @(Get-SimulatorRequest DELETE).Count + @(Get-SimulatorRequest POST).Count | Should -Be 0
    }

    It 'changes a project setting for the project, the setting, an export of either or a hand-made row' {
        $project = Get-OAIProject -Id proj_productionchatbotrC4xJHX
        Set-OAISpendLimit -ProjectId $project.Id -Amount 50 -Confirm:$false
        $limit = Get-OAISpendLimit -ProjectId $project.Id
        foreach ($case in @(
                @{ In = $project; What = 'a project' }
                @{ In = $limit; What = 'its spend limit' }
                @{ In = ($project | ConvertTo-Csv | ConvertFrom-Csv); What = "a project's CSV row" }
                @{ In = ($limit | ConvertTo-Csv | ConvertFrom-Csv); What = "the limit's CSV row" }
                @{ In = [pscustomobject]@{ ProjectId = $project.Id }; What = 'a hand-made row' })) {
            Reset-Simulator
            Set-OAISpendLimit -ProjectId $project.Id -Amount 50 -Confirm:$false | Out-Null
            $case.In | Set-OAISpendLimit -Amount 75 -Confirm:$false -ErrorAction Stop | Out-Null
            @(Get-SimulatorRequest POST).path | Should -Be (@('/v1/organization/projects/proj_productionchatbotrC4xJHX/spend_limit') * 2) -Because $case.What
        }
    }

    It 'reads a project setting for anything that names the project, once for each' {
        $alert = New-OAISpendAlert -ProjectId proj_productionchatbotrC4xJHX -Amount 10 -Recipient ops@example.com -Confirm:$false
        Set-OAISpendLimit -ProjectId proj_productionchatbotrC4xJHX -Amount 50 -Confirm:$false | Out-Null
        $limit = Get-OAISpendLimit -ProjectId proj_productionchatbotrC4xJHX
        $retention = Get-OAIDataRetention -ProjectId proj_productionchatbotrC4xJHX
        $account = Get-OAIServiceAccount -ProjectId proj_productionchatbotrC4xJHX -First 1
        # Each had been refused as reading "everything of the project" that the object only refers to.
        @($limit | Get-OAISpendLimit -ErrorAction Stop).ProjectId | Should -Be 'proj_productionchatbotrC4xJHX'
        @($alert | Get-OAISpendLimit -ErrorAction Stop).Amount | Should -Be 50
        @($retention | Get-OAIDataRetention -ErrorAction Stop).ProjectId | Should -Be 'proj_productionchatbotrC4xJHX'
        @($account | Get-OAIModelPermission -ErrorAction Stop).ProjectId | Should -Be 'proj_productionchatbotrC4xJHX'
    }

    It 'lists the scope a hand-made row names when PowerShell also bound the whole row to -Id' {
        $expected = @(Get-OAIServiceAccount -ProjectId proj_productionchatbotrC4xJHX).Id
        Reset-Simulator
        @([pscustomobject]@{ ProjectId = 'proj_productionchatbotrC4xJHX' } | Get-OAIServiceAccount -ErrorAction Stop).Id | Should -Be $expected
        @(Get-SimulatorRequest).path | Should -Be '/v1/organization/projects/proj_productionchatbotrC4xJHX/service_accounts'
    }

    It 'gets the one certificate a hand-made or Select-Object row names, in the scope it names' {
        $projectCertificate = Get-OAICertificate -ProjectId proj_defaultSbtsIO0rWI91rcsUU | Select-Object -First 1
        foreach ($row in @(($projectCertificate | Select-Object Id, ProjectId), ($projectCertificate | Select-Object CertificateId, ProjectId))) {
            Reset-Simulator
            # Both bound only the ProjectId, and every certificate of the project came out (and went on to a Disable).
            $got = @($row | Get-OAICertificate -ErrorAction Stop)
            $got.Id | Should -Be $projectCertificate.Id
            $got.ProjectId | Should -Be 'proj_defaultSbtsIO0rWI91rcsUU'
        }

        Reset-Simulator
        [pscustomobject]@{ Id = 'cert_0005LCPpPTKmBnk7pvK2BGKI'; ProjectId = '' } | Get-OAICertificate | Disable-OAICertificate -Force
        @(Get-SimulatorRequest POST).body | Should -Be '{"certificate_ids":["cert_0005LCPpPTKmBnk7pvK2BGKI"]}'
        @(Get-SimulatorRequest POST).path | Should -Be '/v1/organization/certificates/deactivate'
    }

    It 'still takes exports of memberships, hand-made rows with notes of their own and projections without a project' {
        $projectGroup = Get-OAIProjectGroup -ProjectId proj_productionchatbotrC4xJHX -First 1
        $member = Get-OAIGroupMember -GroupId group_01JG00039R95E99VB9Z3F7ZPY9 -First 1
        $active = @(Get-OAICertificate | Where-Object Active)
        Reset-Simulator
        # A project group has no Id: its export is the membership of what it names, as the object is.
        $projectGroup | ConvertTo-Csv | ConvertFrom-Csv | Remove-OAIProjectGroup -Force -ErrorAction Stop
        # TicketId is the author's note, not a reference the row makes.
        [pscustomobject]@{ GroupId = $member.GroupId; UserId = $member.UserId; TicketId = 'CHG-1' } | Remove-OAIGroupMember -Force -ErrorAction Stop
        # A note column on a setting's export is a note there too.
        Set-OAISpendLimit -ProjectId proj_productionchatbotrC4xJHX -Amount 50 -Confirm:$false
        Get-OAISpendLimit -ProjectId proj_productionchatbotrC4xJHX | Select-Object *, @{ Name = 'TicketId'; Expression = { 'CHG-1' } } | ConvertTo-Csv | ConvertFrom-Csv |
            Remove-OAISpendLimit -Force -ErrorAction Stop | Out-Null
        # A projection of an organization certificate has a null ProjectId: the organization, not a blank project.
        $active | Select-Object Id, Name, Active, ProjectId | Disable-OAICertificate -Force -ErrorAction Stop
        @(Get-SimulatorRequest DELETE).path | Should -Be @("/v1/organization/projects/proj_productionchatbotrC4xJHX/groups/$($projectGroup.GroupId)", "/v1/organization/groups/$($member.GroupId)/users/$($member.UserId)",
            '/v1/organization/projects/proj_productionchatbotrC4xJHX/spend_limit')
        @(Get-SimulatorRequest POST '*/certificates/*').path | Should -Be '/v1/organization/certificates/deactivate'
    }

    It 'still follows a user or group a piped object refers to when reading' {
        $member = Get-OAIGroupMember -GroupId group_01JG00039R95E99VB9Z3F7ZPY9 -First 1
        @($member | Get-OAIUserRole -ErrorAction Stop).Count | Should -Be @(Get-OAIUserRole -UserId $member.UserId).Count
    }

    It 'still takes hand-made rows that name only what the command needs' {
        [pscustomobject]@{ ProjectId = 'proj_tmpexperimenthjCmW1FkOt3' } | Remove-OAIProject -Force
        [pscustomobject]@{ ProjectId = 'proj_productionchatbotrC4xJHX'; UserId = 'user-0002JeNiLqIA6WxFhRLL4olw' } | Remove-OAIProjectUser -Force
        @(Get-SimulatorRequest POST '*/projects/proj_tmpexperimenthjCmW1FkOt3/archive').Count | Should -Be 1
        @(Get-SimulatorRequest DELETE '*/projects/proj_productionchatbotrC4xJHX/users/user-0002JeNiLqIA6WxFhRLL4olw').Count | Should -Be 1
    }

    It 'binds piped projects, users and groups to the parent id of sub-resource cmdlets' {
        $group = Get-OAIGroup -First 1
        $fromObject = @(Get-OAIGroup -Id $group.Id | Get-OAIGroupRole)
        $byId = @(Get-OAIGroupRole -GroupId $group.Id)
        $fromObject.Count | Should -Be $byId.Count
        $project = Get-OAIProject -Id proj_defaultSbtsIO0rWI91rcsUU
        $listed = @($project | Get-OAICertificate -ErrorAction Stop)
        $listed.Count | Should -BeGreaterThan 0
        $listed.ProjectId | Select-Object -Unique | Should -Be $project.Id
        @(Get-SimulatorRequest GET "*/projects/$($project.Id)/certificates").Count | Should -Be 1
    }
}

Describe 'A pipeline that mixes ids and objects takes each record as it is' {
    # PowerShell leaves in BoundParameters what an earlier record bound and the current one did not.
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'takes an object after an id: <Command>' -ForEach @(
        @{ Command = 'Remove-OAIAdminApiKey'; Source = { Get-OAIAdminApiKey -First 1 }; Path = '/v1/organization/admin_api_keys/' }
        @{ Command = 'Remove-OAIProject'; Source = { Get-OAIProject -Id proj_productionchatbotrC4xJHX }; Path = '/v1/organization/projects/' }
    ) {
        $object = & $Source
        $text = Get-HostText { 'an_id_given_as_text', $object | & $Command -WhatIf -ErrorAction Stop }
        $text | Should -Match ([regex]::Escape("($($object.Id))"""))
        @(Get-SimulatorRequest POST).Count + @(Get-SimulatorRequest DELETE).Count | Should -Be 0
    }

    It 'takes a certificate after an id, and applies both' {
        $certificate = Get-OAICertificate -Id cert_0005LCPpPTKmBnk7pvK2BGKI
        'cert_0002LmNAjHn1wac56gmIa6Fy', $certificate | Disable-OAICertificate -Force -ErrorAction Stop
        $sent = @(Get-SimulatorRequest POST '*/certificates/deactivate')
        $sent.path | Should -Be '/v1/organization/certificates/deactivate'
        @($sent.body | ConvertFrom-Json | ForEach-Object certificate_ids) | Should -Be @('cert_0002LmNAjHn1wac56gmIa6Fy', 'cert_0005LCPpPTKmBnk7pvK2BGKI')
    }

    It 'names the user an id names, not the user piped before it' {
        $first, $second = Get-OAIUser -First 2
        $text = Get-HostText { $first, $second.Id | Remove-OAIUser -WhatIf }
        $text | Should -Match ([regex]::Escape("on target ""user '$($first.Name)' <$($first.Email)> ($($first.Id))"""))
        $text | Should -Match ([regex]::Escape("on target ""user $($second.Id)"""))
        $text | Should -Not -Match ([regex]::Escape("'$($first.Name)' <$($first.Email)> ($($second.Id))"))
    }

    It "does not carry a row's ProjectId over to the next row, which means the organization" {
        Enable-OAICertificate -ProjectId proj_productionchatbotrC4xJHX -Id cert_0002LmNAjHn1wac56gmIa6Fy -Confirm:$false
        [pscustomobject]@{ Id = 'cert_0002LmNAjHn1wac56gmIa6Fy'; ProjectId = 'proj_productionchatbotrC4xJHX' }, [pscustomobject]@{ Id = 'cert_0005LCPpPTKmBnk7pvK2BGKI' } |
            Disable-OAICertificate -Force -ErrorAction Stop
        @(Get-SimulatorRequest POST '*/certificates/deactivate').path | Should -Be @('/v1/organization/projects/proj_productionchatbotrC4xJHX/certificates/deactivate', '/v1/organization/certificates/deactivate')
    }
}

Describe 'Set values in any casing mean what their set says' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'every cmdlet with a [ValidateSet] parameter takes its values through the base cmdlet, which spells them as the set does' {
        $withSets = @(Get-Command -Module OpenAIAdmin | Where-Object {
                $_.Parameters.Values | Where-Object { $_.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } }
            })
        $withSets.Count | Should -BeGreaterThan 10
        foreach ($command in $withSets) {
            $command.ImplementingType.IsSubclassOf([OpenAIAdmin.Commands.OAICmdlet]) | Should -BeTrue -Because "$($command.Name) must not see a value as typed"
        }
    }

    It 'Set-OAIModelPermission -Mode allowlist sets an allow list' {
        $set = Set-OAIModelPermission -ProjectId proj_datascienceZ7xkBKUkwT43I -Mode allowlist -ModelId gpt-4o -Confirm:$false -PassThru
        $set.Mode | Should -Be 'allow_list'
        (Get-SimulatorRequest POST '*/model_permissions').body | ConvertFrom-Json | ForEach-Object mode | Should -Be 'allow_list'
    }

    It 'Get-OAIProjectApiKey -OwnerType user lists the users'' keys' {
        $keys = @(Get-OAIProjectApiKey -ProjectId proj_productionchatbotrC4xJHX -OwnerType user -OwnerProjectAccess ANY)
        $keys.Count | Should -BeGreaterThan 0
        $keys.OwnerType | Select-Object -Unique | Should -Be 'user'
        (Get-SimulatorRequest GET '*/api_keys').query | Should -Match '(^|&)owner_project_access=any(&|$)'
    }

    It 'Get-OAIUsage and Get-OAICost send filters, groupings and widths in any casing as the API spells them' {
        $nov1 = [DateTimeOffset]::new(2026, 11, 1, 0, 0, 0, [TimeSpan]::Zero)
        $null = Get-OAIUsage Images -Source IMAGE.GENERATION -Size 1024X1024 -GroupBy Model, SOURCE -BucketWidth 1D -StartTime $nov1 -EndTime $nov1.AddDays(1) -ErrorAction Stop
        $null = Get-OAICost -GroupBy Project_ID -BucketWidth 1D -StartTime $nov1 -EndTime $nov1.AddDays(1) -ErrorAction Stop
        $usage = [uri]::UnescapeDataString((Get-SimulatorRequest GET '*/usage/images').query)
        $usage | Should -Match 'image\.generation'
        $usage | Should -Match '1024x1024'
        $usage | Should -Match 'group_by(\[\])?=model'
        $usage | Should -Match 'group_by(\[\])?=source'
        $usage | Should -Match 'bucket_width=1d'
        $usage | Should -Not -MatchExactly 'IMAGE|1024X|Model|SOURCE|1D'
        [uri]::UnescapeDataString((Get-SimulatorRequest GET '*/organization/costs').query) | Should -Match 'group_by(\[\])?=project_id'
    }

    It 'Set-OAIServiceAccount -Role OWNER sends the role the API spells' {
        $changed = Set-OAIServiceAccount -ProjectId proj_productionchatbotrC4xJHX -Id svc_acct_0001WdbH6HxxIqah9BSEXdcc -Role OWNER -Confirm:$false -PassThru -ErrorAction Stop
        $changed.Role | Should -Be 'owner'
        (Get-SimulatorRequest POST '*/service_accounts/svc_acct_0001WdbH6HxxIqah9BSEXdcc').body | ConvertFrom-Json | ForEach-Object role | Should -Be 'owner'
    }
}

Describe 'Numbers, dates and lengths of time mean the same on every machine' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'every whole-number, date and TimeSpan parameter reads its argument through the module''s transformation' {
        $checked = 0
        foreach ($command in Get-Command -Module OpenAIAdmin) {
            foreach ($parameter in $command.Parameters.Values | Where-Object { $_.Name -notin [System.Management.Automation.Cmdlet]::CommonParameters }) {
                $type = [Nullable]::GetUnderlyingType($parameter.ParameterType) ?? $parameter.ParameterType
                $expected = switch ($type) {
                    ([int]) { 'WholeNumberAttribute' } ([long]) { 'WholeNumberAttribute' }
                    ([datetime]) { 'InvariantTimeAttribute' } ([DateTimeOffset]) { 'InvariantTimeAttribute' }
                    ([timespan]) { 'TimeSpanArgumentAttribute' }
                }
                if (-not $expected) { continue }
                $checked++
                @($parameter.Attributes | ForEach-Object { $_.GetType().Name }) | Should -Contain $expected -Because "$($command.Name) -$($parameter.Name)"
            }
        }
        $checked | Should -BeGreaterThan 30
    }

    It 'refuses a local time that daylight saving time skips, before any request, and takes the hour before it' {
        # New York skips 02:00-03:00 on 2026-03-08; read as standard time, 02:30-03:30 had become two equal instants.
        $lines = (Invoke-PwshInZone 'America/New_York' (
            "foreach (`$start in '2026-03-08T02:30', [datetime]'2026-03-08 02:15:30') {`n" +
            "  try { Get-OAIUsage -Kind Completions -BucketWidth 1h -StartTime `$start -EndTime '2026-03-08T04:00' -ErrorAction Stop | Out-Null; 'no error' }`n" +
            "  catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message } }`n" +
            "@(Get-OAIUsage -Kind Completions -BucketWidth 1h -StartTime '2026-03-08T01:00' -EndTime '2026-03-08T04:00').Count")).Lines
        $lines[0] | Should -Be 'ParameterArgumentTransformationError,OpenAIAdmin.Commands.GetOAIUsageCommand'
        $lines[1] | Should -Match ([regex]::Escape("2026-03-08 02:30 does not exist on this computer's clock (America/New_York): the clocks go forward over it when daylight saving time begins. Give a time outside that gap, or give the time with its offset, or in UTC with a Z."))
        $lines[2] | Should -Be 'ParameterArgumentTransformationError,OpenAIAdmin.Commands.GetOAIUsageCommand'
        $lines[3] | Should -Match ([regex]::Escape('2026-03-08 02:15:30 does not exist'))
        # 01:00 EST to 04:00 EDT is two hours: 06:00 to 08:00 UTC.
        $lines[4] | Should -Be '2'
        $requests = @(Get-SimulatorRequest GET '*/organization/usage/*')
        $requests.Count | Should -Be 1
        $requests[0].query | Should -Match "(^|&)start_time=$([DateTimeOffset]::new(2026, 3, 8, 6, 0, 0, [TimeSpan]::Zero).ToUnixTimeSeconds())(&|$)"
    }

    It 'takes a date whose midnight daylight saving time skips as the start of that day' {
        # Santiago goes from 00:00 to 01:00 on 2026-09-06: the day starts at 01:00 (-03:00), 04:00 UTC.
        Reset-Simulator
        $run = Invoke-PwshInZone 'America/Santiago' (
            "Get-OAICost -StartTime 2026-09-06 -EndTime 2026-09-10Z -WarningAction SilentlyContinue | Out-Null; 'text done'`n" +
            "Get-OAIUsage -Kind Completions -BucketWidth 1h -StartTime ([datetime]'2026-09-06') -EndTime 2026-09-06T03:00 | Out-Null; 'date done'")
        $run.Errors | Should -BeNullOrEmpty
        $run.Lines | Should -Be @('text done', 'date done')
        $fourUtc = [DateTimeOffset]::new(2026, 9, 6, 4, 0, 0, [TimeSpan]::Zero).ToUnixTimeSeconds()
        @(Get-SimulatorRequest GET '*/organization/costs')[0].query | Should -Match "(^|&)start_time=$fourUtc(&|$)"
        @(Get-SimulatorRequest GET '*/organization/usage/completions')[0].query | Should -Match "(^|&)start_time=$fourUtc(&|$)"
    }

    It 'refuses <Value> for a rate limit before any request' -ForEach @(
        @{ Value = 10.7 }
        @{ Value = '1.000' }
        @{ Value = '1,000' }
    ) {
        Get-ErrorId { Set-OAIRateLimit -ProjectId proj_defaultSbtsIO0rWI91rcsUU -Model gpt-4o -MaxRequestsPer1Minute $Value -Confirm:$false } |
            Should -Be 'ParameterArgumentTransformationError,OpenAIAdmin.Commands.SetOAIRateLimitCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'takes whole numbers however they come: 10, 10.0, ''10''' {
        foreach ($value in 10, 10.0, '10') {
            $text = Get-HostText { Set-OAIRateLimit -ProjectId proj_defaultSbtsIO0rWI91rcsUU -Model gpt-4o -MaxRequestsPer1Minute $value -WhatIf }
            $text | Should -Match '→ 10\b'
        }
    }

    It 'refuses a bare number as a key''s lifetime (PowerShell would read ticks) before any request' {
        Get-ErrorId { New-OAIAdminApiKey -Name short-lived -ExpiresIn 30 } | Should -Be 'ParameterArgumentTransformationError,OpenAIAdmin.Commands.NewOAIAdminApiKeyCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0
        $key = New-OAIAdminApiKey -Name day-long -ExpiresIn '1.00:00:00' -WarningAction SilentlyContinue
        ((Get-SimulatorRequest POST '*/admin_api_keys').body | ConvertFrom-Json).expires_in_seconds | Should -Be 86400
        $key.Id | Should -Not -BeNullOrEmpty
    }

    It 'reads date text the same in <Culture>' -ForEach @(
        @{ Culture = 'th-TH' }
        @{ Culture = 'fa-IR' }
        @{ Culture = 'de-DE' }
        @{ Culture = 'ar-SA' }
    ) {
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $Culture
            $null = Get-OAICost -StartTime '2026-11-01Z' -EndTime '11/03/2026 00:00Z' -ErrorAction Stop
            $null = Get-OAIAuditLog -StartTime '2026-11-01T00:00:00+00:00' -First 1 -ErrorAction Stop
        }
        finally { [cultureinfo]::CurrentCulture = $saved }
        # 2026-11-01 and 2026-11-03 00:00 UTC, as Unix seconds.
        $costs = @(Get-SimulatorRequest GET '*/organization/costs').query -join ' '
        $costs | Should -Match '\bstart_time=1793491200\b'
        $costs | Should -Match '\bend_time=1793664000\b'
        (Get-SimulatorRequest GET '*/organization/audit_logs').query | Should -Match 'effective_at(\[|%5B)gte(\]|%5D)=1793491200'
    }

    It 'says how to write a date it cannot read' {
        $err = $null
        try { Get-OAICost -StartTime 'next tuesday' } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'ParameterArgumentTransformationError,OpenAIAdmin.Commands.GetOAICostCommand'
        "$err" | Should -Match '2026-11-01Z'
        @(Get-SimulatorRequest).Count | Should -Be 0
    }
}

Describe 'Progress keeps each step' {
    BeforeEach { Reset-Simulator }

    It 'writes a record of its own for every page and for the end, so a host that keeps them keeps each step' {
        Invoke-RestMethod -Method Post -Uri "$SimulatorRoot/_sim/bulk" -Body '{"users":250}' | Out-Null
        $run = Invoke-InOwnPowerShell { (Get-OAIUser | Measure-Object).Count }
        $run.Output | Should -Be 250
        $steps = @($run.Progress | ForEach-Object { "$($_.RecordType): $($_.StatusDescription)" })
        $steps | Should -Be @(
            'Processing: 200 items from 2 pages of GET /organization/users'
            'Processing: 250 items from 3 pages of GET /organization/users'
            'Completed: 250 items from 3 pages of GET /organization/users'
        )
        @($run.Progress.ActivityId | Select-Object -Unique).Count | Should -Be 1 -Because 'the steps are of one activity'
    }
}

Describe 'A stopped pipeline stops the listing quietly' {
    BeforeEach { Reset-Simulator }

    It 'when a Verbose line written while page <Page> is on its way meets Select-Object -First, in a script of its own' -ForEach @(
        @{ Page = 1; Pattern = 'HTTP GET *organization/users?limit=100' }
        @{ Page = 2; Pattern = 'HTTP GET *organization/users?limit=100&after=*' }
    ) {
        Invoke-RestMethod -Method Post -Uri "$SimulatorRoot/_sim/bulk" -Body '{"users":250}' | Out-Null
        # In a script of its own, as a user runs it: inside Pester's try the engine takes a path on which the failure
        # (NotSupportedException from disposing the listing while it moved) did not show; in a script it ended the script.
        $script = "Import-Module '$env:OPENAIADMIN_MODULE'; Connect-OAIAdmin -ApiKey (ConvertTo-SecureString '$FakeAdminKey' -AsPlainText -Force) -BaseUri '$SimulatorUrl'`n" +
            "function Find([scriptblock] `$Command) { `$VerbosePreference = 'Continue'; & `$Command 4>&1 | Where-Object { ""`$_"" -like '$Pattern' } | Select-Object -First 1 | ForEach-Object { ""found: `$_"" } }`n" +
            "Find { Get-OAIUser }`n'after the stop'`n(Get-OAIUser -First 1).Id"
        $process = [System.Diagnostics.Process]::Start((New-PwshStartInfo '-Command', $script))
        $errors = $process.StandardError.ReadToEndAsync()
        $output = $process.StandardOutput.ReadToEnd()
        $process.WaitForExit(60000) | Out-Null
        $errors.Result | Should -BeNullOrEmpty
        $lines = @($output -split '\r?\n' | Where-Object { $_ })
        $lines.Count | Should -Be 3 -Because "the script goes on after the stop: $output"
        $lines[0] | Should -BeLike "found: $Pattern"
        $lines[1] | Should -Be 'after the stop'
        $lines[2] | Should -Match '^user-'
        $process.ExitCode | Should -Be 0
    }
}

Describe 'Filters narrow a lookup by id as they narrow a list' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'Get-OAIProjectUser -Id with -Name returns only the ids whose name matches' {
        $users = @(Get-OAIProjectUser -ProjectId proj_productionchatbotrC4xJHX -First 2)
        Reset-Simulator
        @(Get-OAIProjectUser -ProjectId proj_productionchatbotrC4xJHX -Id $users.Id -Name $users[1].Name).Id | Should -Be $users[1].Id
        @(Get-OAIProjectUser -ProjectId proj_productionchatbotrC4xJHX -Id $users[0].Id -Name 'zzz*').Count | Should -Be 0
        @(Get-SimulatorRequest GET '*/organization/projects/proj_productionchatbotrC4xJHX/users/*').Count | Should -Be 3
    }

    It 'Get-OAIProjectApiKey -Id with -OwnerType returns the key only when its owner is of that type' {
        $serviceKey = @(Get-OAIProjectApiKey -ProjectId proj_productionchatbotrC4xJHX -OwnerType ServiceAccount -OwnerProjectAccess Any)[0]
        @(Get-OAIProjectApiKey -ProjectId proj_productionchatbotrC4xJHX -Id $serviceKey.Id -OwnerType User).Count | Should -Be 0
        @(Get-OAIProjectApiKey -ProjectId proj_productionchatbotrC4xJHX -Id $serviceKey.Id -OwnerType ServiceAccount).Id | Should -Be $serviceKey.Id
    }
}

Describe 'Input that must never reach the API' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It '<Command> refuses a name of white space only before any request' -ForEach @(
        @{ Command = 'New-OAIProject'; Arguments = @{ Name = '   ' } }
        @{ Command = 'New-OAIGroup'; Arguments = @{ Name = "`t " } }
        @{ Command = 'New-OAIRole'; Arguments = @{ Name = ' '; Permission = 'api.groups.read' } }
        @{ Command = 'Set-OAIProject'; Arguments = @{ Id = 'proj_defaultSbtsIO0rWI91rcsUU'; Name = '  ' } }
    ) {
        $type = (Get-Command $Command).ImplementingType.Name
        Get-ErrorId { & $Command @Arguments } | Should -Be "ParameterArgumentValidationError,OpenAIAdmin.Commands.$type"
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It '<Command> refuses <Why> with <ErrorId> before any request' -ForEach @(
        @{ Command = 'Get-OAIProject'; Why = 'a broken wildcard'; ErrorId = 'InvalidWildcardPattern'; Arguments = @{ Name = '[' } }
        @{ Command = 'Get-OAIGroup'; Why = 'a broken wildcard'; ErrorId = 'InvalidWildcardPattern'; Arguments = @{ Name = 'Eng[' } }
        @{ Command = 'Get-OAIProjectApiKey'; Why = 'a broken wildcard'; ErrorId = 'InvalidWildcardPattern'; Arguments = @{ ProjectId = 'proj_defaultSbtsIO0rWI91rcsUU'; Name = '[ci' } }
        @{ Command = 'Get-OAIRateLimit'; Why = 'a broken wildcard'; ErrorId = 'InvalidWildcardPattern'; Arguments = @{ ProjectId = 'proj_defaultSbtsIO0rWI91rcsUU'; Model = 'gpt-[' } }
        @{ Command = 'New-OAIInvite'; Why = 'a project role without projects'; ErrorId = 'ProjectRoleWithoutProject'; Arguments = @{ Email = 'new.person@example.com'; ProjectRole = 'owner' } }
        @{ Command = 'Get-OAICost'; Why = 'a time before 1970'; ErrorId = 'ParameterArgumentTransformationError'; Arguments = @{ EndTime = [DateTimeOffset]::MinValue } }
        @{ Command = 'Get-OAIUsage'; Why = 'a time before 1970'; ErrorId = 'ParameterArgumentTransformationError'; Arguments = @{ Kind = 'Completions'; StartTime = [datetime]::MinValue; EndTime = '0001-01-03Z' } }
        @{ Command = 'Get-OAIAuditLog'; Why = 'a time before 1970'; ErrorId = 'ParameterArgumentTransformationError'; Arguments = @{ StartTime = '1969-12-31Z' } }
    ) {
        $type = (Get-Command $Command).ImplementingType.Name
        Get-ErrorId { & $Command @Arguments } | Should -Be "$ErrorId,OpenAIAdmin.Commands.$type"
        @(Get-SimulatorRequest).Count | Should -Be 0
    }
}

Describe 'Confirmations name the target and list every change' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'Set-OAIUser names the person piped in' {
        $user = Get-OAIUser -First 1
        $text = Get-HostText { $user | Set-OAIUser -TechnicalLevel expert -WhatIf }
        $text | Should -Match ([regex]::Escape("on target ""user '$($user.Name)' <$($user.Email)> ($($user.Id))"""))
    }

    It 'Set-OAIProject lists a rename and a new external key id together' {
        $project = Get-OAIProject -Name 'Data science'
        $text = Get-HostText { $project | Set-OAIProject -Name 'Data platform' -ExternalKeyId 'ekm-key-1' -WhatIf }
        $text | Should -Match ([regex]::Escape("""Rename to 'Data platform'; Set external key id 'ekm-key-1'"" on target ""project 'Data science' ($($project.Id))"""))
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }

    It 'shows text given or sent with an escape sequence printable in Verbose lines, warnings and errors too' {
        $hostile = "X$([char]27)[2J$([char]27)]0;OWNED$([char]7)"
        $project = Get-OAIProject -Id proj_productionchatbotrC4xJHX
        $text = Get-HostText {
            Set-OAIProject -Id $project.Id -Name "P$hostile" -Verbose -Confirm:$false | Out-Null
            New-OAIAdminApiKey -Name "K$hostile" -WarningAction Continue | Out-Null
            Get-OAIProject -Id "proj_missing$hostile" -ErrorAction Continue
        }
        $text | Should -Match ([regex]::Escape("Rename to 'PX$([char]0xFFFD)[2J"))
        $text | Should -Match ([regex]::Escape("admin key 'KX$([char]0xFFFD)[2J"))
        $text | Should -Match 'ApiNotFound|proj_missing'
        $text | Should -Not -Match ([regex]::Escape([string][char]27))
        $text | Should -Not -Match ([regex]::Escape([string][char]7))
    }

    It 'shows a name from the server printable: a line break, an escape sequence or a bidirectional override cannot fake a line' {
        $fake = "evil`nWhat if: Performing the operation ""Archive"" on target ""project 'safe'"" `e[31mred`e[0m $([char]0x202E)txt.exe"
        $project = New-OAIProject -Name $fake
        $text = Get-HostText { $project | Remove-OAIProject -WhatIf }
        @($text -split '\r?\n' | Where-Object { $_ -like 'What if:*' }).Count | Should -Be 1
        $text | Should -Match ([regex]::Escape("project 'evil$([char]0xFFFD)What if: Performing"))
        $text | Should -Not -Match ([regex]::Escape([string][char]27))
        $text | Should -Not -Match ([regex]::Escape([string][char]0x202E))
        $separated = New-OAIProject -Name "evil$([char]0x2028)What if: fake"
        $text = Get-HostText { $separated | Remove-OAIProject -WhatIf }
        $text | Should -Not -Match ([regex]::Escape([string][char]0x2028))
        $text | Should -Match ([regex]::Escape("project 'evil$([char]0xFFFD)What if: fake'"))
        # A long name is cut, the id is whole.
        $long = New-OAIProject -Name ('x' * 300)
        $text = Get-HostText { $long | Remove-OAIProject -WhatIf }
        $text | Should -Match ([regex]::Escape("project '$('x' * 80)…' ($($long.Id))"))
        # An emoji (two UTF-16 units) across the cut is left out whole, not halved.
        $emoji = [char]::ConvertFromUtf32(0x1F600)
        $split = New-OAIProject -Name (('x' * 79) + $emoji + 'tail')
        $text = Get-HostText { $split | Remove-OAIProject -WhatIf }
        $text | Should -Match ([regex]::Escape("project '$('x' * 79)…' ($($split.Id))"))
    }

    It '-Confirm asks even with -Force, and -Force -Verbose says what it changed' {
        $script = "Import-Module '$env:OPENAIADMIN_MODULE'; Connect-OAIAdmin -ApiKey (ConvertTo-SecureString '$FakeAdminKey' -AsPlainText -Force) -BaseUri '$SimulatorUrl'`n" +
            "try { Remove-OAIProject -Id proj_tmpexperimenthjCmW1FkOt3 -Force -Confirm -ErrorAction Stop; 'archived without asking' } catch { 'asked: ' + `$_.FullyQualifiedErrorId }"
        Set-Content -Path "$TestDrive/force-confirm.ps1" -Value $script
        # A non-interactive host refuses the prompt: that it fails shows that it asked.
        $process = [System.Diagnostics.Process]::Start((New-PwshStartInfo '-File', "$TestDrive/force-confirm.ps1"))
        $output = $process.StandardOutput.ReadToEnd()
        $process.WaitForExit(60000) | Out-Null
        $output.Trim() | Should -BeLike 'asked: *RemoveOAIProjectCommand'
        @(Get-SimulatorRequest POST '*/archive').Count | Should -Be 0
        $verbose = @(Remove-OAIProject -Id proj_tmpexperimenthjCmW1FkOt3 -Force -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $verbose.Message | Should -Contain 'Performing the operation "Archive (irreversible)" on target "project proj_tmpexperimenthjCmW1FkOt3".'
        @(Get-SimulatorRequest POST '*/archive').Count | Should -Be 1
    }
}

Describe 'Errors say what is wrong' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'a base address that is not the API''s (<Case>) is ApiEndpointNotFound, terminating, naming the address, even with -ErrorAction SilentlyContinue' -ForEach @(
        @{ Case = 'without /v1: a bare 404'; Path = '' }
        @{ Case = '/v1 twice: the API''s own "Invalid URL" 404'; Path = '/v1/v1' }
    ) {
        $base = $SimulatorRoot + $Path
        Connect-OAIAdmin -ApiKey (ConvertTo-SecureString $FakeAdminKey -AsPlainText -Force) -BaseUri $base -MaxRetryCount 0
        $err = $null
        $finished = $false
        try { Remove-OAIAdminApiKey -Id key_one -Force -ErrorAction SilentlyContinue; $finished = $true } catch { $err = $_ }
        $finished | Should -BeFalse -Because 'the cleanup must not read a wrong address as "already gone"'
        $err.FullyQualifiedErrorId | Should -Be 'ApiEndpointNotFound,OpenAIAdmin.Commands.RemoveOAIAdminApiKeyCommand'
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
        $err.Exception.Message | Should -BeLike "*(HTTP 404*) from $base/: the path is not one the API has*ends with /v1*"
        # An object the API does not have is still ApiNotFound, non-terminating.
        Connect-Simulator
        Get-ErrorId { Get-OAIProject -Id proj_missing } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIProjectCommand'
    }

    It 'a 403 with an admin key says the key lacks a permission, not that it is the wrong kind of key' {
        Add-SimulatorFault @{ kind = 'status'; status = 403; count = 1; message = 'Missing scopes: api.organization.projects.read' }
        $err = $null
        try { Get-OAIProject -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'ApiPermissionDenied,OpenAIAdmin.Commands.GetOAIProjectCommand'
        $err.ErrorDetails.Message | Should -Match 'Missing scopes: api.organization.projects.read'
        $err.ErrorDetails.Message | Should -Match 'not allowed to do this'
        $err.ErrorDetails.Message | Should -Not -Match 'needs an admin key'
        $err.ErrorDetails.Message | Should -Match 'request id req_'
    }

    It 'a 400 on Remove-OAIInvite that is not about an accepted invite gets no advice about accepted invites' {
        $invite = Get-OAIInvite -Status pending | Select-Object -First 1
        Add-SimulatorFault @{ kind = 'status'; status = 400; count = 1; method = 'DELETE'; message = 'Invalid invite id format' }
        $errors = @()
        $invite | Remove-OAIInvite -Force -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.RemoveOAIInviteCommand'
        "$($errors[0].ErrorDetails.RecommendedAction)" | Should -Not -Match 'accepted'
    }
}
