using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Diskominfo.Newsroom.Harness;
using Microsoft.Playwright;

/// <summary>
/// Ten camera photos of about 8 MB sent from the field over a 1 Mbit/s line that drops twice: (i) the desk's resumable
/// upload in headless Chromium (photos made smaller in the browser, pieces resumed after a cut) and (ii) a plain
/// multipart form upload of the same files, where a cut loses the file being sent and it is sent again whole, as a
/// person would. Both run at once, each through its own throttling proxy with the same cut times.
/// </summary>
internal static class FieldUploadBench
{
    private static readonly string[] ChromiumPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    public static async Task<int> RunAsync(int count, int megabytes, long bitsPerSecond, TimeSpan[] cuts, Func<Task<SiteProcess>> startSite)
    {
        var folder = BenchInterruption.TempFolder("newsroom-field-bench-");
        try
        {
            var files = MakePhotos(folder, count, megabytes * 1024L * 1024);
            Console.WriteLine($"{count} photos, {files.Average(f => new FileInfo(f).Length) / 1024 / 1024:0.0} MB on average (4000 x 3000), "
                + $"line {bitsPerSecond / 1000} kbit/s each way, cuts at {string.Join(", ", cuts.Select(c => $"{c.TotalSeconds:0} s"))}");
            await using var site = await startSite();
            using var api = await NewsroomApiClient.SignInAsync(site.BaseAddress);
            var resumableItem = await CreateItemAsync(api, "Uji unggah bertahap dari lapangan");
            var plainItem = await CreateItemAsync(api, "Uji unggah formulir biasa dari lapangan");
            await using var resumableLine = WeakLineProxy.Start(site.BaseAddress, bitsPerSecond, cuts);
            await using var plainLine = WeakLineProxy.Start(site.BaseAddress, bitsPerSecond, cuts);

            var resumable = ResumableAsync(resumableLine, resumableItem, files);
            var plain = PlainAsync(plainLine, plainItem, files);
            await Task.WhenAll(resumable, plain);

            var (resumableSeconds, resumableBytes) = await resumable;
            var (plainSeconds, plainBytes, plainRetries) = await plain;
            var resumableCount = (await api.GetAsync(resumableItem)).GetProperty("photos").GetArrayLength();
            var plainCount = (await api.GetAsync(plainItem)).GetProperty("photos").GetArrayLength();
            Console.WriteLine($"(i)  resumable (tus, resized in Chromium): {resumableSeconds:0.0} s, {resumableCount} photos attached, "
                + $"{resumableBytes / 1024.0 / 1024.0:0.0} MB of photos after resizing, cuts made {resumableLine.Cuts}");
            Console.WriteLine($"(ii) plain multipart form:                 {plainSeconds:0.0} s, {plainCount} photos attached, "
                + $"{plainBytes / 1024.0 / 1024.0:0.0} MB of photos, {plainRetries} files sent again after a cut, cuts made {plainLine.Cuts}");
            Console.WriteLine($"ratio plain / resumable: {plainSeconds / resumableSeconds:0.00}");
            return resumableCount == count && plainCount == count ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Camera-like JPEGs of 4000 x 3000, their noise chosen so each weighs about the size asked for.</summary>
    private static string[] MakePhotos(string folder, int count, long bytes)
    {
        var sigma = 12.0;
        var files = new string[count];
        for (var i = 0; i < count; i++)
        {
            byte[] jpeg;
            while (true)
            {
                using var red = NetVips.Image.Gaussnoise(4000, 3000, sigma: sigma, mean: 128, seed: i * 3);
                using var green = NetVips.Image.Gaussnoise(4000, 3000, sigma: sigma, mean: 120, seed: (i * 3) + 1);
                using var blue = NetVips.Image.Gaussnoise(4000, 3000, sigma: sigma, mean: 110, seed: (i * 3) + 2);
                using var rgb = red.Bandjoin(green, blue).Cast(NetVips.Enums.BandFormat.Uchar).Copy(interpretation: NetVips.Enums.Interpretation.Srgb);
                jpeg = rgb.JpegsaveBuffer(q: 92);
                var ratio = (double)jpeg.Length / bytes;
                if (ratio is > 0.97 and < 1.08)
                {
                    break;
                }

                sigma *= Math.Pow(1 / ratio, 1.6);
            }

            files[i] = Path.Combine(folder, $"lapangan-{i + 1:00}.jpg");
            File.WriteAllBytes(files[i], jpeg);
        }

        return files;
    }

    private static async Task<Guid> CreateItemAsync(NewsroomApiClient api, string title)
    {
        using var created = await api.As("reporter").PostAsJsonAsync("/api/v1/items", new
        {
            type = "press-release", title, lead = "Teras berita uji unggah.", body = "Isi berita uji unggah.", category = "pemerintahan",
        });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The desk in headless Chromium at phone size: sign in, choose the photos, send; the time of the sending.</summary>
    private static async Task<(double Seconds, long Bytes)> ResumableAsync(WeakLineProxy line, Guid item, string[] files)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPaths.First(File.Exists),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-dev-shm-usage"],
        });
        var context = await chromium.NewContextAsync(new() { BaseURL = line.Address.ToString(), ViewportSize = new() { Width = 360, Height = 740 }, Locale = "id-ID" });
        context.SetDefaultTimeout(600_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/masuk");
        await page.GetByLabel("Nama pengguna").FillAsync("reporter");
        await page.GetByLabel("Kata sandi").FillAsync(NewsroomApiClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForURLAsync("**/admin");
        await page.GotoAsync($"/admin/naskah/{item}/foto");
        await page.Locator("#foto-pilih").SetInputFilesAsync(files);
        var sizes = new List<long>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.Contains("/admin/unggahan", StringComparison.Ordinal)
                && request.Headers.TryGetValue("upload-length", out var length))
            {
                lock (sizes)
                {
                    sizes.Add(long.Parse(length, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        };
        var clock = Stopwatch.StartNew();
        line.StartClock();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim foto" }).ClickAsync();
        await page.WaitForSelectorAsync("#kirim-foto[data-finished]", new() { Timeout = 3_600_000 });
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"     resumable: {await page.Locator("#foto-ringkasan").InnerTextAsync()}");
        return (seconds, sizes.Sum());
    }

    /// <summary>A plain client: each file in one multipart request; a cut loses it and the whole file goes again.</summary>
    private static async Task<(double Seconds, long Bytes, int Retries)> PlainAsync(WeakLineProxy line, Guid item, string[] files)
    {
        using var http = new HttpClient { BaseAddress = line.Address, Timeout = Timeout.InfiniteTimeSpan };
        using var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { userName = "reporter", password = NewsroomApiClient.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var clock = Stopwatch.StartNew();
        line.StartClock();
        var retries = 0;
        long bytes = 0;
        foreach (var file in files)
        {
            var content = await File.ReadAllBytesAsync(file);
            bytes += content.Length;
            while (true)
            {
                try
                {
                    using var form = new MultipartFormDataContent();
                    var part = new ByteArrayContent(content);
                    part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                    form.Add(part, "file", Path.GetFileName(file));
                    using var response = await http.PostAsync($"/api/v1/items/{item}/media", form);
                    if (response.IsSuccessStatusCode)
                    {
                        break;
                    }

                    Console.WriteLine($"     plain: {Path.GetFileName(file)} refused with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    break;
                }
                catch (HttpRequestException)
                {
                    retries++;
                    await Task.Delay(TimeSpan.FromSeconds(2));
                }
            }
        }

        return (clock.Elapsed.TotalSeconds, bytes, retries);
    }
}
