using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace KernelVm.PowerShell
{
    /// <summary>Wildcard matching for -Name style filters: no patterns matches everything.</summary>
    internal static class Patterns
    {
        internal static bool Match(string[]? patterns, string value)
        {
            if (patterns is null)
            {
                return true;
            }

            foreach (var pattern in patterns)
            {
                if (WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase).IsMatch(value))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The names given without wildcards that match nothing: Get- cmdlets report each as not
        /// found, as Get-Process and Get-Item do, while a wildcard that matches nothing is silent.
        /// </summary>
        internal static IEnumerable<string> Unmatched(string[]? patterns, ICollection<string> names)
        {
            foreach (var pattern in patterns ?? new string[0])
            {
                if (!WildcardPattern.ContainsWildcardCharacters(pattern) && !names.Any(n => string.Equals(n, pattern, StringComparison.OrdinalIgnoreCase)))
                {
                    yield return pattern;
                }
            }
        }
    }
}
