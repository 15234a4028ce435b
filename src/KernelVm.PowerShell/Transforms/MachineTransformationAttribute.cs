using System;
using System.Management.Automation;

namespace KernelVm.PowerShell.Transforms
{
    /// <summary>
    /// Lets -Machine take a machine's name as well as the machine: -Machine vm1. A name no machine
    /// has is refused with that said; a piped "0x40000" that fails here goes on to the parameter it
    /// was meant for, as any failed pipeline binding does.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class MachineTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            if ((inputData is PSObject pso ? pso.BaseObject : inputData) is not string name)
            {
                return inputData;
            }

            return SessionMachines.Current.Find(name) ?? throw new ArgumentTransformationMetadataException(
                "There is no machine named '" + name + "' in this session. Get-VmMachine lists them.");
        }
    }
}
