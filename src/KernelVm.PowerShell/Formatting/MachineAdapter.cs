using System;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace KernelVm.PowerShell.Formatting
{
    /// <summary>
    /// The adapted properties of a Machine (KernelVm.Types.ps1xml names this adapter): only the
    /// New-VmMachine parameters that are model properties. Export-Csv and Get-Member read the
    /// extended and adapted views, so a machine's CSV is the code properties of KernelVm.Types.ps1xml
    /// and these, where the model's live state (Layout, Pkmap, Events, ...) wrote type names. That
    /// state stays in the base view, so $m.Pkmap, $m.KmapFlushUnused(), Select-Object * and
    /// Get-Member -View All still reach it.
    /// </summary>
    public sealed class MachineAdapter : PSPropertyAdapter
    {
        private static readonly string[] Adapted =
        {
            nameof(KernelVm.Machine.Name), nameof(KernelVm.Machine.Architecture),
            nameof(KernelVm.Machine.VmSplit), nameof(KernelVm.Machine.HighMem),
        };

        public override Collection<PSAdaptedProperty> GetProperties(object baseObject) =>
            new(Adapted.Select(name => GetProperty(baseObject, name)!).ToList());

        public override PSAdaptedProperty? GetProperty(object baseObject, string propertyName)
        {
            var name = Adapted.FirstOrDefault(n => string.Equals(n, propertyName, StringComparison.OrdinalIgnoreCase));
            return name is null ? null : new PSAdaptedProperty(name, typeof(KernelVm.Machine).GetProperty(name));
        }

        public override object? GetPropertyValue(PSAdaptedProperty adaptedProperty) =>
            Info(adaptedProperty).GetValue(adaptedProperty.BaseObject);

        public override bool IsGettable(PSAdaptedProperty adaptedProperty) => true;

        public override bool IsSettable(PSAdaptedProperty adaptedProperty) => false;

        public override void SetPropertyValue(PSAdaptedProperty adaptedProperty, object value) =>
            throw new NotSupportedException($"A machine's {adaptedProperty.Name} is read-only.");

        public override string GetPropertyTypeName(PSAdaptedProperty adaptedProperty) => Info(adaptedProperty).PropertyType.FullName!;

        private static PropertyInfo Info(PSAdaptedProperty adaptedProperty) => (PropertyInfo)adaptedProperty.Tag;
    }
}
