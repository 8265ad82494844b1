namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Camera-sized JPEGs for the field tests: noise keeps them large, as a phone's photo of a crowd is.</summary>
internal static class FieldPhotos
{
    /// <summary>A real JPEG of at least <paramref name="bytes"/> bytes (a little more), different for each seed.</summary>
    public static byte[] Noisy(long bytes, int seed, int width = 3000, int height = 2250, double sigma = 50)
    {
        while (true)
        {
            using var red = NetVips.Image.Gaussnoise(width, height, sigma: sigma, mean: 128, seed: seed);
            using var green = NetVips.Image.Gaussnoise(width, height, sigma: sigma, mean: 128, seed: seed + 1000);
            using var blue = NetVips.Image.Gaussnoise(width, height, sigma: sigma, mean: 128, seed: seed + 2000);
            using var three = red.Bandjoin(green, blue);
            using var colour = three.Cast(NetVips.Enums.BandFormat.Uchar).Copy(interpretation: NetVips.Enums.Interpretation.Srgb);
            var jpeg = colour.JpegsaveBuffer(q: 90);
            if (jpeg.LongLength >= bytes)
            {
                return jpeg;
            }

            var grow = Math.Sqrt((double)bytes / jpeg.LongLength) * 1.05;
            width = (int)(width * grow);
            height = (int)(height * grow);
        }
    }
}
