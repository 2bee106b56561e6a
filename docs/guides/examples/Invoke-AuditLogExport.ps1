<#
.SYNOPSIS
    Appends the organization's new audit log events to a JSON Lines file for a SIEM, exactly once per event. Made for
    Task Scheduler; runs anywhere.
.DESCRIPTION
    Export-OAIAuditLog appends only the events the file does not hold yet, oldest first, and repairs a line left half
    written by a run that was stopped, so the job can run as often as you like and a killed run is simply run again.
    The key comes from -CredentialPath (a PSCredential saved with Export-Clixml by the account that runs the task) or
    else from OPENAI_ADMIN_KEY. Everything shown goes to a transcript in -LogDirectory; the script exits 0 when it
    succeeded and 1 when anything failed.
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File Invoke-AuditLogExport.ps1 -Path D:\SIEM\openai-audit.jsonl -CredentialPath C:\Jobs\oai-admin.xml
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Path,
    [string] $StatePath = "$Path.state.json",
    [string] $LogDirectory = (Join-Path ([IO.Path]::GetTempPath()) 'OpenAIAdmin-logs'),
    [string] $CredentialPath
)

$ErrorActionPreference = 'Stop'
New-Item -ItemType Directory -Path $LogDirectory -Force | Out-Null
$log = Join-Path $LogDirectory ('audit-export-{0}-{1}.log' -f [DateTime]::UtcNow.ToString('yyyyMMdd-HHmmss', [cultureinfo]::InvariantCulture), $PID)
Start-Transcript -Path $log | Out-Null
try {
    Import-Module OpenAIAdmin
    if ($CredentialPath) {
        Connect-OAIAdmin -Credential (Import-Clixml -Path $CredentialPath)
    }
    $result = Export-OAIAuditLog -Path $Path -StatePath $StatePath
    Write-Output ("Appended {0} event(s) to {1}{2}." -f $result.EventsWritten, $result.Path,
        $(if ($result.EventsWritten) { ", the last of $($result.LastEffectiveAt.ToString('yyyy-MM-dd HH:mm:ss', [cultureinfo]::InvariantCulture)) UTC" }))
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
