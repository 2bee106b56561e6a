# Get-OAICost in real pwsh against the simulator: a year of daily costs grouped by project under latency equals a
# sequential next_page walk (done here over HTTP, amounts compared digit for digit), page-token rejections, open days,
# full-precision amounts and their view, names, stopping early and validation errors before any request.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:Nov1 = [DateTimeOffset]::new(2026, 11, 1, 0, 0, 0, [TimeSpan]::Zero)
    $script:Inv = [cultureinfo]::InvariantCulture

    # Rows of a sequential walk; amounts as the JSON text the server wrote (Invoke-RestMethod would make doubles of them).
    function Invoke-CostWalk([DateTimeOffset] $Start, [DateTimeOffset] $End, [string] $GroupBy) {
        $headers = @{ Authorization = "Bearer $FakeAdminKey" }
        $rows = [System.Collections.Generic.List[string]]::new()
        $page = $null
        do {
            $uri = "$SimulatorUrl/organization/costs?start_time=$($Start.ToUnixTimeSeconds())&end_time=$($End.ToUnixTimeSeconds())&group_by=$GroupBy&limit=180" +
                $(if ($page) { '&page=' + [uri]::EscapeDataString($page) })
            $root = [System.Text.Json.JsonDocument]::Parse((Invoke-WebRequest -Uri $uri -Headers $headers).Content).RootElement
            foreach ($bucket in $root.GetProperty('data').EnumerateArray()) {
                foreach ($result in $bucket.GetProperty('results').EnumerateArray()) {
                    $rows.Add(('{0}|{1}|{2}|{3}' -f $bucket.GetProperty('start_time').GetInt64(), $result.GetProperty('project_id').GetString(),
                            $result.GetProperty('amount').GetProperty('value').GetRawText(), $result.GetProperty('amount').GetProperty('currency').GetString()))
                }
            }
            $page = if ($root.GetProperty('has_more').GetBoolean()) { $root.GetProperty('next_page').GetString() } else { $null }
        } while ($page)
        return , $rows.ToArray()
    }

    function Format-CostRow($Rows) {
        @($Rows | ForEach-Object { '{0}|{1}|{2}|{3}' -f $_.StartTime.ToUnixTimeSeconds(), $_.ProjectId, $_.Amount.ToString($Inv), $_.Currency })
    }

    function Get-QueryValue($Request, [string] $Name) {
        foreach ($pair in $Request.query -split '&') {
            $key, $value = $pair -split '=', 2
            if ([uri]::UnescapeDataString($key) -eq $Name) { [uri]::UnescapeDataString($value) }
        }
    }
}

