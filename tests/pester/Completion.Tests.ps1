BeforeDiscovery {
    # The test cases below are built from the module's cmdlets at discovery time.
    Import-Module $env:OPENAIADMIN_MODULE
}

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function Complete([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }
}

Describe 'Id completion on the real cmdlets' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'completes <Line> to <Id>' -ForEach @(
        @{ Line = 'Remove-OAIGroup -Id Contr'; Id = 'group_01JG0002G4HXWT9AVGWCFEE87V'; Name = 'Contractors' }
        @{ Line = 'Add-OAIGroupMember -GroupId Contr'; Id = 'group_01JG0002G4HXWT9AVGWCFEE87V'; Name = 'Contractors' }
        @{ Line = 'Get-OAIGroupRole -GroupId Fin'; Id = 'group_01JG00039R95E99VB9Z3F7ZPY9'; Name = 'Finance' }
        @{ Line = 'Add-OAIUserRole -RoleId Bill'; Id = 'role_01JR00039WRYDRWASJNY9WK5YG'; Name = 'Billing reader' }
        @{ Line = 'Set-OAIRole -Id Secur'; Id = 'role_01JR0004BVXEKF1SKEW82NV711'; Name = 'Security auditor' }
        @{ Line = 'Disable-OAICertificate -Id corp-root'; Id = 'cert_0001M3du8cKjMwmMCx22qNSu'; Name = 'corp-root-2025' }
        @{ Line = 'New-OAIInvite -ProjectId Default'; Id = 'proj_defaultSbtsIO0rWI91rcsUU'; Name = 'Default project' }
        @{ Line = 'Add-OAIProjectUserRole -ProjectId proj_productionchatbotrC4xJHX -UserId x -RoleId Depl'; Id = 'role_01JP0001506CNFSQ0G2C6D8JJD'; Name = 'Deployer' }
        @{ Line = 'Add-OAIProjectGroup -ProjectId proj_productionchatbotrC4xJHX -Id Contr'; Id = 'group_01JG0002G4HXWT9AVGWCFEE87V'; Name = 'Contractors' }
        @{ Line = 'Remove-OAIServiceAccount -ProjectId proj_productionchatbotrC4xJHX -Id ci-'; Id = 'ServiceAccount:ci-deploy'; Name = 'ci-deploy' }
        @{ Line = 'New-OAIServiceAccountApiKey -ProjectId proj_productionchatbotrC4xJHX -ServiceAccountId monit'; Id = 'ServiceAccount:monitoring'; Name = 'monitoring' }
        @{ Line = 'Remove-OAIProjectApiKey -ProjectId proj_productionchatbotrC4xJHX -Id laptop-a'; Id = 'ProjectApiKey:laptop-ann'; Name = 'laptop-ann' }
    ) {
        # Ids the simulator derives at start-up are named here as Kind:name and looked up through the module.
        if ($Id -match '^ServiceAccount:(.+)$') { $Id = (Get-OAIServiceAccount -ProjectId proj_productionchatbotrC4xJHX -Name $Matches[1]).Id }
        elseif ($Id -match '^ProjectApiKey:(.+)$') { $Id = (Get-OAIProjectApiKey -ProjectId proj_productionchatbotrC4xJHX -Name $Matches[1]).Id }
        $found = @(Complete $Line)
        $found.Count | Should -Be 1
        $found[0].CompletionText | Should -Be $Id
        $found[0].ListItemText | Should -Be $Name
    }

    It 'completes from the -Connection on the line, or the environment, when the session has no connection' {
        $connection = Get-OAIAdminContext
        Disconnect-OAIAdmin
        $saved = @{ Key = $env:OPENAI_ADMIN_KEY; Url = $env:OPENAI_BASE_URL }
        try {
            Remove-Item Env:OPENAI_ADMIN_KEY, Env:OPENAI_BASE_URL -ErrorAction SilentlyContinue
            @(Complete 'Remove-OAIGroup -Id Contr').Count | Should -Be 0
            $found = @(Complete 'Remove-OAIGroup -Connection $connection -Id Contr')
            $found.Count | Should -Be 1
            $found[0].ListItemText | Should -Be 'Contractors'
            $env:OPENAI_ADMIN_KEY = $FakeAdminKey
            $env:OPENAI_BASE_URL = $SimulatorUrl
            @(Complete 'Set-OAIRole -Id Secur')[0].ListItemText | Should -Be 'Security auditor'
        }
        finally {
            $env:OPENAI_ADMIN_KEY = $saved.Key
            $env:OPENAI_BASE_URL = $saved.Url
        }
    }

    It 'asks the API once per kind for repeated completions on one connection' {
        Complete 'Add-OAIUserRole -RoleId ' | Out-Null
        Complete 'Remove-OAIRole -Id ' | Out-Null
        Complete 'Get-OAIGroupRole -GroupId x -RoleId ' | Out-Null
        @(Get-SimulatorRequest GET '*/organization/roles').Count | Should -Be 1
    }

    It 'asks the API once per kind for repeated completions on the implicit connection too' {
        Disconnect-OAIAdmin
        $saved = @{ Key = $env:OPENAI_ADMIN_KEY; Url = $env:OPENAI_BASE_URL; Retries = $env:OPENAI_ADMIN_MAX_RETRIES }
        try {
            # Settings no other test uses: a client of its own, so nothing cached before this test answers.
            $env:OPENAI_ADMIN_KEY = $FakeAdminKey
            $env:OPENAI_BASE_URL = $SimulatorUrl
            $env:OPENAI_ADMIN_MAX_RETRIES = '7'
            foreach ($i in 1..3) { @(Complete 'Remove-OAIGroup -Id Contr')[0].ListItemText | Should -Be 'Contractors' }
            @(Get-SimulatorRequest GET '*/organization/groups').Count | Should -Be 1
        }
        finally {
            $env:OPENAI_ADMIN_KEY = $saved.Key
            $env:OPENAI_BASE_URL = $saved.Url
            $env:OPENAI_ADMIN_MAX_RETRIES = $saved.Retries
        }
    }

    It 'completes service accounts and project API keys only from the project on the line' {
        @(Complete 'Get-OAIServiceAccount -Id ').Count | Should -Be 0
        @(Complete 'Get-OAIProjectApiKey -Id ').Count | Should -Be 0
        @(Get-SimulatorRequest GET '*/service_accounts').Count + @(Get-SimulatorRequest GET '*/api_keys').Count | Should -Be 0
        (Complete 'Get-OAIServiceAccount -ProjectId proj_productionchatbotrC4xJHX -Id ').ListItemText | Should -Be @('ci-deploy', 'monitoring')
        @(Get-SimulatorRequest GET '/v1/organization/projects/proj_productionchatbotrC4xJHX/service_accounts').Count | Should -Be 1
    }

    It 'completes project roles only from the project on the line, once per project' {
        @(Complete 'Remove-OAIProjectRole -Id ').Count | Should -Be 0 -Because 'without -ProjectId there is no project to ask'
        @(Get-SimulatorRequest GET '*/roles').Count | Should -Be 0
        (Complete 'Remove-OAIProjectRole -ProjectId proj_productionchatbotrC4xJHX -Id ').ListItemText | Should -Be @('Owner', 'Member', 'Deployer')
        (Complete 'Get-OAIProjectGroupRole -ProjectId proj_productionchatbotrC4xJHX -GroupId x -RoleId Mem').ListItemText | Should -Be 'Member'
        @(Get-SimulatorRequest GET '/v1/projects/proj_productionchatbotrC4xJHX/roles').Count | Should -Be 1
        (Complete 'Remove-OAIProjectRole -ProjectId proj_defaultSbtsIO0rWI91rcsUU -Id ').CompletionText | Should -Not -Contain 'role_01JP0001506CNFSQ0G2C6D8JJD'
    }
}

