BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    function Get-Production { Get-OAIProject | Where-Object Name -eq 'Production chatbot' }
    function Get-SupportBot { Get-OAIProject | Where-Object Name -eq 'Support bot' }
    function Get-Archived { Get-OAIProject -IncludeArchived | Where-Object Status -eq 'archived' | Select-Object -First 1 }
    function Complete([string] $Line) { (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches }
    function Get-ConfirmImpact([string] $Name) {
        (Get-Command $Name).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact
    }
    # Seeded alerts (see the simulator's README): two of the organization, two of Production chatbot, one of Support bot.
    $script:OrgAlert1 = 'alert_0001YKyVzZiodWkj4j6mpDZ8'
    $script:OrgAlert2 = 'alert_0002Fb62HElhrZlWuO3FtZCD'
    $script:ProdAlert3 = 'alert_0003OhwyA2nqchuuJbFDsYQe'
    $script:ProdAlert4 = 'alert_0004L6OygcTK4nDEbtXFQct3'
}

Describe 'Get-OAISpendLimit' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'writes nothing for a scope without a limit, and a limit in dollars for each project that has one' {
        $records = @(Get-OAISpendLimit -Verbose 4>&1)
        @($records | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).Count | Should -Be 0
        ($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain 'The organization has no hard spend limit (GET /organization/spend_limit answered 404).'

        $limits = @(Get-OAIProject | Get-OAISpendLimit)
        $limits.ProjectId | Should -Be @((Get-Production).Id, (Get-SupportBot).Id)
        $limits[0].GetType().FullName | Should -Be 'OpenAIAdmin.ProjectSpendLimit'
        $limits[0].Amount | Should -BeOfType [decimal]
        $limits[0].Amount | Should -Be 500.00
        "$($limits[0].Amount)" | Should -Be '500.00'
        $limits[0].ThresholdAmountCents | Should -Be 50000
        $limits[0].Currency | Should -Be 'USD'
        $limits[0].Interval | Should -Be 'month'
        $limits.EnforcementStatus | Should -Be @('inactive', 'enforcing')
    }

    It 'reports an unknown project as ApiNotFound with the request id and the API message' {
        $err = $null
        Get-OAISpendLimit -ProjectId proj_missing -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAISpendLimitCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'proj_missing'
        $lookup = @(Get-SimulatorRequest GET '*/projects/proj_missing')[0]
        $err[0].ErrorDetails.Message | Should -Match "No project found with id 'proj_missing'"
        $err[0].ErrorDetails.Message | Should -Match ([regex]::Escape($lookup.request_id))
    }
}

