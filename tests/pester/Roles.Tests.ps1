BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
}

Describe 'Get-OAIRole' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'lists the predefined and custom roles in one request' {
        $roles = @(Get-OAIRole)
        $roles.Name | Should -Be @('Owner', 'Reader', 'Billing reader', 'Security auditor', 'Project creator')
        $roles[0].GetType().FullName | Should -Be 'OpenAIAdmin.Role'
        @($roles | Where-Object PredefinedRole).Id | Should -Be @('role_01JR0001EAYCQ1FRPJE6X0E5QA', 'role_01JR0002PSFWEXD4YP85XYRX2F')
        $requests = @(Get-SimulatorRequest GET '*/organization/roles')
        $requests.Count | Should -Be 1
        $requests[0].query | Should -Be 'limit=1000'
    }

    It 'filters by name with wildcards and pages with the opaque next cursor' {
        (Get-OAIRole -Name '*READER*').Name | Should -Be @('Reader', 'Billing reader')
        (Get-OAIRole -PageSize 2).Id | Should -Be @('role_01JR0001EAYCQ1FRPJE6X0E5QA', 'role_01JR0002PSFWEXD4YP85XYRX2F', 'role_01JR00039WRYDRWASJNY9WK5YG', 'role_01JR0004BVXEKF1SKEW82NV711', 'role_01JR0005QDZ33W45MC1BQTQHRQ')
        $paged = @(Get-SimulatorRequest GET '*/organization/roles' | Where-Object query -like 'limit=2*')
        $paged.Count | Should -Be 3
        $paged[1].query | Should -Not -Match 'role_01JR0002PSFWEXD4YP85XYRX2F'
        (Get-OAIRole -Skip 1 -First 2).Id | Should -Be @('role_01JR0002PSFWEXD4YP85XYRX2F', 'role_01JR00039WRYDRWASJNY9WK5YG')
    }

    It 'gets by id, reports a missing id and goes on with the next' {
        $roles = @(Get-OAIRole -Id role_missing, role_01JR0004BVXEKF1SKEW82NV711 -ErrorVariable problems -ErrorAction SilentlyContinue)
        $roles.Name | Should -Be 'Security auditor'
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIRoleCommand'
        $problems[0].TargetObject | Should -Be 'role_missing'
    }

    It 'validates the page size before any request' {
        Get-ErrorId { Get-OAIRole -PageSize 1001 } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.GetOAIRoleCommand'
        Get-ErrorId { Get-OAIUserRole -UserId user-0002JeNiLqIA6WxFhRLL4olw -PageSize 0 } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.GetOAIUserRoleCommand'
        Get-ErrorId { Get-OAIGroupRole -GroupId '' } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.GetOAIGroupRoleCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0
        (Get-OAIUserRole -UserId user-0002JeNiLqIA6WxFhRLL4olw -PageSize 1000).RoleId | Should -Be 'role_01JR00039WRYDRWASJNY9WK5YG'
        (Get-SimulatorRequest GET '*/users/user-0002JeNiLqIA6WxFhRLL4olw/roles')[0].query | Should -Be 'limit=1000'
    }

    It 'gets the full role of piped assignments through their RoleId' {
        (Get-OAIUserRole -UserId user-0002JeNiLqIA6WxFhRLL4olw | Get-OAIRole).Description | Should -Be 'Reads costs and usage for finance reporting'
    }

    It 'shows name, id and predefined in its table' {
        $table = Get-OAIRole -Id role_01JR00039WRYDRWASJNY9WK5YG | Format-Table | Out-String -Width 80
        $table | Should -Match 'Name\s+Id\s+Predefined\s+Permissions'
        # Permissions: how many (Format-List shows them).
        $table | Should -Match '(?m)^Billing reader\s+role_01JR00039WRYDRWASJNY9WK5YG\s+False\s+2\s*$'
    }
}

