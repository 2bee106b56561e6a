# Get-OAIUsage in real pwsh against the simulator: the rows of a plain sequential next_page walk (done here with
# Invoke-RestMethod), read in concurrent windows under latency, page-token rejections, the result field, open buckets,
# stopping early, names, completion, pipeline input, and validation errors with their exact ids before any request.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:Nov1 = [DateTimeOffset]::new(2026, 11, 1, 0, 0, 0, [TimeSpan]::Zero)
    $script:Production = 'proj_productionchatbotrC4xJHX'
    $script:Inv = [cultureinfo]::InvariantCulture

    # Rows of a sequential walk: one request for the whole range with the largest limit, then next_page to the end.
    function Invoke-SequentialWalk([string] $Path, [string] $Query, [int] $Limit, [scriptblock] $Row) {
        $headers = @{ Authorization = "Bearer $FakeAdminKey" }
        $rows = [System.Collections.Generic.List[string]]::new()
        $page = $null
        do {
            $uri = "$SimulatorUrl/$Path`?$Query&limit=$Limit" + $(if ($page) { '&page=' + [uri]::EscapeDataString($page) })
            $answer = Invoke-RestMethod -Uri $uri -Headers $headers
            foreach ($bucket in $answer.data) {
                $results = if ($bucket.PSObject.Properties['results']) { $bucket.results } else { $bucket.result }
                foreach ($result in $results) { $rows.Add((& $Row $bucket $result)) }
            }
            $page = if ($answer.has_more) { $answer.next_page } else { $null }
        } while ($page)
        return , $rows.ToArray()
    }

    function Invoke-HourlyWalk([DateTimeOffset] $Start, [DateTimeOffset] $End) {
        Invoke-SequentialWalk 'organization/usage/completions' "start_time=$($Start.ToUnixTimeSeconds())&end_time=$($End.ToUnixTimeSeconds())&bucket_width=1h&group_by=model" 168 {
            param($b, $r) '{0}|{1}|{2}|{3}|{4}' -f $b.start_time, $r.model, $r.input_tokens, $r.output_tokens, $r.num_model_requests
        }
    }

    function Format-UsageRow($Rows) {
        @($Rows | ForEach-Object { '{0}|{1}|{2}|{3}|{4}' -f $_.StartTime.ToUnixTimeSeconds(), $_.Model, $_.InputTokens, $_.OutputTokens, $_.NumModelRequests })
    }

    function Get-MaxInFlight($Requests) {
        $max = 0
        foreach ($r in $Requests) {
            $open = @($Requests | Where-Object { $_.arrived -lt $r.arrived -and ($_.finished -eq 0 -or $_.finished -gt $r.arrived) }).Count + 1
            if ($open -gt $max) { $max = $open }
        }
        $max
    }

    function Get-QueryValue($Request, [string] $Name) {
        foreach ($pair in $Request.query -split '&') {
            $key, $value = $pair -split '=', 2
            if ([uri]::UnescapeDataString($key) -eq $Name) { [uri]::UnescapeDataString($value) }
        }
    }
}

