# Help completeness of every exported cmdlet, as Get-Help shows it from the staged module's compiled MAML, and
# the help compiler's own guarantees. Needs only OPENAIADMIN_MODULE (the staged psd1); OPENAIADMIN_HELP_SOURCE
# may point at the en-US markdown folder (default: the repository's en-US beside tests/).
BeforeDiscovery {
    if (-not $env:OPENAIADMIN_MODULE) { throw 'Set OPENAIADMIN_MODULE to the staged OpenAIAdmin.psd1 (build.ps1 -Task Test does).' }
    Import-Module $env:OPENAIADMIN_MODULE
    $common = [System.Management.Automation.Cmdlet]::CommonParameters
    $script:commands = foreach ($command in Get-Command -Module OpenAIAdmin -CommandType Cmdlet | Sort-Object Name) {
        @{
            Name       = $command.Name
            Parameters = @($command.Parameters.Keys | Where-Object { -not $common.Contains($_) } | Sort-Object | ForEach-Object { @{ Parameter = $_ } })
        }
    }
}

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module $env:OPENAIADMIN_MODULE
    Import-Module (Join-Path $PSScriptRoot '../../build/HelpCompiler.psm1') -Force
    $script:helpSource = if ($env:OPENAIADMIN_HELP_SOURCE) { $env:OPENAIADMIN_HELP_SOURCE } else { Join-Path $PSScriptRoot '../../en-US' }
    $script:common = [System.Management.Automation.Cmdlet]::CommonParameters

    function Get-ParaText($Node) {
        if ($null -eq $Node) { return '' }
        return (@($Node | ForEach-Object { $_.Text }) -join "`n").Trim()
    }
}

Describe 'Help of <Name>' -ForEach $commands {
    BeforeAll {
        $command = Get-Command $Name
        $help = Get-Help $Name -Full
        # One Get-Help -Parameter * per cmdlet rather than one call per parameter: the same lookup, a tenth of the time.
        $parameterHelp = @{}
        foreach ($entry in @(Get-Help $Name -Parameter * -ErrorAction SilentlyContinue)) { $parameterHelp[$entry.name] = $entry }
    }

    It 'comes from the compiled MAML with a synopsis and a description' {
        # Without a MAML entry, pwsh makes up a synopsis from the syntax and has no description.
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match ([regex]::Escape("$Name ") + '.*\[')
        Get-ParaText $help.description | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples, each with code and an explanation' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code | Should -Not -BeNullOrEmpty -Because $example.title
            Get-ParaText $example.remarks | Should -Not -BeNullOrEmpty -Because $example.title
        }
    }

    It 'lists every parameter set in its syntax, with exactly the parameters of that set' {
        $items = @($help.syntax.syntaxItem)
        $items.Count | Should -Be @($command.ParameterSets).Count
        # A syntax item of a cmdlet without parameters has no 'parameter' property at all.
        $itemSignatures = @($items | ForEach-Object {
                $names = if ($_.PSObject.Properties['parameter']) { @($_.parameter | ForEach-Object { $_.name }) } else { @() }
                ($names | Sort-Object) -join ','
            })
        foreach ($set in $command.ParameterSets) {
            $expected = (@($set.Parameters.Name | Where-Object { -not $common.Contains($_) }) | Sort-Object) -join ','
            $itemSignatures | Should -Contain $expected -Because "parameter set $($set.Name)"
        }
    }

    It 'links to no online page: the help is not published at any address' {
        # An invented address would send Get-Help -Online to a page that does not exist.
        $links = @($help.relatedLinks.navigationLink)
        $links.Count | Should -BeGreaterThan 0
        $links.linkText | Should -Not -Contain 'Online Version:'
        @($links | Where-Object { $_.uri }) | Should -BeNullOrEmpty
    }

    # Cmdlets without parameters of their own (Disconnect-OAIAdmin) have nothing to describe here.
    It 'describes -<Parameter>, and Get-Help -Parameter gives its type and whether it is required' -ForEach $Parameters -AllowNullOrEmptyForEach {
        $entry = @($help.parameters.parameter | Where-Object { $_.name -eq $Parameter })
        $entry.Count | Should -Be 1
        Get-ParaText $entry[0].description | Should -Not -BeNullOrEmpty
        Get-ParaText $entry[0].description | Should -Not -Match '\{\{'
        $parameterHelp.Keys | Should -Contain $Parameter
        $single = $parameterHelp[$Parameter]
        $metadata = $command.Parameters[$Parameter]
        $mandatoryEverywhere = @($metadata.ParameterSets.Values | Where-Object { -not $_.IsMandatory }).Count -eq 0
        $single.required | Should -Be $mandatoryEverywhere.ToString().ToLowerInvariant()
        $single.type.name | Should -Be $(
            $type = $metadata.ParameterType
            if ([Nullable]::GetUnderlyingType($type)) { $type = [Nullable]::GetUnderlyingType($type) }
            $type.FullName)
    }
}

