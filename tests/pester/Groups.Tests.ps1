BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
}

Describe 'Get-OAIGroup' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'lists every group as a typed object, pages with the next cursor and honours -First' {
        $groups = @(Get-OAIGroup -PageSize 5)
        $groups.Count | Should -Be 12
        $groups[0].GetType().FullName | Should -Be 'OpenAIAdmin.Group'
        $groups[0].Name | Should -Be 'Engineering'
        $groups[0].GroupType | Should -Be 'group'
        $calls = @(Get-SimulatorRequest GET '*/organization/groups')
        $calls.Count | Should -Be 3
        $calls[1].query | Should -Match 'after='
        Reset-Simulator
        @(Get-OAIGroup -First 3).Count | Should -Be 3
        (Get-SimulatorRequest GET '*/organization/groups').query | Should -Match 'limit=3'
    }

    It 'filters by name with wildcards' {
        (Get-OAIGroup -Name contractors).Id | Should -Be 'group_0002'
        @(Get-OAIGroup -Name 'S*').Name -join ',' | Should -Be 'Security,Support,Sales'
    }

    It 'gets by id, positionally and by property name, and continues after a missing id' {
        (Get-OAIGroup group_0003).Name | Should -Be 'Finance'
        ([pscustomobject]@{ GroupId = 'group_0005' } | Get-OAIGroup).IsScimManaged | Should -BeTrue
        $found = @(Get-OAIGroup -Id group_missing, group_0001 -ErrorVariable problems -ErrorAction SilentlyContinue)
        $found.Name | Should -Be 'Engineering'
        $problems[0].FullyQualifiedErrorId | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIGroupCommand'
        $problems[0].TargetObject | Should -Be 'group_missing'
    }

    It 'shows name, id and type in its table' {
        (Get-OAIGroup -First 1 | Format-Table | Out-String -Width 200) | Should -Match 'Name\s+Id\s+GroupType'
    }
}

Describe 'New-OAIGroup and Set-OAIGroup' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'creates a group that then appears in the list' {
        $group = New-OAIGroup 'Incident responders'
        $group.GetType().FullName | Should -Be 'OpenAIAdmin.Group'
        $group.Id | Should -BeLike 'group_*'
        (Get-OAIGroup -Name 'Incident responders').Id | Should -Be $group.Id
        (Get-SimulatorRequest POST '*/organization/groups').body | Should -Be '{"name":"Incident responders"}'
    }

    It 'validates the name length before any request' {
        Get-ErrorId { New-OAIGroup -Name ('x' * 256) } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.NewOAIGroupCommand'
        Get-ErrorId { Set-OAIGroup -Id group_0001 -Name '' } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.SetOAIGroupCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'previews a rename of a piped group naming it, without a mutating request' {
        $text = Get-HostText { Get-OAIGroup -Name Contractors | Set-OAIGroup -Name 'External contractors' -WhatIf }
        $text | Should -Match ([regex]::Escape("Rename to 'External contractors'"))
        $text | Should -Match ([regex]::Escape("group 'Contractors' (group_0002)"))
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }

    It 'renames, emits nothing without -PassThru, and the -PassThru group lacks the type the API omits' {
        Get-OAIGroup -Name Contractors | Set-OAIGroup -Name 'External contractors' | Should -BeNullOrEmpty
        (Get-OAIGroup -Id group_0002).Name | Should -Be 'External contractors'
        $renamed = Set-OAIGroup group_0002 -Name Vendors -PassThru
        $renamed.GetType().FullName | Should -Be 'OpenAIAdmin.Group'
        $renamed.Name | Should -Be 'Vendors'
        $renamed.GroupType | Should -BeNullOrEmpty
        Get-ErrorId { Set-OAIGroup -Id group_missing -Name x } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.SetOAIGroupCommand'
    }
}

