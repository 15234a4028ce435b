# Export-VmLayout and Show-VmLayout: the pictures hold what the model says (regions, pkmap_count[],
# fixmap PTEs), the SVG is well-formed and the same for the same machine, and the file is written as
# PowerShell's own Export- cmdlets write theirs, whole or not at all.

BeforeDiscovery {
    $machines = @(
        @{ Label = 'X86 2.4.22'; Arguments = @{ KernelVersion = '2.4.22'; MemorySize = 2GB } }
        @{ Label = 'X86 6.x'; Arguments = @{ KernelVersion = '6.x'; MemorySize = 2GB } }
        @{ Label = 'X86 without HIGHMEM'; Arguments = @{ HighMem = 'None'; MemorySize = 512MB } }
        @{ Label = 'X86Pae 6.x'; Arguments = @{ Architecture = 'X86Pae'; KernelVersion = '6.x'; MemorySize = 4GB } }
        @{ Label = 'X86_64 2.6.24'; Arguments = @{ Architecture = 'X86_64'; MemorySize = 8GB } }
        @{ Label = 'X86_64 6.x'; Arguments = @{ Architecture = 'X86_64'; KernelVersion = '6.x'; MemorySize = 1GB } }
    )
    $machines += foreach ($split in '3G', '3G_OPT', '2G', '2G_OPT', '1G') {
        @{ Label = "X86 2.6.24 VMSPLIT_$split"; Arguments = @{ VmSplit = $split; MemorySize = 2GB } }
    }
    $machines += foreach ($split in '3G', '2G', '1G') {
        @{ Label = "X86Pae 2.6.24 VMSPLIT_$split"; Arguments = @{ Architecture = 'X86Pae'; VmSplit = $split; MemorySize = 8GB } }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1') -Force
    . $PSScriptRoot/PesterHelpers.ps1
    $ErrorActionPreference = 'Stop'

    # Loads an SVG file as XML (which fails on a file that is not well-formed) with the svg: prefix bound.
    function Read-Svg([string] $Path) {
        $document = [System.Xml.XmlDocument]::new()
        $document.XmlResolver = $null
        $document.Load($Path)
        $names = [System.Xml.XmlNamespaceManager]::new($document.NameTable)
        $names.AddNamespace('svg', 'http://www.w3.org/2000/svg')
        [pscustomobject]@{ Document = $document; Names = $names }
    }

    function Select-Svg($Svg, [string] $XPath) {
        @($Svg.Document.SelectNodes($XPath, $Svg.Names))
    }

    function Get-Number([string] $Hex) { [Convert]::ToUInt64($Hex.Substring(2), 16) }

    # The lines Show-VmLayout writes to the host, caught from the information stream.
    function Get-ShownLine($Machine) {
        @(Show-VmLayout -Machine $Machine 6>&1 | ForEach-Object { "$($_.MessageData)" })
    }

    # Runs a script in a new PowerShell whose output this one captures (so it is redirected), with
    # KernelVm imported and without a NO_COLOR of the caller's: only the child decides about colour.
    function Invoke-Child([string] $Script) {
        $child = Get-ChildPowerShell
        $manifest = Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1'
        $saved = $env:NO_COLOR
        Remove-Item Env:NO_COLOR -ErrorAction SilentlyContinue
        try {
            $text = (& $child.Path @($child.Arguments + '-Command', "Import-Module '$manifest'; $Script")) -join "`n"
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Text = $text }
        }
        finally {
            if ($null -ne $saved) { $env:NO_COLOR = $saved }
        }
    }

    # What Get-PkmapCount calls a state, as the picture names it.
    $stateNames = @{ Free = 'free'; Stale = 'stale'; InUse = 'in-use' }

    # Files a failed export must not leave behind: everything in the directory but the expected ones.
    function Get-Stray([string] $Directory, [string[]] $Expected) {
        @(Get-ChildItem -LiteralPath $Directory -Force | Where-Object Name -notin $Expected | ForEach-Object Name)
    }
}

