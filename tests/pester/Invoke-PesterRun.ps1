# One of the Pester processes of build.ps1 -Task Test: runs test files beside this file in this (fresh) pwsh process,
# each with its own Invoke-Pester, and writes its counts, the files it claimed and the files it ran to -SummaryPath
# for build.ps1.
# build.ps1 starts several such processes side by side, each with its own simulator (tests reset it). They share the
# files through -ClaimPath: a process runs a file only once it has created that file's claim, which exactly one
# process can do, so every file runs once, and a process that is free takes the next file.
param(
    [Parameter(Mandatory)][string] $PesterPath,
    [Parameter(Mandatory)][string] $ClaimPath,
    [Parameter(Mandatory)][string] $SummaryPath,
    [string] $Pattern = '*'
)

$ErrorActionPreference = 'Stop'
Import-Module $PesterPath -Force

# The files that take longest (they render every view, compile help, or start child pwsh processes) go first, so that
# no process is left running a long file alone at the end. The order only changes how long the run takes.
$first = 'Views', 'Help', 'Guides', 'ExportAuditLog', 'Engine', 'Install', 'Loading', 'AccessReport', 'Costs', 'Module'
$files = @(Get-ChildItem -Path $PSScriptRoot -Filter '*.Tests.ps1' | Where-Object Name -like $Pattern |
    Sort-Object { $rank = [array]::IndexOf($first, $_.Name -replace '\.Tests\.ps1$', ''); if ($rank -lt 0) { $first.Count } else { $rank } }, Name)

# The counts go to -SummaryPath when a file is claimed and again when it has run, so that a process that dies in a file
# still tells build.ps1 which file that was and what ran before it.
$summary = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0; Claimed = [System.Collections.Generic.List[string]]::new(); Files = [System.Collections.Generic.List[string]]::new() }
function Save-Summary {
    # Written beside and renamed over, so that build.ps1 never reads half a file.
    [pscustomobject]$summary | ConvertTo-Json | Set-Content -Path "$SummaryPath.new"
    Move-Item -Path "$SummaryPath.new" -Destination $SummaryPath -Force
}
Save-Summary
foreach ($file in $files) {
    try { [IO.File]::Open((Join-Path $ClaimPath $file.Name), 'CreateNew').Dispose() }
    catch [System.IO.IOException] { continue }
    $summary.Claimed.Add($file.Name)
    Save-Summary
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = $file.FullName
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Normal'
    $configuration.Output.RenderMode = 'Plaintext'
    $result = Invoke-Pester -Configuration $configuration
    $failedHere = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    # A file that stopped early (for example a discovery error) is a failure even if no test was counted as failed.
    if ($failedHere -eq 0 -and $result.Result -ne 'Passed') { $failedHere = 1 }
    # Pester names only a passing file; a failing one is named here, after its failures.
    if ($failedHere -gt 0) { Write-Host "[-] $($file.FullName) $failedHere failed, $($result.PassedCount) passed" }
    $summary.Passed += $result.PassedCount; $summary.Failed += $failedHere; $summary.Skipped += $result.SkippedCount
    $summary.Files.Add($file.Name)
    Save-Summary
}
if ($summary.Failed -gt 0) { exit 1 }
