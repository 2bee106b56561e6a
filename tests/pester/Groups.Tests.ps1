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
        (Get-OAIGroup -Name contractors).Id | Should -Be 'group_01JG0002G4HXWT9AVGWCFEE87V'
        @(Get-OAIGroup -Name 'S*').Name -join ',' | Should -Be 'Security,Support,Sales'
    }

    It 'gets by id, positionally and by property name, and continues after a missing id' {
        (Get-OAIGroup group_01JG00039R95E99VB9Z3F7ZPY9).Name | Should -Be 'Finance'
        ([pscustomobject]@{ GroupId = 'group_01JG000577GCF98PY016Z1J7D9' } | Get-OAIGroup).IsScimManaged | Should -BeTrue
        $found = @(Get-OAIGroup -Id group_missing, group_01JG0001C6N1WS7T07CCA3XQAN -ErrorVariable problems -ErrorAction SilentlyContinue)
        $found.Name | Should -Be 'Engineering'
        $problems[0].FullyQualifiedErrorId | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIGroupCommand'
        $problems[0].TargetObject | Should -Be 'group_missing'
    }

    It 'shows name, id and SCIM management in its table' {
        $table = Get-OAIGroup -First 1 | Format-Table | Out-String -Width 80
        $table | Should -Match 'Name\s+Id\s+IsScimManaged'
        $table | Should -Match 'Engineering\s+group_01JG0001C6N1WS7T07CCA3XQAN\s+False'
    }
}

Describe 'New-OAIGroup and Set-OAIGroup' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'creates a group that then appears in the list' {
        $group = New-OAIGroup 'Incident responders'
        $group.GetType().FullName | Should -Be 'OpenAIAdmin.Group'
        $group.Id | Should -MatchExactly '^group_[0-9A-HJKMNP-TV-Z]{26}$'
        (Get-OAIGroup -Name 'Incident responders').Id | Should -Be $group.Id
        (Get-SimulatorRequest POST '*/organization/groups').body | Should -Be '{"name":"Incident responders"}'
    }

    It 'validates the name length before any request' {
        Get-ErrorId { New-OAIGroup -Name ('x' * 256) } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.NewOAIGroupCommand'
        Get-ErrorId { Set-OAIGroup -Id group_01JG0001C6N1WS7T07CCA3XQAN -Name '' } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.SetOAIGroupCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'previews a rename of a piped group naming it, without a mutating request' {
        $text = Get-HostText { Get-OAIGroup -Name Contractors | Set-OAIGroup -Name 'External contractors' -WhatIf }
        $text | Should -Match ([regex]::Escape("Rename to 'External contractors'"))
        $text | Should -Match ([regex]::Escape("group 'Contractors' (group_01JG0002G4HXWT9AVGWCFEE87V)"))
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }

    It 'renames, emits nothing without -PassThru, and the -PassThru group lacks the type the API omits' {
        Get-OAIGroup -Name Contractors | Set-OAIGroup -Name 'External contractors' | Should -BeNullOrEmpty
        (Get-OAIGroup -Id group_01JG0002G4HXWT9AVGWCFEE87V).Name | Should -Be 'External contractors'
        $renamed = Set-OAIGroup group_01JG0002G4HXWT9AVGWCFEE87V -Name Vendors -PassThru
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
        $text | Should -Match ([regex]::Escape("group 'Security' (group_01JG000577GCF98PY016Z1J7D9)"))
        $text | Should -Match ([regex]::Escape("group 'Sales' (group_01JG0010HTDSHA48GJHF7M78W2)"))
        @(Get-SimulatorRequest DELETE).Count | Should -Be 0
    }

    It 'deletes with -Force and returns the confirmation only with -PassThru' {
        Remove-OAIGroup group_01JG0012EW32MXCVVEAD1EV5SM -Force | Should -BeNullOrEmpty
        $deleted = Get-OAIGroup -Name Legal | Remove-OAIGroup -Force -PassThru
        $deleted.GetType().FullName | Should -Be 'OpenAIAdmin.DeletedObject'
        $deleted.Id | Should -Be 'group_01JG0011865ZXV42T402EDZNZA'
        $deleted.Object | Should -Be 'group.deleted'
        $deleted.Deleted | Should -BeTrue
        @(Get-OAIGroup).Count | Should -Be 10
    }

    It 'reports a missing group as ApiNotFound and goes on with the next one' {
        Get-ErrorId { Remove-OAIGroup -Id group_missing -Force } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.RemoveOAIGroupCommand'
        [pscustomobject]@{ Id = 'group_missing' }, [pscustomobject]@{ Id = 'group_01JG0009N1FV44JEQB669ZCH0B' } |
            Remove-OAIGroup -Force -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.Count | Should -Be 1
        $problems[0].TargetObject | Should -Be 'group_missing'
        Get-ErrorId { Get-OAIGroup -Id group_01JG0009N1FV44JEQB669ZCH0B } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIGroupCommand'
    }
}

