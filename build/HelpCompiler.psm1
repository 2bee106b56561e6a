<#
    OpenAIAdmin help compiler (our own code; platyPS is not used or needed).

    The help sources are en-US/<Cmdlet>.md files in the platyPS markdown schema 2.0.0. This module
      - reads them                        Read-OAIHelpMarkdown
      - compiles them to one MAML file    ConvertTo-OAIMaml      (build.ps1 -Task Help / Build)
      - refreshes them from the cmdlets   Update-OAIHelpSource   (maintainers, after changing parameters)
      - checks them                       Test-OAIHelpSource     (tests/pester/Help.Tests.ps1)

    Syntax and parameter metadata always come from the LIVE cmdlets (Get-Command on the imported module),
    never from the markdown, so the compiled help cannot drift from the code. The markdown supplies the prose:
    synopsis, description, examples, parameter descriptions, inputs, outputs, notes and links.
    Every function needs the module under documentation to be imported in the calling session.
#>
Set-StrictMode -Version Latest

$script:MamlNs = 'http://schemas.microsoft.com/maml/2004/10'
$script:CommandNs = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$script:DevNs = 'http://schemas.microsoft.com/maml/dev/2004/10'
$script:MsHelpNs = 'http://msdn.microsoft.com/mshelp'
$script:AllSets = '__AllParameterSets'
$script:SyntaxWidth = 110
# {{ ... }} marks text that Update-OAIHelpSource wrote and a person has to replace (the platyPS convention).
$script:PlaceholderPattern = '\{\{.*?\}\}'
$script:CommonParametersText = 'This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, ' +
    '-InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction, and ' +
    '-WarningVariable. For more information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).'

#region Markdown reading

# Splits markdown into front matter, the head (title) and level-2 sections with their level-3 subsections,
# keeping every line so that a file can be written back with only the generated parts changed.
function ConvertFrom-OAIMarkdownText {
    param([Parameter(Mandatory)][AllowEmptyString()][string] $Text, [string] $Path = '<text>')

    $lines = ($Text -replace "`r`n", "`n") -split "`n"
    if ($lines.Count -gt 1 -and $lines[-1] -eq '') { $lines = $lines[0..($lines.Count - 2)] }

    $document = [pscustomobject]@{
        Path             = $Path
        FrontMatter      = [ordered]@{}
        FrontMatterLines = [System.Collections.Generic.List[string]]::new()
        Head             = [System.Collections.Generic.List[string]]::new()
        Sections         = [System.Collections.Generic.List[object]]::new()
    }

    $index = 0
    if ($lines.Count -gt 0 -and $lines[0] -eq '---') {
        $document.FrontMatterLines.Add($lines[0])
        $index = 1
        $closed = $false
        while ($index -lt $lines.Count) {
            $line = $lines[$index]
            $document.FrontMatterLines.Add($line)
            $index++
            if ($line -eq '---') { $closed = $true; break }
            if ($line -match '^([^:]+):\s*(.*)$') { $document.FrontMatter[$Matches[1].Trim()] = $Matches[2].Trim() }
        }
        if (-not $closed) { throw "${Path}: the yaml front matter is not closed with a '---' line." }
    }

    $inFence = $false
    $section = $null
    $subsection = $null
    for (; $index -lt $lines.Count; $index++) {
        $line = $lines[$index]
        if (-not $inFence -and $line -match '^##\s+(.+?)\s*$' -and $line -notmatch '^###') {
            $section = [pscustomobject]@{
                Title       = $Matches[1].ToUpperInvariant()
                Heading     = $line
                Intro       = [System.Collections.Generic.List[string]]::new()
                Subsections = [System.Collections.Generic.List[object]]::new()
            }
            $subsection = $null
            $document.Sections.Add($section)
            continue
        }
        if (-not $inFence -and $null -ne $section -and $line -match '^###\s+(.+?)\s*$' -and $line -notmatch '^####') {
            $subsection = [pscustomobject]@{ Title = $Matches[1]; Heading = $line; Lines = [System.Collections.Generic.List[string]]::new() }
            $section.Subsections.Add($subsection)
            continue
        }
        if ($line -match '^\s*(```|~~~)') { $inFence = -not $inFence }
        if ($null -ne $subsection) { $subsection.Lines.Add($line) }
        elseif ($null -ne $section) { $section.Intro.Add($line) }
        else { $document.Head.Add($line) }
    }
    if ($inFence) { throw "${Path}: a code block (```) is not closed." }
    return $document
}

function ConvertTo-OAIMarkdownText {
    param([Parameter(Mandatory)] $Document)

    $out = [System.Collections.Generic.List[string]]::new()
    $out.AddRange($Document.FrontMatterLines)
    $out.AddRange($Document.Head)
    foreach ($section in $Document.Sections) {
        $out.Add($section.Heading)
        $out.AddRange($section.Intro)
        foreach ($subsection in $section.Subsections) {
            $out.Add($subsection.Heading)
            $out.AddRange($subsection.Lines)
        }
    }
    return ($out -join "`n") + "`n"
}

function Get-OAISection($Document, [string] $Title) {
    foreach ($section in $Document.Sections) { if ($section.Title -eq $Title) { return $section } }
    return $null
}

# Text of lines with leading and trailing blank lines removed.
function Join-OAILines([string[]] $Lines) {
    if ($null -eq $Lines) { return '' }
    return ($Lines -join "`n").Trim()
}

# Splits lines into fenced code blocks (with their info string) and the prose around them.
function Split-OAIFences([string[]] $Lines) {
    $prose = [System.Collections.Generic.List[string]]::new()
    $blocks = [System.Collections.Generic.List[object]]::new()
    $current = $null
    foreach ($line in @($Lines)) {
        if ($null -eq $current -and $line -match '^\s*(```|~~~)\s*([\w-]*)') {
            $current = [pscustomobject]@{ Info = $Matches[2].ToLowerInvariant(); Lines = [System.Collections.Generic.List[string]]::new() }
            continue
        }
        if ($null -ne $current -and $line -match '^\s*(```|~~~)\s*$') {
            $blocks.Add($current)
            $current = $null
            continue
        }
        if ($null -ne $current) { $current.Lines.Add($line) } else { $prose.Add($line) }
    }
    return [pscustomobject]@{ Prose = (Join-OAILines $prose); Blocks = $blocks.ToArray() }
}

function ConvertFrom-OAIYamlBlock([string[]] $Lines) {
    $values = [ordered]@{}
    foreach ($line in $Lines) {
        if ($line -match '^([^:]+):\s*(.*)$') { $values[$Matches[1].Trim()] = $Matches[2].Trim() }
    }
    return $values
}

function Read-OAIHelpMarkdown {
    <#
    .SYNOPSIS
        Reads a help source file in the platyPS markdown schema 2.0.0.
    .DESCRIPTION
        Returns one object with the front matter (Metadata, OnlineVersion), Name, Synopsis, Syntax (one entry per
        parameter set), Description, Examples (Title, Code, Remarks), Parameters (Name, Description and the parsed
        yaml blocks as Metadata), HasCommonParameters, Inputs and Outputs (Type, Description), Notes and
        RelatedLinks (Text, Uri). Text keeps its markdown; paragraphs are separated by blank lines.
    .EXAMPLE
        Read-OAIHelpMarkdown -Path en-US/Get-OAIProject.md | Select-Object -ExpandProperty Parameters
    #>
    [CmdletBinding()]
    [OutputType('OpenAIAdmin.HelpSource')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('FullName')]
        [string] $Path
    )
    process {
        $resolved = (Resolve-Path -LiteralPath $Path -ErrorAction Stop).ProviderPath
        $document = ConvertFrom-OAIMarkdownText -Text ([System.IO.File]::ReadAllText($resolved)) -Path $resolved
        ConvertTo-OAIHelpSource $document
    }
}

