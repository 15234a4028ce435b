using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;

namespace KernelVm.Picture
{
    /// <summary>
    /// A thin layer over <see cref="XmlWriter"/> for SVG: elements in the SVG namespace, numbers written
    /// the same way on every culture and platform, and text escaped by the XmlWriter.
    /// </summary>
    internal sealed class SvgWriter : IDisposable
    {
        internal const string Namespace = "http://www.w3.org/2000/svg";

        private readonly XmlWriter _xml;

        internal SvgWriter(Stream output)
        {
            _xml = XmlWriter.Create(output, new XmlWriterSettings
            {
                Encoding = new UTF8Encoding(false),
                Indent = true,
                IndentChars = " ",
                NewLineChars = "\n",
                NewLineHandling = NewLineHandling.Replace,
                CloseOutput = false,
            });
            _xml.WriteStartDocument();
        }

        /// <summary>Opens an element with attributes given as name, value pairs.</summary>
        internal SvgWriter Open(string name, params object[] attributes)
        {
            _xml.WriteStartElement(name, Namespace);
            for (var i = 0; i < attributes.Length; i += 2)
            {
                _xml.WriteAttributeString((string)attributes[i], Text(attributes[i + 1]));
            }

            return this;
        }

        internal SvgWriter Close()
        {
            _xml.WriteEndElement();
            return this;
        }

        /// <summary>An element with attributes and no content.</summary>
        internal SvgWriter Empty(string name, params object[] attributes) => Open(name, attributes).Close();

        /// <summary>An element holding text.</summary>
        internal SvgWriter Text(string name, string text, params object[] attributes)
        {
            Open(name, attributes);
            _xml.WriteString(text);
            return Close();
        }

        /// <summary>A tooltip for the element that is open.</summary>
        internal SvgWriter Title(string text) => Text("title", text);

        /// <summary>CSS, as character data so that selectors such as "a > b" stay readable.</summary>
        internal SvgWriter Style(string css)
        {
            Open("style");
            _xml.WriteCData(css);
            return Close();
        }

        public void Dispose()
        {
            _xml.WriteEndDocument();
            _xml.Flush();
            _xml.Dispose();
        }

        /// <summary>Numbers to at most two decimals, in the invariant culture.</summary>
        internal static string Number(double value) =>
            Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

        private static string Text(object value) => value switch
        {
            double d => Number(d),
            int i => i.ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }
}
