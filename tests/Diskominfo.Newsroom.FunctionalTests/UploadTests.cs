using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Diskominfo.Newsroom.FunctionalTests;

public sealed class UploadTests
{
    public static TheoryData<string, string> HostileFiles() => new()
    {
        { "html-renamed", "bukan foto JPEG" },
        { "truncated-jpeg", "rusak atau tidak lengkap" },
        { "huge-png", "terlalu besar" },
        { "svg-script", "bukan foto JPEG" },
        { "tiff-renamed", "bukan foto JPEG" },
        { "pdf-renamed", "Siaran pers hanya menerima foto JPEG, PNG, atau WebP" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task Upload_HostileFile_IsRefusedAndDraftKeepsItsPhotos(string kind, string expectedMessage)
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var reporter = await app.LoginAsync("reporter");
        var id = await Api.CreatePressReleaseAsync(reporter);
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadAsync(reporter, id, Api.Jpeg(), "baik.jpg")).StatusCode);

        var response = await Api.UploadAsync(reporter, id, Hostile(kind), "foto.jpg");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(expectedMessage, problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        var item = await Api.GetAsync(reporter, id);
        Assert.Equal(1, item.GetProperty("photos").GetArrayLength());
        Assert.Equal("Bupati Resmikan Jembatan Raya", item.GetProperty("title").GetString());
    }

    private static byte[] Hostile(string kind) => kind switch
    {
        "html-renamed" => Encoding.UTF8.GetBytes("<html><body><script>alert(1)</script></body></html>"),
        "svg-script" => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
        "truncated-jpeg" => Api.Jpeg()[..4000],
        "huge-png" => HugePng(),
        "tiff-renamed" => TiffBytes(),
        "pdf-renamed" => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static byte[] TiffBytes()
    {
        using var image = NetVips.Image.Black(64, 64, bands: 3);
        return image.TiffsaveBuffer();
    }

    /// <summary>A PNG whose header declares 50000 x 50000 pixels (a decompression bomb).</summary>
    private static byte[] HugePng()
    {
        using var image = NetVips.Image.Black(8, 8);
        var png = image.PngsaveBuffer();
        // IHDR starts at byte 16: width and height, big endian; the CRC is then wrong, which the size check must see first.
        var bytes = (byte[])png.Clone();
        WriteBigEndian(bytes, 16, 50000);
        WriteBigEndian(bytes, 20, 50000);
        FixIhdrCrc(bytes);
        return bytes;
    }

    private static void WriteBigEndian(byte[] bytes, int offset, int value)
    {
        bytes[offset] = (byte)(value >> 24);
        bytes[offset + 1] = (byte)(value >> 16);
        bytes[offset + 2] = (byte)(value >> 8);
        bytes[offset + 3] = (byte)value;
    }

    private static void FixIhdrCrc(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes.AsSpan(12, 17))
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        crc ^= 0xFFFFFFFFu;
        WriteBigEndian(bytes, 29, unchecked((int)crc));
    }
}
