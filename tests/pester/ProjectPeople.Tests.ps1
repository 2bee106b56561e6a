# Project users, project groups, project roles and their role assignments, in real pwsh against the simulator.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    # Seed (tests/OpenAIAdmin.Simulator/README.md): Production chatbot has users 0001 (owner) .. 0006, the group
    # Engineering with its Member role, and the custom role Deployer held by user 0002.
    $script:Prod = 'proj_productionchatbotrC4xJHX'
    $script:User1 = 'user-0001dFOBZZvO66McY18E82hx'
    $script:User2 = 'user-0002JeNiLqIA6WxFhRLL4olw'
    $script:User3 = 'user-0003S96RP8civznnHCEbos4T'
    $script:Engineering = 'group_01JG0001C6N1WS7T07CCA3XQAN'
    $script:Contractors = 'group_01JG0002G4HXWT9AVGWCFEE87V'
    $script:Deployer = 'role_01JP0001506CNFSQ0G2C6D8JJD'
    $script:Member = 'role_01JPEEYA7RPP56YM5HEJRY3KYM'
    $script:Owner = 'role_01JPXN0YMR6E6MJRVD96BFVMC5'

    function Get-Body($Request) { $Request.body | ConvertFrom-Json -AsHashtable }
    function Get-ArchivedProjectId { (Get-OAIProject -IncludeArchived | Where-Object Status -eq 'archived' | Select-Object -First 1).Id }
}

Describe 'Get-OAIProjectUser' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'lists the users of a piped project, each carrying its project id, in one request' {
        $users = @(Get-OAIProject -Id $Prod | Get-OAIProjectUser)
        $users.Count | Should -Be 6
        $users[0..2].Id | Should -Be @($User1, $User2, $User3)
        $users[0].GetType().FullName | Should -Be 'OpenAIAdmin.ProjectUser'
        $users.Role | Should -Be @('owner', 'member', 'member', 'member', 'member', 'member')
        @($users.ProjectId | Sort-Object -Unique) | Should -Be $Prod
        $users[0].UserId | Should -Be $User1 -Because 'a project user carries its user id as UserId'
        $requests = @(Get-SimulatorRequest GET "*/organization/projects/$Prod/users")
        $requests.Count | Should -Be 1
        $requests[0].query | Should -Be 'limit=100'
    }

    It 'lists every project piped from Get-OAIProject, ignoring the project Id PowerShell also bound to -Id' {
        $users = @(Get-OAIProject | Get-OAIProjectUser)
        $users.Count | Should -Be 10 -Because 'Default project 1, Production chatbot 6, Data science 3, the others none'
        @(Get-SimulatorRequest GET '*/organization/projects/*/users/*').Count | Should -Be 0 -Because 'no project id was taken for a user id'
    }

    It 'pages with after = last_id' {
        (Get-OAIProjectUser -ProjectId $Prod -PageSize 4).Count | Should -Be 6
        $requests = @(Get-SimulatorRequest GET "*/organization/projects/$Prod/users")
        $requests.Count | Should -Be 2
        $requests[1].query | Should -Match "after=user-0004"
        (Get-OAIProjectUser -ProjectId $Prod -First 2).Id | Should -Be @($User1, $User2)
    }

    It 'looks up a user piped from Get-OAIUser and reports one that is not in the project' {
        $user = Get-OAIUser -Email user-0003@example.com | Get-OAIProjectUser -ProjectId $Prod
        $user.Id | Should -Be $User3
        $user.Email | Should -Be 'user-0003@example.com'
        @(Get-SimulatorRequest GET "*/organization/projects/$Prod/users/$User3").Count | Should -Be 1
        $outsider = (Get-OAIUser -First 40 | Select-Object -Last 1).Id
        $found = @(Get-OAIProjectUser -ProjectId $Prod -Id $outsider, $User2 -ErrorVariable problems -ErrorAction SilentlyContinue)
        $found.Id | Should -Be $User2
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIProjectUserCommand'
    }

    It 'reports the 400 of an archived project as ApiBadRequest' {
        $archived = Get-ArchivedProjectId
        Get-ErrorId { Get-OAIProjectUser -ProjectId $archived } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.GetOAIProjectUserCommand'
        @(Get-SimulatorRequest GET "*/organization/projects/$archived/users")[0].status | Should -Be 400
    }

    It 'shows name, e-mail, role and the whole id under a project heading at 80 columns' {
        $table = Get-OAIProjectUser -ProjectId $Prod -First 2 | Out-String -Width 80
        $table | Should -Match "Project: $Prod"
        $table | Should -Match "(?m)^User 0002\s+user-0002@example.com\s+member $User2\s*$"
    }
}