Describe 'Export-VmLayout of a 2.6.24 machine with kmaps, stale slots and fixmaps' {
    BeforeAll {
        $m = New-VmMachine -Name picture -MemorySize 2GB -Force
        $null = 0x40000..0x40004 | Invoke-Kmap -Machine $m
        $null = Invoke-Kmap 0x40001 -Task second -Machine $m
        $null = Invoke-Kmap 0x40002 -Task second -Machine $m
        $null = Invoke-Kmap 0x40002 -Task third -Machine $m
        $null = Invoke-Kunmap 0x40000 -Machine $m
        $null = Invoke-Kunmap 0x40003 -Machine $m
        $null = Set-Fixmap FIX_EARLYCON_MEM_BASE 0xFED00000 -NoCache -Machine $m
        $null = Invoke-KmapAtomic 0x40010 KM_USER0 -Machine $m
        $path = Join-Path $TestDrive 'layout.svg'
        Export-VmLayout -Path $path -Machine $m
        $svg = Read-Svg $path
    }

    AfterAll {
        Remove-VmMachine -InputObject $m
    }

    It 'is well-formed SVG with its size and a title' {
        $root = $svg.Document.DocumentElement
        $root.LocalName | Should -BeExactly 'svg'
        $root.NamespaceURI | Should -BeExactly 'http://www.w3.org/2000/svg'
        [double]$root.GetAttribute('height') | Should -BeGreaterThan 500
        @(Select-Svg $svg '/svg:svg/svg:title')[0].InnerText | Should -BeLike '*machine picture*2.6.24*'
    }

    It 'holds every region with its name and its bounds' {
        $regions = @(Get-VmLayout -Machine $m)
        $groups = Select-Svg $svg '//svg:g[@data-kind]'
        $groups.Count | Should -Be $regions.Count
        foreach ($region in $regions) {
            $g = @($groups | Where-Object { $_.GetAttribute('data-name') -ceq $region.Name -and (Get-Number $_.GetAttribute('data-start')) -eq $region.Start.Value })
            $g.Count | Should -Be 1 -Because $region.Name
            Get-Number $g[0].GetAttribute('data-last') | Should -Be $region.Last.Value -Because $region.Name
            $g[0].GetAttribute('data-kind') | Should -BeExactly "$($region.Kind)"
            $texts = @($g[0].SelectNodes('svg:text', $svg.Names) | ForEach-Object InnerText)
            $texts | Should -Contain $region.Name
            $texts | Should -Contain "$($region.Start) $([char]0x2013) $($region.Last)"
            $texts | Should -Contain $region.Description
        }
    }

    It 'shows every pkmap slot in the state Get-PkmapCount gives it' {
        $slots = @(Get-PkmapCount -Machine $m)
        $cells = Select-Svg $svg '//svg:g[@id="pkmap"]/svg:rect[@data-slot]'
        $cells.Count | Should -Be $slots.Count
        $shown = @($cells | ForEach-Object { '{0} {1} {2} {3}' -f $_.GetAttribute('data-slot'), $_.GetAttribute('data-state'), $_.GetAttribute('data-count'), ($_.GetAttribute('class') -split ' ')[1] })
        $expected = @($slots | ForEach-Object { '{0} {1} {2} {1}' -f $_.Slot, $stateNames["$($_.State)"], $_.PkmapCount })
        $shown | Should -Be $expected
        # The machine has every state, so that the comparison above compares something.
        foreach ($state in 'Free', 'Stale', 'InUse') {
            @($slots | Where-Object State -eq $state).Count | Should -BeGreaterThan 0 -Because "the machine has $state slots"
        }
    }

    It 'outlines last_pkmap_nr and writes the users of slots in use' {
        $last = $m.Pkmap.LastPkmapNr
        (Select-Svg $svg '//svg:rect[@data-slot and contains(@class, " last")]').GetAttribute('data-slot') | Should -Be "$last"
        $users = Select-Svg $svg '//svg:g[@id="pkmap"]/svg:text[@class="users"]'
        @($users | ForEach-Object InnerText) | Should -Be @(Get-PkmapCount -InUse -Machine $m | Where-Object State -eq InUse | ForEach-Object { "$($_.Users)" })
    }

    It 'marks set exactly the fixmap indices Get-Fixmap -Mapped lists' {
        $cells = Select-Svg $svg '//svg:g[@id="fixmap"]/svg:rect[@data-index]'
        $cells.Count | Should -Be @(Get-Fixmap -Machine $m).Count
        $set = @($cells | Where-Object { $_.GetAttribute('data-state') -eq 'set' } | ForEach-Object { [int]$_.GetAttribute('data-index') })
        $mapped = @(Get-Fixmap -Mapped -Machine $m | ForEach-Object Index)
        $mapped.Count | Should -Be 2
        $set | Should -Be $mapped
        foreach ($cell in $cells) {
            $cell.GetAttribute('data-name') | Should -BeExactly (Get-Fixmap -Index ([int]$cell.GetAttribute('data-index')) -Machine $m).Name
        }
    }

    It 'writes the same bytes for the same machine, and other bytes once the machine changes' {
        $again = Join-Path $TestDrive 'again.svg'
        Export-VmLayout -Path $again -Machine $m
        (Get-FileHash $again).Hash | Should -Be (Get-FileHash $path).Hash
        $null = Invoke-Kunmap 0x40004 -Machine $m
        Export-VmLayout -Path $again -Machine $m
        (Get-FileHash $again).Hash | Should -Not -Be (Get-FileHash $path).Hash
        $null = Invoke-Kmap 0x40004 -Machine $m
    }

    It 'escapes the text it writes' {
        $wide = New-VmMachine -Name picture-wide -Architecture X86_64 -Force
        $file = Join-Path $TestDrive 'escaped.svg'
        Export-VmLayout $file -Machine $wide
        Get-Content -LiteralPath $file -Raw | Should -BeLike '*__va(max_pfn &lt;&lt; PAGE_SHIFT)*'
        @(Select-Svg (Read-Svg $file) '//svg:text' | ForEach-Object InnerText) | Should -Contain 'PAGE_OFFSET .. __va(max_pfn << PAGE_SHIFT): all RAM'
        Remove-VmMachine -InputObject $wide
    }
}

