# Loading beside other modules (DESIGN.md §2.1, docs/ARCHITECTURE.md "Loading").
# Every scenario runs in a fresh pwsh child process, all of them at once in BeforeAll: a binary module cannot be
# re-imported, and each scenario needs its own import order. The fixture module (tests/fixtures/ConflictModule)
# carries Microsoft.Extensions.Http 9.0.0; it is built once and cached in out/fixtures.

BeforeAll {
    Set-StrictMode -Version Latest
    if (-not $env:OPENAIADMIN_MODULE) {
        throw 'Run the tests through build.ps1 -Task Test: OPENAIADMIN_MODULE is not set.'
    }

    $script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:ModulePath = (Resolve-Path $env:OPENAIADMIN_MODULE).Path
    $script:StageDir = Split-Path $ModulePath
    $script:Dependencies = Join-Path $StageDir 'Dependencies'
    $script:PrivateContext = 'OpenAIAdmin.Commands.Loading.IsolatedLoader+DependencyLoadContext'

    # Builds the fixture into out/fixtures/ConflictModule unless the cached build came from the same sources.
    function Get-ConflictFixture {
        $source = Join-Path $RepoRoot 'tests/fixtures/ConflictModule'
        $output = Join-Path $RepoRoot 'out/fixtures/ConflictModule'
        $stamp = Join-Path $output 'source.sha256'
        $files = Get-ChildItem $source -File | Where-Object Extension -in '.csproj', '.cs', '.psd1' | Sort-Object Name
        $hash = ($files | ForEach-Object { "$($_.Name):$((Get-FileHash $_.FullName -Algorithm SHA256).Hash)" }) -join ';'
        $manifest = Join-Path $output 'ConflictModule.psd1'
        if (-not (Test-Path $manifest) -or -not (Test-Path $stamp) -or (Get-Content $stamp -Raw).Trim() -ne $hash) {
            Push-Location $RepoRoot
            try {
                $log = & dotnet build (Join-Path $source 'ConflictModule.csproj') -c Release -nologo -v q -o $output `
                    "-p:BaseIntermediateOutputPath=$(Join-Path $RepoRoot 'out/fixtures/obj/ConflictModule')/" 2>&1
                if ($LASTEXITCODE -ne 0) { throw "Building the ConflictModule fixture failed:`n$($log -join "`n")" }
            }
            finally {
                Pop-Location
            }
            Set-Content -Path $stamp -Value $hash
        }
        return $manifest
    }

    # A copy of the staged module with some files removed, in this container's TestDrive.
    function New-DamagedModule([string] $Name, [string[]] $Remove) {
        $copy = Join-Path $TestDrive $Name
        Copy-Item $StageDir $copy -Recurse
        foreach ($file in $Remove) { Remove-Item (Join-Path $copy $file) }
        return Join-Path $copy 'OpenAIAdmin.psd1'
    }

    # Starts LoadingScenario.ps1 in a fresh process of this same pwsh (whether it runs as `dotnet pwsh` or natively).
    function Start-Scenario([string] $Scenario, [string] $Module, [switch] $WithFixture) {
        $info = [System.Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
        if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') {
            $info.ArgumentList.Add([Environment]::GetCommandLineArgs()[0])
        }
        $arguments = @('-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'LoadingScenario.ps1'),
            '-Scenario', $Scenario, '-ModulePath', $Module)
        if ($WithFixture) { $arguments += '-FixturePath', $FixturePath }
        if ($WithFixture -and $env:OPENAIADMIN_SIMULATOR_URL) { $arguments += '-SimulatorUrl', $env:OPENAIADMIN_SIMULATOR_URL }
        foreach ($argument in $arguments) { $info.ArgumentList.Add($argument) }
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $info.UseShellExecute = $false
        $info.WorkingDirectory = $RepoRoot
        $process = [System.Diagnostics.Process]::Start($info)
        [pscustomobject]@{
            Scenario = $Scenario
            Process  = $process
            Output   = $process.StandardOutput.ReadToEndAsync()
            Errors   = $process.StandardError.ReadToEndAsync()
        }
    }

    function Wait-Scenario($Started) {
        if (-not $Started.Process.WaitForExit(90000)) {
            $Started.Process.Kill($true)
            throw "Scenario $($Started.Scenario) did not finish within 90 s."
        }
        $Started.Process.WaitForExit()
        $stdout = $Started.Output.GetAwaiter().GetResult()
        $line = @($stdout -split "`r?`n" | Where-Object { $_ -like 'LOADING-RESULT=*' }) | Select-Object -Last 1
        [pscustomobject]@{
            ExitCode = $Started.Process.ExitCode
            Output   = "$stdout`n$($Started.Errors.GetAwaiter().GetResult())".Trim()
            Result   = if ($line) { $line.Substring('LOADING-RESULT='.Length) | ConvertFrom-Json } else { $null }
        }
    }

    function Get-Loaded($Run, [string] $Name) { $Run.Result.Assemblies | Where-Object Name -eq $Name }

    function Get-ReferenceTable {
        $shipped = @{}
        foreach ($dll in Get-ChildItem $Dependencies -Filter *.dll) { $shipped[$dll.BaseName] = [Reflection.AssemblyName]::GetAssemblyName($dll.FullName) }
        foreach ($dll in @(Get-Item (Join-Path $StageDir 'OpenAIAdmin.dll')) + @(Get-ChildItem $Dependencies -Filter *.dll)) {
            $stream = [IO.File]::OpenRead($dll.FullName)
            try {
                $pe = [System.Reflection.PortableExecutable.PEReader]::new($stream)
                $metadata = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
                foreach ($handle in $metadata.AssemblyReferences) {
                    $reference = $metadata.GetAssemblyReference($handle).GetAssemblyName()
                    $ships = $shipped[$reference.Name]
                    [pscustomobject]@{
                        Referrer        = $dll.FullName
                        ReferrerName    = $dll.BaseName
                        InModuleRoot    = $dll.DirectoryName -eq $StageDir
                        Reference       = $reference
                        Shipped         = $ships
                        VersionMismatch = $null -ne $ships -and $ships.Version -ne $reference.Version
                    }
                }
                $pe.Dispose()
            }
            finally {
                $stream.Dispose()
            }
        }
    }

    $script:FixturePath = Get-ConflictFixture
    $script:FixtureDir = Split-Path $FixturePath
    $started = @(
        Start-Scenario FixtureFirst $ModulePath -WithFixture
        Start-Scenario OpenAIAdminFirst $ModulePath -WithFixture
        Start-Scenario Runspaces $ModulePath
        Start-Scenario MissingCoreAtImport (New-DamagedModule 'no-core' 'Dependencies/OpenAIAdmin.Core.dll')
        Start-Scenario CoreDeletedAfterImport (New-DamagedModule 'core-deleted-later' @())
        Start-Scenario MissingDependency (New-DamagedModule 'no-http' 'Dependencies/Microsoft.Extensions.Http.dll')
    )
    $script:Runs = @{}
    foreach ($item in $started) { $Runs[$item.Scenario] = Wait-Scenario $item }
}