Describe 'Add-OAIProjectUser' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'adds a user piped from Get-OAIUser -Email, sending the user id and the role' {
        $added = Get-OAIUser -Email user-0020@example.com | Add-OAIProjectUser -ProjectId $Prod -Role member
        $added.GetType().FullName | Should -Be 'OpenAIAdmin.ProjectUser'
        $added.Email | Should -Be 'user-0020@example.com'
        $added.Role | Should -Be 'member'
        $added.ProjectId | Should -Be $Prod
        $post = @(Get-SimulatorRequest POST "*/organization/projects/$Prod/users")
        $post.Count | Should -Be 1
        $body = Get-Body $post[0]
        $body.user_id | Should -Be $added.Id
        $body.role | Should -Be 'member'
        $body.ContainsKey('email') | Should -BeFalse -Because 'an organization user carries an Email, which must not also be sent'
        (Get-OAIProjectUser -ProjectId $Prod).Id | Should -Contain $added.Id
    }

    It 'adds by e-mail address' {
        $added = Add-OAIProjectUser -ProjectId $Prod -Email user-0021@example.com -Role owner
        $added.Role | Should -Be 'owner'
        $body = Get-Body @(Get-SimulatorRequest POST "*/organization/projects/$Prod/users")[0]
        $body.email | Should -Be 'user-0021@example.com'
        $body.ContainsKey('user_id') | Should -BeFalse
    }

    It 'previews with -WhatIf, naming the user, and sends nothing' {
        $text = Get-HostText { Get-OAIUser -Email user-0020@example.com | Add-OAIProjectUser -ProjectId $Prod -Role member -WhatIf }
        $text | Should -Match "Add user 'User 0020' <user-0020@example.com> \(user-0020\w+\) as member"
        @(Get-SimulatorRequest POST '*').Count | Should -Be 0
    }

    It 'reports a user already in the project, and an archived project, as ApiBadRequest' {
        Get-ErrorId { Add-OAIProjectUser -ProjectId $Prod -Id $User2 -Role member } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.AddOAIProjectUserCommand'
        Get-ErrorId { Add-OAIProjectUser -ProjectId (Get-ArchivedProjectId) -Id $User2 -Role member } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.AddOAIProjectUserCommand'
    }

    It 'refuses a role other than owner or member before any request' {
        Get-ErrorId { Add-OAIProjectUser -ProjectId $Prod -Id $User2 -Role reader } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.AddOAIProjectUserCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0
    }
}

Describe 'Set-OAIProjectUser' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'changes the role of a piped project user, writing it only with -PassThru' {
        @(Get-OAIProjectUser -ProjectId $Prod -Id $User3 | Set-OAIProjectUser -Role owner).Count | Should -Be 0
        (Get-OAIProjectUser -ProjectId $Prod -Id $User3).Role | Should -Be 'owner'
        (Get-Body @(Get-SimulatorRequest POST "*/organization/projects/$Prod/users/$User3")[0]).role | Should -Be 'owner'
        $changed = Set-OAIProjectUser -ProjectId $Prod -Id $User3 -Role member -PassThru
        $changed.Role | Should -Be 'member'
        $changed.ProjectId | Should -Be $Prod
    }

    It 'names the person in its confirmation and reports a user outside the project as ApiNotFound' {
        $text = Get-HostText { Get-OAIProjectUser -ProjectId $Prod -Id $User3 | Set-OAIProjectUser -Role owner -WhatIf }
        $text | Should -Match "user 'User 0003' <user-0003@example.com> \($User3\) in project $Prod"
        @(Get-SimulatorRequest POST '*').Count | Should -Be 0
        $outsider = (Get-OAIUser -First 40 | Select-Object -Last 1).Id
        Get-ErrorId { Set-OAIProjectUser -ProjectId $Prod -Id $outsider -Role owner } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.SetOAIProjectUserCommand'
    }
}

