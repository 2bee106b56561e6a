# One step of tests/pester/Install.Tests.ps1, run in a clean pwsh whose HOME and PSModulePath point into the test's
# temporary folder: nothing of the developer's modules or PSResourceGet settings is visible. Writes one line
# INSTALL-RESULT=<json> with what it saw.
param(
    [Parameter(Mandatory)][ValidateSet('Install', 'InstallNewer', 'RequiredVersion', 'Prefix', 'Qualified')][string] $Scenario,
    [Parameter(Mandatory)][string] $Feed,
    [Parameter(Mandatory)][string] $SimulatorUrl,
    [string] $Version,
    # Prefix and Qualified: another module with OAI-prefixed names, imported after OpenAIAdmin.
    [string] $OtherModule
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$result = [ordered]@{ Scenario = $Scenario }
# The simulator accepts any admin-shaped key; this one is obviously fake.
$env:OPENAI_ADMIN_KEY = 'sk-admin-test-fake'
$env:OPENAI_BASE_URL = $SimulatorUrl

function Get-ErrorId([scriptblock] $Script) {
    try { & $Script | Out-Null; return '<no error>' } catch { return $_.FullyQualifiedErrorId }
}

# The What if: lines a script block wrote to the host (they are not in any stream), through a transcript.
function Get-WhatIfLine([scriptblock] $Script) {
    $path = Join-Path ([IO.Path]::GetTempPath()) "oai-install-$([guid]::NewGuid()).txt"
    Start-Transcript -Path $path -UseMinimalHeader | Out-Null
    try { & $Script | Out-Host } finally { Stop-Transcript | Out-Null }
    $lines = @(Get-Content $path | Where-Object { $_ -like 'What if:*' })
    Remove-Item $path
    return $lines
}

function Get-CmdletClassName($Module) {
    # The cmdlet classes the assembly defines, named from their [Cmdlet] attribute.
    @($Module.ImplementingAssembly.GetExportedTypes() | ForEach-Object {
            $attribute = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) | Select-Object -First 1
            if ($attribute) { "$($attribute.VerbName)-$($attribute.NounName)" }
        } | Sort-Object)
}

