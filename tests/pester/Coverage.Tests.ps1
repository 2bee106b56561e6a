BeforeDiscovery {
    Import-Module $env:OPENAIADMIN_MODULE
    $script:connection = 'Connect-OAIAdmin', 'Disconnect-OAIAdmin', 'Get-OAIAdminContext'
    $script:apiCmdlets = @(Get-Command -Module OpenAIAdmin -CommandType Cmdlet | Where-Object Name -NotIn $connection | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    Import-Module (Join-Path $repo 'build/Coverage.psm1') -Force
    $script:catalog = @(Get-OAIApiCatalog)
    $script:declared = @(Get-OAICmdletOperation)
    # Lookups included: a cmdlet that only reads what others own (Get-OAIAccessReport) declares every call as a lookup.
    $script:declaredWithLookups = @(Get-OAICmdletOperation -IncludeLookup)
    $script:connection = 'Connect-OAIAdmin', 'Disconnect-OAIAdmin', 'Get-OAIAdminContext'
    # Route templates compared without parameter names: the simulator says {projectId}, the API {project_id}.
    function ConvertTo-RouteShape([string] $Method, [string] $Path) { "$Method " + ($Path -replace '\{[^}]+\}', '{}') }
}

Describe 'The API catalogue (build/ApiOperations.psd1)' {
    It 'lists the 119 operations of the Administration API, each once' {
        $catalog.Count | Should -Be 119
        @($catalog.Key | Sort-Object -Unique).Count | Should -Be 119
        @($catalog | Where-Object Method -EQ 'GET').Count | Should -Be 58
        @($catalog | Where-Object Method -EQ 'POST').Count | Should -Be 40
        @($catalog | Where-Object Method -EQ 'DELETE').Count | Should -Be 21
    }
}

Describe 'Operation declarations ([ApiOperation] on the cmdlets)' {
    It 'finds cmdlets and declarations to check' {
        @(Get-Command -Module OpenAIAdmin -CommandType Cmdlet).Count | Should -BeGreaterThan 3
        $declared.Count | Should -BeGreaterThan 0
    }

    It '<Name> declares the operations it calls' -ForEach $apiCmdlets {
        @($declaredWithLookups | Where-Object Cmdlet -EQ $Name).Count | Should -BeGreaterThan 0 -Because "$Name calls the API"
    }

    It 'the connection cmdlets declare none: they call no operation' {
        foreach ($name in $connection) {
            Get-Command $name | Should -Not -BeNullOrEmpty
            @($declared | Where-Object Cmdlet -EQ $name).Count | Should -Be 0 -Because $name
        }
    }

    It 'a cmdlet that owns no operation declares only lookups of operations that have an owner' {
        $owned = @($declared | ForEach-Object Key)
        foreach ($lookup in $declaredWithLookups | Where-Object { $_.Cmdlet -notin $declared.Cmdlet }) {
            $owned | Should -Contain $lookup.Key -Because "$($lookup.Cmdlet) looks up $($lookup.Key), which another cmdlet owns"
        }
        @($declaredWithLookups | Where-Object Cmdlet -EQ 'Get-OAIAccessReport').Count | Should -Be 12
    }

    It 'names only operations of the catalogue, each with exactly one owning cmdlet' {
        @(Test-OAICoverage -Catalog $catalog -Declared $declared) | Should -BeNullOrEmpty
        foreach ($group in $declared | Group-Object Key) {
            @($group.Group.Cmdlet | Sort-Object -Unique).Count | Should -Be 1 -Because "$($group.Name) must have one owner, not $($group.Group.Cmdlet -join ', ')"
        }
    }

    It 'names only operations the simulator serves' {
        $routes = Invoke-RestMethod -Uri "$script:SimulatorRoot/_sim/routes"
        $served = @($routes | ForEach-Object { $_ } | ForEach-Object { ConvertTo-RouteShape $_.method $_.path })
        $served.Count | Should -BeGreaterThan 0
        foreach ($operation in $declared) {
            $served | Should -Contain (ConvertTo-RouteShape $operation.Method $operation.Path) -Because "$($operation.Cmdlet) declares $($operation.Key)"
        }
    }

    It 'the check reports an unknown operation and an operation claimed by two cmdlets' {
        $fake = @(
            [pscustomobject]@{ Cmdlet = 'Get-A'; Key = 'GET /organization/projects' }
            [pscustomobject]@{ Cmdlet = 'Get-B'; Key = 'GET /organization/projects' }
            [pscustomobject]@{ Cmdlet = 'Get-A'; Key = 'GET /organization/nowhere' }
        )
        $problems = @(Test-OAICoverage -Catalog $catalog -Declared $fake)
        $problems | Should -Contain 'Get-A declares GET /organization/nowhere, which is not an operation of the API catalogue.'
        $problems | Should -Contain 'GET /organization/projects is declared by more than one cmdlet: Get-A, Get-B.'
        { ConvertTo-OAICoverageMarkdown -Catalog $catalog -Declared $fake } | Should -Throw '*declared by more than one cmdlet*'
    }
}

Describe 'docs/COVERAGE.md' {
    It 'is what the build generates from the catalogue and the declarations' {
        $expected = ConvertTo-OAICoverageMarkdown -Catalog $catalog -Declared $declared
        $path = Join-Path $repo 'docs/COVERAGE.md'
        Test-Path $path | Should -BeTrue -Because 'build.ps1 -Task Build writes it'
        # A Windows checkout may turn the file's line ends into CRLF; the content is what counts.
        $actual = [IO.File]::ReadAllText($path) -replace "`r`n", "`n"
        $actual | Should -BeExactly $expected -Because 'docs/COVERAGE.md is stale: run ./build.ps1 -Task Build (or -Task Coverage) and commit it'
    }

    It 'counts every catalogue operation and marks the ones no cmdlet covers' {
        $text = ConvertTo-OAICoverageMarkdown -Catalog $catalog -Declared $declared
        $covered = @($declared.Key | Sort-Object -Unique).Count
        $text | Should -Match "\*\*$covered of 119 operations\*\*"
        @([regex]::Matches($text, '(?m)^\| `(GET|POST|DELETE) ')).Count | Should -Be 119
        @([regex]::Matches($text, '(?m)\| not yet \|$')).Count | Should -Be (119 - $covered)
    }
}
