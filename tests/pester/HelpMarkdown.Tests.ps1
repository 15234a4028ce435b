# docs/help against the built module, as PlatyPS's Update-MarkdownHelp would rewrite it: every
# parameter's type, sets, position, pipeline input, aliases, wildcards and accepted values come
# from reflection; and the prose holds nothing PlatyPS 0.14.2 would read as emphasis.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1') -Force
    $commands = Get-Command -Module KernelVm -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } }
    $pages = Get-ChildItem (Join-Path $PSScriptRoot '../../docs/help') -Filter *.md | ForEach-Object { @{ Page = $_.Name; Path = $_.FullName } }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1') -Force

    # The page's "### -Name" entries: name -> @{ Yaml = @{ key = value }; }.
    function Get-DocumentedParameter([string] $Path) {
        $text = (Get-Content $Path -Raw) -replace "`r`n", "`n"
        $section = [regex]::Match($text, '(?ms)^## PARAMETERS\n(.*?)^## INPUTS').Groups[1].Value
        $result = @{}
        foreach ($m in [regex]::Matches($section, '(?ms)^### -(\w+)\n.*?```yaml\n(.*?)```')) {
            $yaml = @{}
            foreach ($line in $m.Groups[2].Value -split "`n") {
                if ($line -match '^([^:]+):\s*(.*)$') { $yaml[$Matches[1].Trim()] = $Matches[2].Trim() }
            }
            $result[$m.Groups[1].Value] = $yaml
        }
        $result
    }

    # A parameter set's syntax line as PlatyPS writes it.
    function Get-SyntaxLine($Command, $Set) {
        $shown = @($Set.Parameters | Where-Object {
                $_.Name -notin [System.Management.Automation.Cmdlet]::CommonParameters -and -not ($_.Attributes.DontShow -contains $true) })
        # PowerShell's own syntax line gives the order; PlatyPS keeps it but spells types as .NET does.
        $order = @([regex]::Matches($Set.ToString(), '(?<=^|[\s\[])-(\w+)') | ForEach-Object { $_.Groups[1].Value })
        $ordered = @($order | ForEach-Object { $n = $_; $shown | Where-Object Name -eq $n })
        $parts = foreach ($p in $ordered) {
            $type = $p.ParameterType
            $element = if ($type.IsArray) { $type.GetElementType() } else { $type }
            $element = if ([Nullable]::GetUnderlyingType($element)) { [Nullable]::GetUnderlyingType($element) } else { $element }
            $name = if ($p.Position -ge 0) { "[-$($p.Name)]" } else { "-$($p.Name)" }
            $item = if ($type -eq [switch]) { "-$($p.Name)" } else { "$name <$($element.Name)$(if ($type.IsArray) { '[]' })>" }
            if ($p.IsMandatory) { $item } else { "[$item]" }
        }
        (@($Command.Name) + $parts + '[<CommonParameters>]') -join ' '
    }

    # What PlatyPS writes for a parameter, from the cmdlet's metadata.
    function Get-ExpectedYaml($Command, $Parameter) {
        $type = $Parameter.ParameterType
        $element = if ($type.IsArray) { $type.GetElementType() } else { $type }
        $element = if ([Nullable]::GetUnderlyingType($element)) { [Nullable]::GetUnderlyingType($element) } else { $element }
        $typeName = $element.Name + $(if ($type.IsArray) { '[]' })
        $allSets = $Command.ParameterSets.Count -eq 1 -or $Parameter.ParameterSets.ContainsKey('__AllParameterSets')
        $sets = if ($allSets) { '(All)' } else { ($Parameter.ParameterSets.Keys | Sort-Object) -join ', ' }
        $attrs = @($Parameter.ParameterSets.Values)
        $positions = @($attrs | ForEach-Object { if ($_.Position -lt 0) { 'Named' } else { "$($_.Position)" } } | Select-Object -Unique)
        $required = @($attrs | ForEach-Object { "$($_.IsMandatory)" } | Select-Object -Unique)
        # PlatyPS's order: 'True (ByPropertyName, ByValue)'.
        $pipeline = @(if ($attrs.ValueFromPipelineByPropertyName -contains $true) { 'ByPropertyName' }; if ($attrs.ValueFromPipeline -contains $true) { 'ByValue' })
        $validateSet = $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }
        $accepted = if ($validateSet) { $validateSet.ValidValues } elseif ($element.IsEnum) { [enum]::GetNames($element) }
        [ordered]@{
            'Type'                       = $typeName
            'Parameter Sets'             = $sets
            'Aliases'                    = ($Parameter.Aliases | Sort-Object) -join ', '
            'Accepted values'            = $accepted -join ', '
            'Required'                   = if ($required.Count -eq 1) { $required[0] } else { 'Varies' }
            'Position'                   = if ($positions.Count -eq 1) { $positions[0] } else { 'Varies' }
            'Accept pipeline input'      = if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }
            'Accept wildcard characters' = "$([bool]($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }))"
        }
    }
}

