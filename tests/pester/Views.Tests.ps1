# Every default view, rendered from real simulator objects (real-length ids), the way an admin sees it:
# redirected at 80 and 120 columns, and at 79, what an 80-column console leaves a table (it keeps its last column free).
BeforeDiscovery {
    Import-Module $env:OPENAIADMIN_MODULE
    # The types the loaded format data gives a table view: a new view is checked here or this file fails.
    $script:tableTypes = @(Get-FormatData -TypeName 'OpenAIAdmin.*' |
            Where-Object { @($_.FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] }).Count -gt 0 } |
            ForEach-Object TypeNames | Sort-Object -Unique)
    $script:tableCases = foreach ($type in $script:tableTypes) {
        foreach ($width in 79, 80, 120) { @{ Type = $type; Width = $width } }
    }
    # Types shown as a list by default (no table view) join the table types for the list checks.
    $script:listCases = foreach ($type in @($script:tableTypes) + 'OpenAIAdmin.AdminApiKeySecret', 'OpenAIAdmin.AdminContext', 'OpenAIAdmin.ProjectServiceAccountCreated', 'OpenAIAdmin.ServiceAccountApiKeySecret', 'OpenAIAdmin.AuditLogExportResult') { @{ Type = $type } }
}

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    $script:Invariant = [cultureinfo]::InvariantCulture
    # An id-looking token (not the local part of an e-mail address), and what a whole real-length id looks like.
    # A field name followed by a colon (role_name: in an audit summary, "group_name": in its JSON) is not an id.
    $script:IdToken = '(?<![\w.-])(?:proj_|user-|invite-|key_|cert_|group_|role_|svc_acct_|alert_)[A-Za-z0-9]+(?![\w@.-])(?!"?:)'
    $script:RealId = '^(?:(?:proj_|user-|invite-|cert_|alert_)[A-Za-z0-9]{24}|svc_acct_[A-Za-z0-9]{24}|key_[A-Za-z0-9]{16}|(?:group_|role_)[0-9A-HJKMNP-TV-Z]{26}|rl-[a-z0-9][a-z0-9.-]*)$'
    # Anything that looks like a date or time, with whatever follows it (seconds, offset, AM/PM, zone).
    # A year of four digits tells a date from a version (0.1.0) or an address (127.0.0.1); a date inside a name
    # (the model snapshot gpt-4o-mini-2024-07-18) is part of the name, not a date the view formats.
    $script:DateLike = '(?<![\w.-])(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})(?![\d.])(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?)?(?: ?(?:[+-]\d{2}:?\d{2}|[AP]M|UTC|GMT|Z)(?![\w]))*'

    function Format-Utc([DateTimeOffset] $Value, [string] $Format = 'yyyy-MM-dd HH:mm') { $Value.UtcDateTime.ToString($Format, $script:Invariant) }

    # Per type: how to get real objects (more than one, covering the variants the view must handle), which id
    # properties the view must show whole, which property names the row (null: rows are not told apart by one id),
    # which dates the table shows and which of them read "never" when there is none.
    $script:Cases = @{
        'OpenAIAdmin.Project'               = @{ Produce = { Get-OAIProject -IncludeArchived }; Ids = 'Id'; Row = 'Id'; Dates = 'CreatedAt'; Never = @() }
        'OpenAIAdmin.OrganizationUser'      = @{ Produce = { Get-OAIUser -First 8 }; Ids = 'Id'; Row = 'Id'; Dates = @(); Never = @() }
        'OpenAIAdmin.AdminApiKey'           = @{ Produce = { Get-OAIAdminApiKey }; Ids = 'Id'; Row = 'Id'; Dates = 'ExpiresAt', 'LastUsedAt'; Never = 'ExpiresAt' }
        'OpenAIAdmin.AdminApiKeySecret'     = @{ Produce = {
                New-OAIAdminApiKey -Name 'views-expiring' -ExpiresIn (New-TimeSpan -Days 30) -WarningAction SilentlyContinue
                New-OAIAdminApiKey -Name 'views-forever' -WarningAction SilentlyContinue
            }; Ids = 'Id'; Row = 'Id'; Dates = @(); Never = 'ExpiresAt' }
        'OpenAIAdmin.Certificate'           = @{ Produce = { Get-OAICertificate; Get-OAICertificate -ProjectId (Get-OAIProject -First 1).Id }; Ids = 'Id'; Row = $null; Dates = 'ExpiresAt'; Never = @() }
        'OpenAIAdmin.Group'                 = @{ Produce = { Get-OAIGroup }; Ids = 'Id'; Row = 'Id'; Dates = @(); Never = @() }
        'OpenAIAdmin.GroupMember'           = @{ Produce = { Get-OAIGroup -First 3 | Get-OAIGroupMember -First 4 }; Ids = 'GroupId', 'UserId'; Row = 'UserId'; Dates = @(); Never = @() }
        'OpenAIAdmin.Invite'                = @{ Produce = {
                Get-OAIInvite
                New-OAIInvite -Email 'views.new@example.com' -Role owner -Confirm:$false
            }; Ids = 'Id'; Row = 'Id'; Dates = @(); Never = @() }
        'OpenAIAdmin.Role'                  = @{ Produce = { Get-OAIRole }; Ids = 'Id'; Row = 'Id'; Dates = @(); Never = @() }
        'OpenAIAdmin.UserRoleAssignment'    = @{ Produce = {
                $users = Get-OAIUser -First 3
                Get-OAIRole | Where-Object Name -eq 'Security auditor' | Add-OAIUserRole -UserId $users[2].Id
                $users | Get-OAIUserRole
            }; Ids = 'UserId', 'RoleId'; Row = $null; Dates = @(); Never = @() }
        'OpenAIAdmin.GroupRoleAssignment'   = @{ Produce = {
                $groups = Get-OAIGroup -First 5
                Get-OAIRole | Where-Object Name -eq 'Security auditor' | Add-OAIGroupRole -GroupId $groups[4].Id
                $groups | Get-OAIGroupRole
            }; Ids = 'GroupId', 'RoleId'; Row = $null; Dates = @(); Never = @() }
        'OpenAIAdmin.DeletedRoleAssignment' = @{ Produce = {
                Get-OAIUser -First 2 | Get-OAIUserRole | Remove-OAIUserRole -Force -PassThru
                Get-OAIGroup -Name Finance | Get-OAIGroupRole | Remove-OAIGroupRole -Force -PassThru
            }; Ids = 'RoleId', 'UserId', 'GroupId'; Row = $null; Dates = @(); Never = @() }
        'OpenAIAdmin.DeletedObject'         = @{ Produce = {
                Get-OAIInvite | Where-Object Status -ne 'accepted' | Remove-OAIInvite -Force -PassThru
                Get-OAIGroup -Name Design | Remove-OAIGroup -Force -PassThru
                Get-OAIAdminApiKey -First 1 | Remove-OAIAdminApiKey -Force -PassThru
                Get-OAIRole | Where-Object Name -eq 'Project creator' | Remove-OAIRole -Force -PassThru
                Get-OAIUser -First 40 | Select-Object -Last 1 | Remove-OAIUser -Force -PassThru
                Get-OAIGroup -Name Finance | Get-OAIGroupMember -First 1 | Remove-OAIGroupMember -Force -PassThru
                Get-OAICertificate | Where-Object Active -eq $false | Select-Object -First 1 | Remove-OAICertificate -Force -PassThru
                # The longest id (svc_acct_, 33) and object name (organization.project.service_account.deleted) of any delete.
                Get-OAIServiceAccount -ProjectId proj_productionchatbotrC4xJHX -First 1 | Remove-OAIServiceAccount -Force -PassThru
                Get-OAIProjectApiKey -ProjectId proj_productionchatbotrC4xJHX -First 1 | Remove-OAIProjectApiKey -Force -PassThru
                Get-OAIProjectUser -ProjectId proj_productionchatbotrC4xJHX | Select-Object -Last 1 | Remove-OAIProjectUser -Force -PassThru
            }; Ids = 'Id'; Row = 'Id'; Dates = @(); Never = @() }
        'OpenAIAdmin.ProjectUser'           = @{ Produce = { Get-OAIProject | Where-Object Name -in 'Production chatbot', 'Data science' | Get-OAIProjectUser }; Ids = 'Id', 'ProjectId'; Row = 'Id'; Dates = @(); Never = @() }
        'OpenAIAdmin.ProjectGroup'          = @{ Produce = {
                $project = Get-OAIProject -First 2 | Select-Object -Last 1
                Get-OAIGroup -Name Contractors | Add-OAIProjectGroup -ProjectId $project.Id -RoleId (Get-OAIProjectRole -ProjectId $project.Id -Name Member).Id | Out-Null
                Get-OAIProject | Get-OAIProjectGroup
            }; Ids = 'GroupId', 'ProjectId'; Row = 'GroupId'; Dates = 'CreatedAt'; Never = @() }
        'OpenAIAdmin.ProjectRole'           = @{ Produce = { Get-OAIProject -First 3 | Get-OAIProjectRole }; Ids = 'Id', 'ProjectId'; Row = $null; Dates = @(); Never = @() }
        'OpenAIAdmin.ProjectUserRoleAssignment' = @{ Produce = {
                $project = Get-OAIProject -First 2 | Select-Object -Last 1
                Get-OAIProjectRole -ProjectId $project.Id -Name Member | Add-OAIProjectUserRole -UserId (Get-OAIProjectUser -ProjectId $project.Id -First 1).Id | Out-Null
                Get-OAIProjectUser -ProjectId $project.Id | Get-OAIProjectUserRole
            }; Ids = 'ProjectId', 'UserId', 'RoleId'; Row = $null; Dates = @(); Never = @() }
        'OpenAIAdmin.ProjectGroupRoleAssignment' = @{ Produce = {
                $project = Get-OAIProject -First 2 | Select-Object -Last 1
                Get-OAIProjectRole -ProjectId $project.Id -Name Owner | Add-OAIProjectGroupRole -GroupId (Get-OAIProjectGroup -ProjectId $project.Id -First 1).GroupId | Out-Null
                Get-OAIProject | Get-OAIProjectGroup | Get-OAIProjectGroupRole
            }; Ids = 'ProjectId', 'GroupId', 'RoleId'; Row = $null; Dates = @(); Never = @() }
        'OpenAIAdmin.CostsResult'           = @{ Produce = {
                Get-OAICost -StartTime '2025-03-01Z' -EndTime '2025-03-03Z' -GroupBy project_id, line_item, api_key_id | Select-Object -First 12
                Get-OAICost -StartTime '2025-03-01Z' -EndTime '2025-03-03Z'
            }; Ids = 'ProjectId', 'ApiKeyId'; Row = $null; Dates = 'StartTime'; Never = @() }
        'OpenAIAdmin.UsageCompletionsResult' = @{ Produce = {
                Get-OAIUsage -Kind Completions -StartTime '2026-11-20Z' -EndTime '2026-11-21Z' -GroupBy project_id, user_id, api_key_id, model, batch, service_tier | Select-Object -First 8
                Get-OAIUsage -Kind Completions -StartTime '2026-11-20Z' -EndTime '2026-11-22Z'
            }; Ids = 'ProjectId', 'UserId', 'ApiKeyId'; Row = $null; Dates = 'StartTime'; Never = @() }
        'OpenAIAdmin.UsageEmbeddingsResult' = @{ Produce = {
                Get-OAIUsage -Kind Embeddings -StartTime '2026-11-20Z' -EndTime '2026-11-21Z' -GroupBy project_id, user_id, api_key_id, model | Select-Object -First 8
                Get-OAIUsage -Kind Embeddings -StartTime '2026-11-20Z' -EndTime '2026-11-22Z'
            }; Ids = 'ProjectId', 'UserId', 'ApiKeyId'; Row = $null; Dates = 'StartTime'; Never = @() }
        'OpenAIAdmin.UsageModerationsResult' = @{ Produce = {
                Get-OAIUsage -Kind Moderations -StartTime '2026-11-20Z' -EndTime '2026-11-21Z' -GroupBy project_id, user_id, api_key_id, model | Select-Object -First 8
                Get-OAIUsage -Kind Moderations -StartTime '2026-11-20Z' -EndTime '2026-11-22Z'
            }; Ids = 'ProjectId', 'UserId', 'ApiKeyId'; Row = $null; Dates = 'StartTime'; Never = @() }
        'OpenAIAdmin.UsageImagesResult' = @{ Produce = {
                Get-OAIUsage -Kind Images -StartTime '2026-11-20Z' -EndTime '2026-11-21Z' -GroupBy project_id, user_id, api_key_id, model, size, source | Select-Object -First 8
                Get-OAIUsage -Kind Images -StartTime '2026-11-20Z' -EndTime '2026-11-22Z'
            }; Ids = 'ProjectId', 'UserId', 'ApiKeyId'; Row = $null; Dates = 'StartTime'; Never = @() }
        'OpenAIAdmin.UsageAudioSpeechesResult' = @{ Produce = {
                Get-OAIUsage -Kind AudioSpeeches -StartTime '2026-11-20Z' -EndTime '2026-11-21Z' -GroupBy project_id, user_id, api_key_id, model | Select-Object -First 8
                Get-OAIUsage -Kind AudioSpeeches -StartTime '2026-11-20Z' -EndTime '2026-11-22Z'
            }; Ids = 'ProjectId', 'UserId', 'ApiKeyId'; Row = $null; Dates = 'StartTime'; Never = @() }
        'OpenAIAdmin.UsageAudioTranscriptionsResult' = @{ Produce = {
                Get-OAIUsage -Kind AudioTranscriptions -StartTime '2026-11-20Z' -EndTime '2026-11-21Z' -GroupBy project_id, user_id, api_key_id, model | Select-Object -First 8
                Get-OAIUsage -Kind AudioTranscriptions -StartTime '2026-11-20Z' -EndTime '2026-11-22Z'
            }; Ids = 'ProjectId', 'UserId', 'ApiKeyId'; Row = $null; Dates = 'StartTime'; Never = @() }
        'OpenAIAdmin.UsageVectorStoresResult' = @{ Produce = {
                Get-OAIUsage -Kind VectorStores -StartTime '2026-11-20Z' -EndTime '2026-11-21Z' -GroupBy project_id | Select-Object -First 8
                Get-OAIUsage -Kind VectorStores -StartTime '2026-11-20Z' -EndTime '2026-11-22Z'
            }; Ids = 'ProjectId'; Row = $null; Dates = 'StartTime'; Never = @() }
        'OpenAIAdmin.UsageCodeInterpreterSessionsResult' = @{ Produce = {
                Get-OAIUsage -Kind CodeInterpreterSessions -StartTime '2026-11-20Z' -EndTime '2026-11-21Z' -GroupBy project_id | Select-Object -First 8
                Get-OAIUsage -Kind CodeInterpreterSessions -StartTime '2026-11-20Z' -EndTime '2026-11-22Z'
            }; Ids = 'ProjectId'; Row = $null; Dates = 'StartTime'; Never = @() }
        'OpenAIAdmin.UsageFileSearchCallsResult' = @{ Produce = {
                Get-OAIUsage -Kind FileSearchCalls -StartTime '2026-11-20Z' -EndTime '2026-11-21Z' -GroupBy project_id, user_id, api_key_id, vector_store_id | Select-Object -First 8
                Get-OAIUsage -Kind FileSearchCalls -StartTime '2026-11-20Z' -EndTime '2026-11-22Z'
            }; Ids = 'ProjectId', 'UserId', 'ApiKeyId'; Row = $null; Dates = 'StartTime'; Never = @() }
        'OpenAIAdmin.UsageWebSearchCallsResult' = @{ Produce = {
                Get-OAIUsage -Kind WebSearchCalls -StartTime '2026-11-20Z' -EndTime '2026-11-21Z' -GroupBy project_id, user_id, api_key_id, model, context_level | Select-Object -First 8
                Get-OAIUsage -Kind WebSearchCalls -StartTime '2026-11-20Z' -EndTime '2026-11-22Z'
            }; Ids = 'ProjectId', 'UserId', 'ApiKeyId'; Row = $null; Dates = 'StartTime'; Never = @() }
        'OpenAIAdmin.AdminContext'          = @{ Produce = { Get-OAIAdminContext }; Ids = @(); Row = $null; Dates = @(); Never = @() }
        'OpenAIAdmin.ProjectServiceAccount' = @{ Produce = { Get-OAIProject | Get-OAIServiceAccount }; Ids = 'Id'; Row = 'Id'; Dates = 'CreatedAt'; Never = @() }
        'OpenAIAdmin.ProjectServiceAccountCreated' = @{ Produce = {
                $project = Get-OAIProject -First 2 | Select-Object -Last 1
                $project | New-OAIServiceAccount -Name 'views-with-key' -WarningAction SilentlyContinue
                $project | New-OAIServiceAccount -Name 'views-no-key' -NoApiKey
            }; Ids = 'Id', 'ProjectId'; Row = 'Id'; Dates = @(); Never = @() }
        'OpenAIAdmin.ServiceAccountApiKeySecret' = @{ Produce = {
                Get-OAIProject | Get-OAIServiceAccount | Select-Object -First 2 | New-OAIServiceAccountApiKey -Name 'views-key' -WarningAction SilentlyContinue
            }; Ids = 'Id', 'ServiceAccountId', 'ProjectId'; Row = 'Id'; Dates = @(); Never = @() }
        'OpenAIAdmin.ProjectApiKey'         = @{ Produce = { Get-OAIProject | Get-OAIProjectApiKey -OwnerProjectAccess Any }; Ids = 'Id', 'ProjectId'; Row = 'Id'; Dates = 'LastUsedAt'; Never = @() }
        'OpenAIAdmin.ProjectModelPermissions' = @{ Produce = { Get-OAIProject | Get-OAIModelPermission }; Ids = 'ProjectId'; Row = 'ProjectId'; Dates = @(); Never = @() }
        'OpenAIAdmin.ProjectHostedToolPermissions' = @{ Produce = { Get-OAIProject | Get-OAIHostedToolPermission }; Ids = 'ProjectId'; Row = 'ProjectId'; Dates = @(); Never = @() }
        'OpenAIAdmin.AccessReportRow'       = @{ Produce = {
                $users = @(Get-OAIAccessReport -StaleDays 90 | Select-Object -First 5)
                $users
                Get-OAIProject | Where-Object Name -in 'Production chatbot', 'Data science' | Get-OAIAccessReport -StaleDays 90
            }; Ids = 'PrincipalId', 'ProjectId'; Row = $null; Dates = @(); Never = @() }
        'OpenAIAdmin.ProjectRateLimit'      = @{ Produce = { Get-OAIProject -First 2 | Get-OAIRateLimit }; Ids = 'Id', 'ProjectId'; Row = $null; Dates = @(); Never = @() }
        'OpenAIAdmin.OrganizationSpendLimit' = @{ Produce = { Set-OAISpendLimit -Amount 12345678.90 -PassThru }; Ids = @(); Row = $null; Dates = @(); Never = @() }
        'OpenAIAdmin.ProjectSpendLimit'     = @{ Produce = { Get-OAIProject | Get-OAISpendLimit }; Ids = 'ProjectId'; Row = 'ProjectId'; Dates = @(); Never = @() }
        'OpenAIAdmin.OrganizationSpendAlert' = @{ Produce = {
                Get-OAISpendAlert
                New-OAISpendAlert -Amount 9999999.99 -Recipient 'budget@example.com'
            }; Ids = 'Id'; Row = 'Id'; Dates = @(); Never = @() }
        'OpenAIAdmin.ProjectSpendAlert'     = @{ Produce = { Get-OAIProject | Get-OAISpendAlert }; Ids = 'Id', 'ProjectId'; Row = 'Id'; Dates = @(); Never = @() }
        'OpenAIAdmin.OrganizationDataRetention' = @{ Produce = { Get-OAIDataRetention }; Ids = @(); Row = $null; Dates = @(); Never = @() }
        'OpenAIAdmin.ProjectDataRetention'  = @{ Produce = { Get-OAIProject | Get-OAIDataRetention }; Ids = 'ProjectId'; Row = 'ProjectId'; Dates = @(); Never = @() }
        # Audit events are recorded by the second, often several in one: their views show seconds (the table stacks the
        # date over the time). Ids appear in summaries, which the generic check of cut ids covers.
        'OpenAIAdmin.AuditLog'              = @{ Produce = {
                Get-OAIAuditLog -First 40
                Get-OAIAuditLog -EventType api_key.*, service_account.*, role.*, certificate.deleted, workload_identity_provider_mapping.* -First 40
                Get-OAIAuditLog -TenantOnly -First 5
            }; Ids = @(); Row = $null; Dates = @(); Never = @(); DateFormat = '^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2})?$'; UtcFormat = 'yyyy-MM-dd HH:mm:ss' }
        'OpenAIAdmin.AuditLogExportResult'  = @{ Produce = {
                $path = Join-Path $TestDrive "views-$([guid]::NewGuid().ToString('N')).jsonl"
                Export-OAIAuditLog -Path $path -StatePath "$path.state.json"
                Export-OAIAuditLog -Path $path -StatePath "$path.state.json"
            }; Ids = @(); Row = $null; Dates = @(); Never = @(); DateFormat = '^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$'; UtcFormat = 'yyyy-MM-dd HH:mm:ss' }
    }

    function Get-ViewObject([string] $Type) {
        $case = $script:Cases[$Type]
        if ($null -eq $case) { throw "No way to get $Type objects for the view checks: add it to `$Cases in Views.Tests.ps1." }
        $objects = @(& $case.Produce)
        $objects.Count | Should -BeGreaterThan 0 -Because "the simulator must give $Type objects to render"
        @($objects | ForEach-Object { $_.GetType().FullName } | Sort-Object -Unique) | Should -Be @($Type)
        return $objects
    }

    # The checks below that hold for every line, id or date of a rendering gather what breaks them and assert once, so
    # that a failure lists every offender.

    # The ids the view must show whole; each must be a real-length id, else the check proves nothing.
    function Get-ShownId([object[]] $Objects, [string] $Type) {
        $ids = @(foreach ($object in $Objects) { foreach ($property in $script:Cases[$Type].Ids) { if ($object.$property) { $object.$property } } })
        @($ids | Where-Object { $_ -cnotmatch $script:RealId }) | Should -BeNullOrEmpty -Because "the ids of $Type ($($script:Cases[$Type].Ids -join ', ')) should be real-length"
        $ids
    }

    function Assert-IdsWhole([string] $Text, [string[]] $Ids, [string] $Why) {
        @($Ids | Where-Object { $Text -notmatch ('(?<![\w-])' + [regex]::Escape($_) + '(?![\w-])') }) | Should -BeNullOrEmpty -Because "$Why shows these ids whole"
        # No cut id of any kind either, with or without an ellipsis (e.g. an id wrapped onto the next line).
        @(foreach ($match in [regex]::Matches($Text, $script:IdToken)) { if ($match.Value -cnotmatch $script:RealId) { $match.Value } }) | Should -BeNullOrEmpty -Because "$Why must not show a cut id"
    }

    function Assert-OneDateFormat([string] $Text, [string] $Why, [string] $Type) {
        $pattern = if ($script:Cases[$Type].ContainsKey('DateFormat')) { $script:Cases[$Type].DateFormat } else { '^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$' }
        @(foreach ($match in [regex]::Matches($Text, $script:DateLike)) { if ($match.Value -cnotmatch $pattern) { $match.Value } }) | Should -BeNullOrEmpty -Because "$Why shows dates as yyyy-MM-dd HH:mm (UTC)"
    }

    function Get-RowLine([string[]] $Lines, [string] $Id) {
        @($Lines | Where-Object { $_ -match ('(?<![\w-])' + [regex]::Escape($Id) + '(?![\w-])') })
    }
}

