BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
}

Describe 'Get-OAIInvite' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'lists the seeded invites as typed objects in one request' {
        $invites = @(Get-OAIInvite)
        ($invites.Id -join ',') | Should -Be 'invite-0001C60e4TdMoMNJWyXp4mhP,invite-0002fof6xA9m1M1KYmxrZGns,invite-0003p28I9NOLyEgqquvVW7hU'
        ($invites.Status -join ',') | Should -Be 'pending,accepted,expired'
        $invites[0].GetType().FullName | Should -Be 'OpenAIAdmin.Invite'
        $invites[0].Projects[0].Id | Should -Be 'proj_defaultSbtsIO0rWI91rcsUU'
        $invites[0].ExpiresAt | Should -BeGreaterThan ([DateTimeOffset]::UtcNow)
        @(Get-SimulatorRequest GET '*/organization/invites').Count | Should -Be 1
        (Get-SimulatorRequest GET '*/organization/invites')[0].query | Should -Match 'limit=100'
    }

    It 'filters by status and by e-mail wildcard' {
        (Get-OAIInvite -Status expired).Email | Should -Be 'carol.expired@example.com'
        @(Get-OAIInvite -Status pending, accepted).Count | Should -Be 2
        (Get-OAIInvite -Email 'BOB*').Id | Should -Be 'invite-0002fof6xA9m1M1KYmxrZGns'
        @(Get-OAIInvite -Email '*@nowhere.test').Count | Should -Be 0
    }

    It 'gets by id, positionally and by property name, and continues after a missing id' {
        (Get-OAIInvite invite-0003p28I9NOLyEgqquvVW7hU).Status | Should -Be 'expired'
        ([pscustomobject]@{ invite_id = 'invite-0002fof6xA9m1M1KYmxrZGns' } | Get-OAIInvite).Role | Should -Be 'owner'
        $found = @(Get-OAIInvite -Id invite_missing, invite-0001C60e4TdMoMNJWyXp4mhP -ErrorVariable problems -ErrorAction SilentlyContinue)
        $found.Id | Should -Be 'invite-0001C60e4TdMoMNJWyXp4mhP'
        $problems[0].FullyQualifiedErrorId | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIInviteCommand'
    }

    It 'shows e-mail, role and status in its table' {
        (Get-OAIInvite -First 1 | Format-Table | Out-String -Width 200) | Should -Match 'Email\s+Role\s+Status\s+Id'
    }
}

Describe 'New-OAIInvite' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'invites a reader to the default project by leaving projects out' {
        $invite = New-OAIInvite -Email dan@contoso.com
        $invite.GetType().FullName | Should -Be 'OpenAIAdmin.Invite'
        $invite.Status | Should -Be 'pending'
        $invite.Role | Should -Be 'reader'
        $invite.Projects.Id | Should -Be 'proj_defaultSbtsIO0rWI91rcsUU'
        (Get-SimulatorRequest POST '*/organization/invites')[0].body | Should -Be '{"email":"dan@contoso.com","role":"reader"}'
    }

    It 'refuses rows whose projects are only text (Export-Csv, Import-Csv) rather than granting the default project' {
        $csv = Join-Path $TestDrive 'invites.csv'
        Get-OAIInvite -Status accepted | Export-Csv -Path $csv -NoTypeInformation
        Reset-Simulator
        $errors = @()
        $sent = @(Import-Csv $csv | New-OAIInvite -ErrorVariable errors -ErrorAction SilentlyContinue -Confirm:$false)
        $sent.Count | Should -Be 0
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'InvalidProjectGrant,OpenAIAdmin.Commands.NewOAIInviteCommand'
        "$($errors[0])" | Should -BeLike '*are text, not project grants*'
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }

    It 'grants one role in several projects with -ProjectId and -ProjectRole' {
        # This host cannot answer prompts: inviting an owner asks, as making one does, and nothing is sent.
        { New-OAIInvite erin@contoso.com owner -ErrorAction Stop } | Should -Throw '*NonInteractive*'
        @(Get-SimulatorRequest POST).Count | Should -Be 0
        $invite = New-OAIInvite erin@contoso.com owner -ProjectId proj_datascienceZ7xkBKUkwT43I, proj_supportbottE5emakLryq7y4 -ProjectRole owner -Confirm:$false
        $invite.Role | Should -Be 'owner'
        ($invite.Projects | ForEach-Object { "$($_.Id)=$($_.Role)" }) -join ',' | Should -Be 'proj_datascienceZ7xkBKUkwT43I=owner,proj_supportbottE5emakLryq7y4=owner'
    }

    It 'grants per-project roles from hashtables, and no project at all with -Project @()' {
        $invite = New-OAIInvite fay@contoso.com -Project @{ Id = 'proj_datascienceZ7xkBKUkwT43I'; Role = 'Owner' }, @{ Id = 'proj_supportbottE5emakLryq7y4'; Role = 'member' }
        ($invite.Projects | ForEach-Object { "$($_.Id)=$($_.Role)" }) -join ',' | Should -Be 'proj_datascienceZ7xkBKUkwT43I=owner,proj_supportbottE5emakLryq7y4=member'
        $none = New-OAIInvite gus@contoso.com -Project @()
        @($none.Projects).Count | Should -Be 0
        (Get-SimulatorRequest POST '*/organization/invites')[1].body | Should -Be '{"email":"gus@contoso.com","role":"reader","projects":[]}'
    }

    It 're-sends expired invites piped from Get-OAIInvite with their role and projects' {
        $sent = @(Get-OAIInvite -Status expired | New-OAIInvite)
        $sent.Count | Should -Be 1
        $sent[0].Email | Should -Be 'carol.expired@example.com'
        $sent[0].Status | Should -Be 'pending'
        (Get-SimulatorRequest POST '*/organization/invites')[0].body | Should -Be '{"email":"carol.expired@example.com","role":"reader","projects":[]}'
    }

    It 'validates address, roles and project entries before any request' {
        Get-ErrorId { New-OAIInvite -Email 'not-an-address' } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.NewOAIInviteCommand'
        Get-ErrorId { New-OAIInvite -Email a@contoso.com -Role admin } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.NewOAIInviteCommand'
        Get-ErrorId { New-OAIInvite -Email a@contoso.com -ProjectId proj_defaultSbtsIO0rWI91rcsUU -ProjectRole reader } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.NewOAIInviteCommand'
        Get-ErrorId { New-OAIInvite -Email a@contoso.com -Project @{ Id = 'proj_defaultSbtsIO0rWI91rcsUU'; Role = 'admin' } } | Should -Be 'InvalidProjectGrant,OpenAIAdmin.Commands.NewOAIInviteCommand'
        Get-ErrorId { New-OAIInvite -Email a@contoso.com -Project @{ Role = 'member' } } | Should -Be 'InvalidProjectGrant,OpenAIAdmin.Commands.NewOAIInviteCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It '-WhatIf names the address, role and projects and sends nothing' {
        $text = Get-HostText { New-OAIInvite hal@contoso.com -ProjectId proj_datascienceZ7xkBKUkwT43I -WhatIf }
        $text | Should -Match ([regex]::Escape("Invite as reader, granting proj_datascienceZ7xkBKUkwT43I (member)"))
        $text | Should -Match 'hal@contoso.com'
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }

    It 'reports the API refusing a second pending invite for one address' {
        Get-ErrorId { New-OAIInvite alice.pending@example.com } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.NewOAIInviteCommand'
    }
}

