BeforeDiscovery {
    Import-Module $env:OPENAIADMIN_MODULE
    $script:commands = Get-Command -Module OpenAIAdmin | ForEach-Object { @{ Name = $_.Name } }
}

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:manifest = Import-PowerShellDataFile $env:OPENAIADMIN_MODULE
}

Describe 'The staged module' {
    It 'has a valid manifest for both editions' {
        $info = Test-ModuleManifest $env:OPENAIADMIN_MODULE
        $info.Version | Should -Be $manifest.ModuleVersion
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PowerShellVersion | Should -Be '5.1'
        $manifest.PrivateData.PSData.Tags | Should -Contain 'PSEdition_Desktop'
        $manifest.PrivateData.PSData.Tags | Should -Contain 'PSEdition_Core'
    }

    It 'exports exactly the cmdlets of its manifest, which are exactly the cmdlet classes of its assembly' {
        # Compared with the assembly as well: Get-Command only shows what the manifest lets through, so a new cmdlet
        # class missing from CmdletsToExport would pass a comparison of the two.
        $assembly = (Get-Module OpenAIAdmin).ImplementingAssembly
        $classes = @($assembly.GetExportedTypes() | ForEach-Object {
                $attribute = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) | Select-Object -First 1
                if ($attribute -and -not $_.IsAbstract) { "$($attribute.VerbName)-$($attribute.NounName)" }
            } | Sort-Object)
        $classes.Count | Should -BeGreaterThan 30
        ($manifest.CmdletsToExport | Sort-Object) | Should -Be $classes
        (Get-Command -Module OpenAIAdmin).Name | Sort-Object | Should -Be $classes
        $manifest.CmdletsToExport | Should -Not -Contain '*' -Because 'an explicit list lets PowerShell find commands without loading the module'
    }

    It 'is fit for the Gallery: no warnings, .NET Framework 4.7.2, and no addresses that lead nowhere' {
        $info = Test-ModuleManifest $env:OPENAIADMIN_MODULE -WarningVariable warnings -ErrorVariable problems
        $warnings | Should -BeNullOrEmpty
        $problems | Should -BeNullOrEmpty
        $manifest.DotNetFrameworkVersion | Should -Be '4.7.2'
        $manifest.FunctionsToExport.Count + $manifest.VariablesToExport.Count + $manifest.AliasesToExport.Count | Should -Be 0
        # The project has no public address yet: ProjectUri, LicenseUri and HelpInfoURI stay out until it has one.
        $info.ProjectUri | Should -BeNullOrEmpty
        $info.LicenseUri | Should -BeNullOrEmpty
        $info.HelpInfoUri | Should -BeNullOrEmpty
        $manifest.Keys | Should -Not -Contain 'HelpInfoURI'
        $manifest.PrivateData.PSData.Tags | Should -Contain 'OpenAI'
        ($manifest.PrivateData.PSData.Tags | Where-Object { $_ -match '\s' }) | Should -BeNullOrEmpty -Because 'Gallery tags have no spaces'
    }

    It 'ships no System.Management.Automation and keeps dependencies out of the module root' {
        $root = Split-Path $env:OPENAIADMIN_MODULE
        Test-Path (Join-Path $root 'Dependencies/System.Management.Automation.dll') | Should -BeFalse
        (Get-ChildItem $root -Filter *.dll).Name | Should -Be @('OpenAIAdmin.dll')
        Test-Path (Join-Path $root 'Dependencies/OpenAIAdmin.Core.dll') | Should -BeTrue
    }
}

Describe '<Name> follows the conventions' -ForEach $commands {
    BeforeAll {
        $command = Get-Command $Name
        $attribute = $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
    }

    It 'uses an approved verb and the OAI prefix' {
        (Get-Verb).Verb | Should -Contain $command.Verb
        $command.Noun | Should -BeLike 'OAI*'
    }

    It 'declares an output type with a format view' {
        $types = @($command.OutputType.Type | Where-Object { $_ -ne [void] })
        if ($command.Verb -eq 'Disconnect') {
            $types.Count | Should -Be 0
        }
        else {
            $types.Count | Should -BeGreaterThan 0
            foreach ($type in $types) {
                Get-FormatData -TypeName $type.FullName | Should -Not -BeNullOrEmpty -Because "$($type.FullName) needs a view"
            }
        }
    }

    It 'asks before it changes anything' {
        if ($command.Verb -in 'Remove', 'Set', 'New', 'Add', 'Enable', 'Disable', 'Import') {
            $attribute.SupportsShouldProcess | Should -BeTrue
        }
        if ($command.Verb -eq 'Remove') {
            $attribute.ConfirmImpact | Should -Be 'High'
            $command.Parameters.Keys | Should -Contain 'Force'
            $command.Parameters.Keys | Should -Contain 'PassThru'
        }
    }

    It 'binds ids from the pipeline by property name' {
        $id = $command.Parameters['Id']
        if ($null -ne $id) {
            @($id.ParameterSets.Values | Where-Object ValueFromPipelineByPropertyName).Count | Should -BeGreaterThan 0
        }
    }

    It 'takes -Connection when it calls the API' {
        if ($command.Noun -ne 'OAIAdmin' -and $command.Noun -ne 'OAIAdminContext') {
            $command.Parameters['Connection'].ParameterType.FullName | Should -Be 'OpenAIAdmin.AdminContext'
        }
        else {
            $command.Parameters.Keys | Should -Not -Contain 'Connection'
        }
    }

    It 'names the kind of every pipeline-bound id parameter (XxxId, as its name or an alias), as the pipeline guard needs' {
        $idParameters = @($command.Parameters.Values | Where-Object {
                ($_.Name -eq 'Id' -or $_.Name -cmatch '^[A-Z]\w*Id$') -and
                @($_.ParameterSets.Values | Where-Object { $_.ValueFromPipelineByPropertyName }).Count -gt 0
            })
        foreach ($parameter in $idParameters) {
            @(@($parameter.Name) + $parameter.Aliases | Where-Object { $_ -cmatch '^[A-Z]\w+Id$' }).Count |
                Should -BeGreaterThan 0 -Because "-$($parameter.Name) of $Name must say which kind of id it takes"
        }
    }
}