Describe 'Default table views' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'are found and each has a way to get real objects' -ForEach @(@{ Discovered = $tableTypes }) {
        # Guards the list the checks below run over: empty, short of a type, or a type without objects fails.
        $loaded = @(Get-FormatData -TypeName 'OpenAIAdmin.*' |
                Where-Object { @($_.FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] }).Count -gt 0 } |
                ForEach-Object TypeNames | Sort-Object -Unique)
        $loaded.Count | Should -BeGreaterOrEqual 13
        @($Discovered) | Should -Be $loaded
        foreach ($type in $loaded) { $Cases.Keys | Should -Contain $type }
    }

    It '<Type> at <Width> columns shows every id whole, no cut, unbroken headers and one date format' -ForEach $tableCases {
        $objects = @(Get-ViewObject $Type)
        $text = $objects | Out-String -Width $Width
        $lines = $text -split '\r?\n'
        $why = "the $Type table at $Width columns"

        Assert-IdsWhole $text @(Get-ShownId $objects $Type) $why
        $text | Should -Not -Match '…' -Because "$why cuts nothing"
        @($lines | Where-Object { $_.TrimEnd().Length -gt $Width }) | Should -BeNullOrEmpty -Because "$why fits in $Width columns"

        # Headers: each table's header line holds every label whole, in order, on one line.
        $view = @((Get-FormatData -TypeName $Type).FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] })[0]
        $labels = @($view.Control.Headers | ForEach-Object { $_.Label })
        $labels | Should -Not -Contain $null -Because 'every column names itself'
        # A label that is a date property's name with its unit (XxxAt) names a property the objects have: users take it to Select-Object.
        foreach ($label in $labels -cmatch '^\w+At \(UTC\)$') {
            $objects[0].PSObject.Properties[$label -replace ' \(UTC\)$'] | Should -Not -BeNullOrEmpty -Because "$why labels a column '$label'"
        }
        $headerPattern = '^\s*' + (($labels | ForEach-Object { [regex]::Escape($_) }) -join '\s+') + '\s*$'
        $dashes = @(for ($i = 1; $i -lt $lines.Count; $i++) { if ($lines[$i] -match '^\s*-+(?:\s+-+)*\s*$') { $i } })
        $dashes.Count | Should -BeGreaterThan 0 -Because "$why is a table"
        foreach ($i in $dashes) {
            $lines[$i - 1] | Should -Match $headerPattern -Because "$why keeps its header on one line"
            $lines[$i - 2] | Should -Match '^\s*$' -Because "$why does not wrap its header onto a second line"
            @($lines[$i].Trim() -split '\s+').Count | Should -Be $labels.Count -Because "$why shows every column"
        }

        # Dates: one format; each shown date on its object's row; "never" for a key that does not expire.
        Assert-OneDateFormat $text $why $Type
        foreach ($object in $objects) {
            $rowId = if ($Cases[$Type].Row) { $object.($Cases[$Type].Row) }
            $scope = @(if ($rowId) { Get-RowLine $lines $rowId } else { $lines })
            if ($rowId) { $scope.Count | Should -Be 1 -Because "$why shows $rowId on one row" }
            foreach ($property in $Cases[$Type].Dates) {
                if ($null -ne $object.$property) {
                    ($scope -join "`n") | Should -Match ([regex]::Escape((Format-Utc $object.$property))) -Because "$why shows $property of $rowId"
                }
                elseif ($property -in $Cases[$Type].Never) {
                    ($scope -join "`n") | Should -Match '\bnever\b' -Because "$why shows a key without expiry as never ($rowId)"
                }
            }
        }
    }

    It 'never lets a long name or e-mail push an id out of a table' {
        $long = 'A name much longer than any column gives it, to see what gives way ' * 2
        $project = New-OAIProject -Name $long
        $group = New-OAIGroup -Name $long.Substring(0, 120)
        Add-OAIGroupMember -GroupId $group.Id -UserId (Get-OAIUser -First 1).Id | Out-Null
        $role = New-OAIRole -Name $long.Substring(0, 100) -Permission 'api.groups.read'
        $invite = New-OAIInvite -Email ('a.very.long.mailbox.name.for.checking.views' + '@subsidiary.example.com') -Role reader
        $key = New-OAIAdminApiKey -Name $long.Substring(0, 60) -WarningAction SilentlyContinue
        $projectMember = Get-OAIProjectRole -ProjectId $project.Id -Name Member
        $projectRole = New-OAIProjectRole -ProjectId $project.Id -Name $long.Substring(0, 100) -Permission api.project.read
        $alert = New-OAISpendAlert -ProjectId $project.Id -Amount 1 -Recipient ('a.very.long.mailbox.name.for.checking.views' + '@subsidiary.example.com'), 'b@example.com'
        $shown = @(
            @{ Objects = @(Get-OAIProject -Id $project.Id); Id = $project.Id }
            @{ Objects = @(Get-OAIGroup -Id $group.Id); Id = $group.Id }
            @{ Objects = @(Get-OAIGroupMember -GroupId $group.Id); Id = $group.Id }
            @{ Objects = @(Get-OAIRole -Id $role.Id); Id = $role.Id }
            @{ Objects = @(Add-OAIUserRole -UserId (Get-OAIUser -First 1).Id -RoleId $role.Id); Id = $role.Id }
            @{ Objects = @(Get-OAIInvite -Id $invite.Id); Id = $invite.Id }
            @{ Objects = @(Get-OAIAdminApiKey -Id $key.Id); Id = $key.Id }
            @{ Objects = @(Add-OAIProjectGroup -ProjectId $project.Id -Id $group.Id -RoleId $projectMember.Id); Id = $group.Id }
            @{ Objects = @($projectRole); Id = $projectRole.Id }
            @{ Objects = @($alert); Id = $alert.Id }
            @{ Objects = @(Get-OAIProjectGroupRole -ProjectId $project.Id -GroupId $group.Id); Id = $group.Id }
            @{ Objects = @(Get-OAIAccessReport -ProjectId $project.Id | Where-Object PrincipalType -eq Group); Id = $group.Id }
        )
        foreach ($case in $shown) {
            foreach ($width in 79, 80, 120) {
                $text = $case.Objects | Out-String -Width $width
                Assert-IdsWhole $text @($case.Id) "the $($case.Objects[0].GetType().Name) table at $width columns with a long name"
            }
        }
    }
}

