# Dot-sourced by every cmdlet test file: imports the staged module under test and talks to the simulator.
# build.ps1 sets OPENAIADMIN_MODULE (staged psd1) and OPENAIADMIN_SIMULATOR_URL (http://127.0.0.1:PORT/v1).
Set-StrictMode -Version Latest
if (-not $env:OPENAIADMIN_MODULE -or -not $env:OPENAIADMIN_SIMULATOR_URL) {
    throw 'Run the tests through build.ps1 -Task Test: OPENAIADMIN_MODULE and OPENAIADMIN_SIMULATOR_URL are not set.'
}
Import-Module $env:OPENAIADMIN_MODULE

# Obviously fake keys; the simulator accepts any admin-shaped key and rejects project keys.
$script:FakeAdminKey = 'sk-admin-pester-fake-key'
$script:FakeProjectKey = 'sk-proj-pester-fake-key'
$script:SimulatorUrl = $env:OPENAIADMIN_SIMULATOR_URL.TrimEnd('/')
$script:SimulatorRoot = $script:SimulatorUrl -replace '/v1$', ''

# A fresh, non-interactive process of this same pwsh (native or `dotnet pwsh`), output and errors redirected; the
# caller adds environment and working directory, then starts it.
function New-PwshStartInfo([string[]] $Arguments) {
    $info = [System.Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
    if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') {
        $info.ArgumentList.Add([Environment]::GetCommandLineArgs()[0])
    }
    foreach ($argument in @('-NoProfile', '-NonInteractive') + $Arguments) { $info.ArgumentList.Add($argument) }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $info
}

# Runs a script in a fresh pwsh whose local time zone is $Zone (TZ), connected to the simulator; its exit code, the
# non-empty lines it wrote, and what it wrote to stderr. The time zone of a running process cannot be changed.
function Invoke-PwshInZone([string] $Zone, [string] $Script) {
    $connect = "Import-Module '$env:OPENAIADMIN_MODULE'; Connect-OAIAdmin -ApiKey (ConvertTo-SecureString '$script:FakeAdminKey' -AsPlainText -Force) -BaseUri '$script:SimulatorUrl'`n"
    $info = New-PwshStartInfo '-Command', ($connect + $Script)
    $info.Environment['TZ'] = $Zone
    $process = [System.Diagnostics.Process]::Start($info)
    $errors = $process.StandardError.ReadToEndAsync()
    $output = $process.StandardOutput.ReadToEndAsync()
    if (-not $process.WaitForExit(60000)) { $process.Kill($true); throw "The pwsh in $Zone did not finish in 60 s." }
    [pscustomobject]@{ ExitCode = $process.ExitCode; Lines = @($output.Result -split '\r?\n' | Where-Object { $_ }); Errors = $errors.Result }
}

function Reset-Simulator {
    Invoke-RestMethod -Method Post -Uri "$script:SimulatorRoot/_sim/reset" | Out-Null
}

function Add-SimulatorFault([hashtable] $Rule) {
    Invoke-RestMethod -Method Post -Uri "$script:SimulatorRoot/_sim/faults" -ContentType 'application/json' -Body ($Rule | ConvertTo-Json) | Out-Null
}

# List variants the contract allows (next_cursor opaque|last_id, id_cursor_bounds present|omitted, cursor_missing);
# Reset-Simulator restores the defaults.
function Set-SimulatorBehaviour([hashtable] $Behaviour) {
    Invoke-RestMethod -Method Post -Uri "$script:SimulatorRoot/_sim/behaviour" -ContentType 'application/json' -Body ($Behaviour | ConvertTo-Json) | Out-Null
}

function Get-SimulatorRequest([string] $Method, [string] $PathLike = '*') {
    # Invoke-RestMethod emits a JSON array as ONE object; @(Invoke-RestMethod ...) would wrap it instead of
    # enumerating it. Assign first, then enumerate the calls.
    $calls = Invoke-RestMethod -Uri "$script:SimulatorRoot/_sim/requests"
    @($calls) | Where-Object { (-not $Method -or $_.method -eq $Method) -and $_.path -like $PathLike }
}

function Connect-Simulator([int] $MaxRetryCount = 3) {
    $secure = ConvertTo-SecureString $script:FakeAdminKey -AsPlainText -Force
    Connect-OAIAdmin -ApiKey $secure -BaseUri $script:SimulatorUrl -MaxRetryCount $MaxRetryCount
}

# Runs $Command in a PowerShell instance of its own (a new runspace with the module imported and connected to the
# simulator) and returns what that host keeps: the output, the progress records and whether it had errors.
function Invoke-InOwnPowerShell([scriptblock] $Command) {
    $ps = [powershell]::Create()
    try {
        $null = $ps.AddScript({
                param($Module, $Url, $Key, $Command)
                Import-Module $Module
                Connect-OAIAdmin -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $Url | Out-Null
                & ([scriptblock]::Create($Command))
            }).AddArgument($env:OPENAIADMIN_MODULE).AddArgument($script:SimulatorUrl).AddArgument($script:FakeAdminKey).AddArgument("$Command")
        $output = $ps.Invoke()
        [pscustomobject]@{ Output = @($output); Progress = @($ps.Streams.Progress); HadErrors = $ps.HadErrors }
    }
    finally { $ps.Dispose() }
}

function Get-ErrorId([scriptblock] $Script) {
    # A script block takes no -ErrorAction: the preference makes the first error, terminating or not, catchable.
    $ErrorActionPreference = 'Stop'
    try {
        & $Script | Out-Null
    }
    catch {
        return $_.FullyQualifiedErrorId
    }
    return '<no error>'
}

# Everything the host showed (WhatIf messages, tables, warnings, verbose) while $Script ran, via a transcript.
function Get-HostText([scriptblock] $Script) {
    $path = Join-Path ([IO.Path]::GetTempPath()) "oai-pester-$([guid]::NewGuid()).txt"
    Start-Transcript -Path $path -UseMinimalHeader | Out-Null
    try {
        & $Script | Out-Host
    }
    finally {
        Stop-Transcript | Out-Null
    }
    $text = Get-Content $path -Raw
    Remove-Item $path
    return $text
}
