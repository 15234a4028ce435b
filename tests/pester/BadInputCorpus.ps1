# The bad-input corpus: values of every kind a user can type or pipe, and a runner that gives each
# to one parameter of one cmdlet (the other arguments valid) and says what came back.

function Get-BadInputCorpus {
    # Kind: Integer (a whole number of any type), IntegerText (text of one), or Other.
    $corpus = @(
        , @('null', $null, 'Other')
        , @('empty text', '', 'Other')
        , @('blank text', ' ', 'Other')
        , @('zero', 0, 'Integer')
        , @('one', 1, 'Integer')
        , @('minus one', -1, 'Integer')
        , @('Int32 max', [int]::MaxValue, 'Integer')
        , @('Int32 min', [int]::MinValue, 'Integer')
        , @('Int64 max', [long]::MaxValue, 'Integer')
        , @('Int64 min', [long]::MinValue, 'Integer')
        , @('UInt64 max', [uint64]::MaxValue, 'Integer')
        , @('half', 0.5, 'Other')
        , @('minus half', -0.5, 'Other')
        , @('whole Double', 1.0, 'Integer')
        , @('NaN', [double]::NaN, 'Other')
        , @('infinity', [double]::PositiveInfinity, 'Other')
        , @('1e300', 1e300, 'Other')
        , @('Decimal max', [decimal]::MaxValue, 'Other')
        , @('true', $true, 'Other')
        , @('false', $false, 'Other')
        , @('zzz', 'zzz', 'Other')
        , @('0x alone', '0x', 'Other')
        , @('0xZZ', '0xZZ', 'Other')
        , @('1e10 text', '1e10', 'Other')
        , @('minus one text', '-1', 'IntegerText')
        , @('padded hex text', '  0x1000  ', 'IntegerText')
        , @('control char', "a`0b", 'Other')
        , @('100000 chars', ('x' * 100000), 'Other')
        , @('star', '*', 'Other')
        , @('question mark', '?', 'Other')
        , @('nosuch', 'nosuch', 'Other')
        , @('empty array', @(), 'Other')
        , @('array of null', @($null), 'Other')
        , @('one and null', @(1, $null), 'Other')
        , @('nested array', @(, @(1, 2)), 'Other')
        , @('char', [char]'a', 'Other')
        , @('DateTime', [datetime]'2020-01-01', 'Other')
        , @('Guid', [guid]::Empty, 'Other')
        , @('empty hashtable', @{}, 'Other')
        , @('hashtable', @{ Start = 1 }, 'Other')
        , @('custom object', [pscustomobject]@{ Pfn = 1 }, 'Other')
        , @('script block', { 1 }, 'Other')
        , @('Version', [version]'2.6.24', 'Other')
        , @('BigInteger', [bigint]::Pow(2, 70), 'Other')
        , @('fraction text', '1.5', 'Other')
    )
    foreach ($c in $corpus) { [pscustomobject]@{ Name = $c[0]; Value = $c[1]; Kind = $c[2] } }
}