Describe 'Remove-OAIProjectUser' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'removes a piped project user, who also loses the project roles held there' {
        $deleted = Get-OAIProjectUser -ProjectId $Prod -Id $User2 | Remove-OAIProjectUser -Force -PassThru
        $deleted.Id | Should -Be $User2
        $deleted.ProjectId | Should -Be $Prod -Because 'a log of removals across projects says where each was'
        Get-ErrorId { $deleted | Remove-OAIProject -WhatIf } | Should -Be 'InvalidInputObject,OpenAIAdmin.Commands.RemoveOAIProjectCommand' -Because 'a confirmation names its project, it is not one'
        $deleted.Deleted | Should -BeTrue
        (Get-OAIProjectUser -ProjectId $Prod).Id | Should -Not -Contain $User2
        (Get-OAIUser -Id $User2).Id | Should -Be $User2 -Because 'the user stays in the organization'
        Add-OAIProjectUser -ProjectId $Prod -Id $User2 -Role member | Out-Null
        @(Get-OAIProjectUserRole -ProjectId $Prod -UserId $User2).Count | Should -Be 0 -Because 'the Deployer role went with the membership'
    }

    It 'previews with -WhatIf naming the person, and writes nothing without -PassThru' {
        $text = Get-HostText { Get-OAIProjectUser -ProjectId $Prod -Id $User3 | Remove-OAIProjectUser -WhatIf }
        $text | Should -Match "Remove from the project .* on target `"user 'User 0003' <user-0003@example.com> \($User3\) in project $Prod`""
        @(Get-SimulatorRequest DELETE '*').Count | Should -Be 0
        @(Remove-OAIProjectUser -ProjectId $Prod -Id $User3 -Force).Count | Should -Be 0
        @(Get-SimulatorRequest DELETE "*/organization/projects/$Prod/users/$User3").Count | Should -Be 1
    }

    It 'refuses an id that would leave its path, before any request' {
        Get-ErrorId { Remove-OAIProjectUser -ProjectId $Prod -Id '..' -Force } | Should -Be 'InvalidArgument,OpenAIAdmin.Commands.RemoveOAIProjectUserCommand'
        Get-ErrorId { Get-OAIProjectUserRole -ProjectId '..' -UserId $User2 } | Should -Be 'InvalidArgument,OpenAIAdmin.Commands.GetOAIProjectUserRoleCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'refuses a group piped in as the user, sending nothing' {
        $group = Get-OAIGroup -First 1
        Reset-Simulator
        $group | Remove-OAIProjectUser -ProjectId $Prod -Force -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidInputObject,OpenAIAdmin.Commands.RemoveOAIProjectUserCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0
    }
}

Describe 'Project user roles' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'lists the project roles of piped project users under /projects/{id}' {
        $assignments = @(Get-OAIProjectUser -ProjectId $Prod -First 3 | Get-OAIProjectUserRole)
        $assignments.Count | Should -Be 1
        $assignments[0].GetType().FullName | Should -Be 'OpenAIAdmin.ProjectUserRoleAssignment'
        $assignments[0].UserId | Should -Be $User2
        $assignments[0].ProjectId | Should -Be $Prod
        $assignments[0].RoleName | Should -Be 'Deployer'
        $assignments[0].ResourceType | Should -Be 'api.project'
        @(Get-SimulatorRequest GET "/v1/projects/$Prod/users/*/roles").Count | Should -Be 3
        (Get-OAIProjectUserRole -ProjectId $Prod -UserId $User2 -RoleId $Deployer).RoleName | Should -Be 'Deployer'
        Get-ErrorId { Get-OAIProjectUserRole -ProjectId $Prod -UserId $User3 -RoleId $Deployer } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIProjectUserRoleCommand'
    }

    It 'assigns a piped project role and removes the piped assignment' {
        $assigned = Get-OAIProjectRole -ProjectId $Prod -Name Deployer | Add-OAIProjectUserRole -UserId $User3
        $assigned.RoleId | Should -Be $Deployer
        $assigned.UserId | Should -Be $User3
        $assigned.ProjectId | Should -Be $Prod
        $assigned.User.Email | Should -Be 'user-0003@example.com'
        (Get-Body @(Get-SimulatorRequest POST "/v1/projects/$Prod/users/$User3/roles")[0]).role_id | Should -Be $Deployer
        $deleted = Get-OAIProjectUserRole -ProjectId $Prod -UserId $User3 | Remove-OAIProjectUserRole -Force -PassThru
        $deleted.Object | Should -Be 'user.role.deleted'
        $deleted.ProjectId | Should -Be $Prod
        $deleted.UserId | Should -Be $User3
        $deleted.RoleId | Should -Be $Deployer
        @(Get-OAIProjectUserRole -ProjectId $Prod -UserId $User3).Count | Should -Be 0
    }

    It 'reports a role for a user outside the project, and a repeated assignment' {
        $outsider = (Get-OAIUser -First 40 | Select-Object -Last 1).Id
        Get-ErrorId { Add-OAIProjectUserRole -ProjectId $Prod -UserId $outsider -RoleId $Deployer } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.AddOAIProjectUserRoleCommand'
        Get-ErrorId { Add-OAIProjectUserRole -ProjectId $Prod -UserId $User2 -RoleId $Deployer } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.AddOAIProjectUserRoleCommand'
    }

    It 'names the role in the confirmation of a piped assignment' {
        $text = Get-HostText { Get-OAIProjectUserRole -ProjectId $Prod -UserId $User2 | Remove-OAIProjectUserRole -WhatIf }
        $text | Should -Match "role 'Deployer' \($Deployer\) of user $User2 in project $Prod"
        @(Get-SimulatorRequest DELETE '*').Count | Should -Be 0
    }
}

Describe 'Project groups' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'lists the groups of a project with next-cursor paging' {
        $groups = @(Get-OAIProjectGroup -ProjectId $Prod)
        $groups.GroupName | Should -Be 'Engineering'
        $groups[0].GetType().FullName | Should -Be 'OpenAIAdmin.ProjectGroup'
        $groups[0].GroupType | Should -Be 'group'
        $groups[0].ProjectId | Should -Be $Prod
        @(Get-SimulatorRequest GET "*/organization/projects/$Prod/groups")[0].query | Should -Be 'limit=100'
    }

    It 'adds a group piped from Get-OAIGroup -Name, which then holds the role in the project' {
        $added = Get-OAIGroup -Name Contractors | Add-OAIProjectGroup -ProjectId $Prod -RoleId $Member
        $added.GroupId | Should -Be $Contractors
        $added.GroupName | Should -Be 'Contractors'
        $added.ProjectId | Should -Be $Prod
        $body = Get-Body @(Get-SimulatorRequest POST "*/organization/projects/$Prod/groups")[0]
        $body.group_id | Should -Be $Contractors
        $body.role | Should -Be $Member
        (Get-OAIProjectGroup -ProjectId $Prod -PageSize 1).GroupId | Should -Be @($Engineering, $Contractors)
        @(Get-SimulatorRequest GET "*/organization/projects/$Prod/groups" | Where-Object query -like 'limit=1*').Count | Should -Be 2
        (Get-OAIProjectGroup -ProjectId $Prod -Name Contractors | Get-OAIProjectGroupRole).RoleId | Should -Be $Member
    }

    It 'looks up a group by id and type, and reports a wrong type as ApiNotFound' {
        (Get-OAIProjectGroup -ProjectId $Prod -Id $Engineering).GroupName | Should -Be 'Engineering'
        Get-ErrorId { Get-OAIProjectGroup -ProjectId $Prod -Id $Engineering -GroupType tenant_group } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIProjectGroupCommand'
        @(Get-SimulatorRequest GET "*/organization/projects/$Prod/groups/$Engineering")[1].query | Should -Be 'group_type=tenant_group'
    }

    It 'lists only groups of the -GroupType given, and narrows an -Id lookup by -Name' {
        @(Get-OAIProjectGroup -ProjectId $Prod -GroupType group).GroupName | Should -Be 'Engineering'
        @(Get-OAIProjectGroup -ProjectId $Prod -GroupType tenant_group).Count | Should -Be 0
        @(Get-OAIProjectGroup -ProjectId $Prod -Id $Engineering -Name 'Eng*').GroupName | Should -Be 'Engineering'
        @(Get-OAIProjectGroup -ProjectId $Prod -Id $Engineering -Name 'Contr*').Count | Should -Be 0
    }

    It 'refuses a role of another project and an archived project with ApiBadRequest' {
        $otherRole = (Get-OAIProjectRole -ProjectId (Get-OAIProject -First 1).Id -Name Member).Id
        Get-ErrorId { Add-OAIProjectGroup -ProjectId $Prod -Id $Contractors -RoleId $otherRole } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.AddOAIProjectGroupCommand'
        Get-ErrorId { Add-OAIProjectGroup -ProjectId (Get-ArchivedProjectId) -Id $Contractors -RoleId $Member } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.AddOAIProjectGroupCommand'
    }

    It 'removes a piped project group, whose project roles go with it' {
        $text = Get-HostText { Get-OAIProjectGroup -ProjectId $Prod | Remove-OAIProjectGroup -WhatIf }
        $text | Should -Match "group 'Engineering' \($Engineering\) in project $Prod"
        @(Get-SimulatorRequest DELETE '*').Count | Should -Be 0
        $deleted = Get-OAIProjectGroup -ProjectId $Prod | Remove-OAIProjectGroup -Force -PassThru
        $deleted.Id | Should -Be $Engineering
        $deleted.ProjectId | Should -Be $Prod
        $deleted.Object | Should -Be 'project.group.deleted'
        @(Get-OAIProjectGroup -ProjectId $Prod).Count | Should -Be 0
        Get-ErrorId { Get-OAIProjectGroupRole -ProjectId $Prod -GroupId $Engineering } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIProjectGroupRoleCommand'
    }
}

Describe 'Project group roles' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'assigns, lists and unassigns the project roles of a group' {
        $assigned = Get-OAIProjectRole -ProjectId $Prod -Name Deployer | Add-OAIProjectGroupRole -GroupId $Engineering
        $assigned.GetType().FullName | Should -Be 'OpenAIAdmin.ProjectGroupRoleAssignment'
        $assigned.Group.Name | Should -Be 'Engineering'
        $assigned.ProjectId | Should -Be $Prod
        (Get-OAIProjectGroup -ProjectId $Prod | Get-OAIProjectGroupRole).RoleName | Should -Be @('Member', 'Deployer')
        @(Get-SimulatorRequest POST "/v1/projects/$Prod/groups/$Engineering/roles").Count | Should -Be 1
        $deleted = Get-OAIProjectGroupRole -ProjectId $Prod -GroupId $Engineering -RoleId $Deployer | Remove-OAIProjectGroupRole -Force -PassThru
        $deleted.Object | Should -Be 'group.role.deleted'
        $deleted.GroupId | Should -Be $Engineering
        $deleted.ProjectId | Should -Be $Prod
        (Get-OAIProjectGroupRole -ProjectId $Prod -GroupId $Engineering).RoleId | Should -Be $Member
    }

    It 'reports a group without access to the project as ApiNotFound' {
        Get-ErrorId { Add-OAIProjectGroupRole -ProjectId $Prod -GroupId $Contractors -RoleId $Deployer } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.AddOAIProjectGroupRoleCommand'
    }
}

Describe 'Project roles' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'lists the predefined and custom roles of a piped project under /projects/{id}/roles' {
        $roles = @(Get-OAIProject -Id $Prod | Get-OAIProjectRole)
        $roles.Name | Should -Be @('Owner', 'Member', 'Deployer')
        $roles.PredefinedRole | Should -Be @($true, $true, $false)
        $roles[2].GetType().FullName | Should -Be 'OpenAIAdmin.ProjectRole'
        $roles[2].RoleId | Should -Be $Deployer
        @($roles.ProjectId | Sort-Object -Unique) | Should -Be $Prod
        $requests = @(Get-SimulatorRequest GET "/v1/projects/$Prod/roles")
        $requests.Count | Should -Be 1
        $requests[0].query | Should -Be 'limit=1000'
        (Get-OAIProjectRole -ProjectId $Prod -PageSize 1).Count | Should -Be 3
        (Get-OAIProjectRole -ProjectId $Prod -Id $Owner).Name | Should -Be 'Owner'
    }

    It 'creates, changes and deletes a custom role, which its holders lose' {
        $role = New-OAIProjectRole -ProjectId $Prod -Name Viewer -Permission api.project.read, api.project.read -Description 'Reads'
        $role.ProjectId | Should -Be $Prod
        $role.ResourceType | Should -Be 'api.project'
        (Get-Body @(Get-SimulatorRequest POST "/v1/projects/$Prod/roles")[0]).permissions | Should -Be 'api.project.read'
        $changed = $role | Set-OAIProjectRole -Name 'Reader' -Description '' -PassThru
        $changed.Name | Should -Be 'Reader'
        $changed.Description | Should -BeNullOrEmpty
        Add-OAIProjectUserRole -ProjectId $Prod -UserId $User3 -RoleId $role.Id | Out-Null
        $deleted = $changed | Remove-OAIProjectRole -Force -PassThru
        $deleted.Id | Should -Be $role.Id
        $deleted.ProjectId | Should -Be $Prod
        $deleted.Deleted | Should -BeTrue
        @(Get-OAIProjectUserRole -ProjectId $Prod -UserId $User3).Count | Should -Be 0
        (Get-OAIProjectRole -ProjectId $Prod).Id | Should -Not -Contain $role.Id
    }

    It 'deleting Deployer removes it from user 0002' {
        Remove-OAIProjectRole -ProjectId $Prod -Id $Deployer -Force
        @(Get-OAIProjectUserRole -ProjectId $Prod -UserId $User2).Count | Should -Be 0
    }

    It 'refuses changes to predefined roles and to archived projects' {
        Get-ErrorId { Remove-OAIProjectRole -ProjectId $Prod -Id $Owner -Force } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.RemoveOAIProjectRoleCommand'
        Get-ErrorId { Set-OAIProjectRole -ProjectId $Prod -Id $Member -Name x } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.SetOAIProjectRoleCommand'
        Get-ErrorId { New-OAIProjectRole -ProjectId (Get-ArchivedProjectId) -Name x -Permission api.project.read } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.NewOAIProjectRoleCommand'
        Get-ErrorId { New-OAIProjectRole -ProjectId $Prod -Name deployer -Permission api.project.read } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.NewOAIProjectRoleCommand'
    }

    It 'stops with NothingToChange before any request, and previews with every change listed' {
        Get-ErrorId { Set-OAIProjectRole -ProjectId $Prod -Id $Deployer } | Should -Be 'NothingToChange,OpenAIAdmin.Commands.SetOAIProjectRoleCommand'
        $text = Get-HostText { Get-OAIProjectRole -ProjectId $Prod -Name Deployer | Set-OAIProjectRole -Name Shipper -Permission api.project.read -WhatIf }
        $text | Should -Match "Rename to 'Shipper'; Set 1 permission \(api.project.read\)"
        $text | Should -Match "role 'Deployer' \($Deployer\) in project $Prod"
        @(Get-SimulatorRequest POST '*').Count | Should -Be 0
    }
}

Describe 'Project people cmdlets' {
    It '<Name> is ConfirmImpact High with -Force and -PassThru' -ForEach @(
        @{ Name = 'Remove-OAIProjectUser' }, @{ Name = 'Remove-OAIProjectUserRole' }, @{ Name = 'Remove-OAIProjectGroup' },
        @{ Name = 'Remove-OAIProjectGroupRole' }, @{ Name = 'Remove-OAIProjectRole' }
    ) {
        $command = Get-Command $Name
        $attribute = $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
        $command.Parameters.Keys | Should -Contain 'Force'
        $command.Parameters.Keys | Should -Contain 'PassThru'
    }

    It 'every project-scoped cmdlet takes -ProjectId by property name with the alias project_id and completes it' {
        $commands = @(Get-Command -Module OpenAIAdmin -Noun 'OAIProject?*' | Where-Object Noun -ne 'OAIProject' |
                Where-Object Noun -in 'OAIProjectUser', 'OAIProjectUserRole', 'OAIProjectGroup', 'OAIProjectGroupRole', 'OAIProjectRole')
        $commands.Count | Should -Be 17
        foreach ($command in $commands) {
            $parameter = $command.Parameters['ProjectId']
            $parameter | Should -Not -BeNullOrEmpty -Because "$($command.Name) is project-scoped"
            $parameter.Aliases | Should -Contain 'project_id'
            @($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.ValueFromPipelineByPropertyName }).Count | Should -BeGreaterThan 0
            @($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }).Count | Should -Be 1
            $parameter.Aliases | Should -Not -Contain 'Id'
        }
    }
}
