using System;
using System.Globalization;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell
{
    /// <summary>
    /// A virtual or physical address in output records: a number that prints in hex and compares
    /// with what a person types. PowerShell converts the right-hand side of -eq, -gt, ... to this
    /// type, so <c>Where-Object VirtualAddress -gt 0xF8000000</c> works although the literal
    /// 0xF8000000 is the Int32 -134217728: a negative Int32 is read as the 32-bit address it spells.
    /// It has no public properties, so the console prints it as its hex text; [uint64] casts it to its number.
    /// </summary>
    public readonly struct Address : IComparable, IComparable<Address>, IEquatable<Address>, IFormattable
    {
        private readonly ulong _value;

        public Address(ulong value) { _value = value; }

        public static implicit operator Address(ulong value) => new(value);

        public static implicit operator Address(long value) => new(unchecked((ulong)value));

        public static implicit operator Address(int value) => new(unchecked((uint)value));

        public static implicit operator Address(uint value) => new(value);

        public static implicit operator ulong(Address address) => address._value;

        public ulong ToUInt64() => _value;

        public static Address operator +(Address address, long offset) => new(unchecked(address._value + (ulong)offset));

        public static Address operator -(Address address, long offset) => new(unchecked(address._value - (ulong)offset));

        public static bool operator ==(Address left, Address right) => left._value == right._value;

        public static bool operator !=(Address left, Address right) => left._value != right._value;

        public static bool operator <(Address left, Address right) => left._value < right._value;

        public static bool operator >(Address left, Address right) => left._value > right._value;

        public static bool operator <=(Address left, Address right) => left._value <= right._value;

        public static bool operator >=(Address left, Address right) => left._value >= right._value;

        /// <summary>Parses what a person types: '0xC0000000', 'c000_0000', '896MB', '3221225472'.</summary>
        public static Address Parse(string text) => new(NumberParser.Parse(text));

        public int CompareTo(Address other) => _value.CompareTo(other._value);

        public int CompareTo(object? obj) => obj switch
        {
            null => 1,
            Address other => CompareTo(other),
            _ => throw new ArgumentException("An Address compares only with another Address.", nameof(obj)),
        };

        public bool Equals(Address other) => _value == other._value;

        public override bool Equals(object? obj) => obj is Address other && Equals(other);

        public override int GetHashCode() => _value.GetHashCode();

        /// <summary>"0x" and eight hex digits, or as many as a wider address needs.</summary>
        public override string ToString() => "0x" + _value.ToString(_value > uint.MaxValue ? "X" : "X8", CultureInfo.InvariantCulture);

        public string ToString(string? format, IFormatProvider? formatProvider) =>
            string.IsNullOrEmpty(format) ? ToString() : _value.ToString(format, formatProvider);
    }
}
