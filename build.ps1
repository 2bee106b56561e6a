#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests and demonstrates the OpenAIAdmin module.
.DESCRIPTION
    One entry point for developers and CI. Run it through the pinned PowerShell:
        dotnet tool restore
        dotnet pwsh -NoProfile -File ./build.ps1 -Task Demo
    Tasks:
        Build     stage out/OpenAIAdmin/<version>/ ready for Import-Module (includes Help and Coverage)
        Package   build, stage and write out/packages/OpenAIAdmin.<version>.nupkg (Compress-PSResource) with the
                  release notes of CHANGELOG.md; the package holds the staged module and nothing else
        TestDesktop  the client core on Mono (installed with apt-get when missing) against the simulator, loading the
                  staged module's dlls the way Windows PowerShell 5.1 does (not part of Test)
        Help      compile en-US/*.md to MAML in the staged module
        Coverage  write docs/COVERAGE.md from build/ApiOperations.psd1 and the cmdlets' [ApiOperation] declarations
        Test      xunit + Pester against the built-in simulator; prints "N passed, N failed"
        Contract  run every cmdlet through Stoplight Prism's validating proxy in front of the simulator and fail on
                  any request or response that breaks the OpenAPI file given with -Spec (not part of Test)
        Demo      start the simulator and run a short tour of the module (no key needed)
        Bench     build, then measure the scenarios of docs/BENCHMARKS.md side by side (whole processes, medians of
                  -Runs runs) against the simulator with injected latency and rate limits, and rewrite its figures;
                  installs the benchmark peer openai (npm) into out/bench/node. Takes a few minutes; -Quick is a
                  one-run smoke test on small data (not part of Test)
        Clean     remove out/ and the bin/obj folders
.PARAMETER Configuration
    Release (default) or Debug.
.PARAMETER Version
    Build and Package: the module version to stage and pack (three numbers), instead of the manifest's ModuleVersion,
    e.g. for a CI build. The staged manifest and the assemblies carry it.
.PARAMETER Spec
    Contract only: the OpenAPI file of the Administration API to validate against. It is never copied into the project.
.EXAMPLE
    dotnet pwsh -NoProfile -File ./build.ps1 -Task Package
.EXAMPLE
    dotnet pwsh -NoProfile -File ./build.ps1 -Task Contract -Spec ../shared/api/openapi-admin.yaml
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Help', 'Coverage', 'Test', 'Package', 'TestDesktop', 'Contract', 'Demo', 'Bench', 'Clean')]
    [string[]] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    # Developer shortcut for Test: run only the Pester files whose names match (wildcards), and no xunit when
    # -SkipXunit is given. CI and the README run everything.
    [string] $PesterFile = '*',

    [switch] $SkipXunit,

    # Test: how many Pester processes run side by side (each with its own simulator); the number of processors, at
    # most 4, by default.
    [ValidateRange(1, 16)]
    [int] $PesterProcesses,

    # Contract: the OpenAPI file to validate requests and responses against.
    [string] $Spec,

    # Build/Package: stage and pack this version instead of the manifest's.
    [ValidatePattern('^\d+\.\d+\.\d+$')]
    [string] $Version,

    # Bench: whole-process runs per variant (the median is reported), or one run on small data with -Quick.
    [ValidateRange(1, 100)]
    [int] $Runs = 5,

    [switch] $Quick,

    # Bench: only these scenarios (a, b, c, d, e), written beside the real figures; all of them by default.
    [ValidateSet('a', 'b', 'c', 'd', 'e')]
    [string[]] $Scenario = @('a', 'b', 'c', 'd', 'e')
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$Root = $PSScriptRoot
$OutDir = Join-Path $Root 'out'
$Manifest = Import-PowerShellDataFile (Join-Path $Root 'OpenAIAdmin.psd1')
$ManifestVersion = $Manifest.ModuleVersion
if (-not $Version) { $Version = $ManifestVersion }
$StageDir = Join-Path $OutDir "OpenAIAdmin/$Version"
$StagedManifest = Join-Path $StageDir 'OpenAIAdmin.psd1'
$PesterVersion = '6.2.0'
# Stoplight Prism, the validating proxy of -Task Contract: an npm dev tool installed into out/tools/prism, pinned exactly.
$PrismVersion = '5.16.0'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
# pwsh's own telemetry and update check, in every pwsh the tasks start (the bench sets them for its processes too): a
# build reports nothing anywhere, and each of the test run's dozens of pwsh starts is cheaper without them.
$env:POWERSHELL_TELEMETRY_OPTOUT = '1'
$env:POWERSHELL_UPDATECHECK = 'Off'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'
# Plain text output in CI logs and transcripts (no ANSI colour sequences).
$env:NO_COLOR = '1'

function Invoke-Native {
    param([Parameter(Mandatory)][string] $Command, [string[]] $Arguments = @())
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "'$Command $($Arguments -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Invoke-Build {
    Write-Host "== Build $Version ($Configuration)"
    Invoke-Native dotnet @('build', (Join-Path $Root 'OpenAIAdmin.sln'), '-c', $Configuration, '-nologo', '-v', 'q', "-p:Version=$Version")

    if (Test-Path $StageDir) { Remove-Item $StageDir -Recurse -Force }
    $dependencies = New-Item -ItemType Directory -Path (Join-Path $StageDir 'Dependencies') -Force
    $binary = Join-Path $Root "src/OpenAIAdmin/bin/$Configuration/netstandard2.0"
    # The cmdlet assembly sits at the module root; the core and every third-party dll go to Dependencies/,
    # where only the module's own resolver finds them (see docs/ARCHITECTURE.md, "Loading").
    Copy-Item (Join-Path $binary 'OpenAIAdmin.dll') $StageDir
    Get-ChildItem $binary -Filter *.dll |
        Where-Object { $_.Name -notin 'OpenAIAdmin.dll', 'System.Management.Automation.dll' } |
        Copy-Item -Destination $dependencies
    Copy-Item (Join-Path $Root 'OpenAIAdmin.psd1'), (Join-Path $Root 'LICENSE') $StageDir
    if ($Version -ne $ManifestVersion) {
        $text = [IO.File]::ReadAllText($StagedManifest) -replace "(?m)^(\s*ModuleVersion\s*=\s*)'[^']*'", "`${1}'$Version'"
        [IO.File]::WriteAllText($StagedManifest, $text, [Text.UTF8Encoding]::new($false))
    }
    Copy-Item (Join-Path $Root 'src/OpenAIAdmin/OpenAIAdmin.Types.ps1xml') $StageDir
    Copy-Item (Join-Path $Root 'src/OpenAIAdmin/Formats') $StageDir -Recurse
    Invoke-Help
    Write-Host "Staged $StageDir"
}

function Invoke-Help {
    $helpDir = New-Item -ItemType Directory -Path (Join-Path $StageDir 'en-US') -Force
    Copy-Item (Join-Path $Root 'en-US/about_*.help.txt') $helpDir
    $maml = Join-Path $helpDir 'OpenAIAdmin.dll-Help.xml'
    # The compiler reads live cmdlet metadata, so it runs in a fresh process that imports the staged module.
    $script = "Import-Module '$StagedManifest'; Import-Module '$(Join-Path $Root 'build/HelpCompiler.psm1')'; " +
        "ConvertTo-OAIMaml -SourcePath '$(Join-Path $Root 'en-US')' -OutputPath '$maml' -ModuleName OpenAIAdmin"
    Invoke-Native dotnet @('pwsh', '-NoProfile', '-NonInteractive', '-Command', $script)
}

function Invoke-Coverage {
    if (-not (Test-Path $StagedManifest)) { Invoke-Build }
    $coverage = Join-Path $Root 'docs/COVERAGE.md'
    # The declarations are read from the staged module's cmdlets, so this runs in a fresh process that imports it.
    $script = "Import-Module '$StagedManifest'; Import-Module '$(Join-Path $Root 'build/Coverage.psm1')'; " +
        "`$text = ConvertTo-OAICoverageMarkdown -Catalog @(Get-OAIApiCatalog) -Declared @(Get-OAICmdletOperation); " +
        "[IO.File]::WriteAllText('$coverage', `$text, [Text.UTF8Encoding]::new(`$false))"
    Invoke-Native dotnet @('pwsh', '-NoProfile', '-NonInteractive', '-Command', $script)
    Write-Host "Wrote $coverage"
}

function Install-TestTools {
    $pester = Join-Path $OutDir "tools/pester/$PesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $pester)) {
        Write-Host "== Restore Pester $PesterVersion from NuGet"
        Invoke-Native dotnet @('restore', (Join-Path $Root 'build/tools.csproj'), '--packages', (Join-Path $OutDir 'tools'), '-nologo', '-v', 'q')
    }
    if (-not (Test-Path $pester)) { throw "Pester was not restored to $pester." }
    return $pester
}

function Start-Simulator {
    $dll = Join-Path $Root "tests/OpenAIAdmin.Simulator/bin/$Configuration/net10.0/OpenAIAdmin.Simulator.dll"
    if (-not (Test-Path $dll)) { throw "The simulator is not built: $dll" }
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @($dll, '--parent-pid', "$PID")) { $info.ArgumentList.Add($argument) }
    $info.RedirectStandardOutput = $true
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while ([DateTime]::UtcNow -lt $deadline) {
        $line = $process.StandardOutput.ReadLine()
        if ($null -eq $line) { break }
        if ($line -match '^SIMULATOR_URL=(.+)$') {
            return [pscustomobject]@{ Process = $process; Url = $Matches[1] }
        }
    }
    $process.Kill()
    throw 'The simulator did not report its URL within 30 seconds.'
}

function Stop-Simulator($Simulator) {
    if ($Simulator -and -not $Simulator.Process.HasExited) {
        $Simulator.Process.Kill()
        $Simulator.Process.WaitForExit(5000) | Out-Null
    }
}

# A child process of the test run. Both its output streams go whole to -LogPath; the lines for which -Show returns
# true also go to the console as they come. Wait-LoggedProcess reads them.
function Start-LoggedProcess([string[]] $Arguments, [hashtable] $Environment = @{}, [string] $LogPath, [scriptblock] $Show) {
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in $Arguments) { $info.ArgumentList.Add($argument) }
    foreach ($name in $Environment.Keys) { $info.Environment[$name] = $Environment[$name] }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)
    [pscustomobject]@{
        Process = $process; LogPath = $LogPath; Log = [System.IO.StreamWriter]::new($LogPath); Show = $Show
        Streams = @($process.StandardOutput, $process.StandardError); Pending = @{}; InFailure = $false
    }
}

# Reads both streams of every child line by line as lines complete, so that no child can fill a pipe and stall, until
# all of them have ended.
function Wait-LoggedProcess([object[]] $Children) {
    while (@($Children | Where-Object { $_.Streams.Count -gt 0 }).Count -gt 0) {
        $progressed = $false
        foreach ($child in $Children) {
            foreach ($stream in @($child.Streams)) {
                if (-not $child.Pending.ContainsKey($stream)) { $child.Pending[$stream] = $stream.ReadLineAsync() }
                $read = $child.Pending[$stream]
                if (-not $read.IsCompleted) { continue }
                $child.Pending.Remove($stream)
                $progressed = $true
                $line = $read.Result
                if ($null -eq $line) { $child.Streams = @($child.Streams | Where-Object { $_ -ne $stream }); continue }
                $child.Log.WriteLine($line)
                if ($child.Show -and (& $child.Show $line $child)) { Write-Host $line }
            }
        }
        if (-not $progressed) { Start-Sleep -Milliseconds 50 }
    }
    foreach ($child in $Children) { $child.Process.WaitForExit(); $child.Log.Dispose() }
}

function Stop-LoggedProcess([object[]] $Children) {
    foreach ($child in $Children) {
        if (-not $child.Process.HasExited) { $child.Process.Kill($true); $child.Process.WaitForExit(5000) | Out-Null }
        $child.Log.Dispose()
    }
}

# Which lines of a Pester process go to the console: each file's result and every failure with its details. $State
# remembers whether the last lines belong to a failure: a failed test's details are indented, a failed discovery's
# (the parse error and its stack) are not and run until Pester goes on.
function Test-PesterConsoleLine([string] $Text, $State) {
    if ($Text -match '^\[-\] Discovery in .* failed with:') { $State.InFailure = 'discovery' }
    elseif ($Text -match '^\s*\[-\]') { $State.InFailure = 'test' }
    elseif ($State.InFailure -eq 'discovery') { if ($Text -match '^(Discovery found|Running tests|Tests completed|Container failed|\[[+-]\] )') { $State.InFailure = $false } }
    elseif ($Text -notmatch '^\s') { $State.InFailure = $false }
    [bool]$State.InFailure -or $Text -match '^\[[+-]\] /|^Container failed|^  - '
}

# Starts Pester process number $Index with a simulator of its own (tests reset it). The processes share the files
# matching $Pattern through the claims in $ClaimPath (tests/pester/Invoke-PesterRun.ps1), so that a process that is
# free takes the next file.
function Start-PesterProcess([int] $Index, [string] $PesterPath, [string] $Pattern, [string] $ClaimPath, [string] $ResultsDir) {
    $simulator = Start-Simulator
    $summary = Join-Path $ResultsDir "pester-summary-$Index.json"
    try {
        $child = Start-LoggedProcess -LogPath (Join-Path $ResultsDir "pester-$Index.log") -Show ${function:Test-PesterConsoleLine} `
            -Arguments @('pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $Root 'tests/pester/Invoke-PesterRun.ps1'),
                '-PesterPath', $PesterPath, '-ClaimPath', $ClaimPath, '-SummaryPath', $summary, '-Pattern', $Pattern) `
            -Environment @{ OPENAIADMIN_MODULE = $StagedManifest; OPENAIADMIN_SIMULATOR_URL = $simulator.Url }
    }
    catch { Stop-Simulator $simulator; throw }
    $child | Add-Member -NotePropertyMembers @{ Index = $Index; Simulator = $simulator; Summary = $summary } -PassThru
}

# The counts of the ended Pester processes. Each failure counts once: a failed test, a file a process claimed and did
# not finish (it died in it), a file no process claimed, and a process that ended in error with none of these.
function Get-PesterCount([object[]] $Shards, [string] $Pattern) {
    $expected = @(Get-ChildItem (Join-Path $Root 'tests/pester') -Filter '*.Tests.ps1' | Where-Object Name -like $Pattern | ForEach-Object Name)
    $passed = 0; $failed = 0; $claimed = @()
    foreach ($shard in $Shards) {
        $counts = if (Test-Path $shard.Summary) { Get-Content $shard.Summary -Raw | ConvertFrom-Json }
        $unfinished = @()
        if ($counts) {
            $passed += [int]$counts.Passed; $failed += [int]$counts.Failed; $claimed += @($counts.Claimed)
            $unfinished = @($counts.Claimed | Where-Object { $_ -notin @($counts.Files) })
            Write-Host ("Pester process {0}: {1} passed, {2} failed, {3} skipped in {4} files" -f $shard.Index, $counts.Passed, $counts.Failed, $counts.Skipped, @($counts.Files).Count)
            foreach ($name in $unfinished) { Write-Host "Pester process $($shard.Index) ended in $name; see $($shard.LogPath)"; $failed++ }
        }
        if ($shard.Process.ExitCode -ne 0 -and (-not $counts -or [int]$counts.Failed -eq 0) -and $unfinished.Count -eq 0) {
            Write-Host "Pester process $($shard.Index) exited with code $($shard.Process.ExitCode); see $($shard.LogPath)"
            $failed++
        }
    }
    foreach ($name in $expected) {
        if ($name -notin $claimed) { Write-Host "Not run: $name"; $failed++ }
    }
    if ($expected.Count -eq 0) { Write-Host "No Pester file matches '$Pattern'."; $failed++ }
    [pscustomobject]@{ Passed = $passed; Failed = $failed }
}

# The counts of the ended xunit run, from its trx file; a run that failed without one counts as one failure.
function Get-XunitCount($Xunit, [string] $TrxFile) {
    if (-not $Xunit) { return [pscustomobject]@{ Passed = 0; Failed = 0 } }
    $passed = 0; $failed = 0
    if (Test-Path $TrxFile) {
        $counters = ([xml](Get-Content $TrxFile -Raw)).TestRun.ResultSummary.Counters
        $passed = [int]$counters.passed
        $failed = [int]$counters.total - [int]$counters.passed
    }
    if ($Xunit.Process.ExitCode -ne 0 -and $failed -eq 0) { $failed = 1 }
    [pscustomobject]@{ Passed = $passed; Failed = $failed }
}

# Dynamic PGO (on by default since .NET 8) runs new code instrumented, then compiles it again. The test run's processes
# are short and run most of their code few times (PowerShell's engine is IL in the dotnet tool, JIT-compiled in every
# process), so it costs them more than it gives: see docs/ARCHITECTURE.md, "How -Task Test runs them". It changes when
# code is compiled, not what it does. Every process of the run inherits it; a task after this one (Bench) does not.
function Invoke-Test {
    $pgo = $env:DOTNET_TieredPGO
    $env:DOTNET_TieredPGO = '0'
    try { Invoke-TestRun }
    finally { $env:DOTNET_TieredPGO = $pgo }
}

function Invoke-TestRun {
    Invoke-Build
    $pesterPath = Install-TestTools
    $results = Join-Path $OutDir 'test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    New-Item -ItemType Directory -Path $results | Out-Null

    # xunit runs beside the Pester processes: on two cores neither keeps both busy alone. Its (minimal) output is
    # shown whole once it has ended.
    $processes = if ($PesterProcesses) { $PesterProcesses } else { [Math]::Clamp([Environment]::ProcessorCount, 1, 4) }
    $trxFile = Join-Path $results 'xunit.trx'
    $xunit = $null; $shards = @()
    try {
        if (-not $SkipXunit) {
            Write-Host '== xunit (client core, transport, simulator), beside Pester; its output follows Pester''s'
            $xunit = Start-LoggedProcess -LogPath (Join-Path $results 'xunit.log') -Arguments @(
                'test', (Join-Path $Root 'tests/OpenAIAdmin.Tests'), '-c', $Configuration, '--no-build', '-nologo',
                '--logger', "trx;LogFileName=$(Split-Path $trxFile -Leaf)", '--logger', 'console;verbosity=minimal',
                '--results-directory', $results)
        }
        Write-Host "== Pester (every cmdlet in real pwsh against the staged module and a simulator; $processes processes side by side)"
        $claims = New-Item -ItemType Directory -Path (Join-Path $results 'pester-claims')
        foreach ($index in 1..$processes) {
            $shards += Start-PesterProcess -Index $index -PesterPath $pesterPath -Pattern $PesterFile -ClaimPath $claims.FullName -ResultsDir $results
        }
        Wait-LoggedProcess (@($xunit) + $shards | Where-Object { $_ })
        $pester = Get-PesterCount -Shards $shards -Pattern $PesterFile
        Write-Host "Full Pester output: $(Join-Path $results 'pester-<n>.log')"
        if ($xunit) {
            Write-Host '== xunit'
            Get-Content $xunit.LogPath | Write-Host
        }
        $xunitCount = Get-XunitCount -Xunit $xunit -TrxFile $trxFile
    }
    finally {
        Stop-LoggedProcess (@($xunit) + $shards | Where-Object { $_ })
        foreach ($shard in $shards) { Stop-Simulator $shard.Simulator }
    }

    Write-Host ("xunit: {0} passed, {1} failed; Pester: {2} passed, {3} failed" -f $xunitCount.Passed, $xunitCount.Failed, $pester.Passed, $pester.Failed)
    $passed = $xunitCount.Passed + $pester.Passed
    $failed = $xunitCount.Failed + $pester.Failed
    if ($passed -eq 0) { $failed = [Math]::Max($failed, 1) }
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Package {
    Invoke-Build
    Import-Module (Join-Path $Root 'build/Package.psm1') -Force
    $notes = Get-OAIReleaseNote -ChangelogPath (Join-Path $Root 'CHANGELOG.md') -Version $Version
    $nupkg = New-OAIPackage -ModuleFolder $StageDir -Version $Version -ReleaseNotes $notes `
        -DestinationPath (Join-Path $OutDir 'packages') -WorkPath (Join-Path $OutDir 'package-work')
    Write-Host "Wrote $($nupkg.FullName)"
}

function Install-Mono {
    if (Get-Command mono -ErrorAction SilentlyContinue) { return $true }
    if (-not (Get-Command apt-get -ErrorAction SilentlyContinue)) {
        Write-Host 'TestDesktop: mono is not installed and apt-get is not available to install it (Debian package mono-complete).'
        return $false
    }
    Write-Host '== Install mono-complete with apt-get (Mono, the .NET Framework-compatible runtime)'
    & apt-get update -q | Out-Host
    if ($LASTEXITCODE -eq 0) {
        $env:DEBIAN_FRONTEND = 'noninteractive'
        & apt-get install -y -q mono-complete | Out-Host
    }
    if ($LASTEXITCODE -ne 0 -or -not (Get-Command mono -ErrorAction SilentlyContinue)) {
        Write-Host "TestDesktop: installing mono-complete failed (exit code $LASTEXITCODE; apt-get needs root). Nothing was tested."
        return $false
    }
    return $true
}

function Invoke-TestDesktop {
    if (-not (Install-Mono)) { exit 2 }
    Invoke-Build
    $project = Join-Path $Root 'tests/OpenAIAdmin.DesktopRunner'
    Invoke-Native dotnet @('build', $project, '-c', $Configuration, '-nologo', '-v', 'q')
    $runner = Join-Path $project "bin/$Configuration/net472/OpenAIAdmin.DesktopRunner.exe"
    $simulator = Start-Simulator
    try {
        Write-Host "== Client core on $((& mono --version | Select-Object -First 1)) against the simulator"
        & mono $runner $StageDir $simulator.Url
        $desktopExit = $LASTEXITCODE
    }
    finally {
        Stop-Simulator $simulator
    }
    if ($desktopExit -ne 0) { exit 1 }
}

function Install-Prism {
    $prismDir = Join-Path $OutDir 'tools/prism'
    $package = Join-Path $prismDir 'node_modules/@stoplight/prism-cli/package.json'
    $installed = if (Test-Path $package) { (Get-Content $package -Raw | ConvertFrom-Json).version } else { $null }
    if ($installed -ne $PrismVersion) {
        Write-Host "== Install @stoplight/prism-cli $PrismVersion (npm) into out/tools/prism"
        # --ignore-scripts: Prism needs no install step, and a dependency's postinstall only reports telemetry.
        # npm's own output goes to the host: in the pipeline it would become part of this function's result.
        Invoke-Native npm @('install', '--prefix', $prismDir, '--no-audit', '--no-fund', '--ignore-scripts', '--save-exact', "@stoplight/prism-cli@$PrismVersion") | Out-Host
    }
    $cli = Join-Path $prismDir 'node_modules/@stoplight/prism-cli/dist/index.js'
    if (-not (Test-Path $cli)) { throw "Prism was not installed to $cli." }
    return $cli
}

function Get-FreePort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { return $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Start-Prism([string] $Cli, [string] $SpecPath, [string] $Upstream, [string] $LogDir) {
    $port = Get-FreePort
    $log = Join-Path $LogDir 'prism.log'
    $arguments = @($Cli, 'proxy', $SpecPath, $Upstream, '--errors', '--host', '127.0.0.1', '--port', "$port")
    $process = Start-Process -FilePath 'node' -ArgumentList $arguments -PassThru -NoNewWindow `
        -RedirectStandardOutput $log -RedirectStandardError (Join-Path $LogDir 'prism.err.log')
    $deadline = [DateTime]::UtcNow.AddSeconds(90)
    while ([DateTime]::UtcNow -lt $deadline -and -not $process.HasExited) {
        if ((Test-Path $log) -and (Select-String -Path $log -Pattern 'Prism is listening on' -SimpleMatch -Quiet)) {
            return [pscustomobject]@{ Process = $process; Url = "http://127.0.0.1:$port"; Log = $log }
        }
        Start-Sleep -Milliseconds 250
    }
    if (-not $process.HasExited) { $process.Kill($true) }
    throw "Prism did not start within 90 seconds; see $log and $(Join-Path $LogDir 'prism.err.log')."
}

function Invoke-Contract {
    if (-not $Spec) { throw '-Task Contract needs -Spec <OpenAPI file of the Administration API>.' }
    $specPath = (Resolve-Path -LiteralPath $Spec).Path
    Invoke-Build
    $cli = Install-Prism
    $logDir = Join-Path $OutDir 'contract'
    if (Test-Path $logDir) { Remove-Item $logDir -Recurse -Force }
    New-Item -ItemType Directory -Path $logDir | Out-Null

    $simulator = Start-Simulator
    $prism = $null
    try {
        Write-Host "== Prism $PrismVersion validating proxy: $specPath in front of $($simulator.Url)"
        $prism = Start-Prism -Cli $cli -SpecPath $specPath -Upstream $simulator.Url -LogDir $logDir
        # A fresh process: the binary module cannot be imported twice into one.
        & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'build/Contract.ps1') `
            -Module $StagedManifest -ProxyUrl $prism.Url -SimulatorUrl $simulator.Url -PrismLog $prism.Log
        $contractExit = $LASTEXITCODE
    }
    finally {
        if ($prism -and -not $prism.Process.HasExited) {
            $prism.Process.Kill($true)
            $prism.Process.WaitForExit(5000) | Out-Null
        }
        Stop-Simulator $simulator
    }
    if ($contractExit -ne 0) {
        Write-Host "Contract: FAILED (Prism's log: $(Join-Path $logDir 'prism.log'))"
        exit 1
    }
}

function Invoke-Demo {
    Invoke-Build
    $simulator = Start-Simulator
    try {
        $env:OPENAIADMIN_MODULE = $StagedManifest
        $env:OPENAI_BASE_URL = $simulator.Url
        # The simulator accepts any admin-shaped key; this one is obviously not real.
        $env:OPENAI_ADMIN_KEY = 'sk-admin-demo-not-a-real-key'
        Invoke-Native dotnet @('pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $Root 'build/Demo.ps1'))
    }
    finally {
        Stop-Simulator $simulator
    }
}

function Invoke-Bench {
    Invoke-Build
    Import-Module (Join-Path $Root 'build/Bench.psm1') -Force
    # A quick run writes beside the real figures, so that a smoke test never replaces them.
    $output = if ($Quick) { Join-Path $OutDir 'bench/BENCHMARKS.quick.md' }
        elseif ($Scenario.Count -lt 5) { Join-Path $OutDir 'bench/BENCHMARKS.partial.md' }
        else { Join-Path $Root 'docs/BENCHMARKS.md' }
    Invoke-OAIBench -ModuleManifest $StagedManifest `
        -SimulatorDll (Join-Path $Root "tests/OpenAIAdmin.Simulator/bin/$Configuration/net10.0/OpenAIAdmin.Simulator.dll") `
        -OutputPath $output -WorkPath (Join-Path $OutDir 'bench') -RepositoryRoot $Root -Runs $Runs -Quick:$Quick -Scenario $Scenario
}

function Invoke-Clean {
    if (Test-Path $OutDir) { Remove-Item $OutDir -Recurse -Force }
    Get-ChildItem (Join-Path $Root 'src'), (Join-Path $Root 'tests'), (Join-Path $Root 'build/bench') -Directory -Recurse -Include bin, obj |
        Remove-Item -Recurse -Force
    Write-Host 'Cleaned.'
}

foreach ($name in $Task) {
    switch ($name) {
        'Build' { Invoke-Build; Invoke-Coverage }
        'Help' { Invoke-Help }
        'Coverage' { Invoke-Coverage }
        'Test' { Invoke-Test }
        'Package' { Invoke-Package }
        'TestDesktop' { Invoke-TestDesktop }
        'Contract' { Invoke-Contract }
        'Demo' { Invoke-Demo }
        'Bench' { Invoke-Bench }
        'Clean' { Invoke-Clean }
    }
}