Describe 'Numbers in views' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'show amounts the same in every culture, as rate limits and costs do' {
        $limit = Set-OAISpendLimit -Amount 1234.5 -Confirm:$false -PassThru
        $alert = New-OAISpendAlert -Amount 1000 -Recipient 'budget@example.com'
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            ($limit | Out-String -Width 120) | Should -Match ([regex]::Escape('1,234.50'))
            ($limit | Format-List | Out-String -Width 120) | Should -Match 'Amount\s*: 1234\.5'
            ($alert | Out-String -Width 120) | Should -Match ([regex]::Escape('1,000.00 USD'))
            ($alert | Out-String -Width 120) | Should -Not -Match ([regex]::Escape('1.000,00'))
        }
        finally {
            [cultureinfo]::CurrentCulture = $saved
        }
    }
}

Describe 'Default list views' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It '<Type> in Format-List shows ids whole, nothing elided, and every date as yyyy-MM-dd HH:mm' -ForEach $listCases {
        $objects = @(Get-ViewObject $Type)
        foreach ($width in 80, 120) {
            $text = $objects | Format-List | Out-String -Width $width
            $why = "Format-List of $Type at $width columns"
            Assert-IdsWhole $text @(Get-ShownId $objects $Type) $why
            $text | Should -Not -Match '…' -Because "$why elides nothing"
            Assert-OneDateFormat $text $why $Type
            $entries = @($text -split '(?:\r?\n){2,}' | Where-Object { $_.Trim() })
            $entries.Count | Should -Be $objects.Count
            if ($text -match 'shown only once') {
                # The notice of a one-time secret is read on one line, at 80 columns too.
                $text | Should -Match '(?m)^\w+\s+: \([^\r\n]*shown only once: store it[^\r\n]*\)\s*$' -Because "$why keeps the secret's notice on one line"
            }
            $format = if ($Cases[$Type].ContainsKey('UtcFormat')) { $Cases[$Type].UtcFormat } else { 'yyyy-MM-dd HH:mm' }
            $wrong = for ($i = 0; $i -lt $objects.Count; $i++) {
                # Each date property the entry shows is the object's value, in UTC.
                foreach ($property in $objects[$i].PSObject.Properties | Where-Object { $_.Value -is [DateTimeOffset] }) {
                    $line = @($entries[$i] -split '\r?\n' | Where-Object { $_ -match ('^' + [regex]::Escape($property.Name) + '(?: \(UTC\))?\s+:') })
                    $value = Format-Utc $property.Value $format
                    if ($line.Count -gt 0 -and $line[0] -notmatch ([regex]::Escape($value) + '\s*$')) { "entry $i shows '$($line[0])', not $value" }
                }
                foreach ($property in $Cases[$Type].Never) {
                    if ($null -eq $objects[$i].$property -and $entries[$i] -notmatch ('(?m)^' + $property + '(?: \(UTC\))?\s+: never\s*$')) { "entry $i does not show $property as never" }
                }
            }
            @($wrong) | Should -BeNullOrEmpty -Because "$why shows each date as the object's value in UTC, and a key without expiry as never"
        }
    }
}

