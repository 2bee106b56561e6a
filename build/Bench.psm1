# build.ps1 -Task Bench: every scenario side by side in one run, each variant a whole process, medians of several runs,
# against the project's simulator with injected latency and rate limits. Writes docs/BENCHMARKS.md (the part above the
# history marker; what follows the marker is kept as it is). Not part of the test run: nothing in the tests times anything.
Set-StrictMode -Version Latest

# The benchmark peer: openai-node, installed by the bench into out/bench/node (never into the repository's files).
# 6.49.0 is the newest release whose package states no engine; 7.x declares Node.js 22 or later, the machines have 20.
$script:OpenAINodeVersion = '6.49.0'
$script:HistoryMarker = '<!-- Everything below this line is kept by build.ps1 -Task Bench: the record of what each change bought. -->'
$script:BenchKey = 'sk-admin-bench-not-a-real-key'

function Get-Median([double[]] $Values) {
    if ($Values.Count -eq 0) { return [double]::NaN }
    $sorted = @($Values | Sort-Object)
    $middle = [int][Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { return [double]$sorted[$middle] }
    return ([double]$sorted[$middle - 1] + [double]$sorted[$middle]) / 2
}

function Get-BenchMachine {
    $culture = [Globalization.CultureInfo]::InvariantCulture
    $cpu = (Get-Content /proc/cpuinfo -ErrorAction SilentlyContinue | Where-Object { $_ -match '^model name' } | Select-Object -First 1) -replace '^model name\s*:\s*', ''
    $memKb = [double](((Get-Content /proc/meminfo -ErrorAction SilentlyContinue | Where-Object { $_ -match '^MemTotal' }) -replace '[^0-9]', ''))
    $os = ((Get-Content /etc/os-release -ErrorAction SilentlyContinue | Where-Object { $_ -match '^PRETTY_NAME=' }) -replace '^PRETTY_NAME=|"', '')
    $kernel = (& uname -sr 2>$null)
    $node = (& node --version 2>$null)
    $npm = (& npm --version 2>$null)
    $sdk = (& dotnet --version 2>$null)
    $load = (Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ' | Select-Object -First 3
    [pscustomobject]@{
        Cpu = if ($cpu) { $cpu } else { 'unknown' }
        Cores = [Environment]::ProcessorCount
        MemoryGiB = if ($memKb) { [Math]::Round($memKb / 1MB, 1).ToString($culture) } else { 'unknown' }
        Os = if ($os) { "$os, $kernel" } else { [Runtime.InteropServices.RuntimeInformation]::OSDescription }
        DotNet = [Runtime.InteropServices.RuntimeInformation]::FrameworkDescription
        Sdk = $sdk
        PowerShell = $PSVersionTable.PSVersion.ToString()
        Node = $node
        Npm = $npm
        LoadAverage = ($load -join ' ')
    }
}

function Install-BenchNode([string] $NodeDir) {
    $package = Join-Path $NodeDir 'node_modules/openai/package.json'
    $installed = if (Test-Path $package) { (Get-Content $package -Raw | ConvertFrom-Json).version } else { $null }
    if ($installed -ne $script:OpenAINodeVersion) {
        Write-Host "== Install openai $($script:OpenAINodeVersion) (npm) into $NodeDir"
        New-Item -ItemType Directory -Path $NodeDir -Force | Out-Null
        & npm install --prefix $NodeDir --no-audit --no-fund --ignore-scripts --save-exact "openai@$($script:OpenAINodeVersion)" | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "npm install openai@$($script:OpenAINodeVersion) failed with exit code $LASTEXITCODE." }
    }
    $version = (Get-Content $package -Raw | ConvertFrom-Json).version
    # The SDK's admin resources and its auto-pager are what the scenario uses; refuse a package without them.
    if (-not (Test-Path (Join-Path $NodeDir 'node_modules/openai/resources/admin/organization/users/users.js'))) {
        throw "openai $version has no admin users resource (client.admin.organization.users)."
    }
    return $version
}

function Build-BenchMinimalModule([string] $OutputDir) {
    # The reference point of (a) and (b): build/bench/MinimalModule, the least a compiled cmdlet does to list users.
    $project = Join-Path $PSScriptRoot 'bench/MinimalModule/MinimalModule.csproj'
    Write-Host "== Build the minimal reference module into $OutputDir"
    & dotnet build $project -c Release -o $OutputDir --nologo -v quiet | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet build $project failed with exit code $LASTEXITCODE." }
    Copy-Item (Join-Path $PSScriptRoot 'bench/MinimalModule/MinimalModule.psd1') $OutputDir -Force
    return (Join-Path $OutputDir 'MinimalModule.psd1')
}

function Start-BenchSimulator([string] $Dll) {
    $info = [Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @($Dll, '--parent-pid', "$PID")) { $info.ArgumentList.Add($argument) }
    $info.RedirectStandardOutput = $true
    $info.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($info)
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while ([DateTime]::UtcNow -lt $deadline) {
        $line = $process.StandardOutput.ReadLine()
        if ($null -eq $line) { break }
        if ($line -match '^SIMULATOR_URL=(.+)$') {
            $url = $Matches[1]
            return [pscustomobject]@{ Process = $process; Url = $url; Root = $url -replace '/v1$', '' }
        }
    }
    $process.Kill()
    throw 'The simulator did not report its URL within 30 seconds.'
}

function Set-BenchServer($Simulator, [hashtable] $Bulk = @{}, [hashtable] $Conditions = @{}) {
    # Reset first (seed data, empty request log, start conditions), then the data and conditions of the scenario.
    Invoke-RestMethod -Method Post -Uri "$($Simulator.Root)/_sim/reset" | Out-Null
    if ($Bulk.Count) { Invoke-RestMethod -Method Post -Uri "$($Simulator.Root)/_sim/bulk" -Body ($Bulk | ConvertTo-Json -Compress) | Out-Null }
    if ($Conditions.Count) { Invoke-RestMethod -Method Post -Uri "$($Simulator.Root)/_sim/conditions" -Body ($Conditions | ConvertTo-Json -Compress) | Out-Null }
}

function Get-BenchRequestLog($Simulator) {
    # Invoke-RestMethod returns the JSON array as one object; foreach takes its entries.
    $entries = [Collections.Generic.List[object]]::new()
    foreach ($entry in (Invoke-RestMethod -Uri "$($Simulator.Root)/_sim/requests")) { $entries.Add($entry) }
    return , $entries
}

<#
Runs one whole process and returns its wall time (process start to exit, measured here) and, with -Memory, its peak
resident set size: read by /usr/bin/time (%M, the kernel's maximum RSS of the process) where it exists, else by
sampling VmHWM in /proc/<pid>/status while it runs.
#>
function Measure-BenchBucket($Log, [int] $Burst, [double] $PerSecond) {
    # Replays the admitted requests' arrivals through the server's token bucket (full at the first arrival), to say where
    # the time between the first and the last admitted request went beyond (admitted - burst) / rate: refill that found
    # the bucket full (the client sent nothing while the server would have admitted) and tokens left at the last one.
    $tokens = [double]$Burst; $overflow = 0.0; $previous = $null; $first = $null; $last = $null; $admitted = 0
    foreach ($entry in $Log) {
        $at = [double]$entry.arrived_ms / 1000
        if ($null -ne $previous) {
            $tokens += ($at - $previous) * $PerSecond
            if ($tokens -gt $Burst) { $overflow += $tokens - $Burst; $tokens = $Burst }
        }
        $previous = $at
        if ($entry.status -ne 429) {
            $tokens -= 1; $admitted++
            if ($null -eq $first) { $first = $at }
            $last = $at
        }
    }
    [pscustomobject]@{
        Span = if ($null -ne $first) { $last - $first } else { 0.0 }
        FullBucket = $overflow / $PerSecond
        LeftAtEnd = [Math]::Max(0, $tokens) / $PerSecond
    }
}

function Invoke-BenchProcess {
    param(
        [Parameter(Mandatory)][string] $FilePath,
        [string[]] $ArgumentList = @(),
        [hashtable] $Environment = @{},
        [string] $WorkingDirectory,
        [switch] $Memory
    )
    $useTime = $Memory -and (Test-Path '/usr/bin/time')
    $rssFile = $null
    $info = [Diagnostics.ProcessStartInfo]::new()
    if ($useTime) {
        $rssFile = [IO.Path]::GetTempFileName()
        $info.FileName = '/usr/bin/time'
        foreach ($a in @('-f', '%M', '-o', $rssFile, $FilePath)) { $info.ArgumentList.Add($a) }
    }
    else {
        $info.FileName = $FilePath
    }
    foreach ($a in $ArgumentList) { $info.ArgumentList.Add($a) }
    foreach ($key in $Environment.Keys) { $info.Environment[$key] = [string]$Environment[$key] }
    if ($WorkingDirectory) { $info.WorkingDirectory = $WorkingDirectory }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false

    $watch = [Diagnostics.Stopwatch]::StartNew()
    $process = [Diagnostics.Process]::Start($info)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    $peakKb = 0.0
    if ($Memory -and -not $useTime) {
        while (-not $process.HasExited) {
            try {
                $line = [IO.File]::ReadAllLines("/proc/$($process.Id)/status") | Where-Object { $_ -like 'VmHWM:*' }
                if ($line) { $peakKb = [Math]::Max($peakKb, [double]($line -replace '[^0-9]', '')) }
            }
            catch { }
            Start-Sleep -Milliseconds 5
        }
    }
    $process.WaitForExit()
    $watch.Stop()
    $output = $stdout.GetAwaiter().GetResult()
    $errors = $stderr.GetAwaiter().GetResult()
    if ($useTime) {
        $text = (Get-Content $rssFile -Raw) -split "`n" | Where-Object { $_ -match '^\d+\s*$' } | Select-Object -Last 1
        if ($text) { $peakKb = [double]$text }
        Remove-Item $rssFile -ErrorAction SilentlyContinue
    }
    [pscustomobject]@{
        Seconds = $watch.Elapsed.TotalSeconds
        PeakRssMiB = $peakKb / 1024
        ExitCode = $process.ExitCode
        Output = $output
        Errors = $errors
    }
}

function Read-BenchValue([string] $Output, [string] $Name) {
    if ($Output -match "(?m)^$Name=([^\s]+)") { return $Matches[1] }
    return $null
}

function Write-BenchScripts([string] $Dir) {
    New-Item -ItemType Directory -Path $Dir -Force | Out-Null
    $scripts = @{
        'bare.ps1' = 'exit 0'
        # (a) and (c): the module, as a user would type it.
        'module-users.ps1' = @'
param([string] $Module)
Import-Module $Module
"count=$((Get-OAIUser | Measure-Object).Count)"
'@
        # (a), (b): the minimal reference module (build/bench/MinimalModule), the same work with nothing else.
        'minimal-users.ps1' = @'
param([string] $Module)
Import-Module $Module
"count=$((Get-MinimalUser | Measure-Object).Count)"
'@
        'minimal-cold.ps1' = @'
param([string] $Module)
Import-Module $Module
$user = Get-MinimalUser -First 1
"id=$($user.Id)"
'@
        # (a): the hand-written paging loop a user could write instead of the module.
        'irm-users.ps1' = @'
$headers = @{ Authorization = "Bearer $env:OPENAI_ADMIN_KEY" }
$count = 0
$after = $null
do {
    $uri = "$env:OPENAI_BASE_URL/organization/users?limit=100"
    if ($after) { $uri += "&after=$after" }
    $page = Invoke-RestMethod -Uri $uri -Headers $headers
    $count += $page.data.Count
    $after = $page.last_id
} while ($page.has_more)
"count=$count"
'@
        # (b): Import-Module and the first result; the times inside the process are printed as a breakdown.
        'module-cold.ps1' = @'
param([string] $Module)
$watch = [System.Diagnostics.Stopwatch]::StartNew()
Import-Module $Module
$imported = $watch.Elapsed.TotalMilliseconds
$user = Get-OAIUser -First 1
$first = $watch.Elapsed.TotalMilliseconds - $imported
"id=$($user.Id)"
"import_ms=$imported"
"first_ms=$first"
'@
        # (d): whether this build has the usage and cost cmdlets.
        'module-commands.ps1' = @'
param([string] $Module)
Import-Module $Module
"usage=$([bool](Get-Command Get-OAIUsage -ErrorAction SilentlyContinue))"
"cost=$([bool](Get-Command Get-OAICost -ErrorAction SilentlyContinue))"
'@
        # (d): the module's windowed paging (default) or -ThrottleLimit 1; the time of the call itself.
        'module-money.ps1' = @'
param([string] $Module, [string] $What, [long] $Start, [long] $End, [int] $ThrottleLimit)
Import-Module $Module
$range = @{ StartTime = [DateTimeOffset]::FromUnixTimeSeconds($Start); EndTime = [DateTimeOffset]::FromUnixTimeSeconds($End) }
if ($ThrottleLimit -gt 0) { $range.ThrottleLimit = $ThrottleLimit }
# One small read of the same kind first, outside the timing: the figures compare paging, not the first call's JIT.
$warm = @{ StartTime = [DateTimeOffset]::FromUnixTimeSeconds($End - 86400); EndTime = [DateTimeOffset]::FromUnixTimeSeconds($End) }
if ($What -eq 'usage') { Get-OAIUsage -Kind Completions -BucketWidth 1h @warm | Out-Null } else { Get-OAICost -BucketWidth 1d -GroupBy project_id @warm | Out-Null }
$watch = [System.Diagnostics.Stopwatch]::StartNew()
$count = if ($What -eq 'usage') { (Get-OAIUsage -Kind Completions -BucketWidth 1h @range | Measure-Object).Count }
         else { (Get-OAICost -BucketWidth 1d -GroupBy project_id @range | Measure-Object).Count }
"seconds=$($watch.Elapsed.TotalSeconds.ToString([cultureinfo]::InvariantCulture))"
"count=$count"
'@
        # (d): a sequential next_page walk by hand; the time of the walk itself.
        'irm-money.ps1' = @'
param([string] $What, [long] $Start, [long] $End)
$headers = @{ Authorization = "Bearer $env:OPENAI_ADMIN_KEY" }
$base = if ($What -eq 'usage') { "$env:OPENAI_BASE_URL/organization/usage/completions?bucket_width=1h&limit=168" }
        else { "$env:OPENAI_BASE_URL/organization/costs?bucket_width=1d&limit=180&group_by=project_id" }
$base += "&start_time=$Start&end_time=$End"
# One small request first, outside the timing, as the module's script does.
Invoke-RestMethod -Uri ($base -replace 'start_time=\d+', "start_time=$($End - 86400)") -Headers $headers | Out-Null
$watch = [System.Diagnostics.Stopwatch]::StartNew()
$count = 0
$next = $null
do {
    $uri = $base
    if ($next) { $uri += "&page=$([uri]::EscapeDataString($next))" }
    $page = Invoke-RestMethod -Uri $uri -Headers $headers
    foreach ($bucket in $page.data) {
        $results = if ($bucket.PSObject.Properties['results']) { $bucket.results } else { $bucket.result }
        $count += @($results).Count
    }
    $next = $page.next_page
} while ($page.has_more)
"seconds=$($watch.Elapsed.TotalSeconds.ToString([cultureinfo]::InvariantCulture))"
"count=$count"
'@
        # (e): the access report, paced by the client (-RequestsPerMinute) or left to the server's 429s.
        'module-access.ps1' = @'
param([string] $Module, [int] $RequestsPerMinute)
Import-Module $Module
$watch = [System.Diagnostics.Stopwatch]::StartNew()
$count = if ($RequestsPerMinute -gt 0) { (Get-OAIAccessReport -RequestsPerMinute $RequestsPerMinute | Measure-Object).Count }
         else { (Get-OAIAccessReport | Measure-Object).Count }
"seconds=$($watch.Elapsed.TotalSeconds.ToString([cultureinfo]::InvariantCulture))"
"count=$count"
'@
    }
    foreach ($name in $scripts.Keys) {
        [IO.File]::WriteAllText((Join-Path $Dir $name), $scripts[$name] + "`n", [Text.UTF8Encoding]::new($false))
    }
}

function Write-BenchNodeScript([string] $NodeDir) {
    # The SDK's own auto-pager: `for await` over the admin users list, 100 a page.
    $text = @'
import OpenAI from 'openai';
const client = new OpenAI({ adminAPIKey: process.env.OPENAI_ADMIN_KEY, baseURL: process.env.OPENAI_BASE_URL });
let count = 0;
for await (const user of client.admin.organization.users.list({ limit: 100 })) count++;
console.log(`count=${count}`);
'@
    [IO.File]::WriteAllText((Join-Path $NodeDir 'users.mjs'), $text + "`n", [Text.UTF8Encoding]::new($false))
    [IO.File]::WriteAllText((Join-Path $NodeDir 'bare.mjs'), "`n", [Text.UTF8Encoding]::new($false))
}

function Format-Seconds([double] $Seconds) {
    if ([double]::IsNaN($Seconds)) { return 'n/a' }
    return $Seconds.ToString('0.000', [Globalization.CultureInfo]::InvariantCulture) + ' s'
}

function Format-Ratio([double] $Value) {
    if ([double]::IsNaN($Value) -or [double]::IsInfinity($Value)) { return 'n/a' }
    return $Value.ToString('0.00', [Globalization.CultureInfo]::InvariantCulture) + '×'
}

function Format-Number([double] $Value, [string] $Format = '0.0') {
    if ([double]::IsNaN($Value)) { return 'n/a' }
    return $Value.ToString($Format, [Globalization.CultureInfo]::InvariantCulture)
}

function Format-Range([double[]] $Values, [string] $Unit = 's', [string] $Format = '0.000') {
    if ($Values.Count -eq 0) { return 'n/a' }
    $sorted = @($Values | Sort-Object)
    '{0}–{1} {2}' -f (Format-Number $sorted[0] $Format), (Format-Number $sorted[-1] $Format), $Unit
}

function Invoke-OAIBench {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string] $ModuleManifest,
        [Parameter(Mandatory)][string] $SimulatorDll,
        [Parameter(Mandatory)][string] $OutputPath,
        [Parameter(Mandatory)][string] $WorkPath,
        [string] $RepositoryRoot,
        # Whole-process runs per variant (the median is reported).
        [ValidateRange(1, 100)][int] $Runs = 5,
        # A smoke run: one run per variant, small data. Its figures are not benchmarks.
        [switch] $Quick,
        # Only these scenarios (a developer measuring one change); the others are reported as not run.
        [ValidateSet('a', 'b', 'c', 'd', 'e')][string[]] $Scenario = @('a', 'b', 'c', 'd', 'e')
    )
    $ErrorActionPreference = 'Stop'
    $culture = [Globalization.CultureInfo]::InvariantCulture
    if ($Quick) { $Runs = 1 }
    $usersSmall = if ($Quick) { 1000 } else { 10000 }
    $usersLarge = if ($Quick) { 5000 } else { 100000 }
    $projects = if ($Quick) { 20 } else { 200 }
    $rpm = 6000
    $latencyMs = 300

    $scriptDir = Join-Path $WorkPath 'scripts'
    $nodeDir = Join-Path $WorkPath 'node'
    Write-BenchScripts $scriptDir
    $openaiVersion = Install-BenchNode $nodeDir
    Write-BenchNodeScript $nodeDir
    $minimalManifest = Build-BenchMinimalModule (Join-Path $WorkPath 'minimal')
    $machine = Get-BenchMachine
    # What is measured is the module (src/) and its simulator as built at the start: uncommitted changes there are flagged.
    $commit = if ($RepositoryRoot) { (& git -C $RepositoryRoot rev-parse --short HEAD 2>$null) } else { $null }
    $dirty = if ($RepositoryRoot) { [bool](& git -C $RepositoryRoot status --porcelain -- src tests/OpenAIAdmin.Simulator 2>$null) } else { $false }

    # Child pwsh processes run the same PowerShell as this one, started the fastest way it can be: the host executable
    # with pwsh.dll when this pwsh runs as a dotnet tool, else the pwsh executable itself.
    $hostPath = (Get-Process -Id $PID).Path
    [string[]] $pwshPrefix = if ((Split-Path -Leaf $hostPath) -like 'dotnet*') { @((Join-Path $PSHOME 'pwsh.dll')) } else { @() }
    [string[]] $pwshArgs = $pwshPrefix + @('-NoProfile', '-NonInteractive', '-File')

    $simulator = Start-BenchSimulator $SimulatorDll
    $environment = @{
        OPENAI_ADMIN_KEY = $script:BenchKey
        OPENAI_BASE_URL = $simulator.Url
        NO_COLOR = '1'
        POWERSHELL_TELEMETRY_OPTOUT = '1'
        POWERSHELL_UPDATECHECK = 'Off'
    }
    # Removed from the children's environment: a developer's own settings must not change what is measured.
    foreach ($name in 'OPENAI_ADMIN_MAX_RETRIES', 'OPENAI_ADMIN_TIMEOUT_SEC', 'OPENAI_ADMIN_OPERATION_TIMEOUT_SEC') {
        if (Test-Path "env:$name") { $environment[$name] = '' }
    }

    function Run-Pwsh([string] $Script, [string[]] $Arguments = @(), [switch] $Memory) {
        $r = Invoke-BenchProcess -FilePath $hostPath -ArgumentList ($pwshArgs + @((Join-Path $scriptDir $Script)) + $Arguments) -Environment $environment -Memory:$Memory
        if ($r.ExitCode -ne 0) { throw "$Script failed (exit code $($r.ExitCode)): $($r.Errors)$($r.Output)" }
        return $r
    }

    function Run-Node([string] $Script) {
        $r = Invoke-BenchProcess -FilePath 'node' -ArgumentList @((Join-Path $nodeDir $Script)) -Environment $environment -WorkingDirectory $nodeDir
        if ($r.ExitCode -ne 0) { throw "node $Script failed (exit code $($r.ExitCode)): $($r.Errors)$($r.Output)" }
        return $r
    }

    function Assert-Count($Result, [long] $Expected, [string] $What) {
        $count = Read-BenchValue $Result.Output 'count'
        if ([long]$count -ne $Expected) { throw "$What returned $count items, expected ${Expected}: the figures would mean nothing." }
    }

    $results = [ordered]@{}
    try {
        # Warm-up: one run of each kind, not counted (disk caches, the simulator's own JIT).
        Set-BenchServer $simulator -Bulk @{ users = $usersSmall }
        Write-Host '== Bench: warm-up'
        $null = Run-Pwsh 'module-users.ps1' @($ModuleManifest)
        $null = Run-Pwsh 'irm-users.ps1'
        $null = Run-Node 'users.mjs'
        $null = Run-Pwsh 'minimal-users.ps1' @($minimalManifest)

        if ($Scenario -contains 'a') {
            # (a) list users, and the bare starts; all variants interleaved, run after run.
            Write-Host "== Bench (a): list $usersSmall users, $Runs runs of each variant"
            $a = [ordered]@{ module = @(); irm = @(); node = @(); minimal = @(); pwsh = @(); nodebare = @() }
            for ($i = 1; $i -le $Runs; $i++) {
                $r = Run-Pwsh 'module-users.ps1' @($ModuleManifest); Assert-Count $r $usersSmall 'Get-OAIUser'; $a.module += $r.Seconds
                $r = Run-Pwsh 'irm-users.ps1'; Assert-Count $r $usersSmall 'The Invoke-RestMethod loop'; $a.irm += $r.Seconds
                $r = Run-Node 'users.mjs'; Assert-Count $r $usersSmall 'openai-node'; $a.node += $r.Seconds
                $r = Run-Pwsh 'minimal-users.ps1' @($minimalManifest); Assert-Count $r $usersSmall 'The minimal module'; $a.minimal += $r.Seconds
                $a.pwsh += (Run-Pwsh 'bare.ps1').Seconds
                $a.nodebare += (Run-Node 'bare.mjs').Seconds
            }
            $results.a = $a
        }

        if ($Scenario -contains 'b') {
            # (b) cold start: Import-Module and the first result, against the same server.
            Write-Host "== Bench (b): cold start, $Runs runs"
            $b = [ordered]@{ cold = @(); minimal = @(); pwsh = @(); import = @(); first = @() }
            for ($i = 1; $i -le $Runs; $i++) {
                $r = Run-Pwsh 'module-cold.ps1' @($ModuleManifest)
                if (-not (Read-BenchValue $r.Output 'id')) { throw "Get-OAIUser -First 1 returned nothing: $($r.Output)" }
                $b.cold += $r.Seconds
                $b.import += [double]::Parse((Read-BenchValue $r.Output 'import_ms'), $culture)
                $b.first += [double]::Parse((Read-BenchValue $r.Output 'first_ms'), $culture)
                $r = Run-Pwsh 'minimal-cold.ps1' @($minimalManifest)
                if (-not (Read-BenchValue $r.Output 'id')) { throw "Get-MinimalUser -First 1 returned nothing: $($r.Output)" }
                $b.minimal += $r.Seconds
                $b.pwsh += (Run-Pwsh 'bare.ps1').Seconds
            }
            $results.b = $b
        }

        if ($Scenario -contains 'c') {
            # (c) peak memory at two sizes, and the bare process for reference.
            Write-Host "== Bench (c): peak RSS for $usersSmall and $usersLarge users, $Runs runs"
            $c = [ordered]@{ small = @(); large = @(); minimalSmall = @(); minimalLarge = @(); pwsh = @(); method = if (Test-Path '/usr/bin/time') { '/usr/bin/time (%M, the maximum resident set size the kernel recorded)' } else { 'VmHWM from /proc/<pid>/status, sampled every 5 ms' } }
            for ($i = 1; $i -le $Runs; $i++) {
                $c.pwsh += (Run-Pwsh 'bare.ps1' -Memory).PeakRssMiB
            }
            for ($i = 1; $i -le $Runs; $i++) {
                $r = Run-Pwsh 'module-users.ps1' @($ModuleManifest) -Memory; Assert-Count $r $usersSmall 'Get-OAIUser'; $c.small += $r.PeakRssMiB
                $r = Run-Pwsh 'minimal-users.ps1' @($minimalManifest) -Memory; Assert-Count $r $usersSmall 'The minimal module'; $c.minimalSmall += $r.PeakRssMiB
            }
            Set-BenchServer $simulator -Bulk @{ users = $usersLarge }
            for ($i = 1; $i -le $Runs; $i++) {
                $r = Run-Pwsh 'module-users.ps1' @($ModuleManifest) -Memory; Assert-Count $r $usersLarge 'Get-OAIUser'; $c.large += $r.PeakRssMiB
                $r = Run-Pwsh 'minimal-users.ps1' @($minimalManifest) -Memory; Assert-Count $r $usersLarge 'The minimal module'; $c.minimalLarge += $r.PeakRssMiB
            }
            $results.c = $c
        }

        if ($Scenario -contains 'd') {
            # (d) usage and costs at 300 ms latency, once this build has the cmdlets.
            Write-Host '== Bench (d): usage and costs at 300 ms latency'
            $commands = (Run-Pwsh 'module-commands.ps1' @($ModuleManifest)).Output
            $end = [DateTimeOffset]::new([DateTime]::UtcNow.Date, [TimeSpan]::Zero)
            $d = [ordered]@{}
            foreach ($what in 'usage', 'cost') {
                $available = (Read-BenchValue $commands $what) -eq 'True'
                $start = if ($what -eq 'usage') { $end.AddDays(-30) } else { $end.AddDays(-365) }
                $entry = [ordered]@{ available = $available; start = $start; end = $end; windowed = @(); sequential = @(); irm = @(); counts = @() }
                if ($available) {
                    Set-BenchServer $simulator -Conditions @{ latency_ms = $latencyMs }
                    $range = @("$($start.ToUnixTimeSeconds())", "$($end.ToUnixTimeSeconds())")
                    for ($i = 1; $i -le $Runs; $i++) {
                        $r = Run-Pwsh 'module-money.ps1' (@($ModuleManifest, $what) + $range + @('0'))
                        $entry.windowed += [double]::Parse((Read-BenchValue $r.Output 'seconds'), $culture); $entry.counts += "windowed=$(Read-BenchValue $r.Output 'count')"
                        $r = Run-Pwsh 'module-money.ps1' (@($ModuleManifest, $what) + $range + @('1'))
                        $entry.sequential += [double]::Parse((Read-BenchValue $r.Output 'seconds'), $culture); $entry.counts += "throttle1=$(Read-BenchValue $r.Output 'count')"
                        $r = Run-Pwsh 'irm-money.ps1' (@($what) + $range)
                        $entry.irm += [double]::Parse((Read-BenchValue $r.Output 'seconds'), $culture); $entry.counts += "walk=$(Read-BenchValue $r.Output 'count')"
                        # The three ways must return the same rows, and some: else the times compare different work.
                        $seen = @($entry.counts | Select-Object -Last 3 | ForEach-Object { ($_ -split '=')[1] } | Select-Object -Unique)
                        if ($seen.Count -ne 1 -or [long]$seen[0] -le 0) { throw "($what) the windowed module, -ThrottleLimit 1 and the walk returned different row counts: $(@($entry.counts | Select-Object -Last 3) -join ', ')." }
                    }
                }
                $d[$what] = $entry
            }
            $results.d = $d
        }

        if ($Scenario -contains 'e') {
            # (e) the access report against a server that admits $rpm requests a minute.
            Write-Host "== Bench (e): Get-OAIAccessReport over $projects projects at $rpm requests per minute, $Runs runs of each variant"
            $e = [ordered]@{ rpm = $rpm; projects = $projects; paced = @(); unpaced = @(); requests = @(); refused = @(); burst = 0
                pacedSpan = @(); pacedFull = @(); pacedLeft = @(); unpacedSpan = @(); unpacedFull = @(); unpacedLeft = @() }
            for ($i = 1; $i -le $Runs; $i++) {
                foreach ($variant in 'paced', 'unpaced') {
                    Set-BenchServer $simulator -Bulk @{ projects = $projects; project_members = 1 } -Conditions @{ requests_per_minute = $rpm }
                    $e.burst = (Invoke-RestMethod -Uri "$($simulator.Root)/_sim/conditions").burst
                    $r = Run-Pwsh 'module-access.ps1' @($ModuleManifest, $(if ($variant -eq 'paced') { "$rpm" } else { '0' }))
                    $e[$variant] += [double]::Parse((Read-BenchValue $r.Output 'seconds'), $culture)
                    $log = Get-BenchRequestLog $simulator
                    $e.requests += @($log | Where-Object { $_.status -ne 429 }).Count
                    $e.refused += "$variant=$(@($log | Where-Object { $_.status -eq 429 }).Count)"
                    $use = Measure-BenchBucket $log $e.burst ($rpm / 60.0)
                    $e["${variant}Span"] += $use.Span; $e["${variant}Full"] += $use.FullBucket; $e["${variant}Left"] += $use.LeftAtEnd
                }
            }
            $results.e = $e
        }
    }
    finally {
        if (-not $simulator.Process.HasExited) { $simulator.Process.Kill(); $simulator.Process.WaitForExit(5000) | Out-Null }
    }

    $raw = [ordered]@{ date = [DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm', $culture); commit = $commit; dirty = $dirty; quick = [bool]$Quick; runs = $Runs; machine = $machine; openai = $openaiVersion; results = $results }
    $json = Join-Path $WorkPath 'results.json'
    [IO.File]::WriteAllText($json, ($raw | ConvertTo-Json -Depth 8), [Text.UTF8Encoding]::new($false))

    $markdown = ConvertTo-BenchMarkdown -Raw $raw -UsersSmall $usersSmall -UsersLarge $usersLarge -LatencyMs $latencyMs
    $history = ''
    if (Test-Path $OutputPath) {
        $existing = Get-Content $OutputPath -Raw
        $at = $existing.IndexOf($script:HistoryMarker, [StringComparison]::Ordinal)
        if ($at -ge 0) { $history = $existing.Substring($at + $script:HistoryMarker.Length).TrimStart("`r", "`n") }
    }
    $text = $markdown + "`n" + $script:HistoryMarker + "`n`n" + $history
    [IO.File]::WriteAllText($OutputPath, $text.TrimEnd() + "`n", [Text.UTF8Encoding]::new($false))
    Write-Host "Wrote $OutputPath (raw figures: $json)"
}

function ConvertTo-BenchMarkdown($Raw, [int] $UsersSmall, [int] $UsersLarge, [int] $LatencyMs) {
    $r = $Raw.results
    $m = $Raw.machine
    $sb = [Text.StringBuilder]::new()
    function Line([string] $Text = '') { [void]$sb.AppendLine($Text) }
    function Met([bool] $Ok) { if ($Ok) { 'met' } else { '**not met**' } }

    Line '# Benchmarks'
    Line
    Line 'Generated by `dotnet pwsh -NoProfile -File ./build.ps1 -Task Bench` (see "Performance" in ARCHITECTURE.md). Every'
    Line 'variant is a whole process started by the bench; the figure is the median of the runs (the range follows), all'
    Line 'variants of a scenario interleaved run after run, against the project''s simulator on loopback, started by the bench.'
    if ($Raw.quick) { Line; Line '**Quick run (`-Quick`): one run per variant on small data. These figures are a smoke test, not benchmarks.**' }
    Line
    Line "## Run of $($Raw.date) UTC"
    Line
    Line '| | |'
    Line '|---|---|'
    Line "| commit | $($Raw.commit)$(if ($Raw.dirty) { ' with uncommitted changes to the module or the simulator' }) |"
    Line "| runs per variant | $($Raw.runs) |"
    Line "| CPU | $($m.Cpu), $($m.Cores) cores |"
    Line "| memory | $($m.MemoryGiB) GiB |"
    Line "| OS | $($m.Os) |"
    Line "| runtimes | PowerShell $($m.PowerShell) on $($m.DotNet) (SDK $($m.Sdk)); Node.js $($m.Node), npm $($m.Npm), openai (npm) $($Raw.openai) |"
    Line "| load average at start | $($m.LoadAverage) |"
    Line

    if ($r.Contains('a')) {
        $a = $r.a
        $pw = Get-Median $a.pwsh; $nb = Get-Median $a.nodebare
        $mod = Get-Median $a.module; $irm = Get-Median $a.irm; $node = Get-Median $a.node
        $modWork = $mod - $pw; $irmWork = $irm - $pw; $nodeWork = $node - $nb
        Line "## (a) List $UsersSmall users (100 a page, no latency)"
        Line
        Line 'Work time = the process minus its runtime''s bare start (`pwsh -c exit`, `node -e 0`, measured in the same run).'
        Line
        Line '| variant | process | range | work time | work vs the module |'
        Line '|---|---|---|---|---|'
        Line "| module: ``Get-OAIUser \| Measure-Object`` | $(Format-Seconds $mod) | $(Format-Range $a.module) | $(Format-Seconds $modWork) | 1.00× |"
        Line "| hand-written ``Invoke-RestMethod`` loop | $(Format-Seconds $irm) | $(Format-Range $a.irm) | $(Format-Seconds $irmWork) | $(Format-Ratio ($irmWork / $modWork)) |"
        Line "| openai-node $($Raw.openai) auto-pager (``for await``) | $(Format-Seconds $node) | $(Format-Range $a.node) | $(Format-Seconds $nodeWork) | $(Format-Ratio ($nodeWork / $modWork)) |"
        $min = Get-Median $a.minimal; $minWork = $min - $pw
        Line "| reference: a minimal binary module, ``Get-MinimalUser \| Measure-Object`` | $(Format-Seconds $min) | $(Format-Range $a.minimal) | $(Format-Seconds $minWork) | $(Format-Ratio ($minWork / $modWork)) |"
        Line "| bare pwsh start | $(Format-Seconds $pw) | $(Format-Range $a.pwsh) | | |"
        Line "| bare node start | $(Format-Seconds $nb) | $(Format-Range $a.nodebare) | | |"
        Line
        Line "Targets: module work ≤ openai-node's: $(Format-Ratio ($modWork / $nodeWork)) of it, $(Met ($modWork -le $nodeWork)); ≤ ½ of the loop's: $(Format-Ratio ($modWork / $irmWork)) of it, $(Met ($modWork -le $irmWork / 2))."
        Line
        Line "The reference (``build/bench/MinimalModule``) is the least a compiled cmdlet does for the same listing: one cmdlet, one ``HttpClient``, one synchronous request per page, reflection-based System.Text.Json, typed objects; no retries, timeouts, logging, paging ahead, views, type data or load isolation. Its work is $(Format-Ratio ($minWork / $nodeWork)) of openai-node's and $(Format-Ratio ($minWork / $irmWork)) of the loop's: that much is PowerShell's own (``Import-Module``, binding, the pipeline, ``Measure-Object``, all JIT-compiled in a fresh process) and the runtime's first request. The module's work is $(Format-Ratio ($modWork / $minWork)) of it."
        Line

    }
    else {
        Line "## (a) List $UsersSmall users"; Line; Line 'Not run (-Scenario).'; Line
    }
    if ($r.Contains('b')) {
        $b = $r.b
        $cold = Get-Median $b.cold; $bpw = Get-Median $b.pwsh; $over = $cold - $bpw
        Line '## (b) Cold start: `Import-Module` and the first result'
        Line
        Line '| variant | process | range |'
        Line '|---|---|---|'
        Line "| ``Import-Module; Get-OAIUser -First 1`` | $(Format-Seconds $cold) | $(Format-Range $b.cold) |"
        $minCold = Get-Median $b.minimal
        Line "| reference: the minimal binary module, ``Import-Module; Get-MinimalUser -First 1`` | $(Format-Seconds $minCold) | $(Format-Range $b.minimal) |"
        Line "| bare pwsh start | $(Format-Seconds $bpw) | $(Format-Range $b.pwsh) |"
        Line
        Line "Over the bare start: **$(Format-Number ($over * 1000) '0') ms** (target ≤ 150 ms: $(Met ($over -le 0.150))). Inside the process (medians): ``Import-Module`` $(Format-Number (Get-Median $b.import) '0') ms, the first result $(Format-Number (Get-Median $b.first) '0') ms. The minimal module (see (a)) takes $(Format-Number (($minCold - $bpw) * 1000) '0') ms over the bare start."
        Line

    }
    else {
        Line "## (b) Cold start"; Line; Line 'Not run (-Scenario).'; Line
    }
    if ($r.Contains('c')) {
        $c = $r.c
        $small = Get-Median $c.small; $large = Get-Median $c.large; $cpw = Get-Median $c.pwsh
        Line '## (c) Peak memory: `Get-OAIUser | Measure-Object`'
        Line
        Line "Peak resident set size of the whole process, read with $($c.method)."
        Line
        Line '| variant | peak RSS | range |'
        Line '|---|---|---|'
        Line "| $UsersSmall users | $(Format-Number $small) MiB | $(Format-Range $c.small 'MiB' '0.0') |"
        Line "| $UsersLarge users | $(Format-Number $large) MiB | $(Format-Range $c.large 'MiB' '0.0') |"
        $minSmall = Get-Median $c.minimalSmall; $minLarge = Get-Median $c.minimalLarge
        Line "| reference: the minimal binary module (see (a)), $UsersSmall users | $(Format-Number $minSmall) MiB | $(Format-Range $c.minimalSmall 'MiB' '0.0') |"
        Line "| reference: the minimal binary module, $UsersLarge users | $(Format-Number $minLarge) MiB | $(Format-Range $c.minimalLarge 'MiB' '0.0') |"
        Line "| bare pwsh start | $(Format-Number $cpw) MiB | $(Format-Range $c.pwsh 'MiB' '0.0') |"
        Line
        Line "$UsersLarge users take **$(Format-Number ($large - $small)) MiB** more than $UsersSmall (target ≤ 10 MiB: $(Met (($large - $small) -le 10))). The minimal module, which keeps nothing between pages either, takes $(Format-Number ($minLarge - $minSmall)) MiB more."
        Line

    }
    else {
        Line "## (c) Peak memory"; Line; Line 'Not run (-Scenario).'; Line
    }
    if ($r.Contains('d')) {
        Line "## (d) Usage and costs at $LatencyMs ms latency"
        Line
        $any = $false
        foreach ($what in 'usage', 'cost') {
            $entry = $r.d[$what]
            $label = if ($what -eq 'usage') { "``Get-OAIUsage -Kind Completions -BucketWidth 1h``, 30 days ($($entry.start.ToString('yyyy-MM-dd')) to $($entry.end.ToString('yyyy-MM-dd')))" } else { "``Get-OAICost -GroupBy project_id``, a year of days ($($entry.start.ToString('yyyy-MM-dd')) to $($entry.end.ToString('yyyy-MM-dd')))" }
            if (-not $entry.available) {
                Line "- $label`: not available in this build ($(if ($what -eq 'usage') { 'Get-OAIUsage' } else { 'Get-OAICost' }) is not a command of the module)."
                continue
            }
            if (-not $any) {
                Line 'Time of the call inside the process, after one small read of the same kind outside the timing (so the figures compare paging, not the first call''s JIT): the module''s windowed default (four windows at once), `-ThrottleLimit 1`, and a sequential `next_page` walk with `Invoke-RestMethod`.'
                Line
                Line '| range | windowed (default) | -ThrottleLimit 1 | Invoke-RestMethod walk | sequential ÷ windowed |'
                Line '|---|---|---|---|---|'
                $any = $true
            }
            $w = Get-Median $entry.windowed; $s = Get-Median $entry.sequential; $i = Get-Median $entry.irm
            Line "| $label | $(Format-Seconds $w) | $(Format-Seconds $s) | $(Format-Seconds $i) | $(Format-Ratio ($i / $w)) (walk), $(Format-Ratio ($s / $w)) (-ThrottleLimit 1) |"
            $counts = @($entry.counts | Select-Object -Unique)
            if ($counts.Count -gt 0) { Line "| rows | $($counts -join ', ') | | | |" }
        }
        $usage = $r.d['usage']
        if ($usage.available) {
            $ratio = (Get-Median $usage.irm) / (Get-Median $usage.windowed)
            $ratioModule = (Get-Median $usage.sequential) / (Get-Median $usage.windowed)
            Line
            Line "Target: windowed ≥ 2.4× faster than sequential for the 30-day hourly range: $(Format-Ratio $ratio) against the ``next_page`` walk, $(Met ($ratio -ge 2.4)); $(Format-Ratio $ratioModule) against ``-ThrottleLimit 1``, $(Met ($ratioModule -ge 2.4))."
        }
        Line

    }
    else {
        Line "## (d) Usage and costs"; Line; Line 'Not run (-Scenario).'; Line
    }
    if ($r.Contains('e')) {
        $e = $r.e
        $requests = Get-Median $e.requests
        $rate = $e.rpm / 60.0
        $minimum = [Math]::Max(0, $requests - $e.burst) / $rate
        $paced = Get-Median $e.paced; $unpaced = Get-Median $e.unpaced
        Line "## (e) ``Get-OAIAccessReport`` over $($e.projects) projects, server limit $($e.rpm) requests a minute"
        Line
        Line "The server admits $($e.rpm) requests a minute: a token bucket of $($e.burst) (one second's worth), refilled continuously, that answers 429 with ``Retry-After`` (whole seconds) when empty. The report needs **$(Format-Number $requests '0') requests** (the simulator's request log, 429s not counted; range $(Format-Range $e.requests '' '0')), so the theoretical minimum is (requests − burst) ÷ rate = **$(Format-Seconds $minimum)**: the server admits its full bucket at once and then one request every 1/rate s, so no client, however it schedules, can have all of them admitted sooner (latency and the client's own work come on top). Time of the call inside the process. ``-RequestsPerMinute`` starts one second's worth of its budget at once and spreads the rest so that no minute holds more than the budget."
        Line
        Line '| variant | time | range | vs the minimum | 429s received (per run) |'
        Line '|---|---|---|---|---|'
        $refusedPaced = @($e.refused | Where-Object { $_ -like 'paced=*' } | ForEach-Object { $_ -replace '^paced=', '' }) -join ', '
        $refusedUnpaced = @($e.refused | Where-Object { $_ -like 'unpaced=*' } | ForEach-Object { $_ -replace '^unpaced=', '' }) -join ', '
        Line "| ``-RequestsPerMinute $($e.rpm)`` (the client paces itself) | $(Format-Seconds $paced) | $(Format-Range $e.paced) | $(Format-Ratio ($paced / $minimum)) | $refusedPaced |"
        Line "| default (the server's 429s pace it) | $(Format-Seconds $unpaced) | $(Format-Range $e.unpaced) | $(Format-Ratio ($unpaced / $minimum)) | $refusedUnpaced |"
        Line
        Line "Target ≤ 1.1× the minimum: paced $(Met ($paced / $minimum -le 1.1)), default $(Met ($unpaced / $minimum -le 1.1))."
        Line
        Line "Where the time beyond the minimum went (medians; the simulator's arrival times replayed through its bucket, full at the first request): from the first to the last admitted request = the minimum + time the bucket sat full (the server would have admitted, the client sent nothing) + tokens still there at the last request. The rest of the call is before the first request and after the last."
        Line
        Line '| variant | first to last request | bucket full | left at the last request | before the first and after the last |'
        Line '|---|---|---|---|---|'
        foreach ($variant in 'paced', 'unpaced') {
            $label = if ($variant -eq 'paced') { "``-RequestsPerMinute $($e.rpm)``" } else { 'default' }
            $span = Get-Median $e["${variant}Span"]
            Line "| $label | $(Format-Seconds $span) | $(Format-Seconds (Get-Median $e["${variant}Full"])) | $(Format-Seconds (Get-Median $e["${variant}Left"])) | $(Format-Seconds ((Get-Median $e[$variant]) - $span)) |"
        }
    }
    else {
        Line "## (e) Get-OAIAccessReport"; Line; Line 'Not run (-Scenario).'; Line
    }
    return $sb.ToString()
}

Export-ModuleMember -Function Invoke-OAIBench