Describe 'OpenAIAdmin beside a module that carries Microsoft.Extensions.Http 9.0.0' {
    Context '<Order>' -ForEach @(
        @{ Order = 'the other module first'; Scenario = 'FixtureFirst' }
        @{ Order = 'OpenAIAdmin first'; Scenario = 'OpenAIAdminFirst' }
    ) {
        BeforeAll { $run = $Runs[$Scenario] }

        It 'runs to the end in one pwsh' {
            $run.ExitCode | Should -Be 0 -Because $run.Output
            $run.Result.Survived | Should -BeTrue -Because $run.Output
        }

        It 'leaves the other module its own Microsoft.Extensions.Http 9.0.0, working' {
            $fixture = $run.Result.Fixture
            $fixture.HttpVersion | Should -Be '9.0.0.0'
            $fixture.HttpFileVersion | Should -BeLike '9.0.*'
            $fixture.HttpLocation | Should -Be (Join-Path $FixtureDir 'Microsoft.Extensions.Http.dll')
            $fixture.DependencyInjectionVersion | Should -Be '9.0.0.0'
            $fixture.OptionsVersion | Should -Be '9.0.0.0'
            $fixture.ClientTimeout | Should -Be 7
            $fixture.RequestOutcome | Should -Be 'Unreachable'
        }

        It 'lets OpenAIAdmin connect and call, failing only as ApiUnreachable (no type-load error)' {
            $ours = $run.Result.OpenAIAdmin
            $ours.ContextUserAgent | Should -BeLike 'OpenAIAdmin/* PowerShell/7.*'
            $ours.ContextBaseUri | Should -BeLike 'http://127.0.0.1:*/v1*'
            $ours.UnreachableError | Should -Be 'ApiUnreachable,OpenAIAdmin.Commands.GetOAIProjectCommand'
            if ($env:OPENAIADMIN_SIMULATOR_URL) {
                $ours.SimulatorProjects | Should -Be @('OpenAIAdmin.Project')
            }
        }

        It 'loads Microsoft.Extensions.* twice: 9.0 in the default context, 10.0 from our Dependencies in the private one' {
            foreach ($name in 'Microsoft.Extensions.Http', 'Microsoft.Extensions.DependencyInjection', 'Microsoft.Extensions.Options', 'Microsoft.Extensions.Logging') {
                $copies = @(Get-Loaded $run $name | Sort-Object { [version]$_.Version })
                $copies.Count | Should -Be 2 -Because "$name is used by both modules"
                $copies[0].Version | Should -Be '9.0.0.0'
                $copies[0].Context | Should -Be 'Default'
                $copies[0].Location | Should -Be (Join-Path $FixtureDir "$name.dll")
                $copies[1].Version | Should -Be '10.0.0.0'
                $copies[1].Context | Should -Be $PrivateContext
                $copies[1].Location | Should -Be (Join-Path $Dependencies "$name.dll")
            }
        }

        It 'keeps OpenAIAdmin.Core private and shares only what PowerShell itself supplies' {
            $core = @(Get-Loaded $run 'OpenAIAdmin.Core')
            $core.Count | Should -Be 1
            $core[0].Context | Should -Be $PrivateContext
            $core[0].Location | Should -Be (Join-Path $Dependencies 'OpenAIAdmin.Core.dll')
            @(Get-Loaded $run 'OpenAIAdmin')[0].Context | Should -Be 'Default'
            foreach ($name in 'System.Text.Json', 'Microsoft.Bcl.AsyncInterfaces') {
                $copies = @(Get-Loaded $run $name)
                $copies.Count | Should -Be 1 -Because "$name must be one type identity on both sides of the cmdlet/core boundary"
                $copies[0].Context | Should -Be 'Default'
                $copies[0].Location | Should -Not -BeLike "$StageDir*"
            }
        }
    }

    It 'needed the private context: the default context refuses our 10.0 once the other module''s 9.0 is loaded' {
        $Runs.FixtureFirst.Result.DefaultContextControl | Should -BeLike '*Microsoft.Extensions.Http, Version=10.0.0.0*Assembly with same name is already loaded*'
    }

    It 'keeps the first module working after the second one loads, in either order' {
        $Runs.OpenAIAdminFirst.Result.OpenAIAdminAgain.UnreachableError | Should -Be 'ApiUnreachable,OpenAIAdmin.Commands.GetOAIProjectCommand'
        ($Runs.FixtureFirst.Result.FixtureAgain | ConvertTo-Json) | Should -Be ($Runs.FixtureFirst.Result.Fixture | ConvertTo-Json)
    }
}

