using System;
using System.Globalization;
using System.Management.Automation;

namespace KernelVm.PowerShell.Transforms
{
    /// <summary>
    /// Turns what a person passes for an address, pfn or size into an <see cref="Address"/>. PowerShell
    /// types the literal 0xC0000000 as the Int32 -1073741824 (in 5.1 and 7), and 0xFFFF810000000000 as
    /// a negative Int64: a negative integer is read as the two's-complement pattern it was typed as.
    /// Strings go through <see cref="NumberParser"/>. Text, a value or a hashtable it cannot read
    /// becomes a rejected Address that the cmdlet reports as AddressInvalid (PowerShell would make @{}
    /// the address 0). Other objects pass through untouched, so that a piped record falls through to
    /// binding by property name.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class AddressTransformationAttribute : ArgumentTransformationAttribute
    {
        internal const string AddressInvalid = "AddressInvalid";

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            // A list given for an array parameter (1, 2 or [int[]]); a list inside it is refused.
            if ((inputData is PSObject pso ? pso.BaseObject : inputData) is Array array)
            {
                var result = new object[array.Length];
                for (var i = 0; i < array.Length; i++)
                {
                    result[i] = Read(array.GetValue(i));
                }

                return result;
            }

            return Read(inputData);
        }

        /// <summary>Reads a number as this attribute does, or fails with the message an AddressInvalid error carries.</summary>
        internal static ulong Convert(object? input) =>
            ToNumber(input) is ulong value ? value : throw new ArgumentException(Message(input is PSObject pso ? pso.BaseObject : input));

        /// <summary>Reads a number as this attribute does; false where the attribute would refuse it.</summary>
        internal static bool TryConvert(object? input, out ulong value)
        {
            var number = ToNumber(input);
            value = number is ulong u ? u : 0;
            return number is ulong;
        }

        private static object Read(object? input) => ToNumber(input) switch
        {
            ulong value => new Address(value),
            Unreadable => Address.Rejected(new ArgumentRejection(
                input is PSObject pso ? pso.BaseObject : input, AddressInvalid, Message(input is PSObject p ? p.BaseObject : input))),
            var other => other,
        };

        /// <summary>The number, <see cref="Unreadable"/>, or the input itself when it is an object to bind by property name.</summary>
        private static object ToNumber(object? input)
        {
            var value = input is PSObject pso ? pso.BaseObject : input;
            switch (value)
            {
                case Address a: return a.ToUInt64();
                case ulong u64: return u64;
                case uint u32: return (ulong)u32;
                case ushort u16: return (ulong)u16;
                case byte u8: return (ulong)u8;
                case int i32: return (ulong)unchecked((uint)i32);
                case long i64: return unchecked((ulong)i64);
                case short i16: return (ulong)unchecked((ushort)i16);
                case sbyte i8: return (ulong)unchecked((byte)i8);
                case double d when d >= 0 && d <= ulong.MaxValue && Math.Floor(d) == d: return (ulong)d;
                case decimal m when m >= 0 && m <= ulong.MaxValue && decimal.Floor(m) == m: return (ulong)m;
                case string s when NumberParser.TryParse(s, out var parsed): return parsed;
                case null or string or ValueType or Array or System.Collections.IDictionary: return Unreadable.Value;
                default: return input!;
            }
        }

        private static string Message(object? value) => string.Format(CultureInfo.InvariantCulture,
            "Cannot read '{0}' as an address, pfn or size. Write it as 0xC0000000, C000_0000, 3221225472, 896MB or 2GB.", value ?? "$null");

        /// <summary>Marks input that is neither a number nor an object to bind by property name.</summary>
        private sealed class Unreadable
        {
            internal static readonly Unreadable Value = new();
        }
    }
}