Describe 'New-OAIRole' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'creates a role with each permission once' {
        $role = New-OAIRole -Name 'Group manager' -Permission api.groups.read, api.groups.write, api.groups.read -Description 'Manages groups'
        $role.GetType().FullName | Should -Be 'OpenAIAdmin.Role'
        $role.Id | Should -MatchExactly '^role_[0-9A-HJKMNP-TV-Z]{26}$'
        $role.Permissions | Should -Be @('api.groups.read', 'api.groups.write')
        (Get-SimulatorRequest POST '*/organization/roles')[0].body |
            Should -Be '{"role_name":"Group manager","permissions":["api.groups.read","api.groups.write"],"description":"Manages groups"}'
        (Get-OAIRole -Name 'Group manager').Id | Should -Be $role.Id
    }

    It 'creates roles from piped objects' {
        $rows = @(
            [pscustomobject]@{ Name = 'Viewer A'; Permissions = @('api.groups.read') }
            [pscustomobject]@{ Name = 'Viewer B'; Permission = @('api.roles.read'); Description = 'B' }
        )
        $created = @($rows | New-OAIRole)
        $created.Name | Should -Be @('Viewer A', 'Viewer B')
        $created[1].Description | Should -Be 'B'
    }

    It 'validates before sending and reports a name in use' {
        Get-ErrorId { New-OAIRole -Name X -Permission @() } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.NewOAIRoleCommand'
        Get-ErrorId { New-OAIRole -Name '' -Permission api.groups.read } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.NewOAIRoleCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0
        Get-ErrorId { New-OAIRole -Name 'billing reader' -Permission api.groups.read } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.NewOAIRoleCommand'
    }

    It '-WhatIf sends nothing and names the role and its permissions' {
        $text = Get-HostText { New-OAIRole -Name 'Group manager' -Permission api.groups.read -WhatIf }
        $text | Should -Match ([regex]::Escape("role 'Group manager' with 1 permission (api.groups.read)"))
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }
}

Describe 'Set-OAIRole' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'renames a piped role and replaces its permissions' {
        $updated = Get-OAIRole -Name 'Billing reader' | Set-OAIRole -Name 'Finance reader' -Permission api.organization.costs.read -PassThru
        $updated.Name | Should -Be 'Finance reader'
        $updated.Permissions | Should -Be @('api.organization.costs.read')
        (Get-SimulatorRequest POST '*/organization/roles/role_01JR00039WRYDRWASJNY9WK5YG')[0].body | Should -Be '{"role_name":"Finance reader","permissions":["api.organization.costs.read"]}'
        (Get-OAIRole -Id role_01JR00039WRYDRWASJNY9WK5YG).Name | Should -Be 'Finance reader'
    }

    It 'writes nothing without -PassThru and clears the description with an empty string' {
        $output = @(Set-OAIRole -Id role_01JR0004BVXEKF1SKEW82NV711 -Description '')
        $output.Count | Should -Be 0
        (Get-OAIRole -Id role_01JR0004BVXEKF1SKEW82NV711).Description | Should -BeNullOrEmpty
    }

    It 'refuses an empty change before sending anything' {
        Get-ErrorId { Set-OAIRole -Id role_01JR00039WRYDRWASJNY9WK5YG } | Should -Be 'NothingToChange,OpenAIAdmin.Commands.SetOAIRoleCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It '-WhatIf names the role and the change and sends no POST' {
        $role = Get-OAIRole -Id role_01JR00039WRYDRWASJNY9WK5YG
        $text = Get-HostText { $role | Set-OAIRole -Name 'Finance reader' -WhatIf }
        $text | Should -Match ([regex]::Escape("Rename to 'Finance reader'"))
        $text | Should -Match ([regex]::Escape("role 'Billing reader' (role_01JR00039WRYDRWASJNY9WK5YG)"))
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }

    It 'reports the API refusing a predefined role, and a missing one' {
        Get-ErrorId { Get-OAIRole -Id role_01JR0001EAYCQ1FRPJE6X0E5QA | Set-OAIRole -Name Boss } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.SetOAIRoleCommand'
        Get-ErrorId { Set-OAIRole -Id role_missing -Name X } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.SetOAIRoleCommand'
    }
}