Describe 'Set-OAISpendLimit' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'sends whole cents and returns dollars' {
        $limit = Set-OAISpendLimit -Amount 5678.9 -PassThru
        $limit.GetType().FullName | Should -Be 'OpenAIAdmin.OrganizationSpendLimit'
        $limit.Amount | Should -Be 5678.90
        $limit.ThresholdAmountCents | Should -Be 567890
        $limit.EnforcementStatus | Should -Be 'inactive'
        (Get-SimulatorRequest POST '*/organization/spend_limit')[0].body | Should -Be '{"threshold_amount":567890,"currency":"USD","interval":"month"}'
        (Get-OAISpendLimit).Amount | Should -Be 5678.90
        Set-OAISpendLimit 100 | Should -BeNullOrEmpty
        (Get-OAISpendLimit).EnforcementStatus | Should -Be 'enforcing' -Because 'the organization has spent more than 100.00 this month'
    }

    It 'previews old -> new for a piped project with -WhatIf and changes nothing' {
        $project = Get-Production
        $text = Get-HostText { $project | Set-OAISpendLimit -Amount 750 -WhatIf }
        $text | Should -Match ([regex]::Escape("Change from 500.00 USD to 750.00 USD a month"" on target ""hard spend limit of project 'Production chatbot' ($($project.Id))"))
        $text = Get-HostText { Set-OAISpendLimit -Amount 0.01 -WhatIf }
        $text | Should -Match ([regex]::Escape('Set to 0.01 USD a month (none now)" on target "hard spend limit of the organization"'))
        @(Get-SimulatorRequest POST).Count | Should -Be 0
        (Get-OAISpendLimit -ProjectId $project.Id).Amount | Should -Be 500
    }

    It 'refuses <Amount> with <ErrorId> before any request' -ForEach @(
        @{ Amount = '500.001'; ErrorId = 'AmountHasFractionOfCent' }
        @{ Amount = '0.009'; ErrorId = 'AmountHasFractionOfCent' }
        @{ Amount = '0'; ErrorId = 'AmountOutOfRange' }
        @{ Amount = '-5'; ErrorId = 'AmountOutOfRange' }
        @{ Amount = '1e20'; ErrorId = 'AmountOutOfRange' }
    ) {
        $err = $null
        try { Set-OAISpendLimit -Amount ([decimal]::Parse($Amount, [Globalization.NumberStyles]::Float, [cultureinfo]::InvariantCulture)) -ProjectId (Get-Production).Id -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be "$ErrorId,OpenAIAdmin.Commands.SetOAISpendLimitCommand"
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match 'Nothing was sent'
        @(Get-SimulatorRequest | Where-Object path -like '*spend_limit*').Count | Should -Be 0 -Because 'nothing is rounded and nothing is sent'
    }

    It 'refuses the text <Amount> (<Why>) before any request, in every culture' -ForEach @(
        @{ Amount = '12,34'; Why = 'a decimal comma, read by PowerShell as 1234' }
        @{ Amount = '1.250,50'; Why = 'German grouping' }
        @{ Amount = '1,250.50'; Why = 'English grouping' }
        @{ Amount = '0x10'; Why = 'hexadecimal, read by PowerShell as 16' }
        @{ Amount = ''; Why = 'an empty CSV cell, read by PowerShell as 0' }
        @{ Amount = $true; Why = 'a Boolean, read by PowerShell as 1' }
    ) {
        $culture = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            $err = $null
            try { Set-OAISpendLimit -Amount $Amount -ProjectId (Get-Production).Id -ErrorAction Stop } catch { $err = $_ }
        }
        finally { [cultureinfo]::CurrentCulture = $culture }
        $err.FullyQualifiedErrorId | Should -Be 'ParameterArgumentTransformationError,OpenAIAdmin.Commands.SetOAISpendLimitCommand'
        $err.Exception.Message | Should -Match 'not an amount in dollars.*digits with an optional decimal point'
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }

    It 'reads the text 12.34 as dollars and cents in every culture' {
        $culture = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            @('ProjectId;Amount', "$((Get-Production).Id);12.34") | ConvertFrom-Csv -Delimiter ';' | ForEach-Object { Set-OAISpendLimit -ProjectId $_.ProjectId -Amount $_.Amount }
        }
        finally { [cultureinfo]::CurrentCulture = $culture }
        (Get-SimulatorRequest POST '*/spend_limit')[0].body | Should -Be '{"threshold_amount":1234,"currency":"USD","interval":"month"}'
    }

    It 'refuses a service account piped in with its ProjectId: it only refers to the project' {
        $account = Get-OAIServiceAccount -ProjectId (Get-Production).Id -First 1
        Get-ErrorId { $account | Set-OAISpendLimit -Amount 3 -WhatIf } | Should -Be 'InvalidInputObject,OpenAIAdmin.Commands.SetOAISpendLimitCommand'
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }

    It 'names the project when the project is piped in' {
        $project = Get-Production
        $text = Get-HostText { $project | Set-OAISpendLimit -Amount 3 -WhatIf }
        $text | Should -Match ([regex]::Escape("on target ""hard spend limit of project '$($project.Name)' ($($project.Id))"""))
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }

    It 'sends nothing when the limit already has that amount' {
        $project = Get-Production
        $same = $project | Set-OAISpendLimit -Amount 500.00 -PassThru
        $same.Amount | Should -Be 500
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }

    It 'waits out a 429 and sets the limit once, and the 429 really happened' {
        Add-SimulatorFault @{ kind = 'status'; status = 429; retry_after = '1'; method = 'POST'; path = '/v1/organization/spend_limit'; count = 1 }
        Set-OAISpendLimit -Amount 9000
        $posts = @(Get-SimulatorRequest POST '*/organization/spend_limit')
        @($posts.status) | Should -Be @(429, 200)
        $posts[0].fault | Should -Be 'status'
        (Get-OAISpendLimit).Amount | Should -Be 9000
    }

    It 'never changes the organization for piped objects without a project id' {
        $row = [pscustomobject]@{ Project = (Get-Production).Id; Amount = 5 }
        $err = $null
        $row | Set-OAISpendLimit -Amount 5 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'InputObjectNotBound,OpenAIAdmin.Commands.SetOAISpendLimitCommand'
        @(Get-SimulatorRequest | Where-Object path -like '*spend_limit*').Count | Should -Be 0
    }

    It 'reports the API refusing an archived project as ApiBadRequest' {
        Get-ErrorId { Get-Archived | Set-OAISpendLimit -Amount 10 } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.SetOAISpendLimitCommand'
    }
}