Describe 'Export-VmLayout of <Label>' -ForEach $machines {
    BeforeAll {
        $m = New-VmMachine -Name picture-kinds @Arguments -Force
        $path = Join-Path $TestDrive 'kind.svg'
        Export-VmLayout -LiteralPath $path -Machine $m
        $svg = Read-Svg $path
    }

    AfterAll {
        Remove-VmMachine -InputObject $m
    }

    It 'draws every region, pkmap slot and fixmap index' {
        (Select-Svg $svg '//svg:g[@data-kind]').Count | Should -Be @(Get-VmLayout -Machine $m).Count
        $slots = @(Get-PkmapCount -Machine $m -ErrorAction SilentlyContinue)
        (Select-Svg $svg '//svg:rect[@data-slot]').Count | Should -Be $slots.Count
        (Select-Svg $svg '//svg:rect[@data-index]').Count | Should -Be @(Get-Fixmap -Machine $m).Count
    }

    It 'keeps every shape and label on the canvas, and every row at least one line of text high' {
        $width = [double]$svg.Document.DocumentElement.GetAttribute('width')
        $height = [double]$svg.Document.DocumentElement.GetAttribute('height')
        $outside = @(Select-Svg $svg '//svg:rect[@x]' | Where-Object {
                [double]$_.GetAttribute('x') + [double]$_.GetAttribute('width') -gt $width -or [double]$_.GetAttribute('y') + [double]$_.GetAttribute('height') -gt $height
            }) + @(Select-Svg $svg '//svg:text' | Where-Object { [double]$_.GetAttribute('y') -gt $height -or [double]$_.GetAttribute('x') -gt $width })
        $outside | ForEach-Object OuterXml | Should -BeNullOrEmpty
        $low = @(Select-Svg $svg '//svg:g[@data-kind]/svg:rect' | Where-Object { [double]$_.GetAttribute('height') -lt 30 })
        $low | ForEach-Object { $_.ParentNode.GetAttribute('data-name') } | Should -BeNullOrEmpty
    }

    It 'gives a bigger region a row at least as tall' {
        $rows = Select-Svg $svg '//svg:g[@data-kind]' | ForEach-Object {
            [pscustomobject]@{ Size = [uint64]$_.GetAttribute('data-size'); Height = [double]$_.SelectSingleNode('svg:rect', $svg.Names).GetAttribute('height') }
        } | Sort-Object Size
        for ($i = 1; $i -lt $rows.Count; $i++) {
            $rows[$i].Height | Should -BeGreaterOrEqual $rows[$i - 1].Height
        }
    }
}