Describe 'Remove-OAIInvite' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It '-WhatIf names the address and id of piped invites and sends no DELETE' {
        $text = Get-HostText { Get-OAIInvite | Remove-OAIInvite -WhatIf }
        $text | Should -Match ([regex]::Escape("invite <alice.pending@example.com> (invite-0001C60e4TdMoMNJWyXp4mhP)"))
        $text | Should -Match ([regex]::Escape("invite <carol.expired@example.com> (invite-0003p28I9NOLyEgqquvVW7hU)"))
        @(Get-SimulatorRequest DELETE).Count | Should -Be 0
    }

    It 'deletes with -Force and returns the confirmation only with -PassThru' {
        Remove-OAIInvite invite-0001C60e4TdMoMNJWyXp4mhP -Force | Should -BeNullOrEmpty
        $deleted = Get-OAIInvite -Id invite-0003p28I9NOLyEgqquvVW7hU | Remove-OAIInvite -Force -PassThru
        $deleted.GetType().FullName | Should -Be 'OpenAIAdmin.DeletedObject'
        $deleted.Id | Should -Be 'invite-0003p28I9NOLyEgqquvVW7hU'
        $deleted.Object | Should -Be 'organization.invite.deleted'
        $deleted.Deleted | Should -BeTrue
        (Get-OAIInvite).Id | Should -Be 'invite-0002fof6xA9m1M1KYmxrZGns'
    }

    It 'explains that an accepted invite cannot be deleted and goes on with the next one' {
        $invites = Get-OAIInvite -Id invite-0002fof6xA9m1M1KYmxrZGns, invite-0003p28I9NOLyEgqquvVW7hU
        $invites | Remove-OAIInvite -Force -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.RemoveOAIInviteCommand'
        $problems[0].TargetObject | Should -Be 'invite-0002fof6xA9m1M1KYmxrZGns'
        $problems[0].ErrorDetails.Message | Should -Match 'already been accepted'
        $problems[0].ErrorDetails.RecommendedAction | Should -Match 'Remove-OAIUser'
        (Get-OAIInvite).Id -join ',' | Should -Be 'invite-0001C60e4TdMoMNJWyXp4mhP,invite-0002fof6xA9m1M1KYmxrZGns'
    }

    It 'reports a missing invite as ApiNotFound' {
        Get-ErrorId { Remove-OAIInvite -Id invite_missing -Force } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.RemoveOAIInviteCommand'
    }
}