Describe 'Remove-OAIGroup' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'previews deleting piped groups naming each, without a DELETE' {
        $text = Get-HostText { Get-OAIGroup -Name 'S*' | Remove-OAIGroup -WhatIf }
        $text | Should -Match ([regex]::Escape("group 'Security' (group_0005)"))
        $text | Should -Match ([regex]::Escape("group 'Sales' (group_0010)"))
        @(Get-SimulatorRequest DELETE).Count | Should -Be 0
    }

    It 'deletes with -Force and returns the confirmation only with -PassThru' {
        Remove-OAIGroup group_0012 -Force | Should -BeNullOrEmpty
        $deleted = Get-OAIGroup -Name Legal | Remove-OAIGroup -Force -PassThru
        $deleted.GetType().FullName | Should -Be 'OpenAIAdmin.DeletedObject'
        $deleted.Id | Should -Be 'group_0011'
        $deleted.Object | Should -Be 'group.deleted'
        $deleted.Deleted | Should -BeTrue
        @(Get-OAIGroup).Count | Should -Be 10
    }

    It 'reports a missing group as ApiNotFound and goes on with the next one' {
        Get-ErrorId { Remove-OAIGroup -Id group_missing -Force } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.RemoveOAIGroupCommand'
        [pscustomobject]@{ Id = 'group_missing' }, [pscustomobject]@{ Id = 'group_0009' } |
            Remove-OAIGroup -Force -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.Count | Should -Be 1
        $problems[0].TargetObject | Should -Be 'group_missing'
        Get-ErrorId { Get-OAIGroup -Id group_0009 } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIGroupCommand'
    }
}

Describe 'Get-OAIGroupMember' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'lists the members of a piped group in the API default desc order, carrying both ids and the group name' {
        $members = @(Get-OAIGroup -Name Contractors | Get-OAIGroupMember)
        $members.UserId -join ',' | Should -Be 'user_0015,user_0014,user_0013,user_0012,user_0011'
        $members[0].GetType().FullName | Should -Be 'OpenAIAdmin.GroupMember'
        $members[0].GroupId | Should -Be 'group_0002'
        $members[0].GroupName | Should -Be 'Contractors'
        $members[0].Email | Should -Be 'user-0015@example.com'
        $members[0].PSObject.Properties.Name | Should -Not -Contain 'Id'
        (Get-SimulatorRequest GET '*/groups/group_0002/users').query | Should -Not -Match 'order='
    }

    It 'takes -GroupId positionally, -Ascending, -PageSize and -First' {
        (@(Get-OAIGroupMember group_0002 -Ascending).UserId -join ',') | Should -Be 'user_0011,user_0012,user_0013,user_0014,user_0015'
        (Get-SimulatorRequest GET '*/groups/group_0002/users').query | Should -Match 'order=asc'
        Reset-Simulator
        @(Get-OAIGroupMember -GroupId group_0001 -PageSize 7).Count | Should -Be 30
        @(Get-SimulatorRequest GET '*/groups/group_0001/users').Count | Should -Be 5
        (@(Get-OAIGroupMember -GroupId group_0001 -First 2).UserId -join ',') | Should -Be 'user_0030,user_0029'
    }

    It 'looks up members with -UserId, writing ApiNotFound for a non-member and going on' {
        $found = @(Get-OAIGroupMember -GroupId group_0003 -UserId user_0200, user_0031 -ErrorVariable problems -ErrorAction SilentlyContinue)
        $found.UserId | Should -Be 'user_0031'
        $found[0].UserType | Should -Be 'user'
        $found[0].IsServiceAccount | Should -BeFalse
        $problems[0].FullyQualifiedErrorId | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIGroupMemberCommand'
    }

    It 'reports a missing group as ApiNotFound' {
        Get-ErrorId { Get-OAIGroupMember -GroupId group_missing } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIGroupMemberCommand'
    }

    It 'pipes members to Get-OAIUser through UserId, and shows name, e-mail and group in its table' {
        (Get-OAIGroupMember group_0003 -First 1 | Get-OAIUser).Email | Should -Be 'user-0033@example.com'
        $table = Get-OAIGroup -Name Finance | Get-OAIGroupMember | Format-Table | Out-String -Width 80
        $table | Should -Match 'Group: Finance \(group_0003\)'
        $table | Should -Match 'Name\s+Email\s+UserId'
        $table | Should -Match 'user-0031@example\.com\s+user_0031'
    }
}