Describe 'Every resource type carries its Id under its kind name' {
    BeforeDiscovery {
        $script:resourceTypes = Get-Command -Module OpenAIAdmin | ForEach-Object { $_.OutputType.Type } |
            Where-Object { $_ -and $_.GetProperty('Id') -and $_.Name -notlike 'Deleted*' } | Sort-Object FullName -Unique |
            ForEach-Object { @{ Type = $_.FullName } }
    }

    It '<Type> has an XxxId alias of Id (so piped objects bind the parameters of sub-resource cmdlets)' -ForEach $script:resourceTypes {
        # Type data applies along the type's base classes (AdminApiKeySecret inherits AdminApiKey's alias).
        $type = Get-Command -Module OpenAIAdmin | ForEach-Object { $_.OutputType.Type } | Where-Object FullName -eq $Type | Select-Object -First 1
        $aliases = @(for ($t = $type; $t -and $t -ne [object]; $t = $t.BaseType) {
                $data = Get-TypeData -TypeName $t.FullName
                if ($data) { $data.Members.Values | Where-Object { $_ -is [System.Management.Automation.Runspaces.AliasPropertyData] -and $_.ReferencedMemberName -eq 'Id' } }
            })
        $aliases.Count | Should -Be 1
        $aliases[0].Name | Should -Match '^[A-Z]\w+Id$'
    }
}

Describe 'Table views' {
    BeforeDiscovery {
        $types = Get-Command -Module OpenAIAdmin | ForEach-Object { $_.OutputType.Type } | Where-Object { $_ -and $_ -ne [void] } | Sort-Object FullName -Unique
        $script:views = foreach ($type in $types) {
            foreach ($view in (Get-FormatData -TypeName $type.FullName).FormatViewDefinition) {
                if ($view.Control -is [System.Management.Automation.TableControl]) { @{ Type = $type.FullName; Control = $view.Control } }
            }
        }
    }

    It '<Type> gives every column a fixed width, together within an 80-column console' -ForEach $script:views {
        $headers = @($Control.Headers)
        # A column without a width is sized from the data, and a long name then cuts the id beside it.
        @($headers | Where-Object Width -le 0).Count | Should -Be 0
        # An 80-column console leaves a table 79 (it keeps the last column free); columns are one space apart.
        ($headers | Measure-Object -Property Width -Sum).Sum + $headers.Count - 1 | Should -BeLessOrEqual 79
        foreach ($header in $headers) { $header.Label.Length | Should -BeLessOrEqual $header.Width -Because "the header '$($header.Label)' fits its column" }
    }
}

Describe 'Blank ids' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It '<Command> rejects a blank id before any request' -ForEach @(
        @{ Command = 'Get-OAIProject'; Arguments = @{ Id = ' ' } }
        @{ Command = 'Get-OAIGroup'; Arguments = @{ Id = ' ' } }
        @{ Command = 'Remove-OAIRole'; Arguments = @{ Id = '  '; Force = $true } }
        @{ Command = 'Add-OAIGroupMember'; Arguments = @{ GroupId = ' '; UserId = 'user-0001dFOBZZvO66McY18E82hx' } }
        @{ Command = 'Get-OAICertificate'; Arguments = @{ Id = "`t" } }
    ) {
        $type = (Get-Command $Command).ImplementingType.Name
        Get-ErrorId { & $Command @Arguments } | Should -Be "ParameterArgumentValidationError,OpenAIAdmin.Commands.$type"
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It '<Command> refuses the id <Arguments.Values> that would leave its path, before any request' -ForEach @(
        @{ Command = 'Remove-OAIUser'; Arguments = @{ Id = '..'; Force = $true } }
        @{ Command = 'Remove-OAIProject'; Arguments = @{ Id = '..'; Force = $true } }
        @{ Command = 'Set-OAIProject'; Arguments = @{ Id = '.'; Name = 'x' } }
        @{ Command = 'Get-OAIUser'; Arguments = @{ Id = '.' } }
        @{ Command = 'Remove-OAIGroupMember'; Arguments = @{ GroupId = 'group_01JG0001C6N1WS7T07CCA3XQAN'; UserId = '..'; Force = $true } }
        @{ Command = 'Get-OAIUserRole'; Arguments = @{ UserId = '..' } }
        @{ Command = 'Enable-OAICertificate'; Arguments = @{ Id = '..' } }
    ) {
        $type = (Get-Command $Command).ImplementingType.Name
        $err = $null
        try { & $Command @Arguments -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be "InvalidArgument,OpenAIAdmin.Commands.$type"
        $err.Exception.Message | Should -Match 'would address another path'
        $err.Exception.Message | Should -Not -Match 'Parameter'
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'refuses a 100,000-character id with a short message, before any request' {
        $err = $null
        try { Get-OAIProject -Id ('p' * 100000) -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'InvalidArgument,OpenAIAdmin.Commands.GetOAIProjectCommand'
        "$err".Length | Should -BeLessThan 200
        @(Get-SimulatorRequest).Count | Should -Be 0
    }
}
