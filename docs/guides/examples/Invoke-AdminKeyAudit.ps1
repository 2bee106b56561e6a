<#
.SYNOPSIS
    Lists admin keys not used for -UnusedDays days and, with -Remove, deletes them. Made for Task Scheduler, runs anywhere.
.DESCRIPTION
    The key comes from -CredentialPath (a PSCredential saved with Export-Clixml by the account that runs the task;
    its password is the admin key) or else from the OPENAI_ADMIN_KEY environment variable. Everything the script
    shows goes to a transcript in -LogDirectory. It exits 0 when it succeeded and 1 when anything failed, so the
    scheduler's "Last Run Result" tells the two apart. Keys that never were used count as unused once they are
    older than -UnusedDays.
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File Invoke-AdminKeyAudit.ps1 -CredentialPath C:\Jobs\oai-admin.xml -LogDirectory C:\Jobs\Logs
#>
[CmdletBinding()]
param(
    [int] $UnusedDays = 90,
    [string] $LogDirectory = (Join-Path ([IO.Path]::GetTempPath()) 'OpenAIAdmin-logs'),
    [string] $CredentialPath,
    [switch] $Remove
)

$ErrorActionPreference = 'Stop'   # every error, also non-terminating ones, ends the script in the catch below
New-Item -ItemType Directory -Path $LogDirectory -Force | Out-Null
$log = Join-Path $LogDirectory ('admin-key-audit-{0}-{1}.log' -f [DateTime]::UtcNow.ToString('yyyyMMdd-HHmmss', [cultureinfo]::InvariantCulture), $PID)
Start-Transcript -Path $log | Out-Null
try {
    Import-Module OpenAIAdmin
    if ($CredentialPath) {
        Connect-OAIAdmin -Credential (Import-Clixml -Path $CredentialPath)
    }
    $cutoff = [DateTimeOffset]::UtcNow.AddDays(-$UnusedDays)
    $unused = @(Get-OAIAdminApiKey | Where-Object {
            if ($_.LastUsedAt) { $_.LastUsedAt -lt $cutoff } else { $_.CreatedAt -lt $cutoff }
        })
    Write-Output "$($unused.Count) admin key(s) unused since $($cutoff.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture)) (UTC)."
    $unused | Format-Table -AutoSize | Out-String -Width 200 | Write-Output
    if ($Remove -and $unused.Count -gt 0) {
        # -Force answers the confirmation that Remove-OAIAdminApiKey (ConfirmImpact High) would ask for.
        $unused | Remove-OAIAdminApiKey -Force
        Write-Output "Removed $($unused.Count) admin key(s)."
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