function ConvertTo-OAIHelpSource($Document) {
    $name = $null
    foreach ($line in $Document.Head) {
        if ($line -match '^#\s+(.+?)\s*$') { $name = $Matches[1]; break }
    }

    $synopsis = ''
    $description = ''
    $notes = ''
    $hasCommon = $false
    $syntax = [System.Collections.Generic.List[object]]::new()
    $examples = [System.Collections.Generic.List[object]]::new()
    $parameters = [System.Collections.Generic.List[object]]::new()
    $inputs = [System.Collections.Generic.List[object]]::new()
    $outputs = [System.Collections.Generic.List[object]]::new()
    $links = [System.Collections.Generic.List[object]]::new()

    foreach ($section in $Document.Sections) {
        switch ($section.Title) {
            'SYNOPSIS' { $synopsis = Join-OAILines $section.Intro }
            'DESCRIPTION' { $description = Join-OAILines $section.Intro }
            'NOTES' {
                $all = [System.Collections.Generic.List[string]]::new()
                $all.AddRange($section.Intro)
                foreach ($sub in $section.Subsections) { $all.Add($sub.Heading); $all.AddRange($sub.Lines) }
                $notes = Join-OAILines $all
            }
            'SYNTAX' {
                $intro = Split-OAIFences $section.Intro
                foreach ($block in $intro.Blocks) {
                    $syntax.Add([pscustomobject]@{ ParameterSetName = $script:AllSets; IsDefault = $false; Text = Join-OAILines $block.Lines })
                }
                foreach ($sub in $section.Subsections) {
                    $setName = $sub.Title -replace '\s*\(Default\)$', ''
                    $code = foreach ($block in (Split-OAIFences $sub.Lines).Blocks) { Join-OAILines $block.Lines }
                    $syntax.Add([pscustomobject]@{
                            ParameterSetName = $setName
                            IsDefault        = $sub.Title -match '\(Default\)$'
                            Text             = (@($code) -join "`n")
                        })
                }
            }
            'EXAMPLES' {
                foreach ($sub in $section.Subsections) {
                    $parts = Split-OAIFences $sub.Lines
                    $examples.Add([pscustomobject]@{
                            Title   = $sub.Title
                            Code    = (@(foreach ($block in $parts.Blocks) { Join-OAILines $block.Lines }) -join "`n`n")
                            Remarks = $parts.Prose
                        })
                }
            }
            'PARAMETERS' {
                foreach ($sub in $section.Subsections) {
                    if ($sub.Title -eq 'CommonParameters') { $hasCommon = $true; continue }
                    $yaml = @((Split-OAIFences $sub.Lines).Blocks.Where({ $_.Info -eq 'yaml' }))
                    # Everything but the yaml blocks is the description (a code block in it stays part of it).
                    $text = Join-OAILines (Remove-OAIYamlFences $sub.Lines)
                    $parameters.Add([pscustomobject]@{
                            Name        = $sub.Title.TrimStart('-').Trim()
                            Description = $text
                            Metadata    = @(foreach ($block in $yaml) { ConvertFrom-OAIYamlBlock $block.Lines })
                        })
                }
            }
            { $_ -in 'INPUTS', 'OUTPUTS' } {
                $target = $inputs
                if ($section.Title -eq 'OUTPUTS') { $target = $outputs }
                foreach ($sub in $section.Subsections) {
                    $target.Add([pscustomobject]@{ Type = $sub.Title; Description = Join-OAILines $sub.Lines })
                }
            }
            'RELATED LINKS' {
                $linkLines = [System.Collections.Generic.List[string]]::new($section.Intro)
                foreach ($sub in $section.Subsections) { $linkLines.AddRange($sub.Lines) }
                foreach ($line in $linkLines) {
                    if ($line -match '^\s*\[([^\]]+)\]\(([^)]*)\)\s*$') {
                        $links.Add([pscustomobject]@{ Text = $Matches[1]; Uri = $Matches[2] })
                    }
                    elseif ($line.Trim() -ne '') {
                        $links.Add([pscustomobject]@{ Text = $line.Trim(); Uri = '' })
                    }
                }
            }
        }
    }

    $online = ''
    if ($Document.FrontMatter.Contains('online version')) { $online = [string]$Document.FrontMatter['online version'] }
    return [pscustomobject]@{
        PSTypeName          = 'OpenAIAdmin.HelpSource'
        Path                = $Document.Path
        Name                = $name
        Metadata            = $Document.FrontMatter
        OnlineVersion       = $online
        Synopsis            = $synopsis
        Syntax              = $syntax.ToArray()
        Description         = $description
        Examples            = $examples.ToArray()
        Parameters          = $parameters.ToArray()
        HasCommonParameters = $hasCommon
        Inputs              = $inputs.ToArray()
        Outputs             = $outputs.ToArray()
        Notes               = $notes
        RelatedLinks        = $links.ToArray()
    }
}

# The lines of a parameter subsection without its yaml blocks (other code blocks stay).
function Remove-OAIYamlFences([string[]] $Lines) {
    $kept = [System.Collections.Generic.List[string]]::new()
    $inYaml = $false
    $inOther = $false
    foreach ($line in @($Lines)) {
        if (-not $inYaml -and -not $inOther -and $line -match '^\s*(```|~~~)\s*yaml\s*$') { $inYaml = $true; continue }
        if ($inYaml) { if ($line -match '^\s*(```|~~~)\s*$') { $inYaml = $false }; continue }
        if ($line -match '^\s*(```|~~~)') { $inOther = -not $inOther }
        $kept.Add($line)
    }
    return $kept.ToArray()
}

#endregion

#region Live cmdlet metadata

function Get-OAIHelpCommand([string] $ModuleName) {
    $module = @(Get-Module -Name $ModuleName)
    if ($module.Count -eq 0) {
        throw "Module '$ModuleName' is not imported. Import the built module first (for example out/$ModuleName/<version>/$ModuleName.psd1)."
    }
    $commands = foreach ($command in $module[0].ExportedCommands.Values) {
        if ($command.CommandType -in 'Cmdlet', 'Function') { $command }
    }
    return @($commands | Sort-Object Name)
}

function Get-OAIHelpIsCommon([string] $Name) {
    return [System.Management.Automation.Cmdlet]::CommonParameters.Contains($Name)
}

function Get-OAIHelpElementType([type] $Type) {
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($null -ne $underlying) { $Type = $underlying }
    while ($Type.IsArray) { $Type = $Type.GetElementType() }
    return $Type
}

# The type as platyPS writes it: String[], Int32 (for int?), SwitchParameter, Project.
function Get-OAIHelpTypeName([type] $Type, [switch] $FullName) {
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($null -ne $underlying) { $Type = $underlying }
    if ($Type.IsArray) { return (Get-OAIHelpTypeName $Type.GetElementType() -FullName:$FullName) + '[]' }
    $name = if ($FullName -and $Type.FullName) { $Type.FullName } else { $Type.Name }
    if ($Type.IsGenericType) {
        $arguments = $Type.GetGenericArguments() | ForEach-Object { Get-OAIHelpTypeName $_ -FullName:$FullName }
        $name = ($name -replace '`\d+.*$', '') + '[' + ($arguments -join ', ') + ']'
    }
    return $name
}

