<#
.SYNOPSIS
    Azure Automation runbook recipe: a report of the organization's users and their roles, as objects in the job's
    output and as CSV text.
.DESCRIPTION
    Needs an Automation credential asset (default name OpenAIAdmin; user name: anything, e.g. the key id; password: the
    admin key) and the OpenAIAdmin module imported into the runbook's runtime environment. Get-AutomationPSCredential
    exists only inside Azure Automation. The runbook connects in its own runspace: other jobs that the sandbox runs in
    the same process keep their own connections.
#>
param(
    [string] $CredentialName = 'OpenAIAdmin'
)

$ErrorActionPreference = 'Stop'
Import-Module OpenAIAdmin
Connect-OAIAdmin -Credential (Get-AutomationPSCredential -Name $CredentialName)

# The sandbox clock is UTC, and so are the module's times: no conversion needed.
$users = Get-OAIUser | Select-Object Id, Name, Email, Role, AddedAt
$users
$users | ConvertTo-Csv -NoTypeInformation | Write-Output