Describe 'Every id parameter of a completable kind has its completer' {
    It '<Command> -<Parameter> completes with <Completer>' -ForEach @(
        foreach ($command in Get-Command -Module OpenAIAdmin) {
            $noun = $command.Noun
            foreach ($parameter in $command.Parameters.Values) {
                $kind = switch ($parameter.Name) {
                    'ProjectId' { 'Project' }
                    'GroupId' { 'Group' }
                    'RoleId' { if ($noun -like 'OAIProject?*') { 'ProjectRole' } else { 'Role' } }
                    'CertificateId' { 'Certificate' }
                    'ServiceAccountId' { 'ServiceAccount' }
                    'Id' { switch -Regex ($noun) { '^OAIServiceAccount$' { 'ServiceAccount' } '^OAIProjectApiKey$' { 'ProjectApiKey' } '^OAIProject$' { 'Project' } '^OAIGroup$' { 'Group' } '^OAIRole$' { 'Role' } '^OAICertificate$' { 'Certificate' } '^OAIProjectGroup$' { 'Group' } '^OAIProjectRole$' { 'ProjectRole' } } }
                }
                if ($kind) { @{ Command = $command.Name; Parameter = $parameter.Name; Completer = "${kind}IdCompleter" } }
            }
        }
    ) {
        $attribute = (Get-Command $Command).Parameters[$Parameter].Attributes |
            Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }
        $attribute.Type.Name | Should -Be $Completer
    }
}
