BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    function Get-Production { Get-OAIProject | Where-Object Name -eq 'Production chatbot' }
    function Get-Archived { Get-OAIProject -IncludeArchived | Where-Object Status -eq 'archived' | Select-Object -First 1 }
    function Complete([string] $Line) { (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches }
    $script:OrganizationTypes = @('zero_data_retention', 'modified_abuse_monitoring', 'enhanced_zero_data_retention', 'enhanced_modified_abuse_monitoring')
    $script:ProjectTypes = @('organization_default', 'none') + $script:OrganizationTypes
}

Describe 'Get-OAIDataRetention' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'gets the organization''s setting and, piped projects, each project''s' {
        $organization = Get-OAIDataRetention
        $organization.GetType().FullName | Should -Be 'OpenAIAdmin.OrganizationDataRetention'
        $organization.RetentionType | Should -Be 'modified_abuse_monitoring'
        $organization.Object | Should -Be 'organization.data_retention'
        "$organization" | Should -Be 'modified_abuse_monitoring'

        $projects = @(Get-OAIProject)
        $settings = @($projects | Get-OAIDataRetention)
        $settings.ProjectId | Should -Be $projects.Id
        $settings[0].GetType().FullName | Should -Be 'OpenAIAdmin.ProjectDataRetention'
        @($settings | Where-Object RetentionType -ne 'organization_default').ProjectId | Should -Be @(($projects | Where-Object Name -eq 'Data science').Id)
        Get-ErrorId { Get-OAIDataRetention proj_missing } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIDataRetentionCommand'
    }
}

Describe 'Set-OAIDataRetention' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'is ConfirmImpact High: it asks without -Force, and -WhatIf shows old -> new and changes nothing' {
        (Get-Command Set-OAIDataRetention).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        { Set-OAIDataRetention zero_data_retention -ErrorAction Stop } | Should -Throw '*NonInteractive*'
        $text = Get-HostText { Set-OAIDataRetention zero_data_retention -WhatIf }
        $text | Should -Match ([regex]::Escape('Change from modified_abuse_monitoring to zero_data_retention" on target "data retention of the organization"'))
        $project = Get-Production
        $text = Get-HostText { $project | Set-OAIDataRetention -RetentionType none -WhatIf }
        $text | Should -Match ([regex]::Escape("Change from organization_default to none"" on target ""data retention of project 'Production chatbot' ($($project.Id))"))
        @(Get-SimulatorRequest POST).Count | Should -Be 0
        (Get-OAIDataRetention).RetentionType | Should -Be 'modified_abuse_monitoring'
    }

    It 'sets the organization and piped projects, values compared without regard to case' {
        $set = Set-OAIDataRetention -RetentionType Enhanced_Zero_Data_Retention -Force -PassThru
        $set.RetentionType | Should -Be 'enhanced_zero_data_retention'
        (Get-SimulatorRequest POST '*/organization/data_retention')[0].body | Should -Be '{"retention_type":"enhanced_zero_data_retention"}'

        $project = Get-Production
        $project | Set-OAIDataRetention -RetentionType NONE -Confirm:$false
        (Get-SimulatorRequest POST "*/projects/$($project.Id)/data_retention")[0].body | Should -Be '{"retention_type":"none"}'
        (Get-OAIDataRetention -ProjectId $project.Id).RetentionType | Should -Be 'none'

        # A setting piped from a project binds its ProjectId.
        Get-OAIDataRetention -ProjectId $project.Id | Set-OAIDataRetention -RetentionType organization_default -Force
        (Get-OAIDataRetention -ProjectId $project.Id).RetentionType | Should -Be 'organization_default'
    }

    It 'never changes the organization for piped objects without a project id' {
        # A CSV row with a misspelt column: nothing binds -ProjectId, and -RetentionType is not taken from the pipeline.
        $row = [pscustomobject]@{ Project = 'proj_productionchatbotrC4xJHX'; RetentionType = 'zero_data_retention' }
        $err = $null
        $row | Set-OAIDataRetention -RetentionType zero_data_retention -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'InputObjectNotBound,OpenAIAdmin.Commands.SetOAIDataRetentionCommand'
        @(Get-SimulatorRequest POST).Count | Should -Be 0
        (Get-OAIDataRetention).RetentionType | Should -Be 'modified_abuse_monitoring'
    }

    It 'sends nothing when the scope already has that setting' {
        $same = Set-OAIDataRetention modified_abuse_monitoring -Force -PassThru
        $same.RetentionType | Should -Be 'modified_abuse_monitoring'
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }

    It 'refuses <Value> for <Scope> with InvalidRetentionType before any request' -ForEach @(
        @{ Scope = 'the organization'; Value = 'none'; Project = $false }
        @{ Scope = 'the organization'; Value = 'organization_default'; Project = $false }
        @{ Scope = 'the organization'; Value = 'forever'; Project = $false }
        @{ Scope = 'a project'; Value = 'forever'; Project = $true }
        @{ Scope = 'a project'; Value = 'zero-data-retention'; Project = $true }
    ) {
        $arguments = @{ RetentionType = $Value; Force = $true }
        if ($Project) { $arguments.ProjectId = 'proj_productionchatbotrC4xJHX' }
        $err = $null
        try { Set-OAIDataRetention @arguments -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'InvalidRetentionType,OpenAIAdmin.Commands.SetOAIDataRetentionCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match "of $Scope"
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'reports the API refusing an archived project as ApiBadRequest with its message and request id' {
        $archived = Get-Archived
        $err = $null
        $archived | Set-OAIDataRetention -RetentionType none -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.SetOAIDataRetentionCommand'
        $post = @(Get-SimulatorRequest POST "*/projects/$($archived.Id)/data_retention")[0]
        $post.status | Should -Be 400
        $err[0].ErrorDetails.Message | Should -Match 'archived'
        $err[0].ErrorDetails.Message | Should -Match ([regex]::Escape($post.request_id))
    }

    It 'completes the values of the scope being typed' {
        @(Complete 'Set-OAIDataRetention -RetentionType ').CompletionText | Should -Be $OrganizationTypes
        @(Complete 'Set-OAIDataRetention -ProjectId proj_productionchatbotrC4xJHX -RetentionType ').CompletionText | Should -Be $ProjectTypes
        @(Complete 'Get-OAIProject | Set-OAIDataRetention -RetentionType ').CompletionText | Should -Be $ProjectTypes
        @(Complete 'Set-OAIDataRetention -RetentionType enh').CompletionText | Should -Be @('enhanced_zero_data_retention', 'enhanced_modified_abuse_monitoring')
        @(Complete 'Set-OAIDataRetention -RetentionType non').Count | Should -Be 0
        @(Get-SimulatorRequest).Count | Should -Be 0 -Because 'the values are known without asking the API'
    }
}