Describe 'Several runspaces importing at once' {
    BeforeAll { $run = $Runs.Runspaces }

    It 'imports in five runspaces concurrently and keeps serving the others after three run Remove-Module' {
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Imports | Should -Be (@('OpenAIAdmin') * 5)
        $run.Result.Removed | Should -Be @('0', '0', '0')
        $run.Result.CoreLoadedBeforeFirstUse | Should -BeFalse
        # First use of the core, concurrently, after the removals: NoConnection proves the core resolved.
        $run.Result.FirstUse | Should -Be (@('NoConnection,OpenAIAdmin.Commands.GetOAIProjectCommand') * 2)
        $run.Result.ReImport | Should -Be @('OpenAIAdmin')
        # Runspace 3 connected; 0 and 4 did not and see no connection: connections belong to their runspace.
        $run.Result.Unreachable | Should -Be @('NoConnection,OpenAIAdmin.Commands.GetOAIProjectCommand', 'ApiUnreachable,OpenAIAdmin.Commands.GetOAIProjectCommand', 'NoConnection,OpenAIAdmin.Commands.GetOAIProjectCommand')
    }

    It 'creates one private context and loads each of our assemblies once' {
        $run.Result.PrivateContexts | Should -Be 1
        @(Get-Loaded $run 'OpenAIAdmin.Core').Count | Should -Be 1
        @(Get-Loaded $run 'Microsoft.Extensions.Http').Count | Should -Be 1
        @(Get-Loaded $run 'Microsoft.Extensions.DependencyInjection').Count | Should -Be 1
    }
}

