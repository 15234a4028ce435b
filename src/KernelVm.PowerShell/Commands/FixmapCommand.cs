using System.Collections.Generic;
using System.Management.Automation;
using KernelVm.PowerShell.Completers;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>The base of the fixmap commands: selecting indices by -Name or -Index.</summary>
    public abstract class FixmapCommand : MachineCommand
    {
        protected const string NameSet = "Name";
        protected const string IndexSet = "Index";

        /// <summary>Enum names (FIX_APIC_BASE, FIX_KMAP_BEGIN+3); wildcards allowed where the command reads.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(FixmapNameCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = IndexSet, ValueFromPipelineByPropertyName = true)]
        [IntegerTransformation]
        public int[] Index { get; set; } = null!;

        /// <summary>The indices selected by -Name (exact names, FIRST+n, or wildcards over the enum) or -Index; unknown names are errors.</summary>
        protected IEnumerable<int> SelectedIndices(Machine machine)
        {
            if (ParameterSetName == IndexSet)
            {
                foreach (var index in Index)
                {
                    yield return index;
                }

                yield break;
            }

            foreach (var name in Name)
            {
                var exact = machine.FixmapIndex(name);
                if (exact >= 0)
                {
                    yield return exact;
                    continue;
                }

                var found = false;
                if (WildcardPattern.ContainsWildcardCharacters(name))
                {
                    var pattern = WildcardPattern.Get(name, WildcardOptions.IgnoreCase);
                    for (var i = 0; i < machine.Fixmaps.EndOfFixed; i++)
                    {
                        if (machine.Fixmaps.RangeOf(i)?.NameOf(i) is { } indexName && pattern.IsMatch(indexName))
                        {
                            found = true;
                            yield return i;
                        }
                    }
                }

                if (!found)
                {
                    WriteError(CmdletErrors.FixmapNameUnknown(name, machine));
                }
            }
        }
    }
}