function Get-OAIHelpPipelineInput([bool] $ByValue, [bool] $ByPropertyName) {
    if ($ByValue -and $ByPropertyName) { return 'True (ByValue, ByPropertyName)' }
    if ($ByValue) { return 'True (ByValue)' }
    if ($ByPropertyName) { return 'True (ByPropertyName)' }
    return 'False'
}

function Get-OAIHelpPosition([int] $Position) {
    if ($Position -eq [int]::MinValue -or $Position -lt 0) { return 'Named' }
    return [string]$Position
}

# Models of the cmdlets already seen in this session (a binary module cannot be re-imported into a process).
$script:ModelCache = @{}

function Get-OAIHelpCommandModel([System.Management.Automation.CommandInfo] $Command) {
    $key = $null
    if ($Command.CommandType -eq 'Cmdlet' -and $null -ne $Command.Module) {
        $key = '{0}|{1}|{2}' -f $Command.Module.Path, $Command.Module.Version, $Command.Name
    }
    if ($null -ne $key -and $script:ModelCache.ContainsKey($key)) { return $script:ModelCache[$key] }
    $model = New-OAIHelpCommandModel $Command
    if ($null -ne $key) { $script:ModelCache[$key] = $model }
    return $model
}

# Everything the help needs to know about the live cmdlet, in display order.
function New-OAIHelpCommandModel([System.Management.Automation.CommandInfo] $Command) {
    $sets = @($Command.ParameterSets)
    $ordered = [System.Collections.Generic.List[object]]::new()
    foreach ($set in $sets) { if ($set.IsDefault) { $ordered.Insert(0, $set) } else { $ordered.Add($set) } }

    $setModels = foreach ($set in $ordered) {
        # The order PowerShell itself uses: positional by position, then mandatory named, then optional named.
        $positional = [System.Collections.Generic.List[object]]::new()
        $mandatory = [System.Collections.Generic.List[object]]::new()
        $optional = [System.Collections.Generic.List[object]]::new()
        foreach ($p in $set.Parameters) {
            if (Get-OAIHelpIsCommon $p.Name) { continue }
            if ($p.Position -ge 0) { $positional.Add($p) } elseif ($p.IsMandatory) { $mandatory.Add($p) } else { $optional.Add($p) }
        }
        $positional = @($positional | Sort-Object Position)
        $display = foreach ($p in $positional + $mandatory + $optional) {
            [pscustomobject]@{
                Name          = $p.Name
                Type          = $p.ParameterType
                Required      = [bool]$p.IsMandatory
                Position      = Get-OAIHelpPosition $p.Position
                PipelineInput = Get-OAIHelpPipelineInput $p.ValueFromPipeline $p.ValueFromPipelineByPropertyName
            }
        }
        [pscustomobject]@{
            Name       = $set.Name
            IsDefault  = [bool]$set.IsDefault
            Parameters = @($display)
        }
    }

    $hasCommon = @($Command.Parameters.Keys.Where({ Get-OAIHelpIsCommon $_ })).Count -gt 0
    $setNames = @($setModels.ForEach('Name'))
    $parameterModels = [ordered]@{}
    foreach ($entry in $Command.Parameters.GetEnumerator()) {
        if (Get-OAIHelpIsCommon $entry.Key) { continue }
        $metadata = $entry.Value
        $values = @()
        foreach ($attribute in $metadata.Attributes) {
            if ($attribute -is [System.Management.Automation.ValidateSetAttribute]) { $values = @($attribute.ValidValues) }
        }
        $element = Get-OAIHelpElementType $metadata.ParameterType
        if ($values.Count -eq 0 -and $element.IsEnum) { $values = [Enum]::GetNames($element) }
        $globbing = $false
        foreach ($attribute in $metadata.Attributes) {
            if ($attribute -is [System.Management.Automation.SupportsWildcardsAttribute]) { $globbing = $true }
        }

        # One group per distinct (required, position, pipeline input) over the sets the parameter is in;
        # platyPS writes one yaml block per group.
        $groups = [System.Collections.Generic.List[object]]::new()
        $inAll = $metadata.ParameterSets.ContainsKey($script:AllSets)
        foreach ($setName in $setNames) {
            $setMeta = if ($metadata.ParameterSets.ContainsKey($setName)) { $metadata.ParameterSets[$setName] }
            elseif ($inAll) { $metadata.ParameterSets[$script:AllSets] }
            else { $null }
            if ($null -eq $setMeta) { continue }
            $required = [bool]$setMeta.IsMandatory
            $position = Get-OAIHelpPosition $setMeta.Position
            $pipeline = Get-OAIHelpPipelineInput $setMeta.ValueFromPipeline $setMeta.ValueFromPipelineByPropertyName
            $group = $null
            foreach ($candidate in $groups) {
                if ($candidate.Required -eq $required -and $candidate.Position -eq $position -and $candidate.PipelineInput -eq $pipeline) { $group = $candidate }
            }
            if ($null -eq $group) {
                $group = [pscustomobject]@{ Sets = [System.Collections.Generic.List[string]]::new(); Required = $required; Position = $position; PipelineInput = $pipeline }
                $groups.Add($group)
            }
            $group.Sets.Add($setName)
        }
        foreach ($group in $groups) {
            $group | Add-Member -NotePropertyName SetsText -NotePropertyValue $(
                if (($inAll -and $groups.Count -eq 1) -or ($setNames.Count -gt 0 -and $group.Sets.Count -eq $setNames.Count)) { '(All)' }
                else { $group.Sets -join ', ' })
        }

        $parameterModels[$entry.Key] = [pscustomobject]@{
            Name         = $entry.Key
            Type         = $metadata.ParameterType
            TypeName     = Get-OAIHelpTypeName $metadata.ParameterType
            FullTypeName = Get-OAIHelpTypeName $metadata.ParameterType -FullName
            IsSwitch     = $metadata.SwitchParameter
            IsArray      = $metadata.ParameterType.IsArray
            Aliases      = @($metadata.Aliases)
            Values       = @($values)
            Globbing     = $globbing
            Groups       = $groups.ToArray()
        }
    }

    return [pscustomobject]@{
        Name                = $Command.Name
        Verb                = $Command.Verb
        Noun                = $Command.Noun
        Command             = $Command
        Sets                = @($setModels)
        Parameters          = $parameterModels
        HasCommonParameters = $hasCommon
        OutputTypes         = @($Command.OutputType | Where-Object { $null -ne $_.Type -and $_.Type -ne [void] } | ForEach-Object { $_.Type })
    }
}

# One syntax line per set, wrapped the way platyPS wraps it (continuation lines start with a space).
function Format-OAISyntaxText($Model, $Set) {
    $tokens = foreach ($p in $Set.Parameters) {
        $meta = $Model.Parameters[$p.Name]
        $nameText = if ($p.Position -ne 'Named') { "[-$($p.Name)]" } else { "-$($p.Name)" }
        $text = if ($meta.IsSwitch) { $nameText } else { "$nameText <$($meta.TypeName)>" }
        if ($p.Required) { $text } else { "[$text]" }
    }
    if ($Model.HasCommonParameters) { $tokens = @($tokens) + '[<CommonParameters>]' }

    $lines = [System.Collections.Generic.List[string]]::new()
    $line = $Model.Name
    foreach ($token in @($tokens)) {
        if ($line.Length + 1 + $token.Length -gt $script:SyntaxWidth -and $line.Trim() -ne '') {
            $lines.Add($line)
            $line = " $token"
        }
        else {
            $line = "$line $token"
        }
    }
    $lines.Add($line)
    return ($lines -join "`n")
}