# Valid arguments for each cmdlet's mandatory parameters, by parameter set ('*' for any).
function Get-ValidArgument([string] $Command, [string] $Set, $Machine) {
    $table = @{
        'ConvertTo-PhysicalAddress' = @{ VirtualAddress = 0xC0100000 }
        'ConvertTo-VirtualAddress'  = @{ PhysicalAddress = 0x100000 }
        'Get-PageAddress'           = @{ Pfn = 0x100 }
        'Get-VmPage'                = @{ Pfn = 0x100; PhysicalAddress = 0x100000; VirtualAddress = 0xC0100000; Zone = 'Normal' }
        'Invoke-Kmap'               = @{ Pfn = 0x30001; Page = @(Get-VmPage 0x30002 -Machine $Machine) }
        'Invoke-Kunmap'             = @{ Pfn = 0x30001 }
        'Invoke-KmapAtomic'         = @{ Pfn = 0x30003; Type = 'KM_USER0' }
        'Invoke-KunmapAtomic'       = @{ VirtualAddress = 0xFFF00000; Type = 'KM_USER0' }
        'Invoke-KmapLocal'          = @{ Pfn = 0x40000 }
        'Invoke-KunmapLocal'        = @{ VirtualAddress = 0xC0100000 }
        'Invoke-VmAccess'           = @{ VirtualAddress = 0xC0100000 }
        'Invoke-VmWorkload'         = @{ Pfn = 0x40000; Task = 'task0' }
        'Resolve-VmAddress'         = @{ VirtualAddress = 0xC0100000 }
        'Test-VmVirtAddrValid'      = @{ VirtualAddress = 0xC0100000 }
        'Get-Fixmap'                = @{ Name = 'FIX_KMAP_BEGIN'; Index = 1; VirtualAddress = 0xFFFFE000 }
        'Set-Fixmap'                = @{ Name = 'FIX_KMAP_BEGIN'; Index = 1; PhysicalAddress = 0x100000 }
        'Clear-Fixmap'              = @{ Name = 'FIX_KMAP_BEGIN'; Index = 1 }
        'Remove-VmMachine'          = @{ Name = 'nosuch-machine' }
        'Use-VmMachine'             = @{ Machine = $Machine }
        'Export-VmLayout'           = @{ Path = 'layout.svg'; LiteralPath = 'layout.svg' }
        'Stop-VmTask'               = @{ Name = 'task0' }
        'Switch-VmTask'             = @{ Name = 'task0' }
        'New-VmExercise'            = @{ Topic = 'Split'; Seed = 1 }
        'Test-VmExercise'           = @{ Exercise = (New-VmExercise -Topic Split -Seed 1); Answer = 0xC0000000; Topic = 'Split'; Seed = 1 }
        'Copy-VmMachine'            = @{ Name = 'bad-input-copy' }
        'Export-VmMachine'          = @{ Path = 'exported.json' }
        'Compare-VmBootLog'         = @{ Path = (Join-Path $PSScriptRoot '../data/real-dmesg/01-hardy-2.6.24-19-generic-1280MB.txt') }
    }
    # These take a snapshot or write a file, so only for their own command. Invoke-BadInputCase runs
    # file cmdlets in an empty directory of their own, where the saved file goes.
    switch ($Command) {
        'Compare-VmSnapshot' { $table[$Command] = @{ ReferenceSnapshot = (Get-VmSnapshot -Machine $Machine); DifferenceSnapshot = (Get-VmSnapshot -Machine $Machine) } }
        'Import-VmMachine' { Export-VmMachine saved.json -Machine $Machine; $table[$Command] = @{ Path = 'saved.json' } }
    }
    $table[$Command]
}

# The New-VmMachine parameters of the machine a cmdlet's bad input goes to: 2.6.24 by default, 6.x for
# the commands only 6.x has (on 2.6.24 they would refuse every value alike).
function Get-BadInputMachineParameter([string] $Command) {
    $parameters = @{ MemorySize = 2GB }
    if ($Command -in 'Invoke-KmapLocal', 'Invoke-KunmapLocal') { $parameters['KernelVersion'] = '6.x' }
    $parameters
}

