using System.Buffers.Binary;
using System.Text;

namespace TrainingApi.Features.Curriculum.Assets.Inspection;

/// <summary>An entry as the ZIP's central directory records it, with where its data starts.</summary>
public sealed record ZipRecord(string Name, ushort Flags, ushort Method, long CompressedSize, long DeclaredSize, long LocalHeaderOffset, long DataOffset)
{
    public bool IsEncrypted => (Flags & 1) != 0;
}

/// <summary>
/// Reads a ZIP's central directory itself. <see cref="System.IO.Compression.ZipArchive"/> stops unpacking an entry at the size
/// its header declares, so a bomb that declares 1 KB would look harmless to it while every unzip tool that reads on to the end
/// of the deflate stream (as readers' office programs may) gets the gigabyte. With the data's own offset, the inspector
/// inflates the raw bytes and sees what really comes out. Malformed structure is an <see cref="InvalidDataException"/>.
/// </summary>
public static class ZipDirectory
{
    public static IReadOnlyList<ZipRecord> Read(ReadOnlySpan<byte> zip, int maxEntries, Func<long, Exception> tooMany)
    {
        var end = zip[Math.Max(0, zip.Length - (22 + ushort.MaxValue))..].LastIndexOf("PK\x05\x06"u8);
        if (end < 0)
        {
            throw new InvalidDataException("No end of central directory.");
        }

        end += Math.Max(0, zip.Length - (22 + ushort.MaxValue));
        if (end + 22 > zip.Length)
        {
            throw new InvalidDataException("Truncated end of central directory.");
        }

        long count = BinaryPrimitives.ReadUInt16LittleEndian(zip[(end + 10)..]);
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(zip[(end + 16)..]);
        if ((count == ushort.MaxValue || offset == uint.MaxValue) && end >= 20 && zip[(end - 20)..].StartsWith("PK\x06\x07"u8))
        {
            var zip64End = BinaryPrimitives.ReadInt64LittleEndian(zip[(end - 12)..]);
            if (zip64End < 0 || zip64End + 56 > zip.Length || !zip[(int)zip64End..].StartsWith("PK\x06\x06"u8))
            {
                throw new InvalidDataException("Bad ZIP64 end of central directory.");
            }

            count = BinaryPrimitives.ReadInt64LittleEndian(zip[((int)zip64End + 32)..]);
            offset = BinaryPrimitives.ReadInt64LittleEndian(zip[((int)zip64End + 48)..]);
        }

        if (count > maxEntries)
        {
            throw tooMany(count);
        }

        var records = new List<ZipRecord>((int)Math.Max(0, count));
        var at = offset;
        for (var i = 0; i < count; i++)
        {
            records.Add(Record(zip, ref at));
        }

        return records;
    }

    private static ZipRecord Record(ReadOnlySpan<byte> zip, ref long at)
    {
        if (at < 0 || at + 46 > zip.Length || !zip[(int)at..].StartsWith("PK\x01\x02"u8))
        {
            throw new InvalidDataException("Bad central directory record.");
        }

        var header = zip[(int)at..];
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        var method = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
        long compressed = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
        long size = BinaryPrimitives.ReadUInt32LittleEndian(header[24..]);
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
        var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[30..]);
        var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
        long local = BinaryPrimitives.ReadUInt32LittleEndian(header[42..]);
        if (46 + nameLength + extraLength + commentLength > header.Length)
        {
            throw new InvalidDataException("Truncated central directory record.");
        }

        var name = ((flags & 0x800) != 0 ? Encoding.UTF8 : Encoding.Latin1).GetString(header.Slice(46, nameLength));
        ReadZip64(header.Slice(46 + nameLength, extraLength), ref size, ref compressed, ref local);
        at += 46 + nameLength + extraLength + commentLength;

        if (local < 0 || local + 30 > zip.Length || !zip[(int)local..].StartsWith("PK\x03\x04"u8))
        {
            throw new InvalidDataException("Bad local header.");
        }

        var data = local + 30 + BinaryPrimitives.ReadUInt16LittleEndian(zip[((int)local + 26)..]) + BinaryPrimitives.ReadUInt16LittleEndian(zip[((int)local + 28)..]);
        if (compressed < 0 || data + compressed > zip.Length)
        {
            throw new InvalidDataException("Entry data beyond the end of the archive.");
        }

        return new(name, flags, method, compressed, size, local, data);
    }

    /// <summary>The ZIP64 extra field holds, in this order, whichever of the three values are 0xFFFFFFFF in the record.</summary>
    private static void ReadZip64(ReadOnlySpan<byte> extra, ref long size, ref long compressed, ref long local)
    {
        while (extra.Length >= 4)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (4 + length > extra.Length)
            {
                return;
            }

            if (id == 1)
            {
                var field = extra.Slice(4, length);
                if (size == uint.MaxValue && field.Length >= 8)
                {
                    size = BinaryPrimitives.ReadInt64LittleEndian(field);
                    field = field[8..];
                }

                if (compressed == uint.MaxValue && field.Length >= 8)
                {
                    compressed = BinaryPrimitives.ReadInt64LittleEndian(field);
                    field = field[8..];
                }

                if (local == uint.MaxValue && field.Length >= 8)
                {
                    local = BinaryPrimitives.ReadInt64LittleEndian(field);
                }

                return;
            }

            extra = extra[(4 + length)..];
        }
    }
}