Describe 'Text from the server in views' {
    BeforeEach { Reset-Simulator; Connect-Simulator }
    AfterAll { $script:Constrained.Dispose() }

    BeforeAll {
        # Anyone who may rename a project, or set their own name, chooses these: an escape sequence that moves the cursor
        # and erases lines, a bell, a carriage return, a line separator and a bidirectional override.
        $script:Hostile = "x$([char]27)[1A$([char]27)[2K$([char]7)$([char]13)$([char]0x2028)$([char]0x202E)y"
        $script:Unsafe = '[\x00-\x09\x0B-\x1F\x7F\u2028\u2029\u202A-\u202E\u2066-\u2069]'
        $iss = [initialsessionstate]::CreateDefault2()
        $iss.LanguageMode = 'ConstrainedLanguage'
        $iss.ImportPSModule($env:OPENAIADMIN_MODULE)
        $script:Constrained = [powershell]::Create($iss)
        # The default table and list of the objects as a ConstrainedLanguage session shows them, and the errors it recorded.
        function Out-ConstrainedText([object[]] $Objects) {
            $ps = $script:Constrained
            $ps.Commands.Clear()
            $ps.Streams.Error.Clear()
            $before = $ps.Runspace.SessionStateProxy.GetVariable('Error').Count
            $table = $ps.AddCommand('Out-String').AddParameter('Width', 200).Invoke($Objects) -join ''
            $ps.Commands.Clear()
            $list = $ps.AddCommand('Format-List').AddCommand('Out-String').AddParameter('Width', 200).Invoke($Objects) -join ''
            $ps.Commands.Clear()
            # $Error holds the newest first; its Clear() is a method call ConstrainedLanguage refuses.
            $recorded = @($ps.Runspace.SessionStateProxy.GetVariable('Error'))
            [pscustomobject]@{ Text = $table + $list; Errors = @($recorded | Select-Object -First ($recorded.Count - $before)) + @($ps.Streams.Error) }
        }
        # Every text property of the object and of the objects it holds, and every list of texts: ids and names alike, since
        # a name is chosen by a person and anything else may be what a gateway or a changed API sends.
        function Set-HostileText($Object, [int] $Depth = 3) {
            if ($null -eq $Object -or $Depth -eq 0 -or $Object.GetType().Assembly.GetName().Name -ne 'OpenAIAdmin.Core') { return }
            foreach ($property in $Object.GetType().GetProperties()) {
                if ($property.GetIndexParameters().Count -gt 0) { continue }
                $value = $property.GetValue($Object)
                if ($property.PropertyType -eq [string] -and $property.CanWrite) {
                    $property.SetValue($Object, $script:Hostile)
                }
                elseif ($value -is [System.Collections.Generic.IList[string]] -and -not $value.IsReadOnly) {
                    for ($i = 0; $i -lt $value.Count; $i++) { $value[$i] = $script:Hostile }
                }
                elseif ($value -is [string[]]) {
                    for ($i = 0; $i -lt $value.Length; $i++) { $value[$i] = $script:Hostile }
                }
                elseif ($value -is [System.Collections.IEnumerable] -and $value -isnot [string]) {
                    foreach ($item in $value) { Set-HostileText $item ($Depth - 1) }
                }
                elseif ($null -ne $value -and -not $property.PropertyType.IsValueType) {
                    Set-HostileText $value ($Depth - 1)
                }
            }
        }
    }

    It '<Type>: in a ConstrainedLanguage session its views show every id, and no control character' -ForEach $listCases {
        # A locked-down host runs the format files' script blocks in its language mode, where calling a method of the
        # module's own types fails: every cell of every view had come out empty.
        $objects = @(Get-ViewObject $Type)
        $ids = @(Get-ShownId $objects $Type)
        $shown = Out-ConstrainedText $objects
        $shown.Errors | Should -BeNullOrEmpty
        @($ids | Where-Object { $shown.Text -notmatch [regex]::Escape($_) }) | Should -BeNullOrEmpty -Because "the views of $Type show these ids in ConstrainedLanguage"
        foreach ($object in $objects) { Set-HostileText $object }
        $hostile = Out-ConstrainedText $objects
        $hostile.Errors | Should -BeNullOrEmpty
        $hostile.Text | Should -Not -Match $script:Unsafe
    }

    It '<Type>: a name that holds control characters reaches neither its table nor its list printable only as U+FFFD' -ForEach $listCases {
        $objects = @(Get-ViewObject $Type)
        foreach ($object in $objects) { Set-HostileText $object }
        $text = ($objects | Out-String -Width 200) + ($objects | Format-List | Out-String -Width 200)
        $text | Should -Not -Match $script:Unsafe -Because "the default views of $Type show text from the server printable"
    }

    It 'shows the name itself, each unsafe character as U+FFFD' {
        $project = New-OAIProject -Name $script:Hostile
        $expected = "x$([char]0xFFFD)[1A$([char]0xFFFD)[2K$([char]0xFFFD)$([char]0xFFFD)$([char]0xFFFD)$([char]0xFFFD)y"
        ($project | Out-String -Width 120) | Should -Match ([regex]::Escape($expected))
        ($project | Format-List | Out-String -Width 120) | Should -Match ('(?m)^Name\s+: ' + [regex]::Escape($expected) + '\s*$')
        # The object keeps the name as the server sent it: piped on, it renames nothing.
        $project.Name | Should -Be $script:Hostile
    }
}