Describe 'Remove-OAISpendLimit' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'is ConfirmImpact High: it asks without -Force, and sends nothing then or with -WhatIf' {
        Get-ConfirmImpact Remove-OAISpendLimit | Should -Be 'High'
        $project = Get-Production
        # This host cannot answer prompts: asking shows as the engine's NonInteractive error, and nothing is sent.
        { $project | Remove-OAISpendLimit -ErrorAction Stop } | Should -Throw '*NonInteractive*'
        $text = Get-HostText { $project | Remove-OAISpendLimit -WhatIf }
        $text | Should -Match ([regex]::Escape("Remove (spending is no longer capped)"" on target ""hard spend limit of project 'Production chatbot' ($($project.Id))"))
        @(Get-SimulatorRequest DELETE).Count | Should -Be 0

        $deleted = $project | Remove-OAISpendLimit -Force -PassThru
        $deleted.Id | Should -Be $project.Id
        $deleted.Object | Should -Be 'project.spend_limit.deleted'
        $deleted.Deleted | Should -BeTrue
        Get-OAISpendLimit -ProjectId $project.Id | Should -BeNullOrEmpty
    }

    It 'removes the scope of a piped limit, naming its amount, and reports a scope without one' {
        Set-OAISpendLimit -Amount 5000
        $text = Get-HostText { Get-OAISpendLimit | Remove-OAISpendLimit -WhatIf }
        $text | Should -Match ([regex]::Escape('on target "hard spend limit of the organization (5,000.00 USD a month)"'))
        Get-OAISpendLimit -ProjectId (Get-SupportBot).Id | Remove-OAISpendLimit -Confirm:$false
        (Get-SimulatorRequest DELETE)[0].path | Should -Be "/v1/organization/projects/$((Get-SupportBot).Id)/spend_limit"
        Get-OAISpendLimit | Remove-OAISpendLimit -Force
        Get-OAISpendLimit | Should -BeNullOrEmpty
        Get-ErrorId { Remove-OAISpendLimit -Force } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.RemoveOAISpendLimitCommand'
    }
}