# Runs one cmdlet with one parameter set to a value, or with the value piped to it (-Piped);
# returns what happened.
function Invoke-BadInputCase {
    param($Command, $Parameter, $Set, $Value, $Machine, [switch] $Piped)
    # File cmdlets run in a new empty directory, so that a relative path lands there and no case finds
    # a file an earlier one wrote.
    $scratch = $null
    if ($Command.Parameters.ContainsKey('Path')) {
        $scratch = Join-Path ([IO.Path]::GetTempPath()) ('kernelvm-badinput-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $scratch
        Push-Location -LiteralPath $scratch
    }
    try {
        Invoke-BadInputCommand @PSBoundParameters
    }
    finally {
        if ($scratch) {
            Pop-Location
            Remove-Item -LiteralPath $scratch -Recurse -Force
        }
    }
}

function Invoke-BadInputCommand {
    param($Command, $Parameter, $Set, $Value, $Machine, [switch] $Piped)
    $splat = @{}
    $valid = Get-ValidArgument $Command.Name $Set $Machine
    foreach ($p in $Command.Parameters.Values) {
        $inSet = $p.ParameterSets.ContainsKey($Set) -or $p.ParameterSets.ContainsKey('__AllParameterSets')
        $mandatory = $p.ParameterSets.Values | Where-Object IsMandatory
        if ($inSet -and $mandatory -and $p.Name -ne $Parameter -and $valid -and $valid.ContainsKey($p.Name)) {
            $splat[$p.Name] = $valid[$p.Name]
        }
    }
    if ($Piped) { $splat.Remove($Parameter) } else { $splat[$Parameter] = $Value }
    if ($Command.Parameters.ContainsKey('Machine') -and $Parameter -ne 'Machine' -and $Command.Name -ne 'Use-VmMachine') {
        $splat['Machine'] = $Machine
    }
    if ($Command.Parameters.ContainsKey('WhatIf') -and $Command.Name -eq 'Remove-VmMachine') { $splat['WhatIf'] = $true }
    $machines = @(Get-VmMachine)
    # A command that writes a file writes it into a directory of its own, current for the case and removed after it.
    $scratch = if ($Command.Verb -eq 'Export') { New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) ('kvm-bad-' + [guid]::NewGuid().ToString('N'))) }
    if ($scratch) { Push-Location -LiteralPath $scratch.FullName }
    $errors = [System.Collections.Generic.List[object]]::new()
    $output = $null
    try {
        $output = if ($Piped) {
            # Piped as written: a list sends its items one by one, and @() sends nothing.
            $Value | & $Command.Name @splat -ErrorAction SilentlyContinue -ErrorVariable +caught -WarningAction SilentlyContinue -InformationAction SilentlyContinue 6>$null
        }
        else {
            & $Command.Name @splat -ErrorAction SilentlyContinue -ErrorVariable +caught -WarningAction SilentlyContinue -InformationAction SilentlyContinue 6>$null
        }
        foreach ($e in $caught) { $errors.Add($e) }
    }
    catch {
        $errors.Add($_)
    }
    finally {
        if ($scratch) {
            Pop-Location
            Remove-Item -LiteralPath $scratch.FullName -Recurse -Force
        }
    }
    # Machines the case created (New-VmMachine -Name 'nosuch') must not answer to a later case's -Machine 'nosuch'.
    Get-VmMachine | Where-Object { $_ -notin $machines } | Remove-VmMachine
    [pscustomobject]@{ Output = @($output | Where-Object { $null -ne $_ }); Errors = $errors.ToArray() }
}

# Every error id KernelVm raises: the model's (KernelVm.Errors) and the cmdlet layer's.
function Get-KernelVmErrorId {
    $flags = [System.Reflection.BindingFlags]'Public, NonPublic, Static'
    $types = [KernelVm.Errors], [KernelVm.PowerShell.Address].Assembly.GetType('KernelVm.PowerShell.CmdletErrors'),
        [KernelVm.PowerShell.Transforms.AddressTransformationAttribute]
    $types | ForEach-Object { $_.GetFields($flags) } | Where-Object { $_.IsLiteral -and $_.FieldType -eq [string] } | ForEach-Object { $_.GetRawConstantValue() }
}

# What PowerShell's binder says, before the cmdlet runs, to a value it cannot give the parameter.
$script:BindingErrorIds = @(
    'CannotConvertArgument', 'CannotConvertArgumentNoMessage', 'ParameterArgumentTransformationError',
    'ParameterArgumentValidationError', 'ParameterArgumentValidationErrorNullNotAllowed',
    'ParameterArgumentValidationErrorEmptyStringNotAllowed', 'ParameterArgumentValidationErrorEmptyArrayNotAllowed',
    'ParameterBindingFailed', 'ScriptBlockArgumentNoInput',
    # A piped object that fits no parameter, by value or by property name.
    'InputObjectNotBound'
)

