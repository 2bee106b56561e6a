<#
.SYNOPSIS
    Creates a new admin key and saves it, as a PSCredential, with Export-Clixml for the account that runs this script.
.DESCRIPTION
    Run it as the account that will use the key (for a scheduled task: that task's account, e.g. with
    "runas /user:DOMAIN\svc-oai pwsh"). On Windows, Export-Clixml encrypts the password with DPAPI for that account
    on that computer: nobody else, and no other computer, can read it back. On Linux and macOS it is NOT encrypted
    (the file holds the key as hexadecimal text): use a secret store there. The key is shown nowhere; the user name of
    the credential is the key's id, so the file says which key it holds.
.EXAMPLE
    .\Save-AdminKeyCredential.ps1 -Path C:\Jobs\oai-admin.xml -Name 'task-scheduler' -ExpiresInDays 90
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $Path,
    [string] $Name = 'task-scheduler',
    [int] $ExpiresInDays = 90
)

$ErrorActionPreference = 'Stop'
Import-Module OpenAIAdmin
if (-not $IsWindows -and $PSVersionTable.PSEdition -eq 'Core') {
    Write-Warning "Export-Clixml does not encrypt on this system: $Path will hold the key readable by anyone who can read the file."
}
$key = New-OAIAdminApiKey -Name $Name -ExpiresIn (New-TimeSpan -Days $ExpiresInDays) -WarningAction SilentlyContinue
[pscredential]::new($key.Id, $key.Value) | Export-Clixml -Path $Path
Write-Output "Saved admin key $($key.Id) ('$Name') to $Path."