Describe 'Export-VmLayout writes its file as Export-Csv does' {
    BeforeAll {
        $m = New-VmMachine -Name picture-files -Force
        $directory = Join-Path $TestDrive 'files'
        $null = New-Item -ItemType Directory -Path $directory
    }

    AfterAll {
        Remove-VmMachine -InputObject $m
    }

    BeforeEach {
        Get-ChildItem -LiteralPath $directory -Force | Remove-Item -Force
    }

    It 'resolves a relative path against the current location, not the process directory' {
        Push-Location $directory
        try {
            $null = New-Item -ItemType Directory -Path sub
            Export-VmLayout sub/../relative.svg -Machine $m
            Export-VmLayout ./sub/inner.svg -Machine $m
        }
        finally {
            Pop-Location
        }
        [Environment]::CurrentDirectory | Should -Not -Be $directory
        Test-Path -LiteralPath (Join-Path $directory 'relative.svg') | Should -BeTrue
        Test-Path -LiteralPath (Join-Path $directory 'sub/inner.svg') | Should -BeTrue
        Remove-Item -LiteralPath (Join-Path $directory 'sub') -Recurse
    }

    It '-PassThru returns the file as Get-Item does' {
        $file = Export-VmLayout (Join-Path $directory 'pass.svg') -Machine $m -PassThru
        $file | Should -BeOfType [System.IO.FileInfo]
        $file.FullName | Should -Be (Join-Path $directory 'pass.svg')
        $file.Length | Should -BeGreaterThan 0
        $file.PSPath | Should -BeLike '*FileSystem::*pass.svg'
        Export-VmLayout (Join-Path $directory 'quiet.svg') -Machine $m | Should -BeNullOrEmpty
    }

    It 'replaces an existing file, and -NoClobber refuses to' {
        $file = Join-Path $directory 'existing.svg'
        Set-Content -LiteralPath $file -Value 'keep me'
        { Export-VmLayout $file -NoClobber -Machine $m } | Should -Throw -ErrorId 'ExportFileExists,KernelVm.PowerShell.Commands.ExportVmLayoutCommand'
        Get-Content -LiteralPath $file | Should -Be 'keep me'
        Get-Stray $directory 'existing.svg' | Should -BeNullOrEmpty
        Export-VmLayout $file -Machine $m
        Get-Content -LiteralPath $file -Raw | Should -BeLike '<?xml*<svg*'
        $err = $null
        try { Export-VmLayout $file -NoOverwrite -Machine $m } catch { $err = $_ }
        $err.CategoryInfo.Category | Should -Be 'ResourceExists'
        $err.TargetObject | Should -Be $file
    }

    It 'refuses a read-only file without -Force, and keeps it read-only with -Force' {
        $file = Join-Path $directory 'readonly.svg'
        Set-Content -LiteralPath $file -Value 'read-only'
        (Get-Item -LiteralPath $file).IsReadOnly = $true
        { Export-VmLayout $file -Machine $m } | Should -Throw -ErrorId 'ExportFileReadOnly,*'
        Get-Content -LiteralPath $file | Should -Be 'read-only'
        Export-VmLayout $file -Force -Machine $m
        Get-Content -LiteralPath $file -Raw | Should -BeLike '<?xml*'
        (Get-Item -LiteralPath $file).IsReadOnly | Should -BeTrue
        (Get-Item -LiteralPath $file).IsReadOnly = $false
        Get-Stray $directory 'readonly.svg' | Should -BeNullOrEmpty
    }

    It 'leaves an existing file whole and no temporary file when the export fails' {
        $file = Join-Path $directory 'whole.svg'
        Set-Content -LiteralPath $file -Value 'whole'
        $missing = Join-Path $directory 'nosuch/layout.svg'
        $err = $null
        try { Export-VmLayout $missing -Machine $m } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'ExportPathNotFound,KernelVm.PowerShell.Commands.ExportVmLayoutCommand'
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err.TargetObject | Should -Be $missing
        $err.Exception.Message | Should -BeLike "*$(Join-Path $directory 'nosuch')*does not exist*"
        { Export-VmLayout $directory -Machine $m } | Should -Throw -ErrorId 'ExportPathInvalid,*'
        { Export-VmLayout $file -NoClobber -Machine $m } | Should -Throw -ErrorId 'ExportFileExists,*'
        Get-Content -LiteralPath $file | Should -Be 'whole'
        Get-Stray $directory 'whole.svg' | Should -BeNullOrEmpty
    }

    It 'reports a file system that refuses the file as ExportWriteFailed' -Skip:(-not (Test-Path -LiteralPath /proc/self)) {
        $err = $null
        try { Export-VmLayout /proc/kernelvm-layout.svg -Machine $m } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'ExportWriteFailed,KernelVm.PowerShell.Commands.ExportVmLayoutCommand'
        $err.TargetObject | Should -Be '/proc/kernelvm-layout.svg'
        $err.Exception.Message | Should -BeLike "Could not write '/proc/kernelvm-layout.svg'*left as it was."
    }

    It 'puts the new file in place in one step: a reader of the old file still reads the old file' -Skip:([Environment]::OSVersion.Platform -eq 'Win32NT') {
        $file = Join-Path $directory 'renamed.svg'
        Set-Content -LiteralPath $file -Value 'the old file' -NoNewline
        $reader = [System.IO.FileStream]::new($file, 'Open', 'Read', 'ReadWrite, Delete')
        try {
            Export-VmLayout $file -Machine $m
            $old = [System.IO.StreamReader]::new($reader).ReadToEnd()
        }
        finally {
            $reader.Dispose()
        }
        $old | Should -BeExactly 'the old file'
        Get-Content -LiteralPath $file -Raw | Should -BeLike '<?xml*</svg>*'
        Get-Stray $directory 'renamed.svg' | Should -BeNullOrEmpty
    }

    It 'expands wildcards in -Path to one existing file; -LiteralPath takes them as typed' {
        Set-Content -LiteralPath (Join-Path $directory 'wild1.svg') -Value 'one'
        Export-VmLayout (Join-Path $directory 'wild*.svg') -Machine $m
        Get-Content -LiteralPath (Join-Path $directory 'wild1.svg') -Raw | Should -BeLike '<?xml*'
        Set-Content -LiteralPath (Join-Path $directory 'wild2.svg') -Value 'two'
        { Export-VmLayout (Join-Path $directory 'wild*.svg') -Machine $m } | Should -Throw -ErrorId 'ExportPathInvalid,*'
        { Export-VmLayout (Join-Path $directory 'none*.svg') -Machine $m } | Should -Throw -ErrorId 'ExportPathNotFound,*'
        Export-VmLayout -LiteralPath (Join-Path $directory '[x].svg') -Machine $m
        Test-Path -LiteralPath (Join-Path $directory '[x].svg') | Should -BeTrue
        Get-Content -LiteralPath (Join-Path $directory 'wild2.svg') | Should -Be 'two'
    }

    It 'refuses a blank path and a path of another provider' {
        { Export-VmLayout ' ' -Machine $m } | Should -Throw -ErrorId 'ExportPathInvalid,*'
        { Export-VmLayout 'Variable:picture' -Machine $m } | Should -Throw -ErrorId 'ExportPathInvalid,*'
        { Export-VmLayout "Env:picture" -Machine $m } | Should -Throw -ErrorId 'ExportPathInvalid,*'
    }

    It 'writes nothing under -WhatIf' {
        Export-VmLayout (Join-Path $directory 'whatif.svg') -Machine $m -WhatIf
        Get-Stray $directory @() | Should -BeNullOrEmpty
    }

    It 'takes the machine from the pipeline' {
        $m | Export-VmLayout (Join-Path $directory 'piped.svg')
        (Read-Svg (Join-Path $directory 'piped.svg')).Document.DocumentElement.GetAttribute('data-machine') | Should -BeExactly 'picture-files'
    }
}

