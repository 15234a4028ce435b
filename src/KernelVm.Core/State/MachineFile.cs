using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;

namespace KernelVm.State
{
    /// <summary>
    /// A machine as a JSON document (docs/machine-file.md): "format", "version", the configuration and
    /// the state. Reading boots the configuration and restores the state, or refuses the whole file.
    /// </summary>
    public static class MachineFile
    {
        public const string FormatName = "KernelVm.Machine";

        /// <summary>The version this model writes and the newest it reads.</summary>
        public const int CurrentVersion = 1;

        private static readonly DataContractJsonSerializer Serializer = new(typeof(SavedMachine));
        private static readonly DataContractJsonSerializer HeaderSerializer = new(typeof(SavedHeader));

        /// <summary>Writes a machine, indented, as UTF-8 without a byte order mark.</summary>
        public static void Write(Machine machine, Stream stream)
        {
            var saved = machine.Save();
            using var writer = JsonReaderWriterFactory.CreateJsonWriter(stream, new UTF8Encoding(false), ownsStream: false, indent: true);
            Serializer.WriteObject(writer, saved);
            writer.Flush();
        }

        /// <summary>Reads a machine; <paramref name="name"/> renames it. Throws a <see cref="KernelVmException"/> for any file it cannot restore exactly.</summary>
        public static Machine Read(Stream stream, string? name = null)
        {
            var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            var header = Deserialize<SavedHeader>(HeaderSerializer, bytes.ToArray());
            if (header?.Format != FormatName)
            {
                throw Errors.MachineFileCorruptError("it is not a KernelVm machine file (\"format\" is not \"" + FormatName + "\")");
            }

            if (header.Version > CurrentVersion)
            {
                throw Errors.MachineFileVersion(header.Version, CurrentVersion);
            }

            if (header.Version < 1)
            {
                throw Errors.MachineFileCorruptError("\"version\" must be a format version from 1");
            }

            var saved = Deserialize<SavedMachine>(Serializer, bytes.ToArray());
            if (saved?.Config is null || saved.State is null)
            {
                throw Errors.MachineFileCorruptError("\"config\" and \"state\" are both required");
            }

            return Machine.FromSaved(saved, name);
        }

        /// <summary>The serializer's first line without its closing full stops, as the message adds its own.</summary>
        private static T? Deserialize<T>(DataContractJsonSerializer serializer, byte[] json)
            where T : class
        {
            try
            {
                return (T?)serializer.ReadObject(new MemoryStream(json));
            }
            catch (SerializationException e)
            {
                throw Errors.MachineFileCorruptError(FirstLine(e.Message));
            }
            catch (XmlException e)
            {
                throw Errors.MachineFileCorruptError(FirstLine(e.Message));
            }
        }

        private static string FirstLine(string text)
        {
            var end = text.IndexOfAny(new[] { '\r', '\n' });
            return (end < 0 ? text : text.Substring(0, end)).TrimEnd('.', ' ');
        }
    }
}
