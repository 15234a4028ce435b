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
    }
}
