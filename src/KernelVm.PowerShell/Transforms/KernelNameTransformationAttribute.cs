using System;
using System.Management.Automation;

namespace KernelVm.PowerShell.Transforms
{
    /// <summary>
    /// Lets an enum parameter take the short name a person types: '3G' or '3G_OPT' for
    /// VMSPLIT_3G / VMSPLIT_3G_OPT, '4G' for HighMem4G. Full names and numbers still work, and
    /// anything else is left for PowerShell's own conversion to reject with the list of values.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class KernelNameTransformationAttribute : ArgumentTransformationAttribute
    {
        private readonly Type _enumType;
        private readonly string _prefix;

        public KernelNameTransformationAttribute(Type enumType, string prefix)
        {
            _enumType = enumType;
            _prefix = prefix;
        }

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (value is string text)
            {
                var name = text.Trim().Replace('/', '_');
                foreach (var candidate in new[] { name, _prefix + name })
                {
                    foreach (var defined in Enum.GetNames(_enumType))
                    {
                        if (string.Equals(defined, candidate, StringComparison.OrdinalIgnoreCase))
                        {
                            return Enum.Parse(_enumType, defined);
                        }
                    }
                }
            }

            return inputData;
        }
    }
}