Describe 'A damaged module folder gives a clear, catchable error instead of killing pwsh' {
    It 'stops Import-Module with ModuleFileMissing naming OpenAIAdmin.Core.dll when the core is missing' {
        $run = $Runs.MissingCoreAtImport
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Import.Id | Should -Be 'ModuleFileMissing,Microsoft.PowerShell.Commands.ImportModuleCommand'
        $run.Result.Import.Messages[0] | Should -BeLike "*the file '*no-core*Dependencies*OpenAIAdmin.Core.dll' is missing*reinstall OpenAIAdmin*"
        $run.Result.ModuleImported | Should -BeFalse
    }

    It 'fails each call, naming the file, when the core disappears after the import (the resolver once recursed to a stack overflow)' {
        $run = $Runs.CoreDeletedAfterImport
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Not -Match 'Stack overflow'
        foreach ($call in $run.Result.FirstCall, $run.Result.SecondCall) {
            # PowerShell reads the cmdlet's attributes before our code runs, so the runtime's own error wraps ours.
            $call.Id | Should -Be 'System.IO.FileNotFoundException'
            $call.Messages | Should -HaveCount 2
            $call.Messages[1] | Should -BeLike "OpenAIAdmin cannot load OpenAIAdmin.Core, Version=*: the file '*core-deleted-later*Dependencies*OpenAIAdmin.Core.dll' is missing*"
        }
        $run.Result.Survived | Should -BeTrue
    }

    It 'fails the cmdlet with ModuleFileMissing naming the file when a dependency is missing' {
        $run = $Runs.MissingDependency
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.Connect.Id | Should -Be 'ModuleFileMissing,OpenAIAdmin.Commands.ConnectOAIAdminCommand'
        $run.Result.Connect.Messages[0] | Should -BeLike "OpenAIAdmin cannot load Microsoft.Extensions.Http, Version=10.0.0.0*: the file '*no-http*Dependencies*Microsoft.Extensions.Http.dll' is missing*"
        # Nothing fell back to another copy: the private context never loaded a Microsoft.Extensions.Http.
        @(Get-Loaded $run 'Microsoft.Extensions.Http').Count | Should -Be 0
    }
}