Describe 'Get-OAISpendAlert' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'lists the organization''s alerts and, piped projects, each project''s, in dollars' {
        $alerts = @(Get-OAISpendAlert)
        $alerts.Id | Should -Be @($OrgAlert1, $OrgAlert2)
        $alerts[0].GetType().FullName | Should -Be 'OpenAIAdmin.OrganizationSpendAlert'
        $alerts[0].SpendAlertId | Should -Be $OrgAlert1
        $alerts[0].Amount | Should -Be 1000
        $alerts[0].ThresholdAmountCents | Should -Be 100000
        $alerts[0].SubjectPrefix | Should -Be '[OpenAI spend]'
        @($alerts[1].Recipients) | Should -Be @('finance@example.com', 'cfo@example.com')
        $alerts[0].PSObject.Properties['ProjectId'] | Should -BeNullOrEmpty

        $project = @(Get-OAIProject | Get-OAISpendAlert)
        $project.Id | Should -Be @($ProdAlert3, $ProdAlert4, 'alert_0005pp25NknR6oO7eL8qRvoo')
        $project[0].GetType().FullName | Should -Be 'OpenAIAdmin.ProjectSpendAlert'
        $project[0].ProjectId | Should -Be (Get-Production).Id
    }

    It 'pages, stops early, and gets by id, with an unknown id a non-terminating error' {
        @(Get-OAISpendAlert -PageSize 1).Count | Should -Be 2
        @(Get-SimulatorRequest GET '*/organization/spend_alerts').Count | Should -Be 2
        Reset-Simulator
        @(Get-OAISpendAlert -First 1).Id | Should -Be @($OrgAlert1)
        $calls = @(Get-SimulatorRequest GET '*/spend_alerts')
        $calls.Count | Should -Be 1
        $calls[0].query | Should -Be 'limit=1'

        $err = $null
        $got = @(Get-OAISpendAlert -Id alert_missing, $OrgAlert2 -ErrorVariable err -ErrorAction SilentlyContinue)
        $got.Id | Should -Be @($OrgAlert2)
        $err[0].FullyQualifiedErrorId | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAISpendAlertCommand'
        $err[0].TargetObject | Should -Be 'alert_missing'
        # An id is looked up in its scope: a project's alert is not the organization's.
        Get-ErrorId { Get-OAISpendAlert -Id $ProdAlert3 } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAISpendAlertCommand'
        (Get-OAISpendAlert -ProjectId (Get-Production).Id -Id $ProdAlert3).Amount | Should -Be 250
        ($ProdAlert3 | Get-OAISpendAlert -ProjectId (Get-Production).Id).Id | Should -Be $ProdAlert3
    }

    It 'gets alerts piped back in as rows, each in its scope' {
        $project = @(Get-OAISpendAlert -ProjectId (Get-Production).Id)
        $organization = @(Get-OAISpendAlert)
        foreach ($rows in @(@($project | Select-Object Id, ProjectId), @($project + $organization | ConvertTo-Csv | ConvertFrom-Csv))) {
            Reset-Simulator
            @($rows | Get-OAISpendAlert -ErrorAction Stop).Id | Should -Be @($rows.Id)
            @(Get-SimulatorRequest GET '*/spend_alerts').Count | Should -Be 0
        }
    }

    It 'completes alert ids of the scope on the command line, showing amount and recipient' {
        $org = @(Complete 'Set-OAISpendAlert -Id ')
        $org.CompletionText | Should -Be @($OrgAlert1, $OrgAlert2)
        $org[0].ListItemText | Should -Be '1,000.00 USD to finance@example.com'
        @(Complete "Remove-OAISpendAlert -ProjectId $((Get-Production).Id) -Id ").CompletionText | Should -Be @($ProdAlert3, $ProdAlert4)
    }
}

