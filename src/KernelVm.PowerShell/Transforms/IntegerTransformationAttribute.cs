using System;
using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace KernelVm.PowerShell.Transforms
{
    /// <summary>
    /// Guards an integer parameter (a CPU, slot, index or count) against the values PowerShell would
    /// convert without a word: $true to 1, '' and '0x' to 0, 0.5 to 0, '1.5' to 2, 'a' to 97. It takes
    /// integers, whole numbers of any numeric type, and text of decimal or 0x digits; PowerShell's
    /// conversion then checks the range. $null alone passes: an optional parameter given $null is left out.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class IntegerTransformationAttribute : ArgumentTransformationAttribute
    {
        private static readonly Regex IntegerText = new(@"^\s*[+-]?(\d+|0[xX][0-9a-fA-F]+)\s*$", RegexOptions.CultureInvariant);

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (value is Array array)
            {
                if (array.Length == 0)
                {
                    throw new ArgumentTransformationMetadataException("An empty list selects nothing: give at least one number, or leave the parameter out.");
                }

                foreach (var item in array)
                {
                    Check(item is PSObject p ? p.BaseObject : item);
                }
            }
            else if (value is not null)
            {
                Check(value);
            }

            return inputData;
        }

        private static void Check(object? value)
        {
            var whole = value switch
            {
                int or long or short or sbyte or uint or ulong or ushort or byte => true,
                double d => Math.Floor(d) == d,
                float f => Math.Floor(f) == f,
                decimal m => decimal.Floor(m) == m,
                string s => IntegerText.IsMatch(s),
                _ => false,
            };
            if (!whole)
            {
                throw new ArgumentTransformationMetadataException(string.Format(CultureInfo.InvariantCulture,
                    "Cannot read {0} as a whole number: write it as 1, 0x10 or '2'.", value is null ? "$null" : "'" + value + "'"));
            }
        }
    }
}