Describe 'Windows PowerShell 5.1: the AssemblyResolve handler covers every reference that needs it' {
    # 5.1 cannot run here. What can be checked: the references in the staged dlls, and the handler's own decision
    # (FrameworkResolver.FindShippedAssembly, which is pure) for each of them.
    BeforeAll {
        Import-Module $ModulePath
        $resolver = [OpenAIAdmin.Commands.Loading.ModuleInitializer].Assembly.GetType('OpenAIAdmin.Commands.Loading.FrameworkResolver', $true)
        $find = $resolver.GetMethod('FindShippedAssembly', [Reflection.BindingFlags]'NonPublic, Static')
        function Find-Shipped($Requester, [string] $Name) {
            $requesterLocation = if ($null -eq $Requester) { $null } else { [string]$Requester }
            $find.Invoke($null, [object[]]@([string]$StageDir, $requesterLocation, $Name))
        }
        $table = @(Get-ReferenceTable)
    }

    It 'lists each reference whose version differs from the shipped dll and answers it with that dll, never older' {
        $mismatches = @($table | Where-Object VersionMismatch)
        # Known today: Microsoft.Extensions.Options -> System.ComponentModel.Annotations 4.2.0.0 while 4.2.1.0 ships.
        $mismatches.Count | Should -BeGreaterThan 0 -Because 'the package set has at least one such reference; if none remain, update this test'
        foreach ($row in $mismatches) {
            Write-Host ("  {0} -> {1} {2} (ships {3})" -f $row.ReferrerName, $row.Reference.Name, $row.Reference.Version, $row.Shipped.Version)
            Find-Shipped $row.Referrer $row.Reference.FullName | Should -Be (Join-Path $Dependencies "$($row.Reference.Name).dll")
            $row.Shipped.Version | Should -BeGreaterThan $row.Reference.Version -Because "$($row.ReferrerName) must get a copy at least as new as it was built against"
            [Convert]::ToHexString($row.Shipped.GetPublicKeyToken()) | Should -Be ([Convert]::ToHexString($row.Reference.GetPublicKeyToken()))
        }
    }

    It 'answers every reference from the module root into Dependencies (5.1 probes only beside the requester)' {
        $fromRoot = @($table | Where-Object { $_.InModuleRoot -and $_.Shipped })
        $fromRoot.Reference.Name | Should -Contain 'OpenAIAdmin.Core'
        foreach ($row in $fromRoot) {
            Find-Shipped $row.Referrer $row.Reference.FullName | Should -Be (Join-Path $Dependencies "$($row.Reference.Name).dll")
        }
    }

    It 'references nothing beyond what ships and what the host supplies' {
        # netstandard and System.Management.Automation come from the host (.NET Framework 4.7.2+, Windows PowerShell);
        # System.Runtime.Loader is named only by the PowerShell 7 code path, which 5.1 never compiles.
        $hostSupplied = 'netstandard', 'System.Management.Automation', 'System.Runtime.Loader'
        $unshipped = @($table | Where-Object { -not $_.Shipped } | ForEach-Object { $_.Reference.Name } | Sort-Object -Unique)
        $unshipped | Where-Object { $_ -notin $hostSupplied } | Should -BeNullOrEmpty
        @($table | Where-Object { $_.Reference.Name -eq 'System.Runtime.Loader' }).ReferrerName | Should -Be @('OpenAIAdmin')
    }

    It 'asks the host only for versions that .NET Framework 4.7.2 and Windows PowerShell 5.1 supply' {
        # .NET Framework 4.7.2 carries the netstandard 2.0.0.0 facade; Windows PowerShell 5.1 is
        # System.Management.Automation 3.0.0.0 (PowerShellStandard's reference). A newer one would not load there.
        $hostRows = @($table | Where-Object { -not $_.Shipped -and $_.Reference.Name -ne 'System.Runtime.Loader' })
        $hostRows.Count | Should -BeGreaterThan 0
        foreach ($row in $hostRows) {
            $limit = @{ 'netstandard' = [version]'2.0.0.0'; 'System.Management.Automation' = [version]'3.0.0.0' }[$row.Reference.Name]
            $limit | Should -Not -BeNullOrEmpty -Because "$($row.ReferrerName) references $($row.Reference.Name), which no host list covers"
            $row.Reference.Version | Should -BeLessOrEqual $limit -Because "$($row.ReferrerName) references $($row.Reference.FullName)"
        }
        @($hostRows | Where-Object { $_.Reference.Name -eq 'System.Management.Automation' }).ReferrerName | Should -Be @('OpenAIAdmin')
    }

    It 'answers only our own requests: not other modules, not anonymous ones, except for the core' {
        $options = Join-Path $Dependencies 'Microsoft.Extensions.Options.dll'
        $http = 'Microsoft.Extensions.Http, Version=9.0.0.0, Culture=neutral, PublicKeyToken=adb9793829ddae60'
        Find-Shipped $options $http | Should -Be (Join-Path $Dependencies 'Microsoft.Extensions.Http.dll')
        Find-Shipped (Join-Path $FixtureDir 'ConflictModule.dll') $http | Should -BeNullOrEmpty
        Find-Shipped "$StageDir-other/Other.dll" $http | Should -BeNullOrEmpty
        Find-Shipped $null $http | Should -BeNullOrEmpty
        Find-Shipped $null 'OpenAIAdmin.Core, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null' | Should -Be (Join-Path $Dependencies 'OpenAIAdmin.Core.dll')
        Find-Shipped $options 'System.Runtime.Loader, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a' | Should -BeNullOrEmpty
    }
}
