BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    function Get-Production { Get-OAIProject | Where-Object Name -eq 'Production chatbot' }
    function Get-SupportBot { Get-OAIProject | Where-Object Name -eq 'Support bot' }
    function Get-Archived { Get-OAIProject -IncludeArchived | Where-Object Status -eq 'archived' | Select-Object -First 1 }
}

Describe 'Get-OAIModelPermission' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'gets the policy of piped projects, each carrying its project' {
        $all = @(Get-OAIProject | Get-OAIModelPermission)
        $all.Count | Should -Be @(Get-OAIProject).Count
        $production = $all | Where-Object ProjectId -eq (Get-Production).Id
        $production.GetType().FullName | Should -Be 'OpenAIAdmin.ProjectModelPermissions'
        $production.Mode | Should -Be 'allow_list'
        @($production.ModelIds) | Should -Be @('gpt-4o', 'gpt-4o-mini')
        ($all | Where-Object ProjectId -eq (Get-OAIProject -First 1).Id).ModelIds.Count | Should -Be 0
    }
}

Describe 'Set-OAIModelPermission' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'replaces the policy with the mode and model ids given, and -WhatIf sends nothing' {
        $project = Get-SupportBot
        $text = Get-HostText { $project | Set-OAIModelPermission -Mode AllowList -ModelId gpt-4o, o3 -WhatIf }
        $text | Should -Match ([regex]::Escape("Allow only gpt-4o, o3"" on target ""model permissions of project $($project.Id)"))
        @(Get-SimulatorRequest POST).Count | Should -Be 0
        $set = $project | Set-OAIModelPermission -Mode AllowList -ModelId gpt-4o, o3 -PassThru
        $set.Mode | Should -Be 'allow_list'
        (Get-SimulatorRequest POST '*/model_permissions')[0].body | Should -Be '{"mode":"allow_list","model_ids":["gpt-4o","o3"]}'
        Set-OAIModelPermission -ProjectId $project.Id -Mode DenyList -ModelId dall-e-3 | Should -BeNullOrEmpty
        (Get-OAIModelPermission -ProjectId $project.Id).Mode | Should -Be 'deny_list'
    }

    It 'takes back the mode Get-OAIModelPermission returns, and sends each model id trimmed and once' {
        $project = Get-Production
        $policy = Get-OAIModelPermission -ProjectId $project.Id
        $policy.Mode | Should -Be 'allow_list'
        $text = Get-HostText { Set-OAIModelPermission -ProjectId $policy.ProjectId -Mode $policy.Mode -ModelId ($policy.ModelIds + ' o3 ', 'GPT-4o') -WhatIf }
        $text | Should -Match ([regex]::Escape("Allow only gpt-4o, gpt-4o-mini, o3"""))
        Set-OAIModelPermission -ProjectId $policy.ProjectId -Mode deny_list -ModelId ' o3 ', 'o3', 'O3'
        (Get-SimulatorRequest POST '*/model_permissions')[0].body | Should -Be '{"mode":"deny_list","model_ids":["o3"]}'
    }

    It 'asks before an empty allow list blocks every model, as ConfirmImpact High would' {
        $project = Get-SupportBot
        # This host cannot answer prompts: asking shows as the engine's NonInteractive error, and nothing is sent.
        { Set-OAIModelPermission -ProjectId $project.Id -Mode AllowList -ModelId @() -ErrorAction Stop } | Should -Throw '*NonInteractive*'
        @(Get-SimulatorRequest POST).Count | Should -Be 0
        $text = Get-HostText { Set-OAIModelPermission -ProjectId $project.Id -Mode AllowList -ModelId @() -WhatIf }
        $text | Should -Match 'Allow no model at all'
        Set-OAIModelPermission -ProjectId $project.Id -Mode AllowList -ModelId @() -Confirm:$false
        (Get-SimulatorRequest POST '*/model_permissions')[0].body | Should -Be '{"mode":"allow_list","model_ids":[]}'
    }

    It 'refuses a mode outside the set, a blank model id, and an archived project' {
        $project = Get-SupportBot
        Get-ErrorId { Set-OAIModelPermission -ProjectId $project.Id -Mode Everything -ModelId x } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.SetOAIModelPermissionCommand'
        Get-ErrorId { Set-OAIModelPermission -ProjectId $project.Id -Mode a_l_l_o_w_list -ModelId x } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.SetOAIModelPermissionCommand'
        Get-ErrorId { Set-OAIModelPermission -ProjectId $project.Id -Mode AllowList -ModelId gpt-4o, ' ' } | Should -Be 'InvalidModelId,OpenAIAdmin.Commands.SetOAIModelPermissionCommand'
        @(Get-SimulatorRequest POST).Count | Should -Be 0
        Get-ErrorId { Get-Archived | Set-OAIModelPermission -Mode DenyList -ModelId o3 } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.SetOAIModelPermissionCommand'
    }
}