Describe 'Show-VmLayout' {
    BeforeAll {
        $m = New-VmMachine -Name show -MemorySize 2GB -Force
        $null = 0x40000..0x40002 | Invoke-Kmap -Machine $m
        $null = Invoke-Kmap 0x40001 -Task second -Machine $m
        $null = Invoke-Kunmap 0x40000 -Machine $m
        $null = Set-Fixmap FIX_EARLYCON_MEM_BASE 0xFED00000 -Machine $m
        $lines = Get-ShownLine $m
    }

    AfterAll {
        Remove-VmMachine -InputObject $m
    }

    It 'writes to the host, as Write-Host does, and nothing to the pipeline' {
        Show-VmLayout -Machine $m 6>$null | Should -BeNullOrEmpty
        $records = @(Show-VmLayout -Machine $m 6>&1)
        $records[0] | Should -BeOfType [System.Management.Automation.InformationRecord]
        $records[0].Tags | Should -Contain 'PSHOST'
        $records[0].MessageData | Should -BeOfType [System.Management.Automation.HostInformationMessage]
    }

    It 'shows one line per region, top of the address space first, with its bounds, size and name' {
        $regions = @(Get-VmLayout -Machine $m)
        [array]::Reverse($regions)
        $shown = @($lines | Where-Object { $_ -match '^  0x[0-9A-F]{8}-0x[0-9A-F]{8} ' })
        $shown.Count | Should -Be $regions.Count
        for ($i = 0; $i -lt $regions.Count; $i++) {
            $shown[$i] | Should -BeLikeExactly "  $($regions[$i].Start)-$($regions[$i].Last) *  $($regions[$i].Name)"
        }
    }

    It 'shows the pkmap slots as a strip, one character per slot in the state Get-PkmapCount gives' {
        $strip = -join ($lines | Where-Object { $_ -match '^\s+\d+ [.~1-9+]{64}$' } | ForEach-Object { ($_ -split ' ')[-1] })
        $expected = -join (Get-PkmapCount -Machine $m | ForEach-Object { $slot = $_; switch ($slot.State) { 'Free' { '.' } 'Stale' { '~' } default { "$($slot.Users)" } } })
        $strip | Should -BeExactly $expected
        $strip | Should -Match '~'
        $strip | Should -Match '2'
    }

    It 'marks the set fixmap indices' {
        $lines | Where-Object { $_ -match '^\s+3 FIX_EARLYCON_MEM_BASE\s+#$' } | Should -Not -BeNullOrEmpty
        $lines | Where-Object { $_ -match '^\s+1 FIX_VDSO\s+\.$' } | Should -Not -BeNullOrEmpty
    }

    It 'writes plain text, without escape characters, when its output is redirected' {
        $run = Invoke-Child '$null = New-VmMachine -MemorySize 2GB; Show-VmLayout'
        $run.ExitCode | Should -Be 0
        $run.Text | Should -Not -Match "`e"
        foreach ($region in Get-VmLayout -Machine $m) {
            $run.Text | Should -BeLikeExactly "*$($region.Start)-$($region.Last)*$($region.Name)*"
        }
    }

    It 'colours its text when $PSStyle.OutputRendering asks for ANSI, and not when it asks for plain text' -Skip:($PSVersionTable.PSVersion.Major -lt 7) {
        $run = Invoke-Child "`$null = New-VmMachine; `$PSStyle.OutputRendering = 'Ansi'; Show-VmLayout; '<plain>'; `$PSStyle.OutputRendering = 'PlainText'; Show-VmLayout"
        $ansi, $plain = $run.Text -split '<plain>'
        $ansi | Should -Match "`e\[1mMachine vm0"
        $ansi | Should -Match "`e\[35mpkmap`e\[0m"
        $plain | Should -Not -Match "`e"
        $plain | Should -Match 'Machine vm0'
    }
}
