using System;
using System.Collections.Generic;

namespace KernelVm.Profiles
{
    /// <summary>
    /// What differs between the kernel versions the model knows, as data. Code asks the profile;
    /// it never tests a version number.
    /// </summary>
    public sealed class KernelProfile
    {
        private KernelProfile(string version, string book) { Version = version; Book = book; }

        /// <summary>The version, as uname prints it ("2.6.24").</summary>
        public string Version { get; }

        /// <summary>The book that describes this version.</summary>
        public string Book { get; }

        /// <summary>Whether Kconfig offers CONFIG_VMSPLIT_* (2.4.22 fixes PAGE_OFFSET at 0xC0000000).</summary>
        public bool HasVmSplitOption { get; private init; }

        /// <summary>Default __VMALLOC_RESERVE: 128 MiB in both versions (arch/x86/mm/init_32.c, include/asm-i386/page.h).</summary>
        public uint VmallocReserve { get; private init; } = 128u << 20;

        /// <summary>x86-64 __PAGE_OFFSET, or null when the profile has no x86-64 model.</summary>
        public ulong? PageOffset64 { get; private init; }

        /// <summary>Gorman, Understanding the Linux Virtual Memory Manager.</summary>
        public static KernelProfile V2_4_22 { get; } = new("2.4.22", "Gorman, Understanding the Linux Virtual Memory Manager")
        {
            HasVmSplitOption = false,
        };

        /// <summary>Mauerer, Professional Linux Kernel Architecture. The default.</summary>
        public static KernelProfile V2_6_24 { get; } = new("2.6.24", "Mauerer, Professional Linux Kernel Architecture")
        {
            HasVmSplitOption = true,
            PageOffset64 = 0xFFFF810000000000, // include/asm-x86/page_64.h
        };

        public static KernelProfile Default => V2_6_24;

        public static IReadOnlyList<KernelProfile> All { get; } = new[] { V2_4_22, V2_6_24 };

        /// <summary>The profile for a version string, or null.</summary>
        public static KernelProfile? Find(string version)
        {
            foreach (var profile in All)
            {
                if (string.Equals(profile.Version, version?.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return profile;
                }
            }

            return null;
        }

        public override string ToString() => Version;
    }
}