Describe 'New-OAISpendAlert' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'creates an alert in cents, each address once, and returns it in dollars' {
        $alert = New-OAISpendAlert -Amount 99.95 -Recipient finance@example.com, FINANCE@example.com, cfo@example.com -SubjectPrefix '[Budget]'
        $alert.GetType().FullName | Should -Be 'OpenAIAdmin.OrganizationSpendAlert'
        $alert.Amount | Should -Be 99.95
        $alert.Id | Should -Match '^alert_[A-Za-z0-9]{24}$'
        (Get-SimulatorRequest POST '*/organization/spend_alerts')[0].body |
            Should -Be '{"threshold_amount":9995,"currency":"USD","interval":"month","notification_channel":{"type":"email","recipients":["finance@example.com","cfo@example.com"],"subject_prefix":"[Budget]"}}'
        (New-OAISpendAlert 0 -NotifyEmail ops@example.com).Amount | Should -Be 0 -Because 'an alert may fire at the first cent'
    }

    It 'creates alerts in piped projects, and -WhatIf creates none' {
        $project = Get-SupportBot
        $text = Get-HostText { $project | New-OAISpendAlert -Amount 40 -Recipient lead@example.com -WhatIf }
        $text | Should -Match ([regex]::Escape("Create: e-mail lead@example.com when a month's spend reaches 40.00 USD"" on target ""spend alert of project 'Support bot' ($($project.Id))"))
        @(Get-SimulatorRequest POST).Count | Should -Be 0
        $made = $project | New-OAISpendAlert -Amount 40 -Recipient lead@example.com
        $made.ProjectId | Should -Be $project.Id
        (Get-SimulatorRequest POST)[0].path | Should -Be "/v1/organization/projects/$($project.Id)/spend_alerts"
    }

    It 'refuses <Case> with <ErrorId> before any request' -ForEach @(
        @{ Case = 'a fraction of a cent'; Arguments = @{ Amount = [decimal]'10.001'; Recipient = 'a@example.com' }; ErrorId = 'AmountHasFractionOfCent' }
        @{ Case = 'a negative amount'; Arguments = @{ Amount = [decimal]'-0.01'; Recipient = 'a@example.com' }; ErrorId = 'AmountOutOfRange' }
        @{ Case = 'a display name'; Arguments = @{ Amount = [decimal]'10'; Recipient = 'Ops <ops@example.com>' }; ErrorId = 'InvalidRecipient' }
        @{ Case = 'no domain'; Arguments = @{ Amount = [decimal]'10'; Recipient = 'a@example.com', 'ops' }; ErrorId = 'InvalidRecipient' }
        @{ Case = 'a domain without a dot'; Arguments = @{ Amount = [decimal]'10'; Recipient = 'ops@localhost' }; ErrorId = 'InvalidRecipient' }
        @{ Case = 'an address literal'; Arguments = @{ Amount = [decimal]'10'; Recipient = 'a@[127.0.0.1]' }; ErrorId = 'InvalidRecipient' }
        @{ Case = 'a domain name starting with a hyphen'; Arguments = @{ Amount = [decimal]'10'; Recipient = 'a@-example.com' }; ErrorId = 'InvalidRecipient' }
        @{ Case = 'a local part over 64 characters'; Arguments = @{ Amount = [decimal]'10'; Recipient = ('a' * 65) + '@example.com' }; ErrorId = 'InvalidRecipient' }
        @{ Case = 'an empty amount'; Arguments = @{ Amount = ''; Recipient = 'a@example.com' }; ErrorId = 'ParameterArgumentTransformationError' }
        @{ Case = 'a blank address'; Arguments = @{ Amount = [decimal]'10'; Recipient = ' ' }; ErrorId = 'ParameterArgumentValidationError' }
    ) {
        Get-ErrorId { New-OAISpendAlert @Arguments } | Should -Be "$ErrorId,OpenAIAdmin.Commands.NewOAISpendAlertCommand"
        @(Get-SimulatorRequest).Count | Should -Be 0
    }
}

