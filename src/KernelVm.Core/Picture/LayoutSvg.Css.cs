namespace KernelVm.Picture
{
    public sealed partial class LayoutSvg
    {
        /// <summary>The picture's colours and fonts: one class per region kind and per slot state.</summary>
        private const string Css = @"
text { font-family: 'DejaVu Sans', Verdana, Arial, sans-serif; fill: #1f2328; }
.mono { font-family: 'DejaVu Sans Mono', Consolas, 'Courier New', monospace; }
.title { font-size: 21px; font-weight: bold; }
.subtitle { font-size: 14px; fill: #3a3f45; }
.note { font-size: 11.5px; fill: #5c636a; }
.region rect { stroke: #6b7280; stroke-width: 1; }
.region .name { font-size: 12.5px; font-weight: bold; text-anchor: middle; }
.region .size { font-size: 11px; text-anchor: middle; fill: #30363d; }
.region .bounds { font-size: 11.5px; text-anchor: end; }
.region .desc { font-size: 10.5px; text-anchor: end; fill: #5c636a; }
.k-user rect { fill: #cfe2f6; }
.k-direct rect { fill: #cdebc8; }
.k-vmalloc rect { fill: #fde3c2; }
.k-pkmap rect { fill: #e3d3f5; }
.k-fixmap rect { fill: #f7c9c9; }
.k-fixboot rect { fill: #fbe3e3; }
.k-cpu rect { fill: #f5edbd; }
.k-text rect { fill: #bfe3e6; }
.k-modules rect { fill: #d8ecd0; }
.k-vmemmap rect { fill: #ddd8f0; }
.k-hole rect { fill: url(#hatch); }
.zoom { fill: #7d93b8; fill-opacity: 0.16; stroke: #7d93b8; stroke-width: 0.8; }
.panel { fill: #fbfbfc; stroke: #c4c9cf; }
.panel-title { font-size: 15px; font-weight: bold; }
.panel-note { font-size: 11px; fill: #3a3f45; }
.strong { font-weight: bold; }
.boot { fill: #7d848b; }
.fixlabel { font-size: 10.5px; }
.fixindex { font-size: 10.5px; text-anchor: end; }
.axis { font-size: 9px; text-anchor: end; fill: #5c636a; }
.slot { stroke: #a3a9b0; stroke-width: 0.6; }
.slot.free { fill: #ffffff; }
.slot.stale { fill: #f2a83b; }
.slot.in-use { fill: #2f67b1; }
.slot.last { stroke: #111111; stroke-width: 2; }
.users { font-size: 8px; font-weight: bold; text-anchor: middle; fill: #ffffff; pointer-events: none; }
.fix { fill: #ffffff; stroke: #a3a9b0; stroke-width: 0.6; }
.fix.set { fill: #c0392b; stroke: #7b241c; }
";
    }
}