Describe '<Name> help markdown' -ForEach $commands {
    It 'has the syntax of every parameter set' {
        $command = Get-Command $Name
        $text = (Get-Content (Join-Path $PSScriptRoot "../../docs/help/$Name.md") -Raw) -replace "`r`n", "`n"
        $syntax = [regex]::Match($text, '(?ms)^## SYNTAX\n(.*?)^## ').Groups[1].Value
        $blocks = @{}
        foreach ($m in [regex]::Matches($syntax, '(?ms)(?:^### (.+?)\n)?```\n(.*?)\n```')) {
            # PlatyPS wraps long lines; the words are what counts.
            $blocks[($m.Groups[1].Value -replace '\s*\(Default\)', '')] = $m.Groups[2].Value.Trim() -replace '\s+', ' '
        }
        $expected = @{}
        foreach ($set in $command.ParameterSets) {
            $expected[$(if ($command.ParameterSets.Count -eq 1) { '' } else { $set.Name })] = Get-SyntaxLine $command $set
        }
        foreach ($key in $expected.Keys) { $blocks[$key] | Should -BeExactly $expected[$key] -Because "the '$key' set" }
        @($blocks.Keys | Where-Object { $_ -notin $expected.Keys }) | Should -BeNullOrEmpty -Because 'every documented set exists'
    }


    It 'documents every parameter as the cmdlet declares it' {
        $command = Get-Command $Name
        $documented = Get-DocumentedParameter (Join-Path $PSScriptRoot "../../docs/help/$Name.md")
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        $problems = foreach ($parameter in $command.Parameters.Values) {
            if ($parameter.Name -in $common -or $parameter.Attributes.DontShow -contains $true) { continue }
            $yaml = $documented[$parameter.Name]
            if (-not $yaml) { "-$($parameter.Name) is not documented"; continue }
            $expected = Get-ExpectedYaml $command $parameter
            foreach ($key in $expected.Keys) {
                $actual = "$($yaml[$key])"
                $want = $expected[$key]
                # Required and Position may differ by set; PlatyPS then writes one value per set, e.g. 'True (Name), False (Index)'.
                if ($want -eq 'Varies') { continue }
                if ($key -eq 'Aliases' -and $actual -eq 'None') { $actual = '' }
                if ($actual -ne $want) { "-$($parameter.Name) ${key}: the docs say '$actual', the cmdlet '$want'" }
            }
        }
        foreach ($name in $documented.Keys) {
            if (-not $command.Parameters.ContainsKey($name)) { $problems += "-$name is documented but does not exist" }
        }
        $problems | Should -BeNullOrEmpty
    }

    It 'lists its aliases as PlatyPS 1.0 does' {
        $text = Get-Content (Join-Path $PSScriptRoot "../../docs/help/$Name.md") -Raw
        $section = [regex]::Match($text, '(?ms)^## ALIASES\r?\n(.*?)^## ').Groups[1].Value
        $section | Should -Not -BeNullOrEmpty -Because 'PlatyPS 1.0 expects an ALIASES section'
        $aliases = @(Get-Alias -Definition $Name -ErrorAction SilentlyContinue | ForEach-Object Name | Sort-Object)
        $listed = @([regex]::Matches($section, '`([^`]+)`') | ForEach-Object { $_.Groups[1].Value } | Sort-Object)
        $listed | Should -Be $aliases
    }
}

Describe '<Page>' -ForEach $pages {
    It 'has the front matter PlatyPS 0.14 and 1.0 read' {
        $text = (Get-Content $Path -Raw) -replace "`r`n", "`n"
        $front = [regex]::Match($text, '(?s)\A---\n(.*?)\n---\n').Groups[1].Value
        $front | Should -Match '(?m)^Locale: en-US$'
        $front | Should -Match '(?m)^ms\.date: \d\d/\d\d/\d{4}$'
        $front | Should -Match "(?m)^title: $([regex]::Escape([IO.Path]::GetFileNameWithoutExtension($Page)))$"
    }

    It 'holds no prose that PlatyPS 0.14.2 would read as emphasis' {
        $lines = (Get-Content $Path) -replace "`r", ''
        $inFence = $false
        # The front matter's closing '---'.
        $bodyStart = if ($lines[0] -eq '---') { [array]::IndexOf($lines, '---', 1) + 1 } else { 0 }
        $problems = for ($i = $bodyStart; $i -lt $lines.Count; $i++) {
            if ($lines[$i] -match '^```') { $inFence = -not $inFence; continue }
            if ($inFence) { continue }
            # Code spans are safe; outside them, '*' pairs up into italics and '_' at a word's edge
            # (__pgprot, _x_) into bold or italics, eating the marks.
            $prose = $lines[$i] -replace '`[^`]*`', ''
            if ($prose -match '\*' -or $prose -match '(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])') {
                "line $($i + 1): $($lines[$i].Trim())"
            }
        }
        $problems | Should -BeNullOrEmpty
    }
}

Describe 'about topics' {
    It 'are in the form PlatyPS recognises: "# Name", then "## about_Name"' {
        foreach ($file in Get-ChildItem (Join-Path $PSScriptRoot '../../docs/help') -Filter about_*.md) {
            $headings = @((Get-Content $file.FullName) | Where-Object { $_ -match '^#{1,2} ' } | Select-Object -First 2)
            $headings[1] | Should -BeExactly "## $($file.BaseName)" -Because $file.Name
        }
    }

    It 'fence their code: PlatyPS 0.14 runs 4-space indented lines into the paragraph above' {
        foreach ($file in Get-ChildItem (Join-Path $PSScriptRoot '../../docs/help') -Filter about_*.md) {
            $inFence = $false
            $indented = foreach ($line in Get-Content $file.FullName) {
                if ($line -match '^```') { $inFence = -not $inFence; continue }
                if (-not $inFence -and $line -match '^    \S') { $line }
            }
            $indented | Should -BeNullOrEmpty -Because $file.Name
        }
    }
}