function Get-OAISyntaxHeading($Model, $Set) {
    if ($Model.Sets.Count -eq 1 -and $Set.Name -eq $script:AllSets) { return $null }
    if ($Set.IsDefault) { return "$($Set.Name) (Default)" }
    return $Set.Name
}

function Format-OAIParameterYaml($Model, [string] $Name, [string] $DefaultValue) {
    $meta = $Model.Parameters[$Name]
    $blocks = [System.Collections.Generic.List[string[]]]::new()
    foreach ($group in $meta.Groups) {
        $lines = [System.Collections.Generic.List[string]]::new()
        $lines.Add('```yaml')
        $lines.Add("Type: $($meta.TypeName)")
        $lines.Add("Parameter Sets: $($group.SetsText)")
        $lines.Add(('Aliases: ' + ($meta.Aliases -join ', ')).TrimEnd())
        if ($meta.Values.Count -gt 0) { $lines.Add('Accepted values: ' + ($meta.Values -join ', ')) }
        $lines.Add('')
        $lines.Add("Required: $($group.Required)")
        $lines.Add("Position: $($group.Position)")
        $lines.Add("Default value: $DefaultValue")
        $lines.Add("Accept pipeline input: $($group.PipelineInput)")
        $lines.Add("Accept wildcard characters: $($meta.Globbing)")
        $lines.Add('```')
        $blocks.Add($lines.ToArray())
    }
    $result = [System.Collections.Generic.List[string]]::new()
    $first = $true
    foreach ($block in $blocks) {
        if (-not $first) { $result.Add('') }
        $result.AddRange($block)
        $first = $false
    }
    return $result.ToArray()
}

# The default value a new parameter section starts with: what a fresh cmdlet object holds, else None.
function Get-OAIHelpInitialDefault($Model, [string] $Name) {
    $meta = $Model.Parameters[$Name]
    if ($meta.IsSwitch) { return 'False' }
    if ($Model.Command -is [System.Management.Automation.CmdletInfo]) {
        $type = $Model.Command.ImplementingType
        try {
            $instance = [Activator]::CreateInstance($type)
            $value = $type.GetProperty($Name).GetValue($instance)
            if ($null -ne $value -and -not ($value -is [System.ValueType] -and $value -eq [Activator]::CreateInstance($value.GetType()))) {
                return [string]$value
            }
        }
        catch {
            Write-Verbose "No default value for -${Name}: $($_.Exception.Message)"
        }
    }
    return 'None'
}

function Test-OAIPlaceholder([string] $Text) {
    return [string]::IsNullOrWhiteSpace($Text) -or $Text -match $script:PlaceholderPattern
}

#endregion

#region MAML

# Markdown text to MAML paragraphs: one per blank-line separated block; list items and code keep their lines.
function ConvertTo-OAIParagraph([string] $Text) {
    if ([string]::IsNullOrWhiteSpace($Text)) { return @() }
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $current = [System.Collections.Generic.List[string]]::new()
    $inFence = $false
    $flush = {
        if ($current.Count -gt 0) {
            $isList = @($current.Where({ $_ -match '^\s*([-*+]|\d+\.)\s' })).Count -gt 0
            $joined = if ($isList) { $current -join "`n" } else { @(foreach ($line in $current) { $line.Trim() }) -join ' ' }
            $paragraphs.Add($joined)
            $current.Clear()
        }
    }
    foreach ($line in ($Text -split "`n")) {
        if ($line -match '^\s*(```|~~~)') {
            if ($inFence) {
                $paragraphs.Add(($current -join "`n"))
                $current.Clear()
            }
            else { & $flush }
            $inFence = -not $inFence
            continue
        }
        if ($inFence) { $current.Add($line); continue }
        if ($line.Trim() -eq '') { & $flush; continue }
        $current.Add($line)
    }
    & $flush
    return $paragraphs.ToArray()
}

function Write-OAIParagraphs([System.Xml.XmlWriter] $Writer, [string] $Prefix, [string] $Name, [string] $Namespace, [string] $Text, [switch] $TrailingBlank) {
    $Writer.WriteStartElement($Prefix, $Name, $Namespace)
    $paragraphs = @(ConvertTo-OAIParagraph $Text)
    if ($paragraphs.Count -eq 0 -or $TrailingBlank) { $paragraphs += '' }
    foreach ($paragraph in $paragraphs) { $Writer.WriteElementString('maml', 'para', $script:MamlNs, $paragraph) }
    $Writer.WriteEndElement()
}