switch ($Scenario) {
    'Install' {
        $result.HomeIsTemporary = $HOME
        $result.AvailableBefore = @(Get-Module -ListAvailable OpenAIAdmin).Count
        $result.RepositoriesBefore = @(Get-PSResourceRepository | ForEach-Object Name)
        Register-PSResourceRepository -Name OAIFeed -Uri $Feed -Trusted
        $result.Found = @(Find-PSResource -Name OpenAIAdmin -Repository OAIFeed | ForEach-Object { "$($_.Version)" })
        Install-PSResource OpenAIAdmin -Repository OAIFeed -TrustRepository
        $installed = @(Get-InstalledPSResource OpenAIAdmin)
        $result.Installed = @($installed | ForEach-Object { "$($_.Version)" })
        $result.InstalledLocation = @($installed | ForEach-Object InstalledLocation)

        Import-Module OpenAIAdmin
        $module = Get-Module OpenAIAdmin
        $result.ImportedVersion = "$($module.Version)"
        $result.ModuleBase = $module.ModuleBase
        $result.Files = @(Get-ChildItem $module.ModuleBase -Recurse -File | ForEach-Object {
                [IO.Path]::GetRelativePath($module.ModuleBase, $_.FullName).Replace('\', '/') } | Sort-Object)
        $manifestPath = Join-Path $module.ModuleBase 'OpenAIAdmin.psd1'
        $manifest = Import-PowerShellDataFile $manifestPath
        $result.ManifestCmdlets = @($manifest.CmdletsToExport | Sort-Object)
        $result.Exported = @(Get-Command -Module OpenAIAdmin | ForEach-Object Name | Sort-Object)
        $result.CmdletClasses = Get-CmdletClassName $module
        $tested = Test-ModuleManifest $manifestPath -ErrorVariable manifestErrors -WarningVariable manifestWarnings
        $result.TestManifest = [ordered]@{
            Name     = $tested.Name
            Version  = "$($tested.Version)"
            Errors   = @($manifestErrors | ForEach-Object { "$_" })
            Warnings = @($manifestWarnings | ForEach-Object { "$_" })
            Editions = @($tested.CompatiblePSEditions)
            Tags     = @($tested.Tags)
        }
        $result.ReleaseNotes = [string]$manifest.PrivateData.PSData.ReleaseNotes
        $result.Uris = @($tested.ProjectUri, $tested.LicenseUri, $tested.HelpInfoUri, $tested.IconUri) | ForEach-Object { "$_" }

        $help = Get-Help Get-OAIProject -Examples
        $result.HelpExamples = @($help.examples.example | ForEach-Object { $_.title.Trim() })
        $result.HelpSynopsis = "$($help.Synopsis)"
        $result.AboutTopic = @(Get-Help about_OpenAIAdmin | Out-String -Stream | Select-Object -First 3) -join "`n"

        # Against the simulator: the implicit connection from the environment, then Connect-OAIAdmin.
        $projects = @(Get-OAIProject)
        $result.Projects = @($projects | ForEach-Object Id)
        $result.ProjectType = $projects[0].PSObject.TypeNames[0]
        $result.ProjectTable = ($projects | Select-Object -First 2 | Out-String -Width 80).Trim()
        $secure = ConvertTo-SecureString 'sk-admin-test-fake' -AsPlainText -Force
        Connect-OAIAdmin -ApiKey $secure -BaseUri $SimulatorUrl
        $result.UserAgent = (Get-OAIAdminContext).UserAgent
        $result.FirstUsers = @(Get-OAIUser -First 2 | ForEach-Object Id)
        $result.GroupMembers = @(Get-OAIGroup -Name Contractors | Get-OAIGroupMember | ForEach-Object UserId).Count
        $result.NotFound = Get-ErrorId { Get-OAIProject -Id 'proj_doesnotexist000000000000' -ErrorAction Stop }
        $result.WhatIf = Get-WhatIfLine { Get-OAIProject -Name 'tmp-*' | Remove-OAIProject -WhatIf }
    }
    'InstallNewer' {
        Install-PSResource OpenAIAdmin -Repository OAIFeed -TrustRepository
        $result.Installed = @(Get-InstalledPSResource OpenAIAdmin | ForEach-Object { "$($_.Version)" } | Sort-Object { [version]$_ })
        $result.Available = @(Get-Module -ListAvailable OpenAIAdmin | ForEach-Object { "$($_.Version)" } | Sort-Object { [version]$_ })
        Import-Module OpenAIAdmin
        $result.ImportedVersion = "$((Get-Module OpenAIAdmin).Version)"
        $result.Projects = @(Get-OAIProject -First 1 | ForEach-Object Id)
    }
    'RequiredVersion' {
        Import-Module OpenAIAdmin -RequiredVersion $Version
        $module = Get-Module OpenAIAdmin
        $result.ImportedVersion = "$($module.Version)"
        $result.ModuleBase = $module.ModuleBase
        $result.Loaded = @(Get-Module OpenAIAdmin).Count
        $result.Projects = @(Get-OAIProject -First 1 | ForEach-Object Id)
    }
    'Prefix' {
        Import-Module OpenAIAdmin -Prefix Corp
        $result.Exported = @(Get-Command -Module OpenAIAdmin | ForEach-Object Name | Sort-Object)
        Import-Module $OtherModule
        $result.OtherGetUser = "$((Get-Command Get-OAIUser).Source)"
        $result.OtherGetUserOutput = (Get-OAIUser).Source
        $result.OursBesideOther = @(Get-CorpOAIUser -First 1 | ForEach-Object { $_.PSObject.TypeNames[0] })
        $result.Qualified = @(OpenAIAdmin\Get-CorpOAIProject -First 1 | ForEach-Object Id)
        # Pipelines between prefixed cmdlets bind as before.
        $result.Pipeline = @(Get-CorpOAIGroup -Name Contractors | Get-CorpOAIGroupMember | ForEach-Object UserId).Count
        $result.WhatIf = Get-WhatIfLine { Get-CorpOAIProject -Name 'tmp-*' | Remove-CorpOAIProject -WhatIf }
        $result.Help = "$((Get-Help Get-CorpOAIProject).Synopsis)"
        # Completers are attached to the parameters, so they fire under the prefixed name too.
        $line = 'Remove-CorpOAIGroup -Id Contr'
        $completion = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches)
        $result.Completion = @($completion | ForEach-Object { "$($_.ListItemText)=$($_.CompletionText)" })
        $line = 'Add-CorpOAIUserRole -RoleId Bill'
        $result.RoleCompletion = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText)
        $result.NotFound = Get-ErrorId { Get-CorpOAIProject -Id 'proj_doesnotexist000000000000' -ErrorAction Stop }
        $result.ErrorType = try { Get-CorpOAIProject -Id 'proj_doesnotexist000000000000' -ErrorAction Stop } catch { "$($_.InvocationInfo.MyCommand.Name)" }
    }
    'Qualified' {
        Import-Module OpenAIAdmin
        Import-Module $OtherModule
        # The module imported last wins the plain names; the module-qualified names always reach OpenAIAdmin.
        $result.PlainSource = @('Get-OAIUser', 'Get-OAIProject', 'Remove-OAIProject' | ForEach-Object { "$((Get-Command $_).Source)" })
        $result.PlainOutput = (Get-OAIUser).Source
        $result.QualifiedUsers = @(OpenAIAdmin\Get-OAIUser -First 2 | ForEach-Object { $_.PSObject.TypeNames[0] })
        $result.QualifiedPipeline = @(OpenAIAdmin\Get-OAIGroup -Name Contractors | OpenAIAdmin\Get-OAIGroupMember | ForEach-Object UserId).Count
        $result.WhatIf = Get-WhatIfLine { OpenAIAdmin\Get-OAIProject -Name 'tmp-*' | OpenAIAdmin\Remove-OAIProject -WhatIf }
        $result.NotFound = Get-ErrorId { OpenAIAdmin\Get-OAIProject -Id 'proj_doesnotexist000000000000' -ErrorAction Stop }
        $line = 'OpenAIAdmin\Remove-OAIGroup -Id Contr'
        $result.Completion = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object { "$($_.ListItemText)=$($_.CompletionText)" })
    }
}

"INSTALL-RESULT=$($result | ConvertTo-Json -Depth 5 -Compress)"
