using System;
using System.Management.Automation;

namespace KernelVm.PowerShell.Transforms
{
    /// <summary>
    /// Lets -Machine take a machine's name as well as the machine: -Machine vm1. Other strings pass
    /// through untouched, so that a piped "0x40000" binds to the parameter it was meant for.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class MachineTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            return (inputData is PSObject pso ? pso.BaseObject : inputData) is string name && SessionMachines.Current.Find(name) is { } machine
                ? machine
                : inputData;
        }
    }
}
