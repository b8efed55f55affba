using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace IacAnalyzers.Cli.Tests
{
    /// <summary>A minimal PNG reader (8-bit RGB/RGBA, non-interlaced: what Chromium's screenshots are), for pixel checks.</summary>
    internal sealed class Png
    {
        private readonly byte[] pixels;
        private readonly int channels;

        private Png(int width, int height, int channels, byte[] pixels)
        {
            Width = width;
            Height = height;
            this.channels = channels;
            this.pixels = pixels;
        }

        public int Width { get; }

        public int Height { get; }

        public (byte R, byte G, byte B) this[int x, int y]
        {
            get
            {
                var i = (y * Width + x) * channels;
                return (pixels[i], pixels[i + 1], pixels[i + 2]);
            }
        }

        public static Png Load(string path)
        {
            var data = File.ReadAllBytes(path);
            int width = 0, height = 0, colorType = 0, at = 8;
            using var idat = new MemoryStream();
            while (at + 8 <= data.Length)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(at));
                var type = System.Text.Encoding.ASCII.GetString(data, at + 4, 4);
                var body = data.AsSpan(at + 8, length);
                if (type == "IHDR")
                {
                    width = BinaryPrimitives.ReadInt32BigEndian(body);
                    height = BinaryPrimitives.ReadInt32BigEndian(body.Slice(4));
                    if (body[8] != 8 || body[12] != 0)
                    {
                        throw new NotSupportedException("only 8-bit non-interlaced PNGs");
                    }

                    colorType = body[9];
                }
                else if (type == "IDAT")
                {
                    idat.Write(body);
                }
                else if (type == "IEND")
                {
                    break;
                }

                at += 12 + length;
            }

            var channels = colorType switch { 2 => 3, 6 => 4, _ => throw new NotSupportedException("colour type " + colorType) };
            idat.Position = 0;
            using var z = new ZLibStream(idat, CompressionMode.Decompress);
            using var raw = new MemoryStream();
            z.CopyTo(raw);
            var src = raw.ToArray();
            var stride = width * channels;
            var result = new byte[height * stride];
            for (var y = 0; y < height; y++)
            {
                var filter = src[y * (stride + 1)];
                for (var x = 0; x < stride; x++)
                {
                    var v = src[y * (stride + 1) + 1 + x];
                    int a = x >= channels ? result[y * stride + x - channels] : 0;
                    int b = y > 0 ? result[(y - 1) * stride + x] : 0;
                    int c = x >= channels && y > 0 ? result[(y - 1) * stride + x - channels] : 0;
                    result[y * stride + x] = (byte)(filter switch
                    {
                        0 => v,
                        1 => v + a,
                        2 => v + b,
                        3 => v + ((a + b) >> 1),
                        4 => v + Paeth(a, b, c),
                        _ => throw new InvalidDataException("filter " + filter),
                    });
                }
            }

            return new Png(width, height, channels, result);
        }

        private static int Paeth(int a, int b, int c)
        {
            int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
    }
}