Describe 'Remove-OAIRole' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'is ConfirmImpact High and previews with the role name and id' {
        $attribute = (Get-Command Remove-OAIRole).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
        $text = Get-HostText { Get-OAIRole -Name 'Project creator' | Remove-OAIRole -WhatIf }
        $text | Should -Match ([regex]::Escape("role 'Project creator' (role_01JR0005QDZ33W45MC1BQTQHRQ)"))
        @(Get-SimulatorRequest DELETE).Count | Should -Be 0
    }

    It 'deletes with -Force, returns the confirmation with -PassThru and takes the assignments with it' {
        $deleted = Get-OAIRole -Name 'Billing reader' | Remove-OAIRole -Force -PassThru
        $deleted.GetType().FullName | Should -Be 'OpenAIAdmin.DeletedObject'
        $deleted.Id | Should -Be 'role_01JR00039WRYDRWASJNY9WK5YG'
        $deleted.Object | Should -Be 'role.deleted'
        $deleted.Deleted | Should -BeTrue
        Get-ErrorId { Get-OAIRole -Id role_01JR00039WRYDRWASJNY9WK5YG } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIRoleCommand'
        @(Get-OAIUserRole -UserId user-0002JeNiLqIA6WxFhRLL4olw).Count | Should -Be 0
        @(Get-OAIGroupRole -GroupId group_01JG00039R95E99VB9Z3F7ZPY9).Count | Should -Be 0
    }

    It 'writes nothing by default and goes on after a missing role' {
        $output = @([pscustomobject]@{ Id = 'role_missing' }, [pscustomobject]@{ role_id = 'role_01JR0005QDZ33W45MC1BQTQHRQ' } |
            Remove-OAIRole -Confirm:$false -ErrorVariable problems -ErrorAction SilentlyContinue)
        $output.Count | Should -Be 0
        $problems[0].FullyQualifiedErrorId | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.RemoveOAIRoleCommand'
        (Get-OAIRole).Id | Should -Not -Contain 'role_01JR0005QDZ33W45MC1BQTQHRQ'
    }

    It 'reports the API refusing a predefined role' {
        Get-ErrorId { Remove-OAIRole -Id role_01JR0002PSFWEXD4YP85XYRX2F -Force } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.RemoveOAIRoleCommand'
        (Get-OAIRole).Id | Should -Contain 'role_01JR0002PSFWEXD4YP85XYRX2F'
    }
}

Describe 'Get-OAIUserRole' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'lists the roles of a user as assignments carrying the user id' {
        $assignment = Get-OAIUserRole -UserId user-0002JeNiLqIA6WxFhRLL4olw
        $assignment.GetType().FullName | Should -Be 'OpenAIAdmin.UserRoleAssignment'
        $assignment.UserId | Should -Be 'user-0002JeNiLqIA6WxFhRLL4olw'
        $assignment.RoleId | Should -Be 'role_01JR00039WRYDRWASJNY9WK5YG'
        $assignment.RoleName | Should -Be 'Billing reader'
        "$assignment" | Should -Be 'role_01JR00039WRYDRWASJNY9WK5YG'
        $table = $assignment | Format-Table | Out-String -Width 80
        $table | Should -Match 'User: user-0002JeNiLqIA6WxFhRLL4olw'
        $table | Should -Match 'RoleName\s+RoleId\s+Predefined\s+Permissions'
        $table | Should -Match 'Billing reader\s+role_01JR00039WRYDRWASJNY9WK5YG\s+False\s+2'
    }

    It 'takes users piped from Get-OAIUser' {
        $assignments = @(Get-OAIUser -Email user-0002@example.com, user-0003@example.com | Get-OAIUserRole)
        $assignments.Count | Should -Be 1
        $assignments[0].UserId | Should -Be 'user-0002JeNiLqIA6WxFhRLL4olw'
        @(Get-SimulatorRequest GET '*/users/*/roles').Count | Should -Be 2
    }

    It 'gets one role of a user and reports a role not held or an unknown user' {
        (Get-OAIUserRole user-0002JeNiLqIA6WxFhRLL4olw role_01JR00039WRYDRWASJNY9WK5YG).RoleName | Should -Be 'Billing reader'
        Get-ErrorId { Get-OAIUserRole -UserId user-0002JeNiLqIA6WxFhRLL4olw -RoleId role_01JR0004BVXEKF1SKEW82NV711 } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIUserRoleCommand'
        Get-ErrorId { Get-OAIUserRole -UserId user_missing } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIUserRoleCommand'
    }
}

