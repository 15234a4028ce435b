using System;
using System.Globalization;
using System.Management.Automation;

namespace KernelVm.PowerShell.Transforms
{
    /// <summary>
    /// Reads an enum parameter strictly: names (case ignored) or the integers of defined values.
    /// PowerShell's own conversion would also take @{}, nested lists, $null inside a list and
    /// undefined numbers without a word. $null alone passes: an optional parameter given $null is left out.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class EnumTransformationAttribute : ArgumentTransformationAttribute
    {
        private readonly Type _enumType;

        public EnumTransformationAttribute(Type enumType) { _enumType = enumType; }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (value is null || value.GetType() == _enumType)
            {
                return inputData;
            }

            if (value is Array array)
            {
                if (array.Length == 0)
                {
                    throw new ArgumentTransformationMetadataException("An empty list selects nothing: give at least one of " + Names() + ", or leave the parameter out.");
                }

                var result = Array.CreateInstance(_enumType, array.Length);
                for (var i = 0; i < array.Length; i++)
                {
                    result.SetValue(Read(array.GetValue(i) is PSObject p ? p.BaseObject : array.GetValue(i)), i);
                }

                return result;
            }

            return Read(value);
        }

        private object Read(object? value)
        {
            switch (value)
            {
                case not null when value.GetType() == _enumType:
                    return value;
                case string s when ReadNames(s) is { } parsed:
                    return parsed;
                case int or long or short or byte or uint or ulong or ushort or sbyte:
                    // Enum.ToObject wraps what does not fit (long.MinValue becomes 0): compare the value back.
                    var number = Enum.ToObject(_enumType, value);
                    var underlying = Convert.ChangeType(number, Enum.GetUnderlyingType(_enumType), CultureInfo.InvariantCulture);
                    if (Enum.IsDefined(_enumType, number) && Convert.ToDecimal(underlying, CultureInfo.InvariantCulture) == Convert.ToDecimal(value, CultureInfo.InvariantCulture))
                    {
                        return number;
                    }

                    break;
            }

            throw new ArgumentTransformationMetadataException(string.Format(CultureInfo.InvariantCulture,
                "{0} is not a {1}. Use one of: {2}.", value is null ? "$null" : "'" + value + "'", _enumType.Name, Names()));
        }

        /// <summary>One name, or for a [Flags] enum the 'PSE, NX' its values print as (and Export-Csv writes).</summary>
        private object? ReadNames(string text)
        {
            var parts = _enumType.IsDefined(typeof(FlagsAttribute), false) ? text.Split(',') : new[] { text };
            ulong bits = 0;
            foreach (var part in parts)
            {
                var name = Array.Find(Enum.GetNames(_enumType), n => string.Equals(n, part.Trim(), StringComparison.OrdinalIgnoreCase));
                if (name is null)
                {
                    return null;
                }

                bits |= Convert.ToUInt64(Enum.Parse(_enumType, name), CultureInfo.InvariantCulture);
            }

            return Enum.ToObject(_enumType, bits);
        }

        private string Names() => string.Join(", ", Enum.GetNames(_enumType));
    }
}