Describe 'Get-OAIGroupMember' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'lists the members of a piped group in the API default desc order, carrying both ids and the group name' {
        $members = @(Get-OAIGroup -Name Contractors | Get-OAIGroupMember)
        $members.UserId -join ',' | Should -Be 'user-00154zB8VtEwUBTWpADgXmj5,user-0014nN11nXo23ywN6vGaYibQ,user-0013BeEOTU1qDtT7tnIvUub1,user-0012bt4xCFKrlRiuOXvhWnZC,user-0011Rmd6WBRxNcDdQ5YyiP6J'
        $members[0].GetType().FullName | Should -Be 'OpenAIAdmin.GroupMember'
        $members[0].GroupId | Should -Be 'group_01JG0002G4HXWT9AVGWCFEE87V'
        $members[0].GroupName | Should -Be 'Contractors'
        $members[0].Email | Should -Be 'user-0015@example.com'
        $members[0].PSObject.Properties.Name | Should -Not -Contain 'Id'
        (Get-SimulatorRequest GET '*/groups/group_01JG0002G4HXWT9AVGWCFEE87V/users').query | Should -Not -Match 'order='
    }

    It 'takes -GroupId positionally, -Ascending, -PageSize and -First' {
        (@(Get-OAIGroupMember group_01JG0002G4HXWT9AVGWCFEE87V -Ascending).UserId -join ',') | Should -Be 'user-0011Rmd6WBRxNcDdQ5YyiP6J,user-0012bt4xCFKrlRiuOXvhWnZC,user-0013BeEOTU1qDtT7tnIvUub1,user-0014nN11nXo23ywN6vGaYibQ,user-00154zB8VtEwUBTWpADgXmj5'
        (Get-SimulatorRequest GET '*/groups/group_01JG0002G4HXWT9AVGWCFEE87V/users').query | Should -Match 'order=asc'
        Reset-Simulator
        @(Get-OAIGroupMember -GroupId group_01JG0001C6N1WS7T07CCA3XQAN -PageSize 7).Count | Should -Be 30
        @(Get-SimulatorRequest GET '*/groups/group_01JG0001C6N1WS7T07CCA3XQAN/users').Count | Should -Be 5
        (@(Get-OAIGroupMember -GroupId group_01JG0001C6N1WS7T07CCA3XQAN -First 2).UserId -join ',') | Should -Be 'user-0030t4rgZ9RhTJgLWc0Xkyqb,user-0029C6QMY0JgRArIzz7yfbL2'
    }

    It 'looks up members with -UserId, writing ApiNotFound for a non-member and going on' {
        $found = @(Get-OAIGroupMember -GroupId group_01JG00039R95E99VB9Z3F7ZPY9 -UserId user-0200mb5SP1MYd9FKmEBN7oYB, user-0031522Of5H0VV2iSGTtHHhG -ErrorVariable problems -ErrorAction SilentlyContinue)
        $found.UserId | Should -Be 'user-0031522Of5H0VV2iSGTtHHhG'
        $found[0].UserType | Should -Be 'user'
        $found[0].IsServiceAccount | Should -BeFalse
        $problems[0].FullyQualifiedErrorId | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIGroupMemberCommand'
    }

    It 'reports a missing group as ApiNotFound' {
        Get-ErrorId { Get-OAIGroupMember -GroupId group_missing } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIGroupMemberCommand'
    }

    It 'pipes members to Get-OAIUser through UserId, and shows name, e-mail and group in its table' {
        (Get-OAIGroupMember group_01JG00039R95E99VB9Z3F7ZPY9 -First 1 | Get-OAIUser).Email | Should -Be 'user-0033@example.com'
        $table = Get-OAIGroup -Name Finance | Get-OAIGroupMember | Format-Table | Out-String -Width 80
        $table | Should -Match 'Group: group_01JG00039R95E99VB9Z3F7ZPY9 \(Finance\)'
        $table | Should -Match 'Name\s+Email\s+UserId'
        $table | Should -Match 'user-0031@example\.com\s+user-0031522Of5H0VV2iSGTtHHhG'
    }
}

Describe 'Add-OAIGroupMember' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'adds a user piped from Get-OAIUser -Email to -GroupId' {
        $g = (Get-OAIGroup -Name Contractors).Id
        $added = Get-OAIUser -Email user-0100@example.com | Add-OAIGroupMember -GroupId $g
        $added.GetType().FullName | Should -Be 'OpenAIAdmin.GroupMember'
        $added.GroupId | Should -Be 'group_01JG0002G4HXWT9AVGWCFEE87V'
        $added.UserId | Should -Be 'user-0100iTGELQLvL5EJgGzTp28c'
        (Get-SimulatorRequest POST '*/groups/group_01JG0002G4HXWT9AVGWCFEE87V/users').body | Should -Be '{"user_id":"user-0100iTGELQLvL5EJgGzTp28c"}'
        (Get-OAIGroupMember -GroupId $g -First 1).UserId | Should -Be 'user-0100iTGELQLvL5EJgGzTp28c'
    }

    It 'copies the members of one group to another, and takes both ids by position' {
        $copied = @(Get-OAIGroupMember group_01JG00039R95E99VB9Z3F7ZPY9 | Add-OAIGroupMember -GroupId group_01JG0004S7QRF7Z0YKY3DBVK0S)
        $copied.Count | Should -Be 3
        @(Get-OAIGroupMember group_01JG0004S7QRF7Z0YKY3DBVK0S).Count | Should -Be 3
        (Add-OAIGroupMember group_01JG0004S7QRF7Z0YKY3DBVK0S user-0001dFOBZZvO66McY18E82hx).UserId | Should -Be 'user-0001dFOBZZvO66McY18E82hx'
    }

    It '-WhatIf sends nothing, and an existing member is reported by the API' {
        Get-OAIUser -Email user-0100@example.com | Add-OAIGroupMember -GroupId group_01JG0002G4HXWT9AVGWCFEE87V -WhatIf
        @(Get-SimulatorRequest POST).Count | Should -Be 0
        Get-ErrorId { Add-OAIGroupMember -GroupId group_01JG0002G4HXWT9AVGWCFEE87V -UserId user-0011Rmd6WBRxNcDdQ5YyiP6J } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.AddOAIGroupMemberCommand'
        Get-ErrorId { Add-OAIGroupMember -GroupId group_missing -UserId user-0011Rmd6WBRxNcDdQ5YyiP6J } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.AddOAIGroupMemberCommand'
    }
}