# The errors that report the value itself, so their TargetObject must be it (or one of its items).
$script:ValueErrorIds = @(
    'AddressInvalid', 'MachineNotFound', 'MachineArgumentInvalid', 'VmSplitUnknown', 'HighMemUnknown',
    'KernelVersionUnknown', 'NodeRangeInvalid', 'E820EntryUnreadable', 'MachineNameInvalid', 'TaskNameInvalid', 'ZoneNotFound',
    'NodeNotFound', 'TaskNotFound', 'FixmapNameNotFound', 'KmTypeUnknown', 'ConfigPresetUnknown',
    'FileNotFound', 'PathNotFileSystem',
    'ExportPathInvalid', 'ExportPathNotFound', 'ExportFileExists', 'ExportFileReadOnly', 'ExportWriteFailed',
    'EventLogCapacityInvalid', 'WorkloadOptionInvalid'
)

# The documented acceptances (README, "Bad input"): when a value that is not obviously right
# succeeds, the rule that says it may. Null when no rule covers it.
function Get-Acceptance($Command, $Parameter, $Item, [switch] $Piped) {
    $type = $Parameter.ParameterType
    $value = $Item.Value
    $optional = -not ($Parameter.ParameterSets.Values | Where-Object IsMandatory)
    $text = if ($null -ne $value -and $value -isnot [array]) { "$value" }
    $leaves = @($value | ForEach-Object { $_ } | ForEach-Object { $_ })
    switch ($true) {
        { $Piped -and $value -is [array] -and $value.Count -eq 0 } { return 'an empty pipeline runs nothing' }
        { $Piped -and $value -is [psobject] -and $value.psobject.Properties[$Parameter.Name] } { return 'a piped object binds by property name' }
        { $Piped -and $type -eq [KernelVm.PowerShell.Address[]] -and $leaves.Count -gt 0 -and -not ($leaves | Where-Object { $_ -isnot [int] }) } {
            return 'a list piped as one object is a list of addresses'
        }
        { $null -eq $value -and $optional } { return '$null for an optional parameter is the same as leaving it out' }
        { $type -in [KernelVm.PowerShell.Address], [KernelVm.PowerShell.Address[]] -and $Item.Kind -in 'Integer', 'IntegerText' } { return 'a whole number is an address, pfn or size; a negative one is the bit pattern it spells' }
        { $type -in [int], [int[]], [long], [Nullable[int]] -and $Item.Kind -in 'Integer', 'IntegerText' } { return 'a whole number, or text of one, is a number' }
        { $type.IsEnum -or ($type.IsArray -and $type.GetElementType().IsEnum) -or [Nullable]::GetUnderlyingType($type).IsEnum } {
            if ($Item.Kind -eq 'Integer') { return 'an enum parameter takes the number of a defined value' }
        }
        { $Parameter.Name -in 'Task', 'Name' -and $Command.Name -in 'Invoke-Kmap', 'Invoke-Kunmap', 'Invoke-KmapAtomic', 'Invoke-KunmapAtomic', 'Invoke-KmapLocal', 'Invoke-KunmapLocal', 'Invoke-VmAccess', 'Invoke-VmWorkload', 'Switch-VmTask', 'New-VmMachine', 'Copy-VmMachine', 'Import-VmMachine' -and $text -match '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$' } {
            return 'a name is text: any value whose text is a valid name'
        }
        { ($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }) -and [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($text) } {
            return 'a wildcard that matches nothing is not an error'
        }
        { $Command.Name -eq 'New-VmMachine' -and $Parameter.Name -in 'KernelOption', 'BootOption', 'Node', 'E820' -and ($value.Count -eq 0 -or "$value".Trim() -eq '') } {
            return 'an empty cell means none, as Export-Csv writes it'
        }
        { $Parameter.Name -eq 'KernelVersion' -and $text -eq '2.6.24' } { return 'a [version] is its text' }
        { $Command.Name -eq 'Export-VmMachine' -and $Parameter.Name -eq 'Path' -and $null -ne $text } {
            return 'a path is text: any value whose text is a file name the system takes names the file written'
        }
        { $Parameter.Name -in 'Path', 'LiteralPath' -and $null -ne $text -and $text.Trim() -ne '' } { return 'a path is text: any value whose text names a file in an existing directory' }
    }
    $null
}
