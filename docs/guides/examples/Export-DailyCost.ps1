<#
.SYNOPSIS
    Appends each settled UTC day's costs per project and line item, with project names, to a CSV file. Made for a daily
    Task Scheduler job or pipeline; runs anywhere.
.DESCRIPTION
    Costs are restated for about a day after a day ends, so only days that ended at least -SettleHours ago are written.
    Each run appends the settled days after the last day already in the file (at most -Days back when the file is new),
    so a rerun, or a run after a missed day, writes every day once. The key comes from -CredentialPath (a PSCredential
    saved with Export-Clixml by the account that runs the job; its password is the admin key) or else from the
    OPENAI_ADMIN_KEY environment variable. Everything shown goes to a transcript in -LogDirectory; the script exits 0
    when it succeeded and 1 when anything failed.
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File Export-DailyCost.ps1 -Path C:\Finance\openai-costs.csv -CredentialPath C:\Jobs\oai-admin.xml
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Path,
    [int] $Days = 30,
    [int] $SettleHours = 24,
    [string] $LogDirectory = (Join-Path ([IO.Path]::GetTempPath()) 'OpenAIAdmin-logs'),
    [string] $CredentialPath
)

$ErrorActionPreference = 'Stop'
New-Item -ItemType Directory -Path $LogDirectory -Force | Out-Null
$log = Join-Path $LogDirectory ('daily-cost-{0}-{1}.log' -f [DateTime]::UtcNow.ToString('yyyyMMdd-HHmmss', [cultureinfo]::InvariantCulture), $PID)
Start-Transcript -Path $log | Out-Null
try {
    Import-Module OpenAIAdmin
    if ($CredentialPath) {
        Connect-OAIAdmin -Credential (Import-Clixml -Path $CredentialPath)
    }
    $today = [DateTimeOffset]::new([DateTime]::UtcNow.Date, [TimeSpan]::Zero)
    # The last day to write is the last one that ended at least -SettleHours ago.
    $end = $today
    while ($end -gt [DateTimeOffset]::UtcNow.AddHours(-$SettleHours)) { $end = $end.AddDays(-1) }
    $start = $end.AddDays(-$Days)
    if (Test-Path -LiteralPath $Path) {
        $lastDay = Import-Csv -LiteralPath $Path | Select-Object -ExpandProperty Day -Last 1
        if ($lastDay) { $start = [DateTimeOffset]::ParseExact($lastDay, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture, 'AssumeUniversal').AddDays(1) }
    }
    if ($start -ge $end) {
        Write-Output "Nothing to add: $Path already holds every settled day up to $($end.AddDays(-1).ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture))."
    }
    else {
        $rows = @(Get-OAICost -StartTime $start -EndTime $end -GroupBy project_id, line_item -IncludeName |
                Where-Object { $_.Amount } |
                Select-Object @{ n = 'Day'; e = { $_.StartTime.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture) } }, ProjectId, ProjectName, LineItem,
                    @{ n = 'Amount'; e = { $_.Amount.ToString([cultureinfo]::InvariantCulture) } }, Currency)
        $rows | Export-Csv -LiteralPath $Path -Append -NoTypeInformation -Encoding utf8
        Write-Output ([string]::Format([cultureinfo]::InvariantCulture, 'Added {0} row(s) for {1:yyyy-MM-dd} to {2:yyyy-MM-dd} to {3}.', $rows.Count, $start, $end.AddDays(-1), $Path))
    }
    $exitCode = 0
}
catch {
    Write-Output "FAILED: $($_.FullyQualifiedErrorId): $($_.Exception.Message)"
    $exitCode = 1
}
finally {
    Stop-Transcript | Out-Null
}
exit $exitCode
