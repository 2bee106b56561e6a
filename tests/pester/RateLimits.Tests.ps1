BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    function Get-Production { Get-OAIProject | Where-Object Name -eq 'Production chatbot' }
}

Describe 'Get-OAIRateLimit' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'lists one limit per model, with -Model wildcards filtering' {
        $production = Get-Production
        $all = @(Get-OAIRateLimit -ProjectId $production.Id)
        $all.Count | Should -Be 8
        $all[0].GetType().FullName | Should -Be 'OpenAIAdmin.ProjectRateLimit'
        $all | ForEach-Object { $_.ProjectId | Should -Be $production.Id; $_.RateLimitId | Should -Be $_.Id }
        @(Get-OAIRateLimit -ProjectId $production.Id -Model gpt-4o).Model | Should -Be @('gpt-4o')
        @(Get-OAIRateLimit -ProjectId $production.Id -Model 'gpt-4o*', whisper-1).Model | Should -Be @('gpt-4o', 'gpt-4o-mini', 'gpt-4o-mini-2024-07-18', 'whisper-1')
        $o3 = $all | Where-Object Model -eq o3
        $o3.MaxRequestsPer1Day | Should -Be 1000000
        $o3.MaxImagesPer1Minute | Should -BeNullOrEmpty
        ($all | Where-Object Model -eq dall-e-3).MaxImagesPer1Minute | Should -Be 7500
        ($all | Where-Object Model -eq whisper-1).MaxAudioMegabytesPer1Minute | Should -Be 1000
    }

    It 'reads again just the limits piped back in, live or exported' {
        $production = Get-Production
        $two = @(Get-OAIRateLimit -ProjectId $production.Id -Model gpt-4o, o3)
        foreach ($in in @($two, @($two | ConvertTo-Csv | ConvertFrom-Csv))) {
            @($in | Get-OAIRateLimit).Model | Should -Be @('gpt-4o', 'o3')
        }
    }
}

Describe 'Set-OAIRateLimit' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'previews old -> new for every piped project and sends no change' {
        $projects = @(Get-OAIProject)
        $text = Get-HostText { Get-OAIProject | Get-OAIRateLimit -Model gpt-4o | Set-OAIRateLimit -MaxRequestsPer1Minute 500 -WhatIf }
        foreach ($project in $projects) {
            $text | Should -Match ([regex]::Escape("max_requests_per_1_minute 10,000 → 500"" on target ""rate limit 'gpt-4o' (rl-gpt-4o) in project $($project.Id)"))
        }
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }

    It 'looks up the current values of limits named by rows (ProjectId with Id or Model), as Import-Csv gives them' {
        $production = Get-Production
        $rows = [pscustomobject]@{ ProjectId = $production.Id; Id = 'rl-gpt-4o' }, [pscustomobject]@{ ProjectId = $production.Id; Model = 'o3' }
        Reset-Simulator
        $text = Get-HostText { $rows | Set-OAIRateLimit -MaxRequestsPer1Minute 5 -WhatIf }
        $text | Should -Match ([regex]::Escape("max_requests_per_1_minute 10,000 → 5"" on target ""rate limit 'gpt-4o' (rl-gpt-4o) in project $($production.Id)"))
        $text | Should -Match ([regex]::Escape("on target ""rate limit 'o3' (rl-o3) in project $($production.Id)"))
        $text | Should -Not -Match '\(none\) → 5'
        @(Get-SimulatorRequest POST).Count | Should -Be 0
        $rows | Set-OAIRateLimit -MaxRequestsPer1Minute 5
        @(Get-SimulatorRequest POST '*/rate_limits/*').path | Should -Be "/v1/organization/projects/$($production.Id)/rate_limits/rl-gpt-4o", "/v1/organization/projects/$($production.Id)/rate_limits/rl-o3"
    }

    It 'sends only the limits given, by piped limit, by model and by id' {
        $production = Get-Production
        $limit = Get-OAIRateLimit -ProjectId $production.Id -Model gpt-4o
        $updated = $limit | Set-OAIRateLimit -MaxTokensPer1Minute 1000000 -PassThru
        $updated.MaxTokensPer1Minute | Should -Be 1000000
        $updated.MaxRequestsPer1Minute | Should -Be 10000
        (Get-SimulatorRequest POST '*/rate_limits/*')[-1].body | Should -Be '{"max_tokens_per_1_minute":1000000}'
        Set-OAIRateLimit -ProjectId $production.Id -Model O3 -MaxRequestsPer1Day 5000 -Batch1DayMaxInputTokens 100000000 | Should -BeNullOrEmpty
        (Get-SimulatorRequest POST '*/rate_limits/*')[-1].path | Should -BeLike '*/rate_limits/rl-o3'
        (Get-SimulatorRequest POST '*/rate_limits/*')[-1].body | Should -Be '{"max_requests_per_1_day":5000,"batch_1_day_max_input_tokens":100000000}'
        $text = Get-HostText { Set-OAIRateLimit -ProjectId $production.Id -Id rl-dall-e-3 -MaxImagesPer1Minute 100 -MaxAudioMegabytesPer1Minute 1 -WhatIf }
        $text | Should -Match ([regex]::Escape('max_images_per_1_minute 7,500 → 100; max_audio_megabytes_per_1_minute (none) → 1'))
        (Get-OAIRateLimit -ProjectId $production.Id -Model o3).MaxRequestsPer1Day | Should -Be 5000
        (Get-OAIRateLimit -ProjectId (Get-OAIProject -First 1).Id -Model o3).MaxRequestsPer1Day | Should -Be 1000000 -Because 'limits are per project'
    }

    It 'validates values and refuses nothing to change before any request' {
        $production = Get-Production
        Get-ErrorId { Set-OAIRateLimit -ProjectId $production.Id -Model gpt-4o } | Should -Be 'NothingToChange,OpenAIAdmin.Commands.SetOAIRateLimitCommand'
        Get-ErrorId { Set-OAIRateLimit -ProjectId $production.Id -Model gpt-4o -MaxRequestsPer1Minute 0 } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.SetOAIRateLimitCommand'
        Get-ErrorId { Set-OAIRateLimit -ProjectId $production.Id -Model gpt-4o -MaxRequestsPer1Minute -5 } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.SetOAIRateLimitCommand'
        @(Get-SimulatorRequest).Count | Should -Be 1 -Because 'only Get-Production listed projects'
    }

    It 'reports what the API refuses: above the organization limit, a limit the model lacks, an unknown model, an archived project' {
        $production = Get-Production
        Get-ErrorId { Set-OAIRateLimit -ProjectId $production.Id -Model gpt-4o -MaxRequestsPer1Minute 20000 } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.SetOAIRateLimitCommand'
        Get-ErrorId { Set-OAIRateLimit -ProjectId $production.Id -Model gpt-4o -MaxImagesPer1Minute 5 } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.SetOAIRateLimitCommand'
        @(Get-SimulatorRequest POST '*/rate_limits/*').status | Should -Be @(400, 400)
        Get-ErrorId { Set-OAIRateLimit -ProjectId $production.Id -Model no-such-model -MaxRequestsPer1Minute 5 } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.SetOAIRateLimitCommand'
        $archived = Get-OAIProject -IncludeArchived | Where-Object Status -eq archived | Select-Object -First 1
        Get-ErrorId { $archived | Get-OAIRateLimit -Model gpt-4o | Set-OAIRateLimit -MaxRequestsPer1Minute 5 } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.SetOAIRateLimitCommand'
    }
}
