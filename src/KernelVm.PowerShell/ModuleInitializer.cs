using System.Management.Automation;

namespace KernelVm.PowerShell
{
    /// <summary>
    /// Import-Module (again, or with -Force) starts the runspace's session afresh, as a script
    /// module's state would: the machines of an earlier import are forgotten and can be collected.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        public void OnImport() => SessionMachines.Current.Clear();
    }
}
