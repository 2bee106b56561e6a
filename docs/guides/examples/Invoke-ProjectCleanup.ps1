<#
.SYNOPSIS
    CI recipe: plan (-WhatIf) or apply the archiving of projects whose names match -NamePattern, with the results
    written as JSON and CSV for the pipeline to keep as artifacts.
.DESCRIPTION
    The key comes from the OPENAI_ADMIN_KEY environment variable, which the pipeline fills from a secret. Without
    -Apply nothing changes: Remove-OAIProject -WhatIf shows what would be archived and plan.json/plan.csv list it.
    With -Apply the projects are archived without prompting (-Force: the job has no one to answer) and
    archived.json/archived.csv list the result. Exit code 0 on success, 1 on any error.
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File Invoke-ProjectCleanup.ps1 -NamePattern 'tmp-*' -OutputDirectory out
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File Invoke-ProjectCleanup.ps1 -NamePattern 'tmp-*' -OutputDirectory out -Apply
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $NamePattern,
    [Parameter(Mandatory)][string] $OutputDirectory,
    [switch] $Apply
)

$ErrorActionPreference = 'Stop'

# JSON and CSV of the rows; with no rows, "[]" and a header line, so the artifacts say "nothing" rather than being empty.
function Write-Artifact([object[]] $Rows, [string[]] $Property, [string] $Name) {
    # Times as ISO 8601 in UTC: Export-Csv would write them in the current culture (02.03.2025 under de-DE, a Thai year under th-TH).
    $selected = @($Rows | Select-Object $Property | ForEach-Object {
            foreach ($p in $_.PSObject.Properties) { if ($p.Value -is [DateTimeOffset]) { $p.Value = $p.Value.UtcDateTime.ToString('yyyy-MM-ddTHH:mm:ssZ', [cultureinfo]::InvariantCulture) } }
            $_
        })
    ConvertTo-Json -InputObject $selected | Set-Content (Join-Path $OutputDirectory "$Name.json")
    if ($selected.Count -eq 0) {
        ($Property | ForEach-Object { '"' + $_ + '"' }) -join ',' | Set-Content (Join-Path $OutputDirectory "$Name.csv")
    }
    else {
        $selected | Export-Csv (Join-Path $OutputDirectory "$Name.csv") -NoTypeInformation
    }
}

try {
    Import-Module OpenAIAdmin
    New-Item -ItemType Directory -Path $OutputDirectory -Force | Out-Null
    $projects = @(Get-OAIProject -Name $NamePattern)
    if ($Apply) {
        $archived = @($projects | Remove-OAIProject -Force -PassThru)
        Write-Artifact $archived Id, Name, Status, ArchivedAt archived
        Write-Output "Archived $($archived.Count) project(s)."
    }
    else {
        $projects | Remove-OAIProject -WhatIf
        Write-Artifact $projects Id, Name, CreatedAt plan
        Write-Output "Plan: $($projects.Count) project(s) would be archived."
    }
    exit 0
}
catch {
    Write-Output "FAILED: $($_.FullyQualifiedErrorId): $($_.Exception.Message)"
    exit 1
}