Describe 'Add-OAIUserRole' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'assigns a role piped from Get-OAIRole to the user given by -UserId' {
        $u = 'user-00102WvBLPMlfZS0PJIMaYRO'
        $assignment = Get-OAIRole | Where-Object Name -eq 'Billing reader' | Add-OAIUserRole -UserId $u
        $assignment.GetType().FullName | Should -Be 'OpenAIAdmin.UserRoleAssignment'
        $assignment.UserId | Should -Be $u
        $assignment.RoleId | Should -Be 'role_01JR00039WRYDRWASJNY9WK5YG'
        $assignment.User.Email | Should -Be 'user-0010@example.com'
        (Get-SimulatorRequest POST "*/users/$u/roles")[0].body | Should -Be '{"role_id":"role_01JR00039WRYDRWASJNY9WK5YG"}'
        (Get-OAIUserRole -UserId $u).RoleName | Should -Be 'Billing reader'
    }

    It 'copies the roles of one user to another' {
        Get-OAIUserRole -UserId user-0002JeNiLqIA6WxFhRLL4olw | Add-OAIUserRole -UserId user-0011Rmd6WBRxNcDdQ5YyiP6J | Out-Null
        (Get-OAIUserRole -UserId user-0011Rmd6WBRxNcDdQ5YyiP6J).RoleId | Should -Be 'role_01JR00039WRYDRWASJNY9WK5YG'
    }

    It '-WhatIf sends nothing' {
        $text = Get-HostText { Get-OAIRole -Id role_01JR0004BVXEKF1SKEW82NV711 | Add-OAIUserRole -UserId user-00102WvBLPMlfZS0PJIMaYRO -WhatIf }
        $text | Should -Match ([regex]::Escape("Assign role 'Security auditor' (role_01JR0004BVXEKF1SKEW82NV711)"))
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }

    It 'reports an unknown role and goes on with the next, and refuses a role already held' {
        $added = @([pscustomobject]@{ Id = 'role_missing' }, [pscustomobject]@{ Id = 'role_01JR0004BVXEKF1SKEW82NV711' } |
            Add-OAIUserRole -UserId user-00102WvBLPMlfZS0PJIMaYRO -ErrorVariable problems -ErrorAction SilentlyContinue)
        $problems[0].FullyQualifiedErrorId | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.AddOAIUserRoleCommand'
        $problems[0].TargetObject | Should -Be 'user-00102WvBLPMlfZS0PJIMaYRO' -Because 'adding one role to many users names the user that failed'
        $added.RoleId | Should -Be 'role_01JR0004BVXEKF1SKEW82NV711'
        Get-ErrorId { Add-OAIUserRole -UserId user-0002JeNiLqIA6WxFhRLL4olw -RoleId role_01JR00039WRYDRWASJNY9WK5YG } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.AddOAIUserRoleCommand'
        Get-ErrorId { Add-OAIUserRole -UserId user-0002JeNiLqIA6WxFhRLL4olw -RoleId '' } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.AddOAIUserRoleCommand'
    }
}