Describe 'The help sources' {
    It 'have no problems that Test-OAIHelpSource reports' {
        $problems = @(Test-OAIHelpSource -SourcePath $helpSource -ModuleName OpenAIAdmin)
        $problems.Count | Should -Be 0 -Because ($problems | ForEach-Object { "`n$($_.Command) $($_.Kind): $($_.Message)" })
    }
}

Describe 'about_OpenAIAdmin' {
    It 'is found by Get-Help' {
        $topic = Get-Help about_OpenAIAdmin -ErrorAction Stop
        $topic.Category | Should -Be 'HelpFile'
        $topic.Name | Should -Be 'about_OpenAIAdmin'
        ($topic | Out-String) | Should -Match 'SHORT DESCRIPTION'
    }

    It 'names only cmdlets the module exports' {
        $text = Get-Help about_OpenAIAdmin | Out-String
        $named = @([regex]::Matches($text, '\b[A-Z][a-z]+-OAI[A-Za-z]+\b') | ForEach-Object Value | Sort-Object -Unique)
        $named.Count | Should -BeGreaterThan 0
        $exported = @((Get-Command -Module OpenAIAdmin).Name)
        foreach ($name in $named) { $exported | Should -Contain $name }
    }

    It 'lists every cmdlet the module exports' {
        # The list under "The module contains these cmdlets" (up to the paragraph after it).
        $text = Get-Help about_OpenAIAdmin | Out-String
        $list = [regex]::Match($text, '(?s)The module contains these cmdlets:(.*?)Run Get-Command').Groups[1].Value
        $listed = @([regex]::Matches($list, '\b[A-Z][a-z]+-OAI[A-Za-z]+\b') | ForEach-Object Value)
        foreach ($name in (Get-Command -Module OpenAIAdmin -CommandType Cmdlet).Name) { $listed | Should -Contain $name -Because 'the about topic lists the whole module' }
    }
}

