# Packaging: the release notes from CHANGELOG.md and the .nupkg of a staged module folder (build.ps1 -Task Package;
# tests/pester/Install.Tests.ps1 packs with the same functions). Needs Microsoft.PowerShell.PSResourceGet, which
# PowerShell 7.4+ bundles.
Set-StrictMode -Version Latest

function Get-OAIReleaseNote {
    <#
    .SYNOPSIS
        The CHANGELOG.md section of a version ("## [0.1.0] ..."), else the "## [Unreleased]" section, as text.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)][string] $ChangelogPath,
        [Parameter(Mandatory)][string] $Version
    )
    $lines = [IO.File]::ReadAllLines($ChangelogPath)
    foreach ($heading in "## [$Version]", '## [Unreleased]') {
        $start = -1
        for ($i = 0; $i -lt $lines.Count; $i++) {
            if ($lines[$i].StartsWith($heading, [StringComparison]::OrdinalIgnoreCase)) { $start = $i; break }
        }
        if ($start -lt 0) { continue }
        $body = [Collections.Generic.List[string]]::new()
        for ($i = $start + 1; $i -lt $lines.Count -and -not $lines[$i].StartsWith('## '); $i++) { $body.Add($lines[$i]) }
        $text = ($body -join "`n").Trim()
        if ($text) { return $text }
    }
    throw "$ChangelogPath has no '## [$Version]' or '## [Unreleased]' section with entries: write the release notes first."
}

function Set-OAIPackageManifest {
    <#
    .SYNOPSIS
        Rewrites a module manifest copy for a package: its ModuleVersion and PSData.ReleaseNotes.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string] $Path,
        [Parameter(Mandatory)][string] $Version,
        [Parameter(Mandatory)][string] $ReleaseNotes
    )
    $text = [IO.File]::ReadAllText($Path)
    if ($text -match '(?m)^\s*ReleaseNotes\s*=') {
        throw "$Path already has ReleaseNotes: they come from CHANGELOG.md at package time, remove them from the manifest."
    }
    $versionPattern = [regex]"(?m)^(\s*ModuleVersion\s*=\s*)'[^']*'"
    if (-not $versionPattern.IsMatch($text)) { throw "$Path has no ModuleVersion = '...' line." }
    $text = $versionPattern.Replace($text, "`${1}'$Version'", 1)
    $psData = [regex]'(?m)^(\s*)PSData\s*=\s*@\{[^\S\r\n]*\r?\n'
    $match = $psData.Match($text)
    if (-not $match.Success) { throw "$Path has no PrivateData.PSData = @{ block." }
    $indent = $match.Groups[1].Value + '    '
    $quoted = "'" + $ReleaseNotes.Replace("'", "''") + "'"
    $text = $text.Insert($match.Index + $match.Length, "${indent}ReleaseNotes = $quoted`n")
    [IO.File]::WriteAllText($Path, $text, [Text.UTF8Encoding]::new($false))
}

function New-OAIPackage {
    <#
    .SYNOPSIS
        Packs a staged module folder (out/OpenAIAdmin/<version>) into OpenAIAdmin.<version>.nupkg with
        Compress-PSResource. The package holds exactly the staged files; its manifest gets the version and the
        release notes.
    .OUTPUTS
        The .nupkg file.
    #>
    [CmdletBinding()]
    [OutputType([IO.FileInfo])]
    param(
        [Parameter(Mandatory)][string] $ModuleFolder,
        [Parameter(Mandatory)][string] $DestinationPath,
        [Parameter(Mandatory)][string] $ReleaseNotes,
        [Parameter(Mandatory)][string] $WorkPath,
        [string] $Version
    )
    Import-Module Microsoft.PowerShell.PSResourceGet -ErrorAction Stop
    $manifest = Get-ChildItem -LiteralPath $ModuleFolder -Filter '*.psd1' -File
    if (@($manifest).Count -ne 1) { throw "$ModuleFolder must hold exactly one module manifest." }
    $name = $manifest.BaseName
    if (-not $Version) { $Version = (Import-PowerShellDataFile $manifest.FullName).ModuleVersion }

    # Compress-PSResource packs the whole folder it is given, so it gets a copy named after the module.
    $copy = Join-Path $WorkPath $name
    if (Test-Path -LiteralPath $copy) { Remove-Item -LiteralPath $copy -Recurse -Force }
    New-Item -ItemType Directory -Path $copy -Force | Out-Null
    Copy-Item -Path (Join-Path $ModuleFolder '*') -Destination $copy -Recurse
    $copiedManifest = Join-Path $copy $manifest.Name
    Set-OAIPackageManifest -Path $copiedManifest -Version $Version -ReleaseNotes $ReleaseNotes
    $info = Test-ModuleManifest -Path $copiedManifest -ErrorAction Stop
    if ("$($info.Version)" -ne $Version) { throw "The packed manifest says $($info.Version), not $Version." }

    New-Item -ItemType Directory -Path $DestinationPath -Force | Out-Null
    $nupkg = Join-Path $DestinationPath "$name.$Version.nupkg"
    if (Test-Path -LiteralPath $nupkg) { Remove-Item -LiteralPath $nupkg -Force }
    Compress-PSResource -Path $copy -DestinationPath $DestinationPath
    if (-not (Test-Path -LiteralPath $nupkg)) { throw "Compress-PSResource did not write $nupkg." }
    Remove-Item -LiteralPath $copy -Recurse -Force
    return Get-Item -LiteralPath $nupkg
}

Export-ModuleMember -Function Get-OAIReleaseNote, Set-OAIPackageManifest, New-OAIPackage