Describe 'Remove-OAIUserRole' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'previews piped assignments by role name and sends no DELETE' {
        $text = Get-HostText { Get-OAIUserRole -UserId user-0002JeNiLqIA6WxFhRLL4olw | Remove-OAIUserRole -WhatIf }
        $text | Should -Match ([regex]::Escape("role 'Billing reader' (role_01JR00039WRYDRWASJNY9WK5YG) of user user-0002JeNiLqIA6WxFhRLL4olw"))
        @(Get-SimulatorRequest DELETE).Count | Should -Be 0
    }

    It 'unassigns with -Force and returns the confirmation with the request ids' {
        $deleted = Get-OAIUserRole -UserId user-0002JeNiLqIA6WxFhRLL4olw | Remove-OAIUserRole -Force -PassThru
        $deleted.GetType().FullName | Should -Be 'OpenAIAdmin.DeletedRoleAssignment'
        $deleted.Object | Should -Be 'user.role.deleted'
        $deleted.Deleted | Should -BeTrue
        $deleted.UserId | Should -Be 'user-0002JeNiLqIA6WxFhRLL4olw'
        $deleted.RoleId | Should -Be 'role_01JR00039WRYDRWASJNY9WK5YG'
        ($deleted | Format-Table | Out-String -Width 200) | Should -Match 'user user-0002JeNiLqIA6WxFhRLL4olw'
        @(Get-OAIUserRole -UserId user-0002JeNiLqIA6WxFhRLL4olw).Count | Should -Be 0
        (Get-OAIRole).Id | Should -Contain 'role_01JR00039WRYDRWASJNY9WK5YG'
    }

    It 'removes a role piped from Get-OAIRole from the user given by -UserId, quietly' {
        $output = @(Get-OAIRole -Name 'Billing reader' | Remove-OAIUserRole -UserId user-0002JeNiLqIA6WxFhRLL4olw -Force)
        $output.Count | Should -Be 0
        @(Get-OAIUserRole -UserId user-0002JeNiLqIA6WxFhRLL4olw).Count | Should -Be 0
    }

    It 'reports a role the user does not hold' {
        Get-ErrorId { Remove-OAIUserRole user-0002JeNiLqIA6WxFhRLL4olw role_01JR0004BVXEKF1SKEW82NV711 -Force } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.RemoveOAIUserRoleCommand'
    }
}

Describe 'Organization and project roles on the pipeline' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'refuses <Case> before any request' -ForEach @(
        @{ Case = 'project role assignments piped into Remove-OAIUserRole'; Command = 'Remove-OAIUserRole'
            Pipeline = { Get-OAIProjectUserRole -ProjectId proj_productionchatbotrC4xJHX -UserId user-0002JeNiLqIA6WxFhRLL4olw | Remove-OAIUserRole -WhatIf } }
        @{ Case = 'a project role piped into Add-OAIUserRole'; Command = 'Add-OAIUserRole'
            Pipeline = { Get-OAIProjectRole -ProjectId proj_productionchatbotrC4xJHX -Name Deployer | Add-OAIUserRole -UserId user-0007xDnRy5frmyf1swh7YI3p } }
        @{ Case = 'a project role piped into Add-OAIGroupRole'; Command = 'Add-OAIGroupRole'
            Pipeline = { Get-OAIProjectRole -ProjectId proj_productionchatbotrC4xJHX -Name Deployer | Add-OAIGroupRole -GroupId group_01JG00039R95E99VB9Z3F7ZPY9 } }
        @{ Case = 'organization role assignments piped into Remove-OAIProjectUserRole'; Command = 'Remove-OAIProjectUserRole'
            Pipeline = { Get-OAIUserRole -UserId user-0002JeNiLqIA6WxFhRLL4olw | Remove-OAIProjectUserRole -ProjectId proj_productionchatbotrC4xJHX -WhatIf } }
        @{ Case = 'a CSV of project role assignments piped into Remove-OAIUserRole'; Command = 'Remove-OAIUserRole'
            Pipeline = { Get-OAIProjectUserRole -ProjectId proj_productionchatbotrC4xJHX -UserId user-0002JeNiLqIA6WxFhRLL4olw | ConvertTo-Csv | ConvertFrom-Csv | Remove-OAIUserRole -Confirm:$false } }
        @{ Case = 'an organization role piped into Add-OAIProjectUserRole'; Command = 'Add-OAIProjectUserRole'
            Pipeline = { Get-OAIRole -Name 'Billing reader' | Add-OAIProjectUserRole -ProjectId proj_productionchatbotrC4xJHX -UserId user-0002JeNiLqIA6WxFhRLL4olw } }
    ) {
        $Error.Clear()
        & { $ErrorActionPreference = 'SilentlyContinue'; & $Pipeline }
        $Error.Count | Should -Be 1
        $Error[0].FullyQualifiedErrorId | Should -Be "InvalidInputObject,OpenAIAdmin.Commands.$($Command -replace '-', '')Command"
        $Error[0].Exception.Message | Should -Match 'Nothing was sent'
        @(Get-SimulatorRequest | Where-Object method -ne 'GET').Count | Should -Be 0
    }

    It 'still takes roles of the same scope from the pipeline' {
        $text = Get-HostText { Get-OAIProjectUserRole -ProjectId proj_productionchatbotrC4xJHX -UserId user-0002JeNiLqIA6WxFhRLL4olw | Remove-OAIProjectUserRole -WhatIf }
        $text | Should -Match 'role_01JP0001506CNFSQ0G2C6D8JJD'
        Get-OAIRole -Name 'Security auditor' | Add-OAIUserRole -UserId user-0007xDnRy5frmyf1swh7YI3p | Should -Not -BeNullOrEmpty
    }
}

