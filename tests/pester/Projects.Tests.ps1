BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
}

Describe 'Get-OAIProject' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'lists active projects only by default, as Project objects' {
        $projects = @(Get-OAIProject)
        $projects.Count | Should -BeGreaterThan 3
        $projects[0].GetType().FullName | Should -Be 'OpenAIAdmin.Project'
        @($projects | Where-Object Status -ne 'active').Count | Should -Be 0
        @(Get-SimulatorRequest GET '*/organization/projects').Count | Should -Be 1
    }

    It 'includes the archived project with -IncludeArchived' {
        $all = @(Get-OAIProject -IncludeArchived)
        @($all | Where-Object Status -eq 'archived').Count | Should -BeGreaterThan 0
        (Get-SimulatorRequest GET '*/organization/projects')[0].query | Should -Match 'include_archived=true'
    }

    It 'filters by name with wildcards' {
        $tmp = @(Get-OAIProject -Name 'tmp*')
        $tmp.Count | Should -BeGreaterThan 0
        $tmp | ForEach-Object { $_.Name | Should -BeLike 'tmp*' }
    }

    It 'gets one project by id, positionally and through the pipeline by property name' {
        (Get-OAIProject proj_defaultSbtsIO0rWI91rcsUU).Id | Should -Be 'proj_defaultSbtsIO0rWI91rcsUU'
        ([pscustomobject]@{ project_id = 'proj_defaultSbtsIO0rWI91rcsUU' } | Get-OAIProject).Name | Should -Be (Get-OAIProject -Id proj_defaultSbtsIO0rWI91rcsUU).Name
    }

    It 'reports a missing project as a non-terminating ApiNotFound error with the request id' {
        $result = Get-OAIProject -Id proj_missing, proj_defaultSbtsIO0rWI91rcsUU -ErrorVariable problems -ErrorAction SilentlyContinue
        @($result).Count | Should -Be 1
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIProjectCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].TargetObject | Should -Be 'proj_missing'
        $problems[0].ErrorDetails.Message | Should -Match 'proj_missing'
        $problems[0].ErrorDetails.Message | Should -Match 'request id req_'
    }

    It 'rejects bad input before any request' {
        Get-ErrorId { Get-OAIProject -Id '' } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.GetOAIProjectCommand'
        Get-ErrorId { Get-OAIProject -PageSize 101 } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.GetOAIProjectCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'shows a table with the columns an admin scans first' {
        $table = Get-OAIProject -Id proj_defaultSbtsIO0rWI91rcsUU | Format-Table | Out-String
        $table | Should -Match 'Name\s+Id\s+Status\s+CreatedAt \(UTC\)'
        $table | Should -Match 'proj_defaultSbtsIO0rWI91rcsUU'
    }
}

Describe 'New-OAIProject and Set-OAIProject' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'creates a project and renames it' {
        $project = New-OAIProject -Name 'pester-new' -ExternalKeyId 'ext-1'
        $project.Name | Should -Be 'pester-new'
        $project.Status | Should -Be 'active'
        $renamed = Set-OAIProject -Id $project.Id -Name 'pester-renamed' -PassThru
        $renamed.Name | Should -Be 'pester-renamed'
        (Get-OAIProject -Id $project.Id).Name | Should -Be 'pester-renamed'
    }

    It 'Set-OAIProject emits nothing without -PassThru and refuses an empty change' {
        # The API refuses to modify the default project (400), so rename an ordinary one.
        Set-OAIProject -Id proj_supportbottE5emakLryq7y4 -Name 'Renamed support bot' | Should -BeNullOrEmpty
        (Get-OAIProject -Id proj_supportbottE5emakLryq7y4).Name | Should -Be 'Renamed support bot'
        Get-ErrorId { Set-OAIProject -Id proj_supportbottE5emakLryq7y4 } | Should -Be 'NothingToChange,OpenAIAdmin.Commands.SetOAIProjectCommand'
    }

    It 'New-OAIProject -WhatIf sends nothing' {
        New-OAIProject -Name 'never' -WhatIf
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }

    It 'validates residency before any request' {
        Get-ErrorId { New-OAIProject -Name x -Residency MARS } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.NewOAIProjectCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0
    }
}

Describe 'Remove-OAIProject' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'previews archiving tmp projects piped from Get-OAIProject without a mutating request' {
        $out = Get-HostText { Get-OAIProject | Where-Object Name -like 'tmp*' | Remove-OAIProject -WhatIf }
        @(Get-SimulatorRequest POST).Count | Should -Be 0
        $tmp = @(Get-OAIProject -Name 'tmp*')
        $tmp.Count | Should -BeGreaterThan 0
        $tmp | ForEach-Object { $out | Should -Match ([regex]::Escape("project '$($_.Name)' ($($_.Id))")) }
    }

    It 'is ConfirmImpact High' {
        $info = Get-Command Remove-OAIProject
        $info.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }

    It 'archives with -Force, by id and by pipeline, and -PassThru returns the archived project' {
        $target = @(Get-OAIProject -Name 'tmp*')[0]
        $archived = $target | Remove-OAIProject -Force -PassThru
        $archived.Status | Should -Be 'archived'
        $archived.ArchivedAt | Should -Not -BeNullOrEmpty
        @(Get-SimulatorRequest POST "*/projects/$($target.Id)/archive").Count | Should -Be 1
        (Get-OAIProject -Id $target.Id).Status | Should -Be 'archived'
        $second = @(Get-OAIProject -Name 'tmp*')[0]
        Remove-OAIProject -Id $second.Id -Confirm:$false | Should -BeNullOrEmpty
        (Get-OAIProject -Id $second.Id).Status | Should -Be 'archived'
    }

    It 'reports the API refusing to archive the default project as a bad request' {
        Get-ErrorId { Remove-OAIProject -Id proj_defaultSbtsIO0rWI91rcsUU -Force } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.RemoveOAIProjectCommand'
        (Get-OAIProject -Id proj_defaultSbtsIO0rWI91rcsUU).Status | Should -Be 'active'
    }

    It 'reports a missing project as ApiNotFound' {
        Get-ErrorId { Remove-OAIProject -Id proj_missing -Force } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.RemoveOAIProjectCommand'
    }
}