Describe 'Get-OAIUsage' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'warns that rows may be missing when the server keeps saying has_more on empty pages' {
        Add-SimulatorFault @{ kind = 'empty_page'; count = -1; path = '/v1/organization/costs' }
        $warnings = $null
        $rows = @(Get-OAICost -StartTime $Nov1 -EndTime $Nov1.AddDays(7) -WarningVariable warnings -WarningAction SilentlyContinue)
        $rows.Count | Should -Be 0
        @($warnings).Count | Should -Be 1
        "$warnings" | Should -BeLike '*2026-11-01 00:00 to 2026-11-08 00:00 UTC is taken as empty, so rows of that span may be missing.*'
    }

    It 'reads 30 days of hours under latency as exactly the rows of a sequential next_page walk, in time order, four windows at a time' {
        Set-SimulatorBehaviour @{ max_page_results = 400 }
        $expected = Invoke-HourlyWalk $Nov1 $Nov1.AddDays(30)
        Reset-Simulator
        Set-SimulatorBehaviour @{ max_page_results = 400 }
        Add-SimulatorFault @{ kind = 'delay'; delay_ms = 60; count = -1; path = '/v1/organization/usage/completions' }

        $rows = @(Get-OAIUsage -Kind Completions -BucketWidth 1h -GroupBy model -StartTime $Nov1 -EndTime $Nov1.AddDays(30))
        $expected.Count | Should -BeGreaterThan 720
        Format-UsageRow $rows | Should -Be $expected
        $rows[0].GetType().FullName | Should -Be 'OpenAIAdmin.UsageCompletionsResult'
        $rows[0].StartTime.Offset | Should -Be ([TimeSpan]::Zero)
        @($rows.Complete | Sort-Object -Unique) | Should -Be $true

        $requests = @(Get-SimulatorRequest GET '*/organization/usage/completions')
        @($requests | Where-Object fault -eq 'delay').Count | Should -Be $requests.Count
        Get-MaxInFlight $requests | Should -Be 4
        $firsts = @($requests | Where-Object { -not (Get-QueryValue $_ 'page') } | Sort-Object { [long](Get-QueryValue $_ 'start_time') })
        @($firsts | ForEach-Object { Get-QueryValue $_ 'limit' }) | Should -Be @('168', '168', '168', '168', '48')
        @($requests | Where-Object { Get-QueryValue $_ 'page' }).Count | Should -BeGreaterThan 0 -Because 'the page cap makes the server say has_more within windows'
    }

    It 'survives page-token rejections without losing or repeating a row' {
        Set-SimulatorBehaviour @{ max_page_buckets = 24 }
        $expected = Invoke-HourlyWalk $Nov1 $Nov1.AddDays(14)
        Reset-Simulator
        Set-SimulatorBehaviour @{ max_page_buckets = 24 }
        Add-SimulatorFault @{ kind = 'reject_page'; count = 2; path = '/v1/organization/usage/completions' }
        $all = @(Get-OAIUsage -Kind Completions -BucketWidth 1h -GroupBy model -StartTime $Nov1 -EndTime $Nov1.AddDays(14) -Verbose 4>&1)
        $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        Format-UsageRow @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }) | Should -Be $expected
        $rejected = @(Get-SimulatorRequest GET '*/organization/usage/completions' | Where-Object fault -eq 'reject_page')
        $rejected.Count | Should -Be 2
        @($rejected.status | Sort-Object -Unique) | Should -Be 400
        $rejected | ForEach-Object { Get-QueryValue $_ 'page' } | Should -Not -BeNullOrEmpty
        ($verbose.Message -join "`n") | Should -Match 'rejected the page token'
    }

    It 'reads results under the field name result of the 04-30 reference' {
        Set-SimulatorBehaviour @{ bucket_field = 'result' }
        $raw = Invoke-RestMethod -Uri "$SimulatorUrl/organization/usage/completions?start_time=$($Nov1.ToUnixTimeSeconds())&limit=1" -Headers @{ Authorization = "Bearer $FakeAdminKey" }
        $raw.data[0].PSObject.Properties.Name | Should -Contain 'result'
        $raw.data[0].PSObject.Properties.Name | Should -Not -Contain 'results'
        $expected = Invoke-HourlyWalk $Nov1 $Nov1.AddDays(2)
        $expected.Count | Should -BeGreaterThan 0
        Format-UsageRow (Get-OAIUsage -Kind Completions -BucketWidth 1h -GroupBy model -StartTime $Nov1 -EndTime $Nov1.AddDays(2)) | Should -Be $expected
    }

    It 'flags the bucket that is still open as not Complete' {
        $rows = @(Get-OAIUsage -Kind Completions -BucketWidth 1h -StartTime ([DateTime]::UtcNow.AddHours(-3)))
        $rows.Count | Should -BeGreaterOrEqual 3
        $rows[-1].Complete | Should -BeFalse
        $rows[-1].EndTime | Should -BeGreaterThan ([DateTimeOffset]::UtcNow)
        @($rows | Select-Object -SkipLast 1 | Where-Object { -not $_.Complete }).Count | Should -Be 0
    }

    It 'stops reading when the pipeline stops: Select-Object -First 1 makes at most four requests' {
        Set-SimulatorBehaviour @{ max_page_results = 0 }
        Add-SimulatorFault @{ kind = 'delay'; delay_ms = 50; count = -1; path = '/v1/organization/usage/completions' }
        $first = @(Get-OAIUsage -Kind Completions -BucketWidth 1h -GroupBy model -StartTime $Nov1.AddDays(-10) -EndTime $Nov1.AddDays(30) | Select-Object -First 1)
        $first.Count | Should -Be 1
        $first[0].StartTime | Should -Be $Nov1.AddDays(-10)
        $requests = @(Get-SimulatorRequest GET '*/organization/usage/completions')
        $requests.Count | Should -BeLessOrEqual 4
        $fifth = $Nov1.AddDays(-10).AddHours(4 * 168).ToUnixTimeSeconds()
        @($requests | Where-Object { (Get-QueryValue $_ 'start_time') -eq "$fifth" }).Count | Should -Be 0 -Because 'the fifth window never starts'
    }

    It 'defaults to the last seven complete UTC days, asking for exactly seven buckets' {
        $rows = @(Get-OAIUsage -Kind Embeddings)
        $today = [DateTimeOffset]::new([DateTime]::UtcNow.Date, [TimeSpan]::Zero)
        $request = @(Get-SimulatorRequest GET '*/organization/usage/embeddings')
        $request.Count | Should -Be 1
        Get-QueryValue $request[0] 'start_time' | Should -Be "$($today.AddDays(-7).ToUnixTimeSeconds())"
        Get-QueryValue $request[0] 'end_time' | Should -Be "$($today.ToUnixTimeSeconds())"
        Get-QueryValue $request[0] 'limit' | Should -Be '7'
        Get-QueryValue $request[0] 'bucket_width' | Should -Be '1d'
        @($rows.StartTime | Sort-Object -Unique).Count | Should -Be 7
    }

    It 'sends a DateTime of kind Local or Unspecified as that local time in UTC, and a UTC DateTime as it is' {
        # In a pwsh whose local time zone is New York (UTC-5 in November), so that local and UTC differ.
        $run = Invoke-PwshInZone 'America/New_York' (
            "Get-OAIUsage -Kind Moderations -StartTime ([DateTime]::new(2026, 11, 3, 9, 30, 0)) -EndTime ([DateTime]::new(2026, 11, 5, 0, 0, 0, [DateTimeKind]::Utc)) | Out-Null; " +
            "Get-OAIUsage -Kind Moderations -StartTime ([DateTime]::new(2026, 11, 3, 9, 30, 0, [DateTimeKind]::Local)) -EndTime '2026-11-05' | Out-Null")
        $run.Errors | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        $requests = @(Get-SimulatorRequest GET '*/organization/usage/moderations')
        $requests.Count | Should -Be 2
        $ninethirty = [DateTimeOffset]::new(2026, 11, 3, 14, 30, 0, [TimeSpan]::Zero).ToUnixTimeSeconds()
        Get-QueryValue $requests[0] 'start_time' | Should -Be "$ninethirty" -Because 'an Unspecified DateTime is local time'
        Get-QueryValue $requests[0] 'end_time' | Should -Be "$($Nov1.AddDays(4).ToUnixTimeSeconds())" -Because 'a UTC DateTime is sent as it is'
        Get-QueryValue $requests[1] 'start_time' | Should -Be "$ninethirty"
        Get-QueryValue $requests[1] 'end_time' | Should -Be "$($Nov1.AddDays(4).AddHours(5).ToUnixTimeSeconds())" -Because 'a date string without an offset is local midnight'

        # A string with Z, and a DateTimeOffset with any offset, mean that instant.
        Reset-Simulator
        Get-OAIUsage -Kind Moderations -StartTime '2026-11-02Z' -EndTime ([DateTimeOffset]::new(2026, 11, 4, 1, 0, 0, [TimeSpan]::FromHours(1))) | Out-Null
        $request = @(Get-SimulatorRequest GET '*/organization/usage/moderations')[0]
        Get-QueryValue $request 'start_time' | Should -Be "$($Nov1.AddDays(1).ToUnixTimeSeconds())"
        Get-QueryValue $request 'end_time' | Should -Be "$($Nov1.AddDays(3).ToUnixTimeSeconds())"
    }

    It 'adds names from one listing per kind of name with -IncludeName' {
        $rows = @(Get-OAIUsage -Kind AudioSpeeches -GroupBy project_id, user_id, api_key_id -IncludeName -StartTime $Nov1 -EndTime $Nov1.AddDays(5))
        @($rows | Where-Object { -not $_.ProjectName }).Count | Should -Be 0
        ($rows | Where-Object ApiKeyName -eq 'laptop-ann' | Select-Object -First 1).UserEmail | Should -Be 'user-0004@example.com'
        ($rows | Where-Object ProjectId -eq $Production | Select-Object -First 1).ProjectName | Should -Be 'Production chatbot'
        @(Get-SimulatorRequest GET '*/organization/projects' | Where-Object { -not (Get-QueryValue $_ 'after') }).Count | Should -Be 1
        @(Get-SimulatorRequest GET '*/organization/users' | Where-Object { -not (Get-QueryValue $_ 'after') }).Count | Should -Be 1
        $keyLists = @(Get-SimulatorRequest GET '*/api_keys')
        $keyLists.Count | Should -Be @($rows.ProjectId | Sort-Object -Unique).Count
        @($keyLists | ForEach-Object { Get-QueryValue $_ 'owner_project_access' } | Sort-Object -Unique) | Should -Be 'any'
        # Without -IncludeName no listing is read.
        Reset-Simulator
        Get-OAIUsage -Kind AudioSpeeches -GroupBy project_id -StartTime $Nov1 -EndTime $Nov1.AddDays(1) | Out-Null
        @(Get-SimulatorRequest GET | Where-Object path -notlike '*/usage/*').Count | Should -Be 0
    }

    It 'sends each filter of each kind under the API''s name and writes the kind''s own type' -ForEach @(
        @{ Kind = 'Completions'; Splat = @{ Model = 'gpt-4o'; Batch = $false; UserId = 'user-0004ou3jlSdLyovtJuypzqFO' }; Query = 'models', 'batch', 'user_ids' }
        @{ Kind = 'Embeddings'; Splat = @{ ApiKeyId = 'key_00014nZhe6SzhMoz' }; Query = , 'api_key_ids' }
        @{ Kind = 'Moderations'; Splat = @{ ProjectId = 'proj_productionchatbotrC4xJHX' }; Query = , 'project_ids' }
        @{ Kind = 'Images'; Splat = @{ Source = 'image.edit'; Size = '1024x1024' }; Query = 'sources', 'sizes' }
        @{ Kind = 'AudioSpeeches'; Splat = @{ Model = 'tts-1' }; Query = , 'models' }
        @{ Kind = 'AudioTranscriptions'; Splat = @{ Model = 'whisper-1' }; Query = , 'models' }
        @{ Kind = 'VectorStores'; Splat = @{ ProjectId = 'proj_datascienceZ7xkBKUkwT43I' }; Query = , 'project_ids' }
        @{ Kind = 'CodeInterpreterSessions'; Splat = @{ ProjectId = 'proj_datascienceZ7xkBKUkwT43I' }; Query = , 'project_ids' }
        @{ Kind = 'FileSearchCalls'; Splat = @{ VectorStoreId = 'vs_helpcenterSOtZQwp5YUC7bR' }; Query = , 'vector_store_ids' }
        @{ Kind = 'WebSearchCalls'; Splat = @{ ContextLevel = 'high' }; Query = , 'context_levels' }
    ) {
        $rows = @(Get-OAIUsage -Kind $Kind -StartTime $Nov1 -EndTime $Nov1.AddDays(2) @Splat)
        $request = @(Get-SimulatorRequest GET '*/organization/usage/*')[0]
        foreach ($name in $Query) { Get-QueryValue $request $name | Should -Not -BeNullOrEmpty -Because "$name is sent" }
        $request.status | Should -Be 200
        @($rows | ForEach-Object { $_.GetType().FullName } | Sort-Object -Unique) | Should -BeIn @("OpenAIAdmin.Usage$($Kind)Result")
    }

    It 'takes projects, users and API keys from the pipeline' {
        $rows = @(Get-OAIProject -Id $Production | Get-OAIUsage -Kind Completions -GroupBy project_id -StartTime $Nov1 -EndTime $Nov1.AddDays(1))
        @($rows.ProjectId | Sort-Object -Unique) | Should -Be $Production
        $key = Get-OAIProjectApiKey -ProjectId $Production -OwnerProjectAccess Any | Where-Object Name -eq 'laptop-ann'
        Reset-Simulator
        $key | Get-OAIUsage -Kind Embeddings -StartTime $Nov1 -EndTime $Nov1.AddDays(1) | Out-Null
        $request = @(Get-SimulatorRequest GET '*/organization/usage/embeddings')[0]
        Get-QueryValue $request 'api_key_ids' | Should -Be $key.Id
        Get-QueryValue $request 'project_ids' | Should -Be $Production
    }

    It 'tells the rows of piped projects apart: a filter of one value fills the id the rows do not carry' {
        $projects = @(Get-OAIProject -First 3)
        $range = @{ StartTime = $Nov1; EndTime = $Nov1.AddDays(2) }
        $rows = @($projects | Get-OAIUsage -Kind Completions -IncludeName @range)
        @(Get-SimulatorRequest GET '*/organization/usage/completions' | Where-Object { Get-QueryValue $_ 'group_by' }).Count | Should -Be 0
        $rows.Count | Should -BeGreaterThan 0
        foreach ($project in $projects) {
            $alone = @(Get-OAIUsage -Kind Completions -ProjectId $project.Id @range)
            @($rows | Where-Object ProjectId -eq $project.Id).Count | Should -Be $alone.Count
            @($rows | Where-Object ProjectId -eq $project.Id | Where-Object ProjectName -ne $project.Name).Count | Should -Be 0
        }
        @($rows | Where-Object { -not $_.ProjectId }).Count | Should -Be 0
        # Two projects in one filter say nothing of a row's project; grouped rows keep the API's own.
        @(Get-OAIUsage -Kind Completions -ProjectId $projects[0].Id, $projects[1].Id @range | Where-Object ProjectId).Count | Should -Be 0
        $grouped = @(Get-OAIUsage -Kind Completions -ProjectId $projects[0].Id -GroupBy project_id, model @range)
        @($grouped.ProjectId | Sort-Object -Unique) | Should -Be $projects[0].Id
        # A key piped in: its rows carry the key (and, filtered by its project too, the project).
        $key = Get-OAIProjectApiKey -ProjectId $Production -OwnerProjectAccess Any | Where-Object Name -eq 'laptop-ann'
        $keyRows = @($key | Get-OAIUsage -Kind Embeddings @range)
        @($keyRows | Where-Object { $_.ApiKeyId -ne $key.Id -or $_.ProjectId -ne $Production }).Count | Should -Be 0
    }

    It 'refuses objects that only refer to a project, which would read the whole project once per object' {
        $accounts = @(Get-OAIServiceAccount -ProjectId $Production)
        $limits = @(Get-OAIRateLimit -ProjectId $Production -First 2)
        Reset-Simulator
        foreach ($in in @($accounts, $limits)) {
            $errors = @()
            $rows = @($in | Get-OAIUsage -Kind Completions -StartTime $Nov1 -EndTime $Nov1.AddDays(1) -ErrorVariable errors -ErrorAction SilentlyContinue)
            $rows.Count | Should -Be 0
            $errors.Count | Should -Be $in.Count
            $errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'InvalidInputObject,OpenAIAdmin.Commands.GetOAIUsageCommand' }
            $errors[0].Exception.Message | Should -BeLike "*would read everything of the project '$Production'*"
        }
        @(Get-SimulatorRequest).Count | Should -Be 0
        # A project user is the user: its usage in its project.
        $user = @(Get-OAIProjectUser -ProjectId $Production)[0]
        Reset-Simulator
        $user | Get-OAIUsage -Kind Completions -StartTime $Nov1 -EndTime $Nov1.AddDays(1) | Out-Null
        $request = @(Get-SimulatorRequest GET '*/organization/usage/completions')[0]
        Get-QueryValue $request 'user_ids' | Should -Be $user.Id
        Get-QueryValue $request 'project_ids' | Should -Be $Production
    }

    It 'sends filter ids without the white space a copied cell carries' {
        $plain = @(Get-OAIUsage -Kind Completions -ProjectId $Production -StartTime $Nov1 -EndTime $Nov1.AddDays(1))
        Reset-Simulator
        $spaced = @(Get-OAIUsage -Kind Completions -ProjectId " $Production ", $Production -StartTime $Nov1 -EndTime $Nov1.AddDays(1))
        $spaced.Count | Should -Be $plain.Count
        $spaced.Count | Should -BeGreaterThan 0
        @(Get-QueryValue @(Get-SimulatorRequest GET '*/organization/usage/completions')[0] 'project_ids') | Should -Be @($Production)
    }

    It 'completes -GroupBy with the values of the -Kind on the line' {
        function Complete([string] $Line) { (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText }
        @(Complete 'Get-OAIUsage -Kind VectorStores -GroupBy ') | Should -Be @('project_id')
        @(Complete 'Get-OAIUsage -Kind Completions -GroupBy ') | Should -Be @('project_id', 'user_id', 'api_key_id', 'model', 'batch', 'service_tier')
        @(Complete 'Get-OAIUsage -Kind Images -GroupBy s') | Should -Be @('size', 'source')
        @(Complete 'Get-OAIUsage -GroupBy cont') | Should -Be @('context_level')
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'refuses <Case> with <Id> before any request' -ForEach @(
        @{ Case = 'a filter the kind lacks'; Id = 'FilterNotSupported'; Splat = @{ Kind = 'VectorStores'; Model = 'gpt-4o' } }
        @{ Case = '-Batch on another kind'; Id = 'FilterNotSupported'; Splat = @{ Kind = 'Embeddings'; Batch = $true } }
        @{ Case = '-VectorStoreId on web search'; Id = 'FilterNotSupported'; Splat = @{ Kind = 'WebSearchCalls'; VectorStoreId = 'vs_x' } }
        @{ Case = 'a group-by value the kind lacks'; Id = 'GroupByNotSupported'; Splat = @{ Kind = 'Embeddings'; GroupBy = 'batch' } }
        @{ Case = 'an unknown group-by value'; Id = 'GroupByNotSupported'; Splat = @{ Kind = 'Completions'; GroupBy = 'project_id', 'colour' } }
        @{ Case = 'an end before the start'; Id = 'InvalidTimeRange'; Splat = @{ Kind = 'Completions'; StartTime = '2026-11-05Z'; EndTime = '2026-11-04Z' } }
        @{ Case = 'an empty range'; Id = 'InvalidTimeRange'; Splat = @{ Kind = 'Completions'; StartTime = '2026-11-05Z'; EndTime = '2026-11-05Z' } }
        # A mistyped year: nothing after now is read, and the command had written nothing without a word.
        @{ Case = 'a start in the future'; Id = 'InvalidTimeRange'; Splat = @{ Kind = 'Completions'; StartTime = '2062-01-01Z' } }
        @{ Case = 'a range in the future'; Id = 'InvalidTimeRange'; Splat = @{ Kind = 'Completions'; StartTime = '2062-01-01Z'; EndTime = '2062-02-01Z' } }
        @{ Case = 'an unknown kind'; Id = 'ParameterArgumentValidationError'; Splat = @{ Kind = 'Tokens' } }
        @{ Case = 'an unknown bucket width'; Id = 'ParameterArgumentValidationError'; Splat = @{ Kind = 'Completions'; BucketWidth = '1w' } }
        @{ Case = 'an unknown image size'; Id = 'ParameterArgumentValidationError'; Splat = @{ Kind = 'Images'; Size = '640x480' } }
        @{ Case = 'a throttle limit of 0'; Id = 'ParameterArgumentValidationError'; Splat = @{ Kind = 'Completions'; ThrottleLimit = 0 } }
    ) {
        Get-ErrorId { Get-OAIUsage @Splat } | Should -Be "$Id,OpenAIAdmin.Commands.GetOAIUsageCommand"
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'names what the kind takes in the error' {
        $err = $null
        try { Get-OAIUsage -Kind CodeInterpreterSessions -UserId user-x -ErrorAction Stop } catch { $err = $_ }
        $err.Exception.Message | Should -Be 'CodeInterpreterSessions usage cannot be filtered by -UserId; it takes -ProjectId.'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }
}
