using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using KernelVm.Physical;

namespace KernelVm.PowerShell.Transforms
{
    /// <summary>
    /// Reads NUMA node ranges as people write them: '0-2GB', '0x80000000-0x100000000',
    /// '0-2GB,2GB-4GB' (as Get-VmMachine exports them) or @{ Start = 0; End = 2GB }. Each end is read as an address or size.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class NodeRangeTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var items = inputData is PSObject { BaseObject: var b } ? b : inputData;
            var list = new List<NodeRange>();
            foreach (var item in items is IEnumerable e and not string and not IDictionary ? e : new[] { items })
            {
                var value = item is PSObject pso ? pso.BaseObject : item;
                if (value is string text)
                {
                    // One CSV cell holds them all: '0x0-0x80000000,0x80000000-0x100000000'; an empty cell is UMA.
                    foreach (var part in text.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
                    {
                        list.Add(ToRange(part.Trim()));
                    }
                }
                else
                {
                    list.Add(ToRange(value));
                }
            }

            return list.ToArray();
        }

        private static NodeRange ToRange(object? item)
        {
            switch (item)
            {
                case NodeRange range:
                    return range;
                case IDictionary map when map.Contains("Start") && map.Contains("End"):
                    return new NodeRange(Number(map["Start"]), Number(map["End"]));
                case string text:
                    var dash = text.IndexOf('-', 1);
                    if (dash > 0)
                    {
                        return new NodeRange(Number(text.Substring(0, dash)), Number(text.Substring(dash + 1)));
                    }

                    break;
            }

            throw new ArgumentTransformationMetadataException(
                "Cannot read '" + item + "' as a node range. Write it as '0-2GB', '0x80000000-0x100000000' or @{ Start = 0; End = 2GB }.");
        }

        private static ulong Number(object? value) => AddressTransformationAttribute.Convert(value);
    }
}
