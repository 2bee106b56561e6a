# Installing the package the way admins do (docs/ARCHITECTURE.md "Packaging"): a clean pwsh child process, whose HOME
# and PSModulePath point into TestDrive, registers a local file repository holding the .nupkg, runs
# Install-PSResource OpenAIAdmin and imports the module by name. The packages are made here from the staged module
# with build/Package.psm1, the code build.ps1 -Task Package runs: one of the staged version, one of a newer version
# (the same files, the manifest's version raised) to install beside it.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    Import-Module (Join-Path $PSScriptRoot '../../build/Package.psm1') -Force
    Reset-Simulator

    $script:StageDir = Split-Path (Resolve-Path $env:OPENAIADMIN_MODULE).Path
    $script:Version = (Import-PowerShellDataFile $env:OPENAIADMIN_MODULE).ModuleVersion
    $v = [version]$Version
    $script:NewerVersion = '{0}.{1}.0' -f $v.Major, ($v.Minor + 1)
    $script:Feed = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'feed')
    $script:Later = Join-Path $TestDrive 'later'
    $script:TempHome = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'home')
    $script:EmptyModulePath = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'no-modules')
    $script:OtherModule = (Resolve-Path (Join-Path $PSScriptRoot '../fixtures/OtherOAIModule/OtherOAIModule.psd1')).Path
    $script:ReleaseNotes = Get-OAIReleaseNote -ChangelogPath (Join-Path $PSScriptRoot '../../CHANGELOG.md') -Version $Version
    $script:Package = New-OAIPackage -ModuleFolder $StageDir -DestinationPath $Feed -ReleaseNotes $ReleaseNotes -WorkPath (Join-Path $TestDrive 'work')
    $script:NewerPackage = New-OAIPackage -ModuleFolder $StageDir -DestinationPath $Later -ReleaseNotes $ReleaseNotes `
        -WorkPath (Join-Path $TestDrive 'work') -Version $NewerVersion

    function Start-InstallScenario([string] $Scenario, [string] $RequiredVersion) {
        $arguments = @('-File', (Join-Path $PSScriptRoot 'InstallScenario.ps1'),
            '-Scenario', $Scenario, '-Feed', $Feed.FullName, '-SimulatorUrl', $SimulatorUrl)
        if ($RequiredVersion) { $arguments += '-Version', $RequiredVersion }
        if ($Scenario -in 'Prefix', 'Qualified') { $arguments += '-OtherModule', $OtherModule }
        $info = New-PwshStartInfo $arguments
        # A clean user: no modules, repositories or settings of this machine's user.
        $info.Environment['HOME'] = $TempHome.FullName
        $info.Environment['PSModulePath'] = $EmptyModulePath.FullName
        foreach ($name in 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'OPENAIADMIN_MODULE', 'OPENAI_ADMIN_KEY', 'OPENAI_BASE_URL') {
            [void]$info.Environment.Remove($name)
        }
        $info.WorkingDirectory = $TestDrive
        $process = [System.Diagnostics.Process]::Start($info)
        [pscustomobject]@{
            Scenario = $Scenario
            Process  = $process
            Output   = $process.StandardOutput.ReadToEndAsync()
            Errors   = $process.StandardError.ReadToEndAsync()
        }
    }

    function Wait-InstallScenario($Started) {
        if (-not $Started.Process.WaitForExit(120000)) {
            $Started.Process.Kill($true)
            throw "Scenario $($Started.Scenario) did not finish within 120 s."
        }
        $Started.Process.WaitForExit()
        $stdout = $Started.Output.GetAwaiter().GetResult()
        $line = @($stdout -split "`r?`n" | Where-Object { $_ -like 'INSTALL-RESULT=*' }) | Select-Object -Last 1
        [pscustomobject]@{
            ExitCode = $Started.Process.ExitCode
            Output   = "$stdout`n$($Started.Errors.GetAwaiter().GetResult())".Trim()
            Result   = if ($line) { $line.Substring('INSTALL-RESULT='.Length) | ConvertFrom-Json } else { $null }
        }
    }

    # In order: install the staged version; then, with the newer package in the feed, install it beside; then, at
    # once, import each version by -RequiredVersion and import with a prefix.
    $script:Runs = @{}
    $Runs.Install = Wait-InstallScenario (Start-InstallScenario Install)
    Copy-Item $NewerPackage.FullName $Feed
    $Runs.InstallNewer = Wait-InstallScenario (Start-InstallScenario InstallNewer)
    $started = @(
        Start-InstallScenario RequiredVersion $Version
        Start-InstallScenario RequiredVersion $NewerVersion
        Start-InstallScenario Prefix
        Start-InstallScenario Qualified
    )
    $Runs.Older = Wait-InstallScenario $started[0]
    $Runs.Newer = Wait-InstallScenario $started[1]
    $Runs.Prefix = Wait-InstallScenario $started[2]
    $Runs.Qualified = Wait-InstallScenario $started[3]
    $script:UserModules = Join-Path $TempHome '.local/share/powershell/Modules'
}

