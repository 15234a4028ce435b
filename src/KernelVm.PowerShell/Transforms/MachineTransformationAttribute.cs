using System;
using System.Management.Automation;

namespace KernelVm.PowerShell.Transforms
{
    /// <summary>Lets -Machine take a machine's name as well as the machine: -Machine vm1.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class MachineTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            if ((inputData is PSObject pso ? pso.BaseObject : inputData) is string name)
            {
                return SessionMachines.Current.Find(name)
                    ?? throw new ArgumentTransformationMetadataException("There is no machine named '" + name + "' in this session. Get-VmMachine lists them.");
            }

            return inputData;
        }
    }
}