Describe 'Remove-OAIModelPermission' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'is ConfirmImpact High; -Force lifts the policy and -PassThru names the project' {
        (Get-Command Remove-OAIModelPermission).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        $project = Get-Production
        $project | Remove-OAIModelPermission -WhatIf
        @(Get-SimulatorRequest DELETE).Count | Should -Be 0
        $deleted = $project | Remove-OAIModelPermission -Force -PassThru
        $deleted.Id | Should -Be $project.Id
        $deleted.Object | Should -Be 'project.model_permissions.deleted'
        (Get-OAIModelPermission -ProjectId $project.Id).ModelIds.Count | Should -Be 0
    }
}

Describe 'Get-OAIHostedToolPermission and Set-OAIHostedToolPermission' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'shows each tool as a flag' {
        $tools = Get-SupportBot | Get-OAIHostedToolPermission
        $tools.GetType().FullName | Should -Be 'OpenAIAdmin.ProjectHostedToolPermissions'
        $tools.WebSearch | Should -BeFalse
        $tools.Mcp | Should -BeFalse
        $tools.FileSearch | Should -BeTrue
        $tools.CodeInterpreter | Should -BeTrue
    }

    It 'sends only the tools given and the others keep their state' {
        $project = Get-SupportBot
        $text = Get-HostText { $project | Set-OAIHostedToolPermission -Enable WebSearch -Disable CodeInterpreter, ImageGeneration -WhatIf }
        $text | Should -Match ([regex]::Escape("Enable WebSearch; Disable ImageGeneration, CodeInterpreter"""))
        @(Get-SimulatorRequest POST).Count | Should -Be 0
        $after = $project | Set-OAIHostedToolPermission -Enable WebSearch -Disable CodeInterpreter -PassThru
        (Get-SimulatorRequest POST '*/hosted_tool_permissions')[0].body | Should -Be '{"web_search":{"enabled":true},"code_interpreter":{"enabled":false}}'
        $after.WebSearch | Should -BeTrue
        $after.CodeInterpreter | Should -BeFalse
        $after.Mcp | Should -BeFalse -Because 'a tool not given keeps its state'
        $after.FileSearch | Should -BeTrue
    }

    It 'refuses nothing to change and a tool both enabled and disabled, before any request' {
        $project = Get-SupportBot
        Get-ErrorId { $project | Set-OAIHostedToolPermission } | Should -Be 'NothingToChange,OpenAIAdmin.Commands.SetOAIHostedToolPermissionCommand'
        Get-ErrorId { $project | Set-OAIHostedToolPermission -Enable Mcp -Disable Mcp } | Should -Be 'ConflictingToolChange,OpenAIAdmin.Commands.SetOAIHostedToolPermissionCommand'
        Get-ErrorId { $project | Set-OAIHostedToolPermission -Enable Browser } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.SetOAIHostedToolPermissionCommand'
        @(Get-SimulatorRequest POST).Count | Should -Be 0
        Get-ErrorId { Get-Archived | Set-OAIHostedToolPermission -Disable Mcp } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.SetOAIHostedToolPermissionCommand'
    }
}