Describe 'Set-OAISpendAlert' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'lists every change old -> new with -WhatIf, reading the alert but changing nothing' {
        $text = Get-HostText { Set-OAISpendAlert -Id $OrgAlert1 -Amount 1500 -AddRecipient cfo@example.com -SubjectPrefix '' -WhatIf }
        $text | Should -Match ([regex]::Escape("Amount 1,000.00 USD → 1,500.00 USD; Recipients finance@example.com → finance@example.com, cfo@example.com; SubjectPrefix '[OpenAI spend]' → (none)"" on target ""spend alert $OrgAlert1 of the organization"))
        @(Get-SimulatorRequest POST).Count | Should -Be 0
        @(Get-SimulatorRequest GET).Count | Should -Be 1
    }

    It 'merges the changes into the alert as it is and sends every field' {
        $updated = Get-OAISpendAlert -Id $OrgAlert2 | Set-OAISpendAlert -RemoveRecipient CFO@example.com -SubjectPrefix '[Budget]' -PassThru
        @($updated.Recipients) | Should -Be @('finance@example.com')
        $updated.Amount | Should -Be 5000
        (Get-SimulatorRequest POST "*/spend_alerts/$OrgAlert2")[0].body |
            Should -Be '{"threshold_amount":500000,"currency":"USD","interval":"month","notification_channel":{"type":"email","recipients":["finance@example.com"],"subject_prefix":"[Budget]"}}'
        (Get-OAISpendAlert -Id $OrgAlert2).SubjectPrefix | Should -Be '[Budget]'
    }

    It 'keeps piped project alerts in their project' {
        $project = Get-Production
        Get-OAISpendAlert -ProjectId $project.Id | Set-OAISpendAlert -Recipient oncall@example.com
        $posts = @(Get-SimulatorRequest POST)
        $posts.path | Should -Be @("/v1/organization/projects/$($project.Id)/spend_alerts/$ProdAlert3", "/v1/organization/projects/$($project.Id)/spend_alerts/$ProdAlert4")
        (Get-OAISpendAlert -ProjectId $project.Id).Recipients | Should -Be @('oncall@example.com', 'oncall@example.com')
        (Get-OAISpendAlert -ProjectId $project.Id -Id $ProdAlert4).SubjectPrefix | Should -Be '[prod]' -Because 'what is not given is sent unchanged'
    }

    It 'sends nothing when the alert already has these settings' {
        $same = Set-OAISpendAlert -Id $OrgAlert1 -Amount 1000.00 -AddRecipient finance@example.com -PassThru
        $same.Id | Should -Be $OrgAlert1
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }

    It 'refuses <Case> with <ErrorId> before any request' -ForEach @(
        @{ Case = 'no change'; Arguments = @{}; ErrorId = 'NothingToChange' }
        @{ Case = 'a list with additions'; Arguments = @{ Recipient = 'a@example.com'; AddRecipient = 'b@example.com' }; ErrorId = 'ConflictingRecipientChange' }
        @{ Case = 'a fraction of a cent'; Arguments = @{ Amount = [decimal]'1.234' }; ErrorId = 'AmountHasFractionOfCent' }
        @{ Case = 'a negative amount'; Arguments = @{ Amount = [decimal]'-1' }; ErrorId = 'AmountOutOfRange' }
        @{ Case = 'a bad address'; Arguments = @{ AddRecipient = 'not-an-address' }; ErrorId = 'InvalidRecipient' }
        @{ Case = 'one address added and removed'; Arguments = @{ AddRecipient = 'b@example.com'; RemoveRecipient = ' B@example.com' }; ErrorId = 'ConflictingRecipientChange' }
        @{ Case = 'a blank prefix'; Arguments = @{ SubjectPrefix = '  ' }; ErrorId = 'InvalidSubjectPrefix' }
        @{ Case = 'an amount with a decimal comma'; Arguments = @{ Amount = '12,5' }; ErrorId = 'ParameterArgumentTransformationError' }
    ) {
        Get-ErrorId { Set-OAISpendAlert -Id $OrgAlert1 @Arguments } | Should -Be "$ErrorId,OpenAIAdmin.Commands.SetOAISpendAlertCommand"
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'warns about an address to remove that is not a recipient, and changes nothing for it' {
        $warnings = $null
        Set-OAISpendAlert -Id $OrgAlert2 -RemoveRecipient cfo@exmaple.com -WarningVariable warnings -WarningAction SilentlyContinue
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -Be "'cfo@exmaple.com' is not a recipient of the spend alert $OrgAlert2 of the organization: there was nothing to remove."
        @(Get-SimulatorRequest POST).Count | Should -Be 0 -Because 'the alert is as it was'
        Set-OAISpendAlert -Id $OrgAlert2 -RemoveRecipient CFO@example.com, nobody@example.com -WarningVariable warnings -WarningAction SilentlyContinue
        @($warnings).Count | Should -Be 1
        (Get-OAISpendAlert -Id $OrgAlert2).Recipients | Should -Be @('finance@example.com')
    }

    It 'refuses to leave an alert without a recipient, after reading it and before changing it' {
        Get-ErrorId { Set-OAISpendAlert -Id $OrgAlert1 -RemoveRecipient finance@example.com } | Should -Be 'NoRecipient,OpenAIAdmin.Commands.SetOAISpendAlertCommand'
        @(Get-SimulatorRequest GET).Count | Should -Be 1
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }
}