Describe 'Get-OAICost' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'reads a year of daily costs by project under latency as exactly the rows of a sequential walk, in time order' {
        Set-SimulatorBehaviour @{ max_page_results = 300 }
        $start = $Nov1.AddDays(-365)
        $expected = Invoke-CostWalk $start $Nov1 'project_id'
        Reset-Simulator
        Set-SimulatorBehaviour @{ max_page_results = 300 }
        Add-SimulatorFault @{ kind = 'delay'; delay_ms = 60; count = -1; path = '/v1/organization/costs' }

        $rows = @(Get-OAICost -StartTime $start -EndTime $Nov1 -GroupBy project_id)
        Format-CostRow $rows | Should -Be $expected
        @($rows.StartTime | Sort-Object -Unique).Count | Should -Be 365
        $rows[0].GetType().FullName | Should -Be 'OpenAIAdmin.CostsResult'
        $rows[0].Amount.GetType().FullName | Should -Be 'System.Decimal'

        $requests = @(Get-SimulatorRequest GET '*/organization/costs')
        @($requests | Where-Object fault -eq 'delay').Count | Should -Be $requests.Count
        $firsts = @($requests | Where-Object { -not (Get-QueryValue $_ 'page') } | Sort-Object { [long](Get-QueryValue $_ 'start_time') })
        @($firsts | ForEach-Object { Get-QueryValue $_ 'limit' }) | Should -Be @('180', '180', '5')
        @($requests | Where-Object { Get-QueryValue $_ 'page' }).Count | Should -BeGreaterThan 0
    }

    It 'survives page-token rejections without losing or repeating a day' {
        Set-SimulatorBehaviour @{ max_page_buckets = 25 }
        $start = $Nov1.AddDays(-365)
        $expected = Invoke-CostWalk $start $Nov1 'project_id'
        Reset-Simulator
        Set-SimulatorBehaviour @{ max_page_buckets = 25 }
        Add-SimulatorFault @{ kind = 'reject_page'; count = 3; path = '/v1/organization/costs' }
        Format-CostRow (Get-OAICost -StartTime $start -EndTime $Nov1 -GroupBy project_id) | Should -Be $expected
        $rejected = @(Get-SimulatorRequest GET '*/organization/costs' | Where-Object fault -eq 'reject_page')
        $rejected.Count | Should -Be 2 -Because 'one rejection per window; the rest of each is then asked for in pieces that need no token'
        @($rejected.status | Sort-Object -Unique) | Should -Be 400
    }

    It 'keeps every digit of the amounts and shows sub-cent amounts with their digits' {
        $rows = @(Get-OAICost -StartTime $Nov1 -EndTime $Nov1.AddDays(1) -GroupBy line_item, project_id)
        $small = @($rows | Where-Object { $_.Amount -gt 0 -and $_.Amount -lt 0.01 })
        $small.Count | Should -BeGreaterThan 0
        $text = $small | Out-String -Width 80
        $text | Should -Not -Match '\s0\.00\s'
        foreach ($row in $small) { $text | Should -Match ([regex]::Escape($row.Amount.ToString('0.00########', $Inv))) }
        ($rows | Where-Object LineItem -eq 'gpt-4o, input' | Select-Object -First 1).QuantityUnit | Should -Be 'tokens'
        ($rows | Format-List | Out-String) | Should -Match ([regex]::Escape($small[0].Amount.ToString($Inv)))
    }

    It 'flags today, which has not ended, as not Complete' {
        $rows = @(Get-OAICost -StartTime ([DateTime]::UtcNow.Date.AddDays(-2)))
        $rows.Count | Should -Be 3
        @($rows.Complete) | Should -Be @($true, $true, $false)
        $request = @(Get-SimulatorRequest GET '*/organization/costs')
        Get-QueryValue $request[0] 'limit' | Should -Be '3'
    }

    It 'adds project and API key names with -IncludeName from one listing each' {
        $rows = @(Get-OAICost -StartTime $Nov1 -EndTime $Nov1.AddDays(2) -GroupBy project_id, api_key_id -IncludeName)
        ($rows | Where-Object ProjectId -eq 'proj_datascienceZ7xkBKUkwT43I' | Select-Object -First 1).ProjectName | Should -Be 'Data science'
        @($rows | Where-Object ApiKeyName -eq 'etl key').Count | Should -Be 2
        @(Get-SimulatorRequest GET '*/organization/projects' | Where-Object { -not (Get-QueryValue $_ 'after') }).Count | Should -Be 1
        @(Get-SimulatorRequest GET '*/organization/users').Count | Should -Be 0
    }

    It 'tells the rows of piped projects apart by their ProjectId and name' {
        $projects = @(Get-OAIProject -First 3)
        $range = @{ StartTime = $Nov1; EndTime = $Nov1.AddDays(3) }
        $rows = @($projects | Get-OAICost -IncludeName @range)
        $rows.Count | Should -BeGreaterThan 0
        foreach ($project in $projects) {
            $alone = @(Get-OAICost -ProjectId $project.Id @range)
            @($rows | Where-Object ProjectId -eq $project.Id).Count | Should -Be $alone.Count
            @($rows | Where-Object ProjectId -eq $project.Id | Where-Object ProjectName -ne $project.Name).Count | Should -Be 0
        }
        @($rows | Where-Object { -not $_.ProjectId }).Count | Should -Be 0
        @(Get-OAICost -ProjectId $projects[0].Id, $projects[1].Id @range | Where-Object ProjectId).Count | Should -Be 0
    }

    It 'stops reading when the pipeline stops' {
        Set-SimulatorBehaviour @{ max_page_results = 0 }
        $first = @(Get-OAICost -StartTime $Nov1.AddDays(-1100) -EndTime $Nov1 -GroupBy project_id | Select-Object -First 1)
        $first.Count | Should -Be 1
        @(Get-SimulatorRequest GET '*/organization/costs').Count | Should -BeLessOrEqual 4 -Because 'seven windows of up to 180 days, four at a time, and the fifth never starts'
    }

    It 'warns when a day given as local midnight adds a UTC day to the range (<Zone>)' -ForEach @(
        @{ Zone = 'America/New_York'; Warned = '-EndTime 2026-12-01 is midnight at UTC-05:00 (2026-12-01 05:00 UTC), inside the UTC day 2026-12-01' }
        @{ Zone = 'Asia/Kolkata'; Warned = '-StartTime 2026-11-01 is midnight at UTC+05:30 (2026-10-31 18:30 UTC), inside the UTC day 2026-10-31' }
        @{ Zone = 'UTC'; Warned = $null }
    ) {
        # Two monthly reports written with dates only counted the day between them twice, west of UTC.
        $lines = (Invoke-PwshInZone $Zone (
            "`$rows = @(Get-OAICost -StartTime 2026-11-01 -EndTime 2026-12-01 -WarningVariable w -WarningAction SilentlyContinue)`n" +
            "@(`$w).Count; `$w | ForEach-Object Message; `$rows.Count`n" +
            "`$null = Get-OAICost -StartTime 2026-11-01Z -EndTime 2026-12-01Z -WarningVariable z -WarningAction SilentlyContinue; @(`$z).Count")).Lines
        if ($Warned) {
            $lines[0] | Should -Be '1'
            $lines[1] | Should -BeLike "$Warned*For whole UTC days write *Z."
            # The extra day is read: 31 buckets for a 30-day month.
            $lines[2] | Should -Be '31'
        }
        else {
            $lines[0] | Should -Be '0'
            $lines[1] | Should -Be '30'
        }
        $lines[-1] | Should -Be '0' -Because 'UTC days given as UTC need no warning'
    }

    It 'reads an API key id with the white space of a copied cell as the id, not as $0.00' {
        $key = 'key_0003NAid4UCnvB5E'
        $plain = (Get-OAICost -ApiKeyId $key -StartTime $Nov1 -EndTime $Nov1.AddDays(2) | Measure-Object Amount -Sum).Sum
        $plain | Should -BeGreaterThan 0
        (Get-OAICost -ApiKeyId " $key" -StartTime $Nov1 -EndTime $Nov1.AddDays(2) | Measure-Object Amount -Sum).Sum | Should -Be $plain
    }

    It 'refuses <Case> with <Id> before any request' -ForEach @(
        @{ Case = 'hour buckets'; Id = 'ParameterArgumentValidationError'; Splat = @{ BucketWidth = '1h' } }
        @{ Case = 'a group-by value costs lack'; Id = 'ParameterArgumentValidationError'; Splat = @{ GroupBy = 'model' } }
        @{ Case = 'an end before the start'; Id = 'InvalidTimeRange'; Splat = @{ StartTime = '2026-11-05Z'; EndTime = '2026-11-01Z' } }
        @{ Case = 'a start in the future'; Id = 'InvalidTimeRange'; Splat = @{ StartTime = '2062-01-01Z' } }
        @{ Case = 'a blank project id'; Id = 'ParameterArgumentValidationError'; Splat = @{ ProjectId = ' ' } }
        @{ Case = 'a throttle limit above 16'; Id = 'ParameterArgumentValidationError'; Splat = @{ ThrottleLimit = 17 } }
    ) {
        Get-ErrorId { Get-OAICost @Splat } | Should -Be "$Id,OpenAIAdmin.Commands.GetOAICostCommand"
        @(Get-SimulatorRequest).Count | Should -Be 0
    }
}