Describe 'build/Package.psm1 (build.ps1 -Task Package)' {
    It 'packs exactly the staged module, with the version and release notes in its manifest' {
        $Package.Name | Should -Be "OpenAIAdmin.$Version.nupkg"
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($Package.FullName)
        try {
            $entries = @($zip.Entries | ForEach-Object FullName)
            $nuspec = [IO.StreamReader]::new(($zip.Entries | Where-Object FullName -EQ 'OpenAIAdmin.nuspec').Open()).ReadToEnd()
        }
        finally { $zip.Dispose() }
        $packagingParts = $entries | Where-Object { $_ -match '^(_rels/|package/|\[Content_Types\]\.xml$|OpenAIAdmin\.nuspec$)' }
        $staged = @(Get-ChildItem $StageDir -Recurse -File | ForEach-Object { [IO.Path]::GetRelativePath($StageDir, $_.FullName).Replace('\', '/') })
        ($entries | Where-Object { $_ -notin $packagingParts } | Sort-Object) | Should -Be ($staged | Sort-Object)
        $entries | Where-Object { $_ -match 'Simulator|Tests|\.pdb$|\.deps\.json$' } | Should -BeNullOrEmpty
        $xml = [xml]$nuspec
        $xml.package.metadata.id | Should -Be 'OpenAIAdmin'
        $xml.package.metadata.version | Should -Be $Version
        $xml.package.metadata.releaseNotes | Should -Be $ReleaseNotes
        $xml.package.metadata.tags -split ' ' | Should -Contain 'PSEdition_Desktop'
        $xml.package.metadata.tags -split ' ' | Should -Contain 'PSModule'
        $xml.package.metadata.PSObject.Properties.Name | Should -Not -Contain 'projectUrl'
        $xml.package.metadata.PSObject.Properties.Name | Should -Not -Contain 'licenseUrl'
    }

    It 'takes the release notes from the version''s CHANGELOG section, else from Unreleased' {
        $changelog = Join-Path $TestDrive 'CHANGELOG.md'
        Set-Content $changelog "# Changelog`n`n## [Unreleased]`n### Added`n- next thing`n`n## [1.2.0] - 2026-01-05`n### Fixed`n- it's fixed`n`n## [1.1.0]`n- old`n"
        Get-OAIReleaseNote -ChangelogPath $changelog -Version 1.2.0 | Should -Be "### Fixed`n- it's fixed"
        Get-OAIReleaseNote -ChangelogPath $changelog -Version 1.3.0 | Should -Be "### Added`n- next thing"
        Set-Content $changelog "# Changelog`n`n## [Unreleased]`n`n## [1.1.0]`n- old`n"
        { Get-OAIReleaseNote -ChangelogPath $changelog -Version 1.3.0 } | Should -Throw '*no*Unreleased*section with entries*'
    }

    It 'writes the release notes into the packed manifest only, quoting them, and refuses a manifest that has its own' {
        $copy = Join-Path $TestDrive 'manifest/OpenAIAdmin.psd1'
        New-Item -ItemType Directory (Split-Path $copy) -Force | Out-Null
        Copy-Item $env:OPENAIADMIN_MODULE $copy
        Set-OAIPackageManifest -Path $copy -Version 3.4.5 -ReleaseNotes "- it's `"quoted`"`n- two lines"
        $data = Import-PowerShellDataFile $copy
        $data.ModuleVersion | Should -Be '3.4.5'
        $data.PrivateData.PSData.ReleaseNotes | Should -Be "- it's `"quoted`"`n- two lines"
        $data.CmdletsToExport | Should -Be (Import-PowerShellDataFile $env:OPENAIADMIN_MODULE).CmdletsToExport
        { Set-OAIPackageManifest -Path $copy -Version 3.4.6 -ReleaseNotes x } | Should -Throw '*already has ReleaseNotes*'
        (Get-Content (Join-Path $PSScriptRoot '../../OpenAIAdmin.psd1') -Raw) | Should -Not -Match '(?m)^\s*ReleaseNotes\s*='
    }
}

Describe 'Install-PSResource OpenAIAdmin from a local repository, in a clean pwsh' {
    BeforeAll { $run = $Runs.Install; $r = $run.Result }

    It 'runs to the end' {
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $r | Should -Not -BeNullOrEmpty -Because $run.Output
    }

    It 'starts with nothing installed and only the default repository' {
        $r.HomeIsTemporary | Should -Be $TempHome.FullName
        $r.AvailableBefore | Should -Be 0
        $r.RepositoriesBefore | Should -Be @('PSGallery')
    }

    It 'finds and installs the package into the user''s module folder' {
        $r.Found | Should -Be @($Version)
        $r.Installed | Should -Be @($Version)
        $r.ModuleBase | Should -Be (Join-Path $UserModules "OpenAIAdmin/$Version")
        $r.ImportedVersion | Should -Be $Version
    }

    It 'installs the staged files and nothing else' {
        $staged = @(Get-ChildItem $StageDir -Recurse -File | ForEach-Object { [IO.Path]::GetRelativePath($StageDir, $_.FullName).Replace('\', '/') })
        # PSResourceGet keeps its own record of the install beside the module.
        ($r.Files | Where-Object { $_ -ne 'PSGetModuleInfo.xml' }) | Should -Be ($staged | Sort-Object)
    }

    It 'exports every cmdlet the assembly defines, as the installed manifest lists them' {
        $r.CmdletClasses.Count | Should -BeGreaterThan 30
        $r.Exported | Should -Be $r.CmdletClasses
        $r.ManifestCmdlets | Should -Be $r.CmdletClasses
    }

    It 'passes Test-ModuleManifest on the installed copy, with release notes and no invented addresses' {
        $r.TestManifest.Name | Should -Be 'OpenAIAdmin'
        $r.TestManifest.Version | Should -Be $Version
        $r.TestManifest.Errors | Should -BeNullOrEmpty
        $r.TestManifest.Warnings | Should -BeNullOrEmpty
        $r.TestManifest.Editions | Should -Be @('Desktop', 'Core')
        $r.TestManifest.Tags | Should -Contain 'OpenAI'
        $r.ReleaseNotes | Should -Be $ReleaseNotes
        @($r.Uris | Where-Object { $_ }) | Should -BeNullOrEmpty
    }

    It 'finds the help: Get-Help Get-OAIProject -Examples and about_OpenAIAdmin' {
        $r.HelpSynopsis | Should -Be 'Gets the projects of the OpenAI organization, all of them, by name, or by id.'
        $r.HelpExamples.Count | Should -BeGreaterOrEqual 2
        $r.HelpExamples[0] | Should -BeLike '*Example 1*'
        $r.AboutTopic | Should -Match 'about_OpenAIAdmin'
    }

    It 'runs cmdlets against the simulator, implicitly from the environment and after Connect-OAIAdmin' {
        $r.Projects | Should -Contain 'proj_defaultSbtsIO0rWI91rcsUU'
        $r.Projects | Should -Not -Contain 'proj_legacychatbot7NcaNCoPQMu'
        $r.ProjectType | Should -Be 'OpenAIAdmin.Project'
        $r.ProjectTable | Should -Match '(?m)^Default project\s+proj_defaultSbtsIO0rWI91rcsUU\s+active'
        $r.UserAgent | Should -BeLike "OpenAIAdmin/$Version PowerShell/7.*"
        $r.FirstUsers.Count | Should -Be 2
        $r.GroupMembers | Should -Be 5
        $r.NotFound | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIProjectCommand'
        $r.WhatIf.Count | Should -Be 3
        $r.WhatIf | ForEach-Object { $_ | Should -BeLike "What if: Performing the operation `"Archive (irreversible)`" on target `"project 'tmp-*' (proj_tmp*)`"." }
    }
}

Describe 'A newer version installed beside the older one' {
    It 'installs the newer version beside the older one and imports it by name' {
        $run = $Runs.InstallNewer
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Installed | Should -Be @($Version, $NewerVersion)
        $run.Result.Available | Should -Be @($Version, $NewerVersion)
        $run.Result.ImportedVersion | Should -Be $NewerVersion
        $run.Result.Projects | Should -Be @('proj_defaultSbtsIO0rWI91rcsUU')
    }

    It 'imports <Label> with Import-Module -RequiredVersion, from its own folder, and it works' -ForEach @(
        @{ Label = 'the older version'; Key = 'Older' }
        @{ Label = 'the newer version'; Key = 'Newer' }
    ) {
        $run = $Runs[$Key]
        $expected = if ($Key -eq 'Older') { $Version } else { $NewerVersion }
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.ImportedVersion | Should -Be $expected
        $run.Result.ModuleBase | Should -Be (Join-Path $UserModules "OpenAIAdmin/$expected")
        $run.Result.Loaded | Should -Be 1
        $run.Result.Projects | Should -Be @('proj_defaultSbtsIO0rWI91rcsUU')
    }
}

Describe 'Module-qualified names beside another module that exports Get-OAIUser, Get-OAIProject and Remove-OAIProject' {
    BeforeAll { $run = $Runs.Qualified; $r = $run.Result }

    It 'leaves the plain names to the module imported last and reaches OpenAIAdmin by OpenAIAdmin\Get-OAIUser' {
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $r.PlainSource | Should -Be @('OtherOAIModule', 'OtherOAIModule', 'OtherOAIModule')
        $r.PlainOutput | Should -Be 'OtherOAIModule'
        $r.QualifiedUsers | Should -Be @('OpenAIAdmin.OrganizationUser', 'OpenAIAdmin.OrganizationUser')
    }

    It 'keeps pipelines, -WhatIf, error ids and completion working with qualified names' {
        $r.QualifiedPipeline | Should -Be 5
        $r.WhatIf.Count | Should -Be 3
        $r.WhatIf[0] | Should -Be "What if: Performing the operation `"Archive (irreversible)`" on target `"project 'tmp-load-test' (proj_tmploadtest0rIQNaJTJECsi)`"."
        $r.NotFound | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIProjectCommand'
        $r.Completion | Should -Be @('Contractors=group_01JG0002G4HXWT9AVGWCFEE87V')
    }
}

Describe 'Import-Module OpenAIAdmin -Prefix Corp' {
    BeforeAll { $run = $Runs.Prefix; $r = $run.Result }

    It 'exports every cmdlet with Corp before OAI, and none under its own name' {
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $expected = @((Import-PowerShellDataFile $env:OPENAIADMIN_MODULE).CmdletsToExport | ForEach-Object { $_ -replace '-OAI', '-CorpOAI' } | Sort-Object)
        $r.Exported | Should -Be $expected
        # Beside another module that exports Get-OAIUser, both are reachable without qualifying.
        $r.OtherGetUser | Should -Be 'OtherOAIModule'
        $r.OtherGetUserOutput | Should -Be 'OtherOAIModule'
        $r.OursBesideOther | Should -Be @('OpenAIAdmin.OrganizationUser')
        $r.Qualified | Should -Be @('proj_defaultSbtsIO0rWI91rcsUU')
        $r.Help | Should -Be 'Gets the projects of the OpenAI organization, all of them, by name, or by id.'
    }

    It 'keeps pipelines, -WhatIf and error ids working between prefixed cmdlets' {
        $r.Pipeline | Should -Be 5
        $r.WhatIf.Count | Should -Be 3
        $r.WhatIf[0] | Should -Be "What if: Performing the operation `"Archive (irreversible)`" on target `"project 'tmp-load-test' (proj_tmploadtest0rIQNaJTJECsi)`"."
        $r.NotFound | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAIProjectCommand'
        $r.ErrorType | Should -Be 'Get-CorpOAIProject'
    }

    It 'still completes ids under the prefixed names' {
        $r.Completion | Should -Be @('Contractors=group_01JG0002G4HXWT9AVGWCFEE87V')
        $r.RoleCompletion | Should -Be @('role_01JR00039WRYDRWASJNY9WK5YG')
    }
}