Describe 'Remove-OAISpendAlert' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'is ConfirmImpact High, asks without -Force, and names what each piped alert does' {
        Get-ConfirmImpact Remove-OAISpendAlert | Should -Be 'High'
        { Remove-OAISpendAlert -Id $OrgAlert1 -ErrorAction Stop } | Should -Throw '*NonInteractive*'
        $project = Get-Production
        $text = Get-HostText { Get-OAISpendAlert -ProjectId $project.Id | Remove-OAISpendAlert -WhatIf }
        $text | Should -Match ([regex]::Escape("on target ""spend alert $ProdAlert3 (250.00 USD, to ops@example.com) of project $($project.Id)"""))
        $text | Should -Match ([regex]::Escape("on target ""spend alert $ProdAlert4 (450.00 USD, to ops@example.com, oncall@example.com) of project $($project.Id)"""))
        @(Get-SimulatorRequest DELETE).Count | Should -Be 0
    }

    It 'refuses a project alert given as the -Id argument, before any request' {
        $alert = Get-OAISpendAlert -ProjectId (Get-Production).Id | Select-Object -First 1
        Reset-Simulator
        # As its id text it was sent to the organization's alerts.
        Get-ErrorId { Remove-OAISpendAlert -Id $alert -Force } | Should -Be 'ProjectObjectGivenAsId,OpenAIAdmin.Commands.RemoveOAISpendAlertCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0
        Remove-OAISpendAlert -InputObject $alert -Force
        @(Get-SimulatorRequest DELETE).path | Should -Be "/v1/organization/projects/$($alert.ProjectId)/spend_alerts/$($alert.Id)"
    }

    It 'deletes alerts piped in with the project given on the command line' {
        $project = Get-Production
        # -ProjectId rules out the -InputObject set: PowerShell binds each alert to -Id, and it keeps its project.
        Get-OAISpendAlert -ProjectId $project.Id | Remove-OAISpendAlert -ProjectId $project.Id -Force
        @(Get-SimulatorRequest DELETE).path | Should -Be @("/v1/organization/projects/$($project.Id)/spend_alerts/$ProdAlert3", "/v1/organization/projects/$($project.Id)/spend_alerts/$ProdAlert4")
    }

    It 'deletes piped alerts in their scope and ids in the scope given' {
        $project = Get-Production
        $deleted = @(Get-OAISpendAlert -ProjectId $project.Id | Remove-OAISpendAlert -Force -PassThru)
        $deleted.Id | Should -Be @($ProdAlert3, $ProdAlert4)
        $deleted[0].Object | Should -Be 'project.spend_alert.deleted'
        Get-OAISpendAlert -ProjectId $project.Id | Should -BeNullOrEmpty
        $OrgAlert2 | Remove-OAISpendAlert -Confirm:$false
        @(Get-OAISpendAlert).Id | Should -Be @($OrgAlert1)
        Get-ErrorId { Remove-OAISpendAlert -Id $OrgAlert1 -ProjectId $project.Id -Force } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.RemoveOAISpendAlertCommand'
    }
}