Describe 'The help compiler' {
    BeforeEach {
        $source = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
        Copy-Item $helpSource $source -Recurse
        $maml = Join-Path $TestDrive 'out/OpenAIAdmin.dll-Help.xml'
    }

    It 'compiles the sources without warnings' {
        ConvertTo-OAIMaml -SourcePath $source -OutputPath $maml -ModuleName OpenAIAdmin -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -BeNullOrEmpty
        $xml = [xml](Get-Content $maml -Raw)
        @($xml.helpItems.command).Count | Should -Be @(Get-Command -Module OpenAIAdmin -CommandType Cmdlet).Count
    }

    It 'fails, naming the cmdlet and parameter, when a parameter has no description' {
        $path = Join-Path $source 'Remove-OAIProject.md'
        $text = Get-Content $path -Raw
        $pattern = '(?s)(### -Force\n).*?(\n```yaml)'
        $text | Should -Match $pattern
        Set-Content -Path $path -Value ($text -replace $pattern, '$1$2') -NoNewline
        { ConvertTo-OAIMaml -SourcePath $source -OutputPath $maml -ModuleName OpenAIAdmin } |
            Should -Throw -ExpectedMessage '*Remove-OAIProject -Force: the parameter has no description*'
        $problem = @(Test-OAIHelpSource -SourcePath $source -ModuleName OpenAIAdmin)
        $problem.Count | Should -Be 1
        $problem[0].Kind | Should -Be 'MissingParameterDescription'
        $problem[0].Parameter | Should -Be 'Force'
    }

    It 'fails, naming the cmdlet, when a cmdlet has no help source' {
        Remove-Item (Join-Path $source 'Get-OAIUser.md')
        { ConvertTo-OAIMaml -SourcePath $source -OutputPath $maml -ModuleName OpenAIAdmin } |
            Should -Throw -ExpectedMessage '*Get-OAIUser: no help source*'
        (Test-OAIHelpSource -SourcePath $source -ModuleName OpenAIAdmin).Kind | Should -Be 'MissingFile'
    }

    It 'brings stale sources back in line with the cmdlets and keeps the prose' {
        $path = Join-Path $source 'Get-OAIProject.md'
        $original = Get-Content $path -Raw
        # Make the syntax and -Name's yaml stale, and drop the -PageSize section entirely.
        $stale = $original.Replace('Get-OAIProject [-Name <String>]', 'Get-OAIProject [[-Name] <String>]')
        $stale = $stale -replace '(?s)(### -Name\n.*?Position: )Named', '${1}0'
        $stale = $stale -replace '(?s)### -PageSize\n.*?(?=### -IncludeTotalCount)', ''
        $stale | Should -Not -Be $original
        Set-Content -Path $path -Value $stale -NoNewline
        @((Test-OAIHelpSource -SourcePath $source -ModuleName OpenAIAdmin).Kind | Sort-Object) |
            Should -Be @('ParameterMetadataOutOfDate', 'SyntaxOutOfDate', 'UndocumentedParameter')

        $result = Update-OAIHelpSource -SourcePath $source -ModuleName OpenAIAdmin -WarningAction SilentlyContinue
        ($result | Where-Object Status -NE 'Unchanged').Command | Should -Be 'Get-OAIProject'
        $updated = Get-Content $path -Raw
        $updated | Should -Match '### -PageSize\n\{\{ Fill PageSize Description \}\}'
        (Test-OAIHelpSource -SourcePath $source -ModuleName OpenAIAdmin).Kind | Should -Be 'MissingParameterDescription'
        # Everything but the new placeholder section is back to the original, prose included.
        $updated -replace '(?s)### -PageSize\n.*?(?=### )', '' | Should -Be ($original -replace '(?s)### -PageSize\n.*?(?=### )', '')
        (Update-OAIHelpSource -SourcePath $source -ModuleName OpenAIAdmin).Status | Sort-Object -Unique | Should -Be 'Unchanged'
    }

    It 'creates a skeleton for a cmdlet without a help source, which Test-OAIHelpSource flags' {
        Remove-Item (Join-Path $source 'Set-OAIUser.md')
        $created = Update-OAIHelpSource -SourcePath $source -ModuleName OpenAIAdmin -WarningAction SilentlyContinue | Where-Object Status -EQ 'Created'
        $created.Command | Should -Be 'Set-OAIUser'
        $skeleton = Read-OAIHelpMarkdown -Path (Join-Path $source 'Set-OAIUser.md')
        $skeleton.OnlineVersion | Should -BeNullOrEmpty -Because 'the sources have no online version to follow'
        @($skeleton.Syntax).Count | Should -Be 1
        ($skeleton.Parameters.Name | Sort-Object) | Should -Be (
            (Get-Command Set-OAIUser).Parameters.Keys | Where-Object { -not $common.Contains($_) } | Sort-Object)
        $kinds = @(Test-OAIHelpSource -SourcePath $source -ModuleName OpenAIAdmin | Where-Object Command -EQ 'Set-OAIUser').Kind
        $kinds | Should -Contain 'MissingSynopsis'
        $kinds | Should -Contain 'MissingDescription'
        $kinds | Should -Contain 'TooFewExamples'
        $kinds | Should -Contain 'MissingParameterDescription'
        $kinds | Should -Not -Contain 'SyntaxOutOfDate'
        $kinds | Should -Not -Contain 'ParameterMetadataOutOfDate'
    }
}
