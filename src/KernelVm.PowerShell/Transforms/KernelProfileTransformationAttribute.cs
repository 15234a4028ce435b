using System;
using System.Linq;
using System.Management.Automation;
using KernelVm.Profiles;

namespace KernelVm.PowerShell.Transforms
{
    /// <summary>Turns a version such as 2.6.24 (typed bare, it arrives as a string) into its kernel profile.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class KernelProfileTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject pso ? pso.BaseObject : inputData;
            switch (value)
            {
                case KernelProfile profile:
                    return profile;
                case string or Version or double:
                    var text = value is double d ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : value.ToString();
                    return KernelProfile.Find(text!) ?? throw new ArgumentTransformationMetadataException(
                        "There is no model of kernel '" + text + "'. Known versions: " +
                        string.Join(", ", KernelProfile.All.Select(p => p.Version)) + ".");
                default:
                    throw new ArgumentTransformationMetadataException("Cannot read '" + value + "' as a kernel version such as 2.6.24.");
            }
        }
    }
}
