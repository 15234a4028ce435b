using System;
using System.Management.Automation;

namespace KernelVm.PowerShell.Transforms
{
    /// <summary>
    /// Guards an integer parameter (a CPU, slot, index or count) against the values PowerShell would
    /// convert without a word: $true to 1, $false and '' to 0. Everything else goes on to PowerShell's
    /// own conversion, which refuses text and fractions with the parameter's name.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class IntegerTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject pso ? pso.BaseObject : inputData;
            foreach (var item in value is Array array ? array : new[] { value })
            {
                switch (item is PSObject p ? p.BaseObject : item)
                {
                    case bool b:
                        throw new ArgumentTransformationMetadataException("'" + b + "' is a Boolean, not a number: write the number itself.");
                    case string s when s.Trim().Length == 0:
                        throw new ArgumentTransformationMetadataException("Empty text is not a number: write the number itself.");
                }
            }

            return inputData;
        }
    }
}
