using System;
using System.Globalization;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell
{
    /// <summary>
    /// A kernel unsigned long in output records (addresses, pfns, sizes, PTE values): a number that
    /// prints in hex and means, in every PowerShell operator, what a person types. PowerShell types
    /// the literal 0xC0000000 as the Int32 -1073741824; the rule is the parameters' own: a negative
    /// Int32 (or Int64) is the two's-complement pattern it spells, so 0xC0000000 means 3221225472.
    /// <list type="bullet">
    /// <item>Address on the left (<c>$va -gt 0xF8000000</c>, Where-Object, Sort-Object): the other
    /// operand converts to Address through the implicit operators, so every comparison is unsigned.</item>
    /// <item>A literal on the left (<c>0xC0100000 -eq $va</c>, Pester's Should -Be, -in, -contains):
    /// PowerShell converts the Address to the literal's type; to Int32 it converts to the 32-bit
    /// pattern (-1072693248), so equality holds.</item>
    /// <item>Arithmetic and bitwise operators in either order use the operators below, with the
    /// same reading of negative literals; results are Addresses.</item>
    /// </list>
    /// IConvertible serves Measure-Object and casts; its type code is Object so that PowerShell does
    /// not compare it as a signed primitive. Value carries the number to ConvertTo-Json.
    /// </summary>
    public readonly struct Address : IComparable, IComparable<Address>, IEquatable<Address>, IFormattable, IConvertible
    {
        private readonly ulong _value;

        private readonly ArgumentRejection? _rejection;

        public Address(ulong value)
        {
            _value = value;
            _rejection = null;
        }

        private Address(ArgumentRejection rejection)
        {
            _value = 0;
            _rejection = rejection;
        }

        /// <summary>
        /// Set only on what <see cref="AddressTransformationAttribute"/> gives a parameter for input it
        /// cannot read; every cmdlet reports it before doing anything, so no record ever holds one.
        /// </summary>
        internal ArgumentRejection? Rejection => _rejection;

        internal static Address Rejected(ArgumentRejection rejection) => new(rejection);

        /// <summary>The number, for ConvertTo-Json and for readers that want it plainly.</summary>
        public ulong Value => _value;

        public static implicit operator Address(ulong value) => new(value);

        public static implicit operator Address(long value) => new(unchecked((ulong)value));

        public static implicit operator Address(int value) => new(unchecked((uint)value));

        public static implicit operator Address(uint value) => new(value);

        public static implicit operator ulong(Address address) => address._value;

        /// <summary>The Int32 that spells the same 32 bits (0xC0100000 gives -1072693248); wider values overflow.</summary>
        public static explicit operator int(Address address) =>
            address._value <= uint.MaxValue ? unchecked((int)(uint)address._value) : throw new OverflowException(Overflow(address, "Int32"));

        public static explicit operator uint(Address address) =>
            address._value <= uint.MaxValue ? (uint)address._value : throw new OverflowException(Overflow(address, "UInt32"));

        public static explicit operator long(Address address) =>
            address._value <= long.MaxValue ? (long)address._value : throw new OverflowException(Overflow(address, "Int64"));

        public static explicit operator double(Address address) => address._value;

        public static explicit operator decimal(Address address) => address._value;

        public ulong ToUInt64() => _value;

        public static Address operator +(Address left, Address right) => new(unchecked(left._value + right._value));

        public static Address operator -(Address left, Address right) => new(unchecked(left._value - right._value));

        public static Address operator *(Address left, Address right) => new(unchecked(left._value * right._value));

        public static Address operator /(Address left, Address right) => new(left._value / right._value);

        public static Address operator %(Address left, Address right) => new(left._value % right._value);

        public static Address operator &(Address left, Address right) => new(left._value & right._value);

        public static Address operator |(Address left, Address right) => new(left._value | right._value);

        public static Address operator ^(Address left, Address right) => new(left._value ^ right._value);

        public static Address operator ~(Address address) => new(~address._value);

        public static Address operator <<(Address address, int shift) => new(address._value << shift);

        public static Address operator >>(Address address, int shift) => new(address._value >> shift);

        public static bool operator ==(Address left, Address right) => left._value == right._value;

        public static bool operator !=(Address left, Address right) => left._value != right._value;

        public static bool operator <(Address left, Address right) => left._value < right._value;

        public static bool operator >(Address left, Address right) => left._value > right._value;

        public static bool operator <=(Address left, Address right) => left._value <= right._value;

        public static bool operator >=(Address left, Address right) => left._value >= right._value;

        /// <summary>Parses what a person types: '0xC0000000', 'c000_0000', '896MB', '3221225472'.</summary>
        public static Address Parse(string text) => new(NumberParser.Parse(text));

        public int CompareTo(Address other) => _value.CompareTo(other._value);

        /// <summary>Compares with another Address or with anything the address parameters take (hex literals as typed, strings).</summary>
        public int CompareTo(object? obj) => obj is null ? 1 : _value.CompareTo(AddressTransformationAttribute.Convert(obj));

        public bool Equals(Address other) => _value == other._value;

        /// <summary>Equal to an Address, or to a number or string that reads as the same value.</summary>
        public override bool Equals(object? obj) => obj switch
        {
            null => false,
            Address other => Equals(other),
            _ => AddressTransformationAttribute.TryConvert(obj, out var value) && value == _value,
        };

        public override int GetHashCode() => _value.GetHashCode();

        /// <summary>"0x" and eight hex digits, or as many as a wider value needs.</summary>
        public override string ToString() => "0x" + _value.ToString(_value > uint.MaxValue ? "X" : "X8", CultureInfo.InvariantCulture);

        public string ToString(string? format, IFormatProvider? formatProvider) =>
            string.IsNullOrEmpty(format) ? ToString() : _value.ToString(format, formatProvider);

        TypeCode IConvertible.GetTypeCode() => TypeCode.Object;

        bool IConvertible.ToBoolean(IFormatProvider? provider) => _value != 0;

        byte IConvertible.ToByte(IFormatProvider? provider) => Convert.ToByte(_value);

        char IConvertible.ToChar(IFormatProvider? provider) => Convert.ToChar(_value);

        DateTime IConvertible.ToDateTime(IFormatProvider? provider) => throw new InvalidCastException("An address is not a date.");

        decimal IConvertible.ToDecimal(IFormatProvider? provider) => _value;

        double IConvertible.ToDouble(IFormatProvider? provider) => _value;

        short IConvertible.ToInt16(IFormatProvider? provider) => Convert.ToInt16(_value);

        int IConvertible.ToInt32(IFormatProvider? provider) => (int)this;

        long IConvertible.ToInt64(IFormatProvider? provider) => (long)this;

        sbyte IConvertible.ToSByte(IFormatProvider? provider) => Convert.ToSByte(_value);

        float IConvertible.ToSingle(IFormatProvider? provider) => _value;

        string IConvertible.ToString(IFormatProvider? provider) => ToString();

        object IConvertible.ToType(Type conversionType, IFormatProvider? provider) =>
            conversionType == typeof(Address) ? this : Convert.ChangeType(_value, conversionType, provider);

        ushort IConvertible.ToUInt16(IFormatProvider? provider) => Convert.ToUInt16(_value);

        uint IConvertible.ToUInt32(IFormatProvider? provider) => (uint)this;

        ulong IConvertible.ToUInt64(IFormatProvider? provider) => _value;

        private static string Overflow(Address address, string type) => address + " does not fit in " + type + ".";
    }
}
