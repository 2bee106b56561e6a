# A short tour of OpenAIAdmin against the built-in simulator. build.ps1 -Task Demo starts the simulator and
# sets OPENAI_BASE_URL and a fake OPENAI_ADMIN_KEY before running this in a fresh pwsh.
$ErrorActionPreference = 'Stop'
Import-Module $env:OPENAIADMIN_MODULE

function Step([string] $Title, [string] $Command) {
    Write-Host ''
    Write-Host "# $Title" -ForegroundColor Cyan
    Write-Host "PS> $Command" -ForegroundColor Yellow
    # Render as a 120-column console would, whatever width this host reports.
    Invoke-Expression $Command | Out-String -Stream -Width 120 | Write-Host
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

Step 'Groups and their members (members are listed newest first, as the API does)' `
    "Get-OAIGroup -Name Contractors | Get-OAIGroupMember"

Step 'Add a user to a group straight from Get-OAIUser' `
    "Get-OAIUser -Email user-0042@example.com | Add-OAIGroupMember -GroupId group_01JG0002G4HXWT9AVGWCFEE87V"

Step 'Preview removing every contractor from the group: -WhatIf names each one' `
    "Get-OAIGroup -Name Contractors | Get-OAIGroupMember | Remove-OAIGroupMember -WhatIf"

Step 'Give a user a custom organization role picked by name' `
    "Get-OAIRole | Where-Object Name -eq 'Billing reader' | Add-OAIUserRole -UserId user-0042ix8qx0cwhU1mPWTWxSEz; Get-OAIUserRole -UserId user-0042ix8qx0cwhU1mPWTWxSEz"

Step 'Certificates that expire within 30 days' `
    'Get-OAICertificate | Where-Object ExpiresAt -lt (Get-Date).AddDays(30)'

Step 'What each project cost over the last 7 complete UTC days, by name' `
    'Get-OAICost -GroupBy project_id -IncludeName | Group-Object ProjectName | Select-Object Name, @{ n = ''USD''; e = { [math]::Round(($_.Group | Measure-Object Amount -Sum).Sum, 2) } }'

Step 'Completion tokens per model, hour by hour: the hour under way is flagged Complete = False' `
    "Get-OAIUsage -Kind Completions -BucketWidth 1h -StartTime (Get-Date).AddHours(-2) -GroupBy model | Format-Table StartTime, Model, InputTokens, OutputTokens, Complete"

Step 'Hard spend limits of the projects, in dollars (the API carries whole cents)' `
    'Get-OAIProject | Get-OAISpendLimit'

Step 'Preview raising a limit: -WhatIf shows old -> new, and 80.001 would be refused, not rounded' `
    "Get-OAIProject -Name 'Support bot' | Set-OAISpendLimit -Amount 80 -WhatIf"

Step 'The audit log, filtered by the API: the latest changes to API keys' `
    "Get-OAIAuditLog -EventType 'api_key.*' -First 4"

Step 'A missing project is a clear, non-terminating error with a stable id' `
    'Get-OAIProject -Id proj_does_not_exist -ErrorAction SilentlyContinue -ErrorVariable problem; $problem[0].FullyQualifiedErrorId; $problem[0].ErrorDetails.Message'

Write-Host ''
Write-Host 'Next: Get-Help about_OpenAIAdmin, Get-Help Get-OAIProject -Examples, and README.md.' -ForegroundColor Cyan