Describe 'Help examples' {
    It 'show tables with the columns the views print, with ids whole and nothing cut' {
        # The header and dash lines every table view prints, from its labels, widths and alignment.
        $expected = @{}
        foreach ($data in Get-FormatData -TypeName 'OpenAIAdmin.*') {
            foreach ($view in $data.FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] }) {
                $headers = @($view.Control.Headers)
                $cells = for ($i = 0; $i -lt $headers.Count; $i++) {
                    $h = $headers[$i]
                    $right = "$($h.Alignment)" -eq 'Right'
                    $label = if ($right) { $h.Label.PadLeft($h.Width) } else { $h.Label.PadRight($h.Width) }
                    $dash = if ($right) { ('-' * $h.Label.Length).PadLeft($h.Width) } else { ('-' * $h.Label.Length).PadRight($h.Width) }
                    , @($label, $dash)
                }
                $expected[($cells | ForEach-Object { $_[0] }) -join ' ' -replace '\s+$'] = ($cells | ForEach-Object { $_[1] }) -join ' ' -replace '\s+$'
            }
        }
        $tables = 0
        foreach ($file in Get-ChildItem (Join-Path $PSScriptRoot '../../en-US') -Filter *.md) {
            $lines = @(Get-Content $file.FullName)
            $inCode = $false
            for ($i = 1; $i -lt $lines.Count; $i++) {
                if ($lines[$i] -match '^```') { $inCode = -not $inCode; continue }
                if (-not $inCode -or $lines[$i] -notmatch '^-{2,}(?: +-+)*\s*$') { continue }
                $tables++
                $header = $lines[$i - 1].TrimEnd()
                $expected.Keys | Should -Contain $header -Because "$($file.Name) shows a table as a view prints it: '$header'"
                $lines[$i].TrimEnd() | Should -Be $expected[$header] -Because "$($file.Name) underlines '$header' as the view does"
                $rows = @(for ($j = $i + 1; $j -lt $lines.Count -and $lines[$j] -notmatch '^```'; $j++) { $lines[$j] })
                @($rows -match '…') | Should -BeNullOrEmpty -Because "$($file.Name) shows the table under '$header' uncut"
                @($rows | Where-Object { $_.TrimEnd().Length -gt 79 }) | Should -BeNullOrEmpty -Because "$($file.Name) shows the table under '$header' at 80 columns"
                @(foreach ($match in [regex]::Matches(($rows -join "`n"), $IdToken)) { if ($match.Value -cnotmatch $RealId) { $match.Value } }) | Should -BeNullOrEmpty -Because "$($file.Name) shows real-length ids under '$header'"
            }
        }
        $tables | Should -BeGreaterOrEqual 30
    }
}