Describe 'Add-OAIGroupMember' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'adds a user piped from Get-OAIUser -Email to -GroupId' {
        $g = (Get-OAIGroup -Name Contractors).Id
        $added = Get-OAIUser -Email user-0100@example.com | Add-OAIGroupMember -GroupId $g
        $added.GetType().FullName | Should -Be 'OpenAIAdmin.GroupMember'
        $added.GroupId | Should -Be 'group_0002'
        $added.UserId | Should -Be 'user_0100'
        (Get-SimulatorRequest POST '*/groups/group_0002/users').body | Should -Be '{"user_id":"user_0100"}'
        (Get-OAIGroupMember -GroupId $g -First 1).UserId | Should -Be 'user_0100'
    }

    It 'copies the members of one group to another, and takes both ids by position' {
        $copied = @(Get-OAIGroupMember group_0003 | Add-OAIGroupMember -GroupId group_0004)
        $copied.Count | Should -Be 3
        @(Get-OAIGroupMember group_0004).Count | Should -Be 3
        (Add-OAIGroupMember group_0004 user_0001).UserId | Should -Be 'user_0001'
    }

    It '-WhatIf sends nothing, and an existing member is reported by the API' {
        Get-OAIUser -Email user-0100@example.com | Add-OAIGroupMember -GroupId group_0002 -WhatIf
        @(Get-SimulatorRequest POST).Count | Should -Be 0
        Get-ErrorId { Add-OAIGroupMember -GroupId group_0002 -UserId user_0011 } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.AddOAIGroupMemberCommand'
        Get-ErrorId { Add-OAIGroupMember -GroupId group_missing -UserId user_0011 } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.AddOAIGroupMemberCommand'
    }
}

Describe 'Remove-OAIGroupMember' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'previews Get-OAIGroup -Name Contractors | Get-OAIGroupMember | Remove-OAIGroupMember -WhatIf, naming user and group, with no DELETE' {
        $text = Get-HostText { Get-OAIGroup -Name Contractors | Get-OAIGroupMember | Remove-OAIGroupMember -WhatIf }
        foreach ($n in 11..15) {
            $text | Should -Match ([regex]::Escape("user 'User 00$n' <user-00$n@example.com> (user_00$n) in group 'Contractors' (group_0002)"))
        }
        @(Get-SimulatorRequest DELETE).Count | Should -Be 0
        @(Get-OAIGroupMember group_0002).Count | Should -Be 5
    }

    It 'removes piped members with -Force and -PassThru returns confirmations whose Id is the user id' {
        $removed = @(Get-OAIGroupMember group_0003 | Remove-OAIGroupMember -Force -PassThru)
        $removed.Count | Should -Be 3
        $removed[0].GetType().FullName | Should -Be 'OpenAIAdmin.DeletedObject'
        ($removed.Id | Sort-Object) -join ',' | Should -Be 'user_0031,user_0032,user_0033'
        $removed[0].Object | Should -Be 'group.user.deleted'
        @(Get-OAIGroupMember group_0003).Count | Should -Be 0
        @(Get-SimulatorRequest DELETE '*/groups/group_0003/users/*').Count | Should -Be 3
    }

    It 'removes by ids, positionally and by property name, emitting nothing by default' {
        Remove-OAIGroupMember group_0002 user_0011 -Force | Should -BeNullOrEmpty
        [pscustomobject]@{ group_id = 'group_0002'; user_id = 'user_0012' } | Remove-OAIGroupMember -Force
        (@(Get-OAIGroupMember group_0002 -Ascending).UserId -join ',') | Should -Be 'user_0013,user_0014,user_0015'
    }

    It 'reports a user who is not a member as ApiNotFound and goes on with the next one' {
        $members = @(Get-OAIGroupMember group_0003)
        Remove-OAIGroupMember group_0003 user_0100 -Force -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.RemoveOAIGroupMemberCommand'
        $members[0] | Remove-OAIGroupMember -Force
        $members[0] | Remove-OAIGroupMember -Force -ErrorAction SilentlyContinue -ErrorVariable again
        $again[0].FullyQualifiedErrorId | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.RemoveOAIGroupMemberCommand'
        @(Get-OAIGroupMember group_0003).Count | Should -Be 2
    }
}