Describe 'Remove-OAIGroupMember' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'previews Get-OAIGroup -Name Contractors | Get-OAIGroupMember | Remove-OAIGroupMember -WhatIf, naming user and group, with no DELETE' {
        $text = Get-HostText { Get-OAIGroup -Name Contractors | Get-OAIGroupMember | Remove-OAIGroupMember -WhatIf }
        $ids = @{ 11 = 'user-0011Rmd6WBRxNcDdQ5YyiP6J'; 12 = 'user-0012bt4xCFKrlRiuOXvhWnZC'; 13 = 'user-0013BeEOTU1qDtT7tnIvUub1'; 14 = 'user-0014nN11nXo23ywN6vGaYibQ'; 15 = 'user-00154zB8VtEwUBTWpADgXmj5' }
        foreach ($n in 11..15) {
            $text | Should -Match ([regex]::Escape("user 'User 00$n' <user-00$n@example.com> ($($ids[$n])) in group 'Contractors' (group_01JG0002G4HXWT9AVGWCFEE87V)"))
        }
        @(Get-SimulatorRequest DELETE).Count | Should -Be 0
        @(Get-OAIGroupMember group_01JG0002G4HXWT9AVGWCFEE87V).Count | Should -Be 5
    }

    It 'removes piped members with -Force and -PassThru returns confirmations whose Id is the user id' {
        $removed = @(Get-OAIGroupMember group_01JG00039R95E99VB9Z3F7ZPY9 | Remove-OAIGroupMember -Force -PassThru)
        $removed.Count | Should -Be 3
        $removed[0].GetType().FullName | Should -Be 'OpenAIAdmin.DeletedObject'
        ($removed.Id | Sort-Object) -join ',' | Should -Be 'user-0031522Of5H0VV2iSGTtHHhG,user-0032SVO7rTX8xxyx0C9wOf9v,user-0033jfA1KRceT9PCwpI26aDl'
        $removed[0].Object | Should -Be 'group.user.deleted'
        @(Get-OAIGroupMember group_01JG00039R95E99VB9Z3F7ZPY9).Count | Should -Be 0
        @(Get-SimulatorRequest DELETE '*/groups/group_01JG00039R95E99VB9Z3F7ZPY9/users/*').Count | Should -Be 3
    }

    It 'removes by ids, positionally and by property name, emitting nothing by default' {
        Remove-OAIGroupMember group_01JG0002G4HXWT9AVGWCFEE87V user-0011Rmd6WBRxNcDdQ5YyiP6J -Force | Should -BeNullOrEmpty
        [pscustomobject]@{ group_id = 'group_01JG0002G4HXWT9AVGWCFEE87V'; user_id = 'user-0012bt4xCFKrlRiuOXvhWnZC' } | Remove-OAIGroupMember -Force
        (@(Get-OAIGroupMember group_01JG0002G4HXWT9AVGWCFEE87V -Ascending).UserId -join ',') | Should -Be 'user-0013BeEOTU1qDtT7tnIvUub1,user-0014nN11nXo23ywN6vGaYibQ,user-00154zB8VtEwUBTWpADgXmj5'
    }

    It 'reports a user who is not a member as ApiNotFound and goes on with the next one' {
        $members = @(Get-OAIGroupMember group_01JG00039R95E99VB9Z3F7ZPY9)
        Remove-OAIGroupMember group_01JG00039R95E99VB9Z3F7ZPY9 user-0100iTGELQLvL5EJgGzTp28c -Force -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.RemoveOAIGroupMemberCommand'
        $members[0] | Remove-OAIGroupMember -Force
        $members[0] | Remove-OAIGroupMember -Force -ErrorAction SilentlyContinue -ErrorVariable again
        $again[0].FullyQualifiedErrorId | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.RemoveOAIGroupMemberCommand'
        @(Get-OAIGroupMember group_01JG00039R95E99VB9Z3F7ZPY9).Count | Should -Be 2
    }
}
