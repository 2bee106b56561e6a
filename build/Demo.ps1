# A short tour of OpenAIAdmin against the built-in simulator. build.ps1 -Task Demo starts the simulator and
# sets OPENAI_BASE_URL and a fake OPENAI_ADMIN_KEY before running this in a fresh pwsh.
$ErrorActionPreference = 'Stop'
Import-Module $env:OPENAIADMIN_MODULE

function Step([string] $Title, [string] $Command) {
    Write-Host ''
    Write-Host "# $Title" -ForegroundColor Cyan
    Write-Host "PS> $Command" -ForegroundColor Yellow
    Invoke-Expression $Command | Out-Host
}

Write-Host "OpenAIAdmin $((Get-Module OpenAIAdmin).Version) demo against the local simulator at $env:OPENAI_BASE_URL (no real key needed)."

Step 'Connect (the key comes from OPENAI_ADMIN_KEY; it is only ever shown redacted)' `
    'Connect-OAIAdmin -BaseUri $env:OPENAI_BASE_URL -PassThru'

Step 'Projects, including the archived one' `
    'Get-OAIProject -IncludeArchived'

Step 'Admin API keys of the organization' `
    'Get-OAIAdminApiKey'

Step 'Preview archiving every tmp-* project: -WhatIf sends nothing' `
    "Get-OAIProject | Where-Object Name -like 'tmp*' | Remove-OAIProject -WhatIf"

Step 'Count the members: paging runs by itself across pages of 100' `
    'Get-OAIUser | Measure-Object | Select-Object Count'

Step 'Stop early: the first three users cost one request' `
    'Get-OAIUser -First 3'

Step 'Find owners by name and e-mail' `
    "Get-OAIUser | Where-Object Role -eq 'owner' | Select-Object Name, Email, Role"

Step 'A missing project is a clear, non-terminating error with a stable id' `
    'Get-OAIProject -Id proj_does_not_exist -ErrorAction SilentlyContinue -ErrorVariable problem; $problem[0].FullyQualifiedErrorId; $problem[0].ErrorDetails.Message'

Write-Host ''
Write-Host 'Next: Get-Help about_OpenAIAdmin, Get-Help Get-OAIProject -Examples, and README.md.' -ForegroundColor Cyan
