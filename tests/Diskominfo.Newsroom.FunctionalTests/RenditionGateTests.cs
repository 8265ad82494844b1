using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetVips;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>A burst of first requests for renditions (a gallery's first readers, a crawler) is made a few at a time.</summary>
public sealed class RenditionGateTests
{
    [Fact]
    public async Task BurstOfFirstRequests_MadeOneAtATime_WithOneWorker_EveryRequestAnswered()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, extraSettings: new Dictionary<string, string?> { ["Newsroom:Media:RenditionWorkers"] = "1" });
        using var reporter = await app.LoginAsync("reporter");
        var id = await Api.CreatePressReleaseAsync(reporter, title: "Galeri Festival Budaya Raya");
        var photos = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var upload = await Api.UploadAsync(reporter, id, NoisyJpeg(3000, 2000, i), $"festival-{i}.jpg");
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
            photos.Add((await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mediaId").GetGuid());
        }

        var meters = app.Services.GetRequiredService<IMeterFactory>();
        var counts = new Dictionary<string, (int Now, int Peak)>
        {
            ["newsroom.media.renditions.making"] = (0, 0),
            ["newsroom.media.renditions.waiting"] = (0, 0),
        };
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && counts.ContainsKey(instrument.Name))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((instrument, change, _, _) =>
        {
            lock (counts)
            {
                var (now, peak) = counts[instrument.Name];
                counts[instrument.Name] = (now + change, Math.Max(peak, now + change));
            }
        });
        listener.Start();

        // Six first requests at once: two sizes of each photo.
        var paths = photos.SelectMany(m => new[] { ($"/media/{m:N}/w1200.jpg", 1200, 800), ($"/media/{m:N}/w800.webp", 800, 533) }).ToList();
        var responses = await Task.WhenAll(paths.Select(p => reporter.GetAsync(p.Item1)));
        for (var i = 0; i < paths.Count; i++)
        {
            Assert.Equal(HttpStatusCode.OK, responses[i].StatusCode);
            using var image = Image.NewFromBuffer(await responses[i].Content.ReadAsByteArrayAsync());
            Assert.Equal((paths[i].Item2, paths[i].Item3), (image.Width, image.Height));
        }

        lock (counts)
        {
            Assert.Equal(1, counts["newsroom.media.renditions.making"].Peak);
            // The requests did overlap (so one at a time was the gate's doing), however busy the machine running the tests.
            Assert.True(counts["newsroom.media.renditions.waiting"].Peak >= 1, "The burst should have queued behind the one worker.");
            Assert.Equal((0, 0), (counts["newsroom.media.renditions.making"].Now, counts["newsroom.media.renditions.waiting"].Now));
        }
    }

    /// <summary>A camera-size photo of noise: slow enough to decode (tens of milliseconds) that the requests overlap.</summary>
    private static byte[] NoisyJpeg(int width, int height, int seed)
    {
        using var noise = Image.Gaussnoise(width, height, mean: 128 + (seed * 10), sigma: 40);
        using var rgb = noise.Bandjoin(noise * 0.9, noise * 0.8).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return rgb.JpegsaveBuffer(q: 90);
    }
}