Describe 'Group role assignments' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'lists the roles of piped groups' {
        $assignment = Get-OAIGroup -Id group_01JG00039R95E99VB9Z3F7ZPY9 | Get-OAIGroupRole
        $assignment.GetType().FullName | Should -Be 'OpenAIAdmin.GroupRoleAssignment'
        $assignment.GroupId | Should -Be 'group_01JG00039R95E99VB9Z3F7ZPY9'
        $assignment.RoleName | Should -Be 'Billing reader'
        $table = $assignment | Format-Table | Out-String -Width 80
        $table | Should -Match 'Group: group_01JG00039R95E99VB9Z3F7ZPY9'
        $table | Should -Match 'RoleName\s+RoleId\s+Predefined\s+Permissions'
        $table | Should -Match 'Billing reader\s+role_01JR00039WRYDRWASJNY9WK5YG\s+False\s+2'
        (Get-OAIGroupRole group_01JG00039R95E99VB9Z3F7ZPY9 role_01JR00039WRYDRWASJNY9WK5YG).AssignmentSources[0].PrincipalId | Should -Be 'group_01JG00039R95E99VB9Z3F7ZPY9'
    }

    It 'assigns a role piped from Get-OAIRole and returns the embedded group' {
        $assignment = Get-OAIRole | Where-Object Name -eq 'Security auditor' | Add-OAIGroupRole -GroupId group_01JG000577GCF98PY016Z1J7D9
        $assignment.GroupId | Should -Be 'group_01JG000577GCF98PY016Z1J7D9'
        $assignment.Group.Name | Should -Be 'Security'
        $assignment.Group.IsScimManaged | Should -BeTrue
        (Get-OAIGroupRole -GroupId group_01JG000577GCF98PY016Z1J7D9).RoleId | Should -Be 'role_01JR0004BVXEKF1SKEW82NV711'
    }

    It 'previews and unassigns piped group assignments' {
        $text = Get-HostText { Get-OAIGroupRole -GroupId group_01JG00039R95E99VB9Z3F7ZPY9 | Remove-OAIGroupRole -WhatIf }
        $text | Should -Match ([regex]::Escape("role 'Billing reader' (role_01JR00039WRYDRWASJNY9WK5YG) of group group_01JG00039R95E99VB9Z3F7ZPY9"))
        @(Get-SimulatorRequest DELETE).Count | Should -Be 0
        $deleted = Get-OAIGroupRole -GroupId group_01JG00039R95E99VB9Z3F7ZPY9 | Remove-OAIGroupRole -Force -PassThru
        $deleted.Object | Should -Be 'group.role.deleted'
        $deleted.GroupId | Should -Be 'group_01JG00039R95E99VB9Z3F7ZPY9'
        @(Get-OAIGroupRole -GroupId group_01JG00039R95E99VB9Z3F7ZPY9).Count | Should -Be 0
    }

    It 'reports unknown groups and roles not held with the exact error ids' {
        Get-ErrorId { Get-OAIGroupRole -GroupId group_missing } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIGroupRoleCommand'
        Get-ErrorId { Add-OAIGroupRole -GroupId group_missing -RoleId role_01JR00039WRYDRWASJNY9WK5YG } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.AddOAIGroupRoleCommand'
        Get-ErrorId { Remove-OAIGroupRole -GroupId group_01JG00039R95E99VB9Z3F7ZPY9 -RoleId role_01JR0004BVXEKF1SKEW82NV711 -Force } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.RemoveOAIGroupRoleCommand'
        Get-ErrorId { Add-OAIGroupRole -GroupId group_01JG000577GCF98PY016Z1J7D9 -RoleId role_01JR0004BVXEKF1SKEW82NV711 -WhatIf } | Should -Be '<no error>'
        @(Get-SimulatorRequest POST).Count | Should -Be 1
    }
}
