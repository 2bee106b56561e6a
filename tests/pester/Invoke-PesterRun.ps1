# Runs every *.Tests.ps1 beside this file in this (fresh) pwsh process and writes the counts for build.ps1.
param([Parameter(Mandatory)][string] $PesterPath)

$ErrorActionPreference = 'Stop'
Import-Module $PesterPath -Force
$configuration = New-PesterConfiguration
$pattern = if ($env:OPENAIADMIN_PESTER_FILE) { $env:OPENAIADMIN_PESTER_FILE } else { '*' }
$configuration.Run.Path = @(Get-ChildItem -Path $PSScriptRoot -Filter '*.Tests.ps1' | Where-Object Name -like $pattern | ForEach-Object FullName)
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
$configuration.Output.RenderMode = 'Plaintext'
$result = Invoke-Pester -Configuration $configuration
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
# A run that stopped early (for example a discovery error) is a failure even if no test was counted as failed.
if ($failed -eq 0 -and $result.Result -ne 'Passed') { $failed = 1 }
[pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed; Skipped = $result.SkippedCount } |
    ConvertTo-Json | Set-Content -Path $env:OPENAIADMIN_PESTER_SUMMARY
if ($failed -gt 0) { exit 1 }