function Write-OAIMamlParameter([System.Xml.XmlWriter] $Writer, $Meta, [bool] $Required, [string] $Position, [string] $PipelineInput, [string] $Description, [string] $DefaultValue, [bool] $ForSyntax) {
    $Writer.WriteStartElement('command', 'parameter', $script:CommandNs)
    $Writer.WriteAttributeString('required', $Required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', ([bool]$Meta.IsArray).ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', ([bool]$Meta.Globbing).ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $PipelineInput)
    $Writer.WriteAttributeString('position', $Position.ToLowerInvariant())
    $aliases = if ($Meta.Aliases.Count -gt 0) { $Meta.Aliases -join ', ' } else { 'none' }
    $Writer.WriteAttributeString('aliases', $aliases)
    $Writer.WriteElementString('maml', 'name', $script:MamlNs, $Meta.Name)
    if (-not $ForSyntax) { Write-OAIParagraphs $Writer 'maml' 'description' $script:MamlNs $Description }
    if ($Meta.Values.Count -gt 0) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $script:CommandNs)
        foreach ($value in $Meta.Values) {
            $Writer.WriteStartElement('command', 'parameterValue', $script:CommandNs)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('variableLength', 'false')
            $Writer.WriteString([string]$value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    # In a syntax line a switch has no value and a ValidateSet shows its values instead of the type.
    if (-not ($ForSyntax -and ($Meta.IsSwitch -or $Meta.Values.Count -gt 0))) {
        $Writer.WriteStartElement('command', 'parameterValue', $script:CommandNs)
        $Writer.WriteAttributeString('required', (-not $Meta.IsSwitch).ToString().ToLowerInvariant())
        $Writer.WriteAttributeString('variableLength', ([bool]$Meta.IsArray).ToString().ToLowerInvariant())
        $Writer.WriteString($Meta.TypeName)
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $script:DevNs)
    $Writer.WriteElementString('maml', 'name', $script:MamlNs, $Meta.FullTypeName)
    $Writer.WriteElementString('maml', 'uri', $script:MamlNs, '')
    $Writer.WriteEndElement()
    $Writer.WriteElementString('dev', 'defaultValue', $script:DevNs, $DefaultValue)
    $Writer.WriteEndElement()
}

function Resolve-OAIHelpLink([string] $Uri, [string] $OnlineVersion) {
    if ([string]::IsNullOrWhiteSpace($Uri)) { return '' }
    $absolute = $null
    if ([Uri]::TryCreate($Uri, [UriKind]::Absolute, [ref]$absolute)) { return $absolute.AbsoluteUri }
    # A link to a sibling page (New-OAIProject.md) becomes its online address, so Get-Help shows a usable link.
    $base = $null
    if (-not [string]::IsNullOrWhiteSpace($OnlineVersion) -and [Uri]::TryCreate($OnlineVersion, [UriKind]::Absolute, [ref]$base)) {
        return [Uri]::new($base, $Uri).AbsoluteUri
    }
    return ''
}

function Write-OAIMamlCommand([System.Xml.XmlWriter] $Writer, $Model, $Source) {
    $documented = @{}
    foreach ($p in $Source.Parameters) { $documented[$p.Name] = $p }

    $Writer.WriteStartElement('command', 'command', $script:CommandNs)
    $Writer.WriteAttributeString('xmlns', 'maml', $null, $script:MamlNs)
    $Writer.WriteAttributeString('xmlns', 'command', $null, $script:CommandNs)
    $Writer.WriteAttributeString('xmlns', 'dev', $null, $script:DevNs)
    $Writer.WriteAttributeString('xmlns', 'MSHelp', $null, $script:MsHelpNs)

    $Writer.WriteStartElement('command', 'details', $script:CommandNs)
    $Writer.WriteElementString('command', 'name', $script:CommandNs, $Model.Name)
    $Writer.WriteElementString('command', 'verb', $script:CommandNs, $Model.Verb)
    $Writer.WriteElementString('command', 'noun', $script:CommandNs, $Model.Noun)
    Write-OAIParagraphs $Writer 'maml' 'description' $script:MamlNs $Source.Synopsis
    $Writer.WriteEndElement()

    Write-OAIParagraphs $Writer 'maml' 'description' $script:MamlNs $Source.Description

    $Writer.WriteStartElement('command', 'syntax', $script:CommandNs)
    foreach ($set in $Model.Sets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $script:CommandNs)
        $Writer.WriteElementString('maml', 'name', $script:MamlNs, $Model.Name)
        foreach ($p in $set.Parameters) {
            $meta = $Model.Parameters[$p.Name]
            Write-OAIMamlParameter $Writer $meta $p.Required $p.Position $p.PipelineInput '' (Get-OAIDocumentedDefault $documented $p.Name) $true
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    # Parameters in the order the markdown documents them.
    $Writer.WriteStartElement('command', 'parameters', $script:CommandNs)
    $names = @($Source.Parameters.ForEach('Name').Where({ $Model.Parameters.Contains($_) })) +
        @($Model.Parameters.Keys.Where({ -not $documented.ContainsKey($_) }))
    foreach ($name in $names) {
        $meta = $Model.Parameters[$name]
        $required = @($meta.Groups.Where({ -not $_.Required })).Count -eq 0
        $positions = @([System.Linq.Enumerable]::Distinct([string[]]$meta.Groups.ForEach('Position')))
        $position = if ($positions.Count -eq 1) { $positions[0] } else { 'Named' }
        $pipelineInputs = @([System.Linq.Enumerable]::Distinct([string[]]$meta.Groups.ForEach('PipelineInput').Where({ $_ -ne 'False' })))
        $pipeline = switch ($pipelineInputs.Count) {
            0 { 'False' }
            1 { $pipelineInputs[0] }
            default { Get-OAIHelpPipelineInput ($pipelineInputs -match 'ByValue\b').Count ($pipelineInputs -match 'ByPropertyName').Count }
        }
        Write-OAIMamlParameter $Writer $meta $required $position $pipeline $documented[$name].Description (Get-OAIDocumentedDefault $documented $name) $false
    }
    $Writer.WriteEndElement()

    foreach ($kind in @(@{ Outer = 'inputTypes'; Inner = 'inputType'; Items = $Source.Inputs }, @{ Outer = 'returnValues'; Inner = 'returnValue'; Items = $Source.Outputs })) {
        $Writer.WriteStartElement('command', $kind.Outer, $script:CommandNs)
        foreach ($item in $kind.Items) {
            $Writer.WriteStartElement('command', $kind.Inner, $script:CommandNs)
            $Writer.WriteStartElement('dev', 'type', $script:DevNs)
            $Writer.WriteElementString('maml', 'name', $script:MamlNs, $item.Type)
            $Writer.WriteEndElement()
            Write-OAIParagraphs $Writer 'maml' 'description' $script:MamlNs $item.Description
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }

    if (-not [string]::IsNullOrWhiteSpace($Source.Notes)) {
        $Writer.WriteStartElement('maml', 'alertSet', $script:MamlNs)
        Write-OAIParagraphs $Writer 'maml' 'alert' $script:MamlNs $Source.Notes
        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('command', 'examples', $script:CommandNs)
    foreach ($example in $Source.Examples) {
        $Writer.WriteStartElement('command', 'example', $script:CommandNs)
        $Writer.WriteElementString('maml', 'title', $script:MamlNs, "---------- $($example.Title) ----------")
        $Writer.WriteElementString('dev', 'code', $script:DevNs, $example.Code)
        # The trailing empty paragraph separates this example from the next title in Get-Help's output.
        Write-OAIParagraphs $Writer 'dev' 'remarks' $script:DevNs $example.Remarks -TrailingBlank
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    # Get-Help -Online opens the first link that has an address, so the online version comes first.
    $Writer.WriteStartElement('command', 'relatedLinks', $script:CommandNs)
    $links = @()
    if (-not [string]::IsNullOrWhiteSpace($Source.OnlineVersion)) {
        $links += [pscustomobject]@{ Text = 'Online Version:'; Uri = $Source.OnlineVersion }
    }
    $links += @($Source.RelatedLinks)
    foreach ($link in $links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $script:MamlNs)
        $Writer.WriteElementString('maml', 'linkText', $script:MamlNs, $link.Text)
        $Writer.WriteElementString('maml', 'uri', $script:MamlNs, (Resolve-OAIHelpLink $link.Uri $Source.OnlineVersion))
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

function Get-OAIDocumentedDefault([hashtable] $Documented, [string] $Name) {
    if ($Documented.ContainsKey($Name)) {
        foreach ($yaml in $Documented[$Name].Metadata) {
            if ($yaml.Contains('Default value') -and -not [string]::IsNullOrWhiteSpace($yaml['Default value'])) { return [string]$yaml['Default value'] }
        }
    }
    return 'None'
}

# What stops the MAML from being built: a missing file or prose that Get-Help would show empty.
function Get-OAIHelpBlockingProblem($Model, $Source, [string] $Path) {
    if ($null -eq $Source) {
        return "$($Model.Name): no help source '$Path'. Run Update-OAIHelpSource to create it, then write its prose."
    }
    if (Test-OAIPlaceholder $Source.Synopsis) { "$($Model.Name): the SYNOPSIS is missing or still a placeholder ($Path)." }
    if (Test-OAIPlaceholder $Source.Description) { "$($Model.Name): the DESCRIPTION is missing or still a placeholder ($Path)." }
    $documented = @{}
    foreach ($p in $Source.Parameters) { $documented[$p.Name] = $p }
    foreach ($name in $Model.Parameters.Keys) {
        if (-not $documented.ContainsKey($name)) {
            "$($Model.Name) -${name}: the parameter is not documented ($Path). Run Update-OAIHelpSource, then describe it."
        }
        elseif (Test-OAIPlaceholder $documented[$name].Description) {
            "$($Model.Name) -${name}: the parameter has no description ($Path)."
        }
    }
}

function ConvertTo-OAIMaml {
    <#
    .SYNOPSIS
        Compiles the markdown help sources of a module into one MAML help file.
    .DESCRIPTION
        Reads <SourcePath>/<Cmdlet>.md for every cmdlet the imported module exports and writes one MAML file with
        details, description, syntax (one item per parameter set), parameters, inputs, outputs, notes, examples
        and related links (the online version first, so Get-Help -Online works). Syntax and parameter metadata
        (required, position, pipeline input, wildcards, aliases, value type, ValidateSet values) come from the
        live cmdlets; descriptions and default values come from the markdown.

        Throws, naming every cmdlet and parameter concerned, when a cmdlet has no markdown file, or its synopsis,
        its description or a parameter's description is missing or still a {{ placeholder }}.
    .EXAMPLE
        Import-Module ./out/OpenAIAdmin/0.1.0/OpenAIAdmin.psd1
        ConvertTo-OAIMaml -SourcePath en-US -OutputPath out/OpenAIAdmin/0.1.0/en-US/OpenAIAdmin.dll-Help.xml -ModuleName OpenAIAdmin
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string] $SourcePath,
        [Parameter(Mandatory)][string] $OutputPath,
        [Parameter(Mandatory)][string] $ModuleName
    )

    $commands = Get-OAIHelpCommand $ModuleName
    $problems = [System.Collections.Generic.List[string]]::new()
    $pairs = [System.Collections.Generic.List[object]]::new()
    foreach ($command in $commands) {
        $model = Get-OAIHelpCommandModel $command
        $path = Join-Path $SourcePath "$($command.Name).md"
        $source = if (Test-Path -LiteralPath $path -PathType Leaf) { Read-OAIHelpMarkdown -Path $path } else { $null }
        $found = @(Get-OAIHelpBlockingProblem $model $source $path)
        if ($found.Count -gt 0) { $problems.AddRange([string[]]$found); continue }
        foreach ($p in $source.Parameters) {
            if (-not $model.Parameters.Contains($p.Name)) {
                Write-Warning "$($command.Name): '$path' documents -$($p.Name), which the cmdlet does not have. Run Update-OAIHelpSource."
            }
        }
        $pairs.Add([pscustomobject]@{ Model = $model; Source = $source })
    }
    if ($problems.Count -gt 0) {
        $count = if ($problems.Count -eq 1) { '1 problem' } else { "$($problems.Count) problems" }
        throw ("The help of module $ModuleName is incomplete ($count):`n  " + ($problems -join "`n  "))
    }

    $OutputPath = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($OutputPath)
    $directory = Split-Path -Parent $OutputPath
    if (-not (Test-Path -LiteralPath $directory)) { New-Item -ItemType Directory -Path $directory -Force | Out-Null }
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.IndentChars = '  '
    $settings.NewLineChars = "`n"
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($pair in $pairs) { Write-OAIMamlCommand $writer $pair.Model $pair.Source }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally {
        $writer.Dispose()
    }
    Write-Verbose "Compiled help for $($pairs.Count) commands of $ModuleName to $OutputPath."
}

#endregion

#region Maintenance

function Get-OAIOnlineVersionPattern([string] $SourcePath) {
    foreach ($file in Get-ChildItem -LiteralPath $SourcePath -Filter '*.md' -File) {
        $document = ConvertFrom-OAIMarkdownText -Text ([System.IO.File]::ReadAllText($file.FullName)) -Path $file.FullName
        if ($document.FrontMatter.Contains('online version')) {
            $uri = [string]$document.FrontMatter['online version']
            $suffix = "/$($file.BaseName).md"
            if ($uri.EndsWith($suffix, [StringComparison]::OrdinalIgnoreCase)) { return $uri.Substring(0, $uri.Length - $suffix.Length) + '/{0}.md' }
        }
    }
    return $null
}

function New-OAIHelpSkeleton($Model, [string] $ModuleName, [string] $OnlineVersion) {
    $name = $Model.Name
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.AddRange([string[]]@(
            '---', "external help file: $ModuleName.dll-Help.xml", "Module Name: $ModuleName", "online version: $OnlineVersion", 'schema: 2.0.0', '---',
            '', "# $name", '', '## SYNOPSIS', "{{ Fill in the Synopsis }}", '', '## SYNTAX', '', '## DESCRIPTION', '{{ Fill in the Description }}', '',
            '## EXAMPLES', '', '### Example 1: {{ Add example title }}', '```powershell', "PS> {{ Add example code here }}", '```', '',
            '{{ Add example description here }}', '', '## PARAMETERS', ''))
    if ($Model.HasCommonParameters) { $lines.AddRange([string[]]@('### CommonParameters', $script:CommonParametersText, '')) }
    $lines.AddRange([string[]]@('## INPUTS', ''))
    $inputTypes = @($Model.Parameters.Values | Where-Object { $_.Groups | Where-Object PipelineInput -NE 'False' } |
            ForEach-Object { Get-OAIHelpTypeName $_.Type -FullName } | Select-Object -Unique)
    if ($inputTypes.Count -eq 0) { $inputTypes = @('None') }
    foreach ($type in $inputTypes) { $lines.AddRange([string[]]@("### $type", '{{ Describe what can be piped to the cmdlet }}', '')) }
    $lines.AddRange([string[]]@('## OUTPUTS', ''))
    $outputTypes = @($Model.OutputTypes | ForEach-Object { Get-OAIHelpTypeName $_ -FullName } | Select-Object -Unique)
    if ($outputTypes.Count -eq 0) { $outputTypes = @('None') }
    foreach ($type in $outputTypes) { $lines.AddRange([string[]]@("### $type", '{{ Describe the output }}', '')) }
    $lines.AddRange([string[]]@('## NOTES', '', '## RELATED LINKS', ''))
    return ConvertFrom-OAIMarkdownText -Text (($lines -join "`n") + "`n") -Path "$name.md"
}

# Rewrites SYNTAX and each parameter's yaml from the live cmdlet, adds and removes parameter sections, keeps the prose.
function Update-OAIHelpDocument($Document, $Model, [string] $OnlineVersion) {
    $name = $Model.Name
    if ($OnlineVersion) {
        for ($i = 0; $i -lt $Document.FrontMatterLines.Count; $i++) {
            if ($Document.FrontMatterLines[$i] -match '^online version:') { $Document.FrontMatterLines[$i] = "online version: $OnlineVersion" }
        }
        $Document.FrontMatter['online version'] = $OnlineVersion
    }

    $syntax = Get-OAISection $Document 'SYNTAX'
    if ($null -eq $syntax) { throw "$($Document.Path): there is no '## SYNTAX' section." }
    $syntax.Intro.Clear()
    $syntax.Intro.Add('')
    $syntax.Subsections.Clear()
    foreach ($set in $Model.Sets) {
        [string[]] $syntaxLines = @('```') + @((Format-OAISyntaxText $Model $set) -split "`n") + @('```', '')
        $heading = Get-OAISyntaxHeading $Model $set
        if ($null -eq $heading) { $syntax.Intro.AddRange($syntaxLines) }
        else {
            $sub = [pscustomobject]@{ Title = $heading; Heading = "### $heading"; Lines = [System.Collections.Generic.List[string]]::new() }
            $sub.Lines.AddRange($syntaxLines)
            $syntax.Subsections.Add($sub)
        }
    }

    $parameters = Get-OAISection $Document 'PARAMETERS'
    if ($null -eq $parameters) { throw "$($Document.Path): there is no '## PARAMETERS' section." }
    $kept = [System.Collections.Generic.List[object]]::new()
    $seen = @{}
    foreach ($sub in $parameters.Subsections) {
        if ($sub.Title -eq 'CommonParameters') { $kept.Add($sub); continue }
        $parameterName = $sub.Title.TrimStart('-').Trim()
        if (-not $Model.Parameters.Contains($parameterName)) {
            Write-Warning "${name}: removed the section of -$parameterName, which the cmdlet no longer has."
            continue
        }
        $seen[$parameterName] = $true
        $oldYaml = @(foreach ($block in (Split-OAIFences $sub.Lines).Blocks) { if ($block.Info -eq 'yaml') { ConvertFrom-OAIYamlBlock $block.Lines } })
        $default = Get-OAIDocumentedDefault @{ $parameterName = [pscustomobject]@{ Metadata = $oldYaml } } $parameterName
        if ($oldYaml.Count -eq 0) { $default = Get-OAIHelpInitialDefault $Model $parameterName }
        $yaml = Format-OAIParameterYaml $Model $parameterName $default

        # Put the new yaml where the first old yaml block was; keep every other line.
        $lines = [System.Collections.Generic.List[string]]::new()
        $inserted = $false
        $inYaml = $false
        $inOther = $false
        foreach ($line in $sub.Lines) {
            if (-not $inYaml -and -not $inOther -and $line -match '^\s*(```|~~~)\s*yaml\s*$') {
                $inYaml = $true
                if (-not $inserted) { $lines.AddRange([string[]]$yaml); $inserted = $true }
                continue
            }
            if ($inYaml) { if ($line -match '^\s*(```|~~~)\s*$') { $inYaml = $false }; continue }
            if ($line -match '^\s*(```|~~~)') { $inOther = -not $inOther }
            $lines.Add($line)
        }
        if (-not $inserted) {
            while ($lines.Count -gt 0 -and $lines[$lines.Count - 1].Trim() -eq '') { $lines.RemoveAt($lines.Count - 1) }
            $lines.Add('')
            $lines.AddRange([string[]]$yaml)
            $lines.Add('')
        }
        # Two yaml blocks that became one leave a double blank line behind; collapse it.
        $collapsed = [System.Collections.Generic.List[string]]::new()
        foreach ($line in $lines) {
            if ($line.Trim() -eq '' -and $collapsed.Count -gt 0 -and $collapsed[$collapsed.Count - 1].Trim() -eq '') { continue }
            $collapsed.Add($line)
        }
        $sub.Lines = $collapsed
        $kept.Add($sub)
    }

    # New parameters go before -Confirm/-WhatIf and CommonParameters, with a placeholder Test-OAIHelpSource reports.
    foreach ($parameterName in $Model.Parameters.Keys) {
        if ($seen.ContainsKey($parameterName)) { continue }
        $sub = [pscustomobject]@{ Title = "-$parameterName"; Heading = "### -$parameterName"; Lines = [System.Collections.Generic.List[string]]::new() }
        $sub.Lines.Add("{{ Fill $parameterName Description }}")
        $sub.Lines.Add('')
        $sub.Lines.AddRange([string[]](Format-OAIParameterYaml $Model $parameterName (Get-OAIHelpInitialDefault $Model $parameterName)))
        $sub.Lines.Add('')
        $at = $kept.Count
        for ($i = 0; $i -lt $kept.Count; $i++) {
            if ($kept[$i].Title -in '-Confirm', '-WhatIf', 'CommonParameters') { $at = $i; break }
        }
        if ($parameterName -in 'Confirm', 'WhatIf') {
            $at = $kept.Count
            for ($i = 0; $i -lt $kept.Count; $i++) { if ($kept[$i].Title -eq 'CommonParameters') { $at = $i; break } }
        }
        $kept.Insert($at, $sub)
        Write-Warning "${name}: added a section for the new parameter -$parameterName; replace its placeholder description."
    }
    if ($Model.HasCommonParameters -and -not @($kept | Where-Object Title -EQ 'CommonParameters')) {
        $sub = [pscustomobject]@{ Title = 'CommonParameters'; Heading = '### CommonParameters'; Lines = [System.Collections.Generic.List[string]]::new() }
        $sub.Lines.AddRange([string[]]@($script:CommonParametersText, ''))
        $kept.Add($sub)
    }
    $parameters.Subsections.Clear()
    $parameters.Subsections.AddRange($kept)
    if ($parameters.Intro.Count -eq 0 -or $parameters.Intro[0].Trim() -ne '') { $parameters.Intro.Insert(0, '') }
}

function Update-OAIHelpSource {
    <#
    .SYNOPSIS
        Refreshes the markdown help sources from the live cmdlets of an imported module.
    .DESCRIPTION
        For every exported cmdlet: rewrites the SYNTAX blocks and each parameter's yaml block from the live
        cmdlet metadata, keeping the prose (and each parameter's documented default value); adds a section with a
        {{ placeholder }} description for each new parameter; removes sections of parameters that no longer
        exist; and creates a skeleton file for a cmdlet that has none. Placeholders make Test-OAIHelpSource
        report a problem and ConvertTo-OAIMaml fail until someone writes the text.
        Run it after adding or changing parameters, then fill in the placeholders.
    .PARAMETER OnlineVersionUri
        A format string for the 'online version' front matter, where {0} is the cmdlet name, for help published
        at a real address. Without it, existing files keep theirs and new files follow the pattern of the existing
        ones. OpenAIAdmin's help is not published anywhere yet, so its 'online version' is empty: no online link.
    .EXAMPLE
        Update-OAIHelpSource -SourcePath en-US -ModuleName OpenAIAdmin
    #>
    [CmdletBinding(SupportsShouldProcess)]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)][string] $SourcePath,
        [Parameter(Mandatory)][string] $ModuleName,
        [string] $OnlineVersionUri
    )

    if (-not (Test-Path -LiteralPath $SourcePath -PathType Container)) { New-Item -ItemType Directory -Path $SourcePath | Out-Null }
    $pattern = if ($OnlineVersionUri) { $OnlineVersionUri } else { Get-OAIOnlineVersionPattern $SourcePath }
    foreach ($command in Get-OAIHelpCommand $ModuleName) {
        $model = Get-OAIHelpCommandModel $command
        $path = Join-Path $SourcePath "$($command.Name).md"
        $online = if ($pattern) { $pattern -f $command.Name } else { '' }
        $exists = Test-Path -LiteralPath $path -PathType Leaf
        if ($exists) {
            $before = [System.IO.File]::ReadAllText((Resolve-Path -LiteralPath $path).ProviderPath)
            $document = ConvertFrom-OAIMarkdownText -Text $before -Path $path
            $status = 'Updated'
            Update-OAIHelpDocument $document $model $(if ($OnlineVersionUri) { $online } else { '' })
        }
        else {
            $before = ''
            $document = New-OAIHelpSkeleton $model $ModuleName $online
            $status = 'Created'
            Update-OAIHelpDocument $document $model ''
        }
        $after = ConvertTo-OAIMarkdownText $document
        if ($after -ceq $before.Replace("`r`n", "`n")) { $status = 'Unchanged' }
        elseif ($PSCmdlet.ShouldProcess($path, "$status help source")) {
            [System.IO.File]::WriteAllText($PSCmdlet.GetUnresolvedProviderPathFromPSPath($path), $after, [System.Text.UTF8Encoding]::new($false))
        }
        else { continue }
        [pscustomobject]@{ Command = $command.Name; Path = $path; Status = $status }
    }
}

function New-OAIHelpProblem([string] $Command, [string] $Kind, [string] $Message, [string] $Path, [string] $Parameter = $null) {
    [pscustomobject]@{
        PSTypeName = 'OpenAIAdmin.HelpProblem'
        Command    = $Command
        Parameter  = $Parameter
        Kind       = $Kind
        Message    = $Message
        Path       = $Path
    }
}

function Compress-OAIWhitespace([string] $Text) { return ($Text -replace '\s+', ' ').Trim() }

function Test-OAIHelpSource {
    <#
    .SYNOPSIS
        Reports what is missing or out of date in the markdown help sources of an imported module.
    .DESCRIPTION
        Returns one OpenAIAdmin.HelpProblem object (Command, Parameter, Kind, Message, Path) per problem, and
        nothing when the help is complete. Kinds: MissingFile, OrphanFile, NameMismatch, MissingSynopsis,
        MissingDescription, TooFewExamples, IncompleteExample, UndocumentedParameter, MissingParameterDescription,
        UnknownParameter, ParameterMetadataOutOfDate, SyntaxOutOfDate, MissingCommonParameters,
        UndocumentedOutputType. Update-OAIHelpSource fixes the syntax, metadata and
        parameter-list problems; the others need writing.
    .EXAMPLE
        Test-OAIHelpSource -SourcePath en-US -ModuleName OpenAIAdmin | Format-Table Command, Kind, Message -Wrap
    #>
    [CmdletBinding()]
    [OutputType('OpenAIAdmin.HelpProblem')]
    param(
        [Parameter(Mandatory)][string] $SourcePath,
        [Parameter(Mandatory)][string] $ModuleName
    )

    $commands = Get-OAIHelpCommand $ModuleName
    $names = @{}
    foreach ($command in $commands) {
        $names[$command.Name] = $true
        $model = Get-OAIHelpCommandModel $command
        $name = $command.Name
        $path = Join-Path $SourcePath "$name.md"
        if (-not (Test-Path -LiteralPath $path -PathType Leaf)) {
            New-OAIHelpProblem $name 'MissingFile' "There is no help source $path. Run Update-OAIHelpSource to create it." $path
            continue
        }
        $source = Read-OAIHelpMarkdown -Path $path
        if ($source.Name -ne $name) { New-OAIHelpProblem $name 'NameMismatch' "The title is '# $($source.Name)', not '# $name'." $path }
        if (Test-OAIPlaceholder $source.Synopsis) { New-OAIHelpProblem $name 'MissingSynopsis' 'The SYNOPSIS is missing or still a placeholder.' $path }
        if (Test-OAIPlaceholder $source.Description) { New-OAIHelpProblem $name 'MissingDescription' 'The DESCRIPTION is missing or still a placeholder.' $path }

        $complete = 0
        foreach ($example in $source.Examples) {
            if ((Test-OAIPlaceholder $example.Title) -or (Test-OAIPlaceholder $example.Code) -or (Test-OAIPlaceholder $example.Remarks)) {
                New-OAIHelpProblem $name 'IncompleteExample' "The example '$($example.Title)' lacks code or an explanation, or still has a placeholder." $path
            }
            else { $complete++ }
        }
        if ($complete -lt 2) { New-OAIHelpProblem $name 'TooFewExamples' "There are $complete complete examples; write at least 2." $path }

        $documented = @{}
        foreach ($p in $source.Parameters) {
            $documented[$p.Name] = $p
            if (-not $model.Parameters.Contains($p.Name)) {
                New-OAIHelpProblem $name 'UnknownParameter' "-$($p.Name) is documented but the cmdlet has no such parameter." $path $p.Name
            }
        }
        foreach ($parameterName in $model.Parameters.Keys) {
            if (-not $documented.ContainsKey($parameterName)) {
                New-OAIHelpProblem $name 'UndocumentedParameter' "-$parameterName is not documented. Run Update-OAIHelpSource, then describe it." $path $parameterName
                continue
            }
            $doc = $documented[$parameterName]
            if (Test-OAIPlaceholder $doc.Description) {
                New-OAIHelpProblem $name 'MissingParameterDescription' "-$parameterName has no description, or still a placeholder." $path $parameterName
            }
            $expected = Format-OAIParameterYaml $model $parameterName (Get-OAIDocumentedDefault $documented $parameterName)
            $expectedYaml = @(foreach ($block in (Split-OAIFences $expected).Blocks) { Compress-OAIWhitespace ($block.Lines -join "`n") })
            $actualYaml = @(foreach ($yaml in $doc.Metadata) {
                    Compress-OAIWhitespace (@(foreach ($pair in $yaml.GetEnumerator()) { "$($pair.Key): $($pair.Value)" }) -join "`n")
                })
            if (($expectedYaml -join '|') -cne ($actualYaml -join '|')) {
                New-OAIHelpProblem $name 'ParameterMetadataOutOfDate' "The yaml block of -$parameterName does not match the cmdlet (for example its parameter sets, position or pipeline input). Run Update-OAIHelpSource." $path $parameterName
            }
        }
        if ($model.HasCommonParameters -and -not $source.HasCommonParameters) {
            New-OAIHelpProblem $name 'MissingCommonParameters' 'The PARAMETERS section has no CommonParameters subsection.' $path
        }

        $expectedSyntax = @($model.Sets | ForEach-Object { "$(Get-OAISyntaxHeading $model $_)=$(Compress-OAIWhitespace (Format-OAISyntaxText $model $_))" })
        $actualSyntax = @($source.Syntax | ForEach-Object {
                $heading = if ($_.ParameterSetName -eq $script:AllSets) { '' } elseif ($_.IsDefault) { "$($_.ParameterSetName) (Default)" } else { $_.ParameterSetName }
                "$heading=$(Compress-OAIWhitespace $_.Text)"
            })
        if (($expectedSyntax -join '|') -cne ($actualSyntax -join '|')) {
            New-OAIHelpProblem $name 'SyntaxOutOfDate' 'The SYNTAX section does not match the parameter sets of the cmdlet. Run Update-OAIHelpSource.' $path
        }

        $outputNames = @($source.Outputs | ForEach-Object Type)
        foreach ($type in $model.OutputTypes) {
            if ($type.FullName -notin $outputNames -and $type.Name -notin $outputNames) {
                New-OAIHelpProblem $name 'UndocumentedOutputType' "The OUTPUTS section does not list $($type.FullName), an [OutputType] of the cmdlet." $path
            }
        }
    }

    foreach ($file in Get-ChildItem -LiteralPath $SourcePath -Filter '*.md' -File) {
        if (-not $names.ContainsKey($file.BaseName)) {
            New-OAIHelpProblem $file.BaseName 'OrphanFile' "$($file.Name) documents a command that $ModuleName does not export." $file.FullName
        }
    }
}

#endregion

Export-ModuleMember -Function Read-OAIHelpMarkdown, ConvertTo-OAIMaml, Update-OAIHelpSource, Test-OAIHelpSource
