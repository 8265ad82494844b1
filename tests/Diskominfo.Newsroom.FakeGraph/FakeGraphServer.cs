using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.FakeGraph;

/// <summary>
/// A Graph API stand-in on 127.0.0.1: Facebook Page photos and feed posts, Instagram containers and
/// media_publish, with Meta's validation rules and error bodies, and errors that a test can inject.
/// </summary>
public sealed partial class FakeGraphServer : IAsyncDisposable
{
    public const string Version = "v24.0";

    /// <summary>Where the fake listens: the host a site under test must allow (<c>Newsroom:Graph:AllowedHosts</c>).</summary>
    public const string Host = "127.0.0.1";
    private readonly WebApplication _app;
    private readonly List<Injection> _injected = [];
    private int _injectionsUsed;
    private long _ids = 1000;

    private FakeGraphServer(WebApplication app) => _app = app;

    public string PageId { get; } = "104857600123456";

    public string PageName { get; set; } = "Diskominfo Kabupaten Contoh";

    public string InstagramAccountId { get; } = "17841400000000001";

    public string InstagramUsername { get; set; } = "diskominfo.contoh";

    /// <summary>The one token the fake accepts; change it to revoke the one the site holds (code 190).</summary>
    public string Token { get; set; } = "EAAtesttoken0123456789abcdef";

    /// <summary>When the token expires (debug_token's expires_at; after it every call answers 190/463). Null: never.</summary>
    public DateTimeOffset? TokenExpiresAt { get; set; } = DateTimeOffset.UtcNow.AddDays(60);

    public IReadOnlyList<string> Scopes { get; set; } = ["pages_manage_posts", "pages_read_engagement", "instagram_basic", "instagram_content_publish"];

    /// <summary>Added to every answer, as a distant Graph API would (the latency benchmark uses 150 ms).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>How long Meta takes to fetch and process a container's image before it is FINISHED ("usually within seconds").</summary>
    public TimeSpan ContainerProcessing { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Instagram's publishing allowance in the moving 24-hour window (content_publishing_limit).</summary>
    public int QuotaTotal { get; set; } = 50;

    /// <summary>Containers one account may create in 24 hours.</summary>
    public int ContainerLimit { get; set; } = 400;

    /// <summary>Photos uploaded with published=false, waiting to be attached to a feed post.</summary>
    public ConcurrentDictionary<string, string> UnpublishedPhotos { get; } = new();

    /// <summary>When each Instagram media was published (the quota's window).</summary>
    public ConcurrentDictionary<string, DateTimeOffset> InstagramPublishedAt { get; } = new();

    public string BaseUrl { get; private set; } = "";

    /// <summary>How the fake fetches image_url (the site under test); defaults to a plain HttpClient.</summary>
    public HttpMessageHandler? ImageFetcher { get; set; }

    public ConcurrentDictionary<string, FacebookPost> FacebookPosts { get; } = new();

    public ConcurrentDictionary<string, Container> Containers { get; } = new();

    public ConcurrentDictionary<string, string> InstagramMedia { get; } = new();

    public ConcurrentBag<string> Requests { get; } = [];

    public static async Task<FakeGraphServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{Host}:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeGraphServer(app);
        app.Map("/{**path}", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = $"{address}/{Version}";
        return server;
    }

    /// <summary>Stands for any Instagram container's id in an injection's pattern: <c>GET {container}</c> is a container's status read.</summary>
    public const string AnyContainer = "{container}";

    /// <summary>Stands for a container already published: only a lookup after media_publish reads one (never the polls before it).</summary>
    public const string PublishedContainer = "{published-container}";

    /// <summary>
    /// The next request whose method and path contain <paramref name="pathContains"/> (as <c>POST 1234/feed</c>, or
    /// <c>GET {container}</c> with <see cref="AnyContainer"/>) gets this Graph error; injections are used in the order
    /// given, each by the first request it matches (requests it does not match pass by it). With <paramref name="afterApplying"/> the request is carried out first and the error answered anyway
    /// (Meta's code 2 after the post was created). <paramref name="headers"/> go with the answer (usage headers).
    /// </summary>
    public void InjectError(
        string pathContains, int code, int? subcode = null, int status = 400, bool transient = false, bool afterApplying = false,
        IReadOnlyDictionary<string, string>? headers = null)
        => Add(new Injection(pathContains, status, new
        {
            error = new { message = $"Injected error {code}", type = code == 190 ? "OAuthException" : "GraphMethodException", code, error_subcode = subcode, is_transient = transient, fbtrace_id = "fake" },
        }, afterApplying, headers, null));

    /// <summary>The next matching request gets no answer for <paramref name="delay"/> (the client times out); with <paramref name="afterApplying"/> it was carried out.</summary>
    public void InjectTimeout(string pathContains, TimeSpan delay, bool afterApplying = false)
        => Add(new Injection(pathContains, 0, null, afterApplying, null, delay));

    /// <summary>The next matching request gets an HTML error page with this status, as a proxy in front of Meta answers during an incident.</summary>
    public void InjectGatewayError(string pathContains, int status = 502)
        => Add(new Injection(pathContains, status, null, false, null, null) { Html = true });

    /// <summary>Injected faults not used yet.</summary>
    public int PendingInjections
    {
        get
        {
            lock (_injected)
            {
                return _injected.Count;
            }
        }
    }

    /// <summary>Injected faults used so far.</summary>
    public int InjectionsUsed => Volatile.Read(ref _injectionsUsed);

    /// <summary>The pattern of each injected fault used, in order (to count, say, the lookups that failed).</summary>
    public ConcurrentQueue<string> UsedInjections { get; } = new();

    private void Add(Injection injection)
    {
        lock (_injected)
        {
            _injected.Add(injection);
        }
    }

    /// <summary>Facebook posts whose text contains <paramref name="marker"/> (an article's address): more than one is a duplicate.</summary>
    public int PostsContaining(string marker) => FacebookPosts.Values.Count(p => p.Message.Contains(marker, StringComparison.Ordinal));

    /// <summary>Instagram media whose caption contains <paramref name="marker"/>.</summary>
    public int MediaContaining(string marker) => InstagramMedia.Values.Count(c => c.Contains(marker, StringComparison.Ordinal));

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!.Trim('/');
        Requests.Add($"{context.Request.Method} {path}");
        if (!path.StartsWith(Version + "/", StringComparison.Ordinal))
        {
            await Error(context, 400, 2635, null, "Unsupported API version");
            return;
        }

        path = path[(Version.Length + 1)..];
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency);
        }

        Injection? fault = null;
        var request = $"{context.Request.Method} {path}";
        var generic = $"{context.Request.Method} {string.Join('/', path.Split('/').Select(s => Containers.ContainsKey(s) ? AnyContainer : s))}";
        var published = $"{context.Request.Method} {string.Join('/', path.Split('/').Select(s => Containers.TryGetValue(s, out var c) && c.Status == "PUBLISHED" ? PublishedContainer : s))}";
        lock (_injected)
        {
            fault = _injected.FirstOrDefault(i => request.Contains(i.PathContains, StringComparison.Ordinal)
                                                  || generic.Contains(i.PathContains, StringComparison.Ordinal)
                                                  || published.Contains(i.PathContains, StringComparison.Ordinal));
            if (fault is not null)
            {
                _injected.Remove(fault);
                _injectionsUsed++;
                UsedInjections.Enqueue(fault.PathContains);
            }
        }

        if (fault is null)
        {
            await RouteAsync(context, path);
            return;
        }

        if (fault.AfterApplying)
        {
            // Carry the request out, then throw its answer away: the caller never learns that it worked.
            var body = context.Response.Body;
            context.Response.Body = new MemoryStream();
            await RouteAsync(context, path);
            context.Response.Body = body;
            context.Response.Headers.Clear();
        }

        if (fault.Delay is { } delay)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = fault.Status == 0 ? 504 : fault.Status;
        if (fault.Html)
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync($"<html><body><h1>{fault.Status} Bad Gateway</h1></body></html>");
            return;
        }

        foreach (var (name, value) in fault.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsJsonAsync(fault.Error ?? new { error = new { message = "Timeout", code = 2, is_transient = true } });
    }

    private async Task RouteAsync(HttpContext context, string path)
    {
        var token = context.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(token))
        {
            token = context.Request.Query["access_token"].ToString();
        }

        if (token != Token)
        {
            await Error(context, 400, 190, 460, "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.");
            return;
        }

        if (TokenExpiresAt is { } expires && expires <= DateTimeOffset.UtcNow)
        {
            await Error(context, 400, 190, 463, "Error validating access token: Session has expired.");
            return;
        }

        var segments = path.Split('/');
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : null;
        switch (context.Request.Method, segments)
        {
            case ("POST", [var page, "photos"]) when page == PageId:
                await PostPhotoAsync(context, form!);
                break;
            case ("POST", [var page, "feed"]) when page == PageId:
                await PostFeedAsync(context, form!);
                break;
            case ("GET", ["debug_token"]):
                await context.Response.WriteAsJsonAsync(new
                {
                    data = new
                    {
                        is_valid = context.Request.Query["input_token"] == Token,
                        expires_at = TokenExpiresAt?.ToUnixTimeSeconds() ?? 0,
                        scopes = Scopes,
                    },
                });
                break;
            case ("GET", [var page]) when page == PageId:
                await context.Response.WriteAsJsonAsync(new { id = PageId, name = PageName });
                break;
            case ("GET", [var account]) when account == InstagramAccountId:
                await context.Response.WriteAsJsonAsync(new { id = InstagramAccountId, username = InstagramUsername });
                break;
            case ("GET", [var account, "content_publishing_limit"]) when account == InstagramAccountId:
                await context.Response.WriteAsJsonAsync(new
                {
                    data = new[] { new { quota_usage = QuotaUsage(), config = new { quota_total = QuotaTotal, quota_duration = 86400 } } },
                });
                break;
            case ("GET", [var page, "feed"]) when page == PageId:
                await ListFeedAsync(context);
                break;
            case ("GET", [var account, "media"]) when account == InstagramAccountId:
                await ListMediaAsync(context);
                break;
            case ("POST", [var account, "media"]) when account == InstagramAccountId:
                await CreateContainerAsync(context, form!);
                break;
            case ("POST", [var account, "media_publish"]) when account == InstagramAccountId:
                await PublishContainerAsync(context, form!);
                break;
            case ("GET", [var id]):
                await ReadObjectAsync(context, id);
                break;
            case ("POST", [var id]) when FacebookPosts.TryGetValue(id, out var post):
                // Editing a post's text (corrections): only the message may change.
                if (string.IsNullOrEmpty(form?["message"]))
                {
                    await Error(context, 400, 100, null, "(#100) The parameter message is required");
                    return;
                }

                FacebookPosts[id] = post with { Message = form["message"].ToString(), Edits = post.Edits + 1 };
                await context.Response.WriteAsJsonAsync(new { success = true });
                break;
            default:
                await Error(context, 400, 100, 33, $"Unsupported {context.Request.Method} request to {path}");
                break;
        }
    }

    private async Task PostPhotoAsync(HttpContext context, IFormCollection form)
    {
        var file = form.Files.GetFile("source");
        if (file is null && string.IsNullOrEmpty(form["url"]))
        {
            await Error(context, 400, 324, 2069019, "Missing or invalid image file");
            return;
        }

        if (file is not null)
        {
            using var stream = new MemoryStream();
            await file.CopyToAsync(stream);
            var bytes = stream.ToArray();
            if (bytes.Length > 10 * 1024 * 1024 || !(IsJpeg(bytes) || IsPng(bytes)))
            {
                await Error(context, 400, 324, 2069019, "Missing or invalid image file");
                return;
            }
        }

        var photoId = NextId();
        if (form["published"] == "false")
        {
            UnpublishedPhotos[photoId] = form["alt_text_custom"].ToString();
            await context.Response.WriteAsJsonAsync(new { id = photoId });
            return;
        }

        var postId = $"{PageId}_{NextId()}";
        FacebookPosts[postId] = new FacebookPost(postId, form["caption"].ToString(), DateTimeOffset.UtcNow, photoId);
        await context.Response.WriteAsJsonAsync(new { id = photoId, post_id = postId });
    }

    private async Task PostFeedAsync(HttpContext context, IFormCollection form)
    {
        if (string.IsNullOrEmpty(form["message"]) && string.IsNullOrEmpty(form["link"]))
        {
            await Error(context, 400, 100, null, "Missing message or link");
            return;
        }

        var attached = new List<string>();
        for (var i = 0; form.ContainsKey($"attached_media[{i}]"); i++)
        {
            string? id = null;
            try
            {
                using var media = JsonDocument.Parse(form[$"attached_media[{i}]"].ToString());
                id = media.RootElement.TryGetProperty("media_fbid", out var fbid) ? fbid.GetString() : null;
            }
            catch (JsonException)
            {
            }

            // A photo can be attached once, and only one uploaded unpublished to this Page.
            if (id is null || !UnpublishedPhotos.TryRemove(id, out _))
            {
                await Error(context, 400, 100, null, $"(#100) param attached_media[{i}] must be an unpublished photo of this Page");
                return;
            }

            attached.Add(id);
        }

        var postId = $"{PageId}_{NextId()}";
        FacebookPosts[postId] = new FacebookPost(postId, form["message"].ToString(), DateTimeOffset.UtcNow, attached.FirstOrDefault()) { AttachedPhotos = attached };
        await context.Response.WriteAsJsonAsync(new { id = postId });
    }

    /// <summary>The children of each carousel published, by the Instagram media's id.</summary>
    public ConcurrentDictionary<string, IReadOnlyList<string>> CarouselChildren { get; } = new();

    private async Task CreateContainerAsync(HttpContext context, IFormCollection form)
    {
        var caption = form["caption"].ToString();
        var isChild = form["is_carousel_item"] == "true";
        if (isChild && caption.Length > 0)
        {
            await Error(context, 400, 100, null, "(#100) Carousel items may not have a caption; the caption belongs to the carousel container");
            return;
        }

        if (form["media_type"] == "CAROUSEL")
        {
            await CreateCarouselAsync(context, form, caption);
            return;
        }

        if (caption.Length > 2200)
        {
            await Error(context, 400, 36004, 2207010, "Caption too long");
            return;
        }

        if (HashtagPattern().Count(caption) > 30)
        {
            await Error(context, 400, 100, 2207040, "Too many hashtags");
            return;
        }

        if (MentionPattern().Count(caption) > 20)
        {
            await Error(context, 400, 100, 2207040, "Too many mentions");
            return;
        }

        if (form["alt_text"].ToString().Length > 1000)
        {
            await Error(context, 400, 100, null, "alt_text too long");
            return;
        }

        byte[] image;
        try
        {
            using var client = ImageFetcher is null ? new HttpClient() : new HttpClient(ImageFetcher, disposeHandler: false);
            using var response = await client.GetAsync(form["image_url"].ToString());
            if (!response.IsSuccessStatusCode)
            {
                await Error(context, 400, 9004, 2207052, "Media download has failed. The media URI doesn't meet our requirements.");
                return;
            }

            image = await response.Content.ReadAsByteArrayAsync();
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or UriFormatException)
        {
            await Error(context, 400, 9004, 2207052, "Media download has failed. The media URI doesn't meet our requirements.");
            return;
        }

        if (image.Length > 8 * 1024 * 1024)
        {
            await Error(context, 400, 36000, 2207004, "Image is too large");
            return;
        }

        var size = JpegSize(image);
        if (size is null)
        {
            await Error(context, 400, 36001, 2207005, "The image format is not supported");
            return;
        }

        var ratio = (double)size.Value.Width / size.Value.Height;
        if (ratio < 0.8 || ratio > 1.91)
        {
            await Error(context, 400, 36003, 2207009, "The aspect ratio is not supported");
            return;
        }

        if (Containers.Values.Count(c => c.CreatedAt > DateTimeOffset.UtcNow.AddDays(-1)) >= ContainerLimit)
        {
            await Error(context, 400, 4, 2207042, "Application request limit reached: 400 containers in 24 hours");
            return;
        }

        var id = NextId();
        Containers[id] = new Container(id, caption, size.Value.Width, size.Value.Height)
        {
            Status = "IN_PROGRESS", AltText = form["alt_text"].ToString(), IsCarouselItem = isChild,
        };
        await context.Response.WriteAsJsonAsync(new { id });
    }

    /// <summary>
    /// A carousel container (<c>media_type=CAROUSEL</c>): 2 to 10 <c>children</c>, each a FINISHED carousel item of this
    /// account not yet published; the caption checks of any container; counted against the container limit.
    /// </summary>
    private async Task CreateCarouselAsync(HttpContext context, IFormCollection form, string caption)
    {
        if (caption.Length > 2200)
        {
            await Error(context, 400, 36004, 2207010, "Caption too long");
            return;
        }

        if (HashtagPattern().Count(caption) > 30 || MentionPattern().Count(caption) > 20)
        {
            await Error(context, 400, 100, 2207040, "Too many hashtags or mentions");
            return;
        }

        var ids = form["children"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length is < 2 or > 10 || ids.Distinct().Count() != ids.Length)
        {
            await Error(context, 400, 100, null, "(#100) A carousel must have between 2 and 10 distinct children");
            return;
        }

        foreach (var childId in ids)
        {
            if (!Containers.TryGetValue(childId, out var child) || !child.IsCarouselItem)
            {
                await Error(context, 400, 100, null, $"(#100) Child {childId} is not a carousel item container of this account");
                return;
            }

            lock (child)
            {
                child.Refresh(ContainerProcessing);
            }

            if (child.Status != "FINISHED")
            {
                await Error(context, 400, 9007, 2207027, $"Child {childId} is not ready (status {child.Status})");
                return;
            }
        }

        if (Containers.Values.Count(c => c.CreatedAt > DateTimeOffset.UtcNow.AddDays(-1)) >= ContainerLimit)
        {
            await Error(context, 400, 4, 2207042, "Application request limit reached: 400 containers in 24 hours");
            return;
        }

        var id = NextId();
        Containers[id] = new Container(id, caption, 0, 0) { Status = "IN_PROGRESS", Children = ids };
        await context.Response.WriteAsJsonAsync(new { id });
    }

    private async Task PublishContainerAsync(HttpContext context, IFormCollection form)
    {
        if (!Containers.TryGetValue(form["creation_id"].ToString(), out var container))
        {
            await Error(context, 400, 24, 2207008, "Media container not found");
            return;
        }

        if (container.IsCarouselItem)
        {
            await Error(context, 400, 100, null, "(#100) A carousel item cannot be published on its own; publish its carousel container");
            return;
        }

        var overQuota = false;
        lock (container)
        {
            container.Refresh(ContainerProcessing);
            if (container.Status == "FINISHED" && QuotaUsage() >= QuotaTotal)
            {
                overQuota = true;
            }
            else if (container.Status != "FINISHED")
            {
                container.Rejected = true;
            }
            else
            {
                container.Status = "PUBLISHED";
                container.MediaId = NextId();
                InstagramMedia[container.MediaId] = container.Caption;
                InstagramPublishedAt[container.MediaId] = DateTimeOffset.UtcNow;
                if (container.Children is { } children)
                {
                    CarouselChildren[container.MediaId] = children;
                }
            }
        }

        if (overQuota)
        {
            await Error(context, 400, 9, 2207042, "You have reached the maximum number of posts allowed in 24 hours");
            return;
        }

        if (container.MediaId is null || container.Rejected)
        {
            container.Rejected = false;
            await Error(context, 400, 9007, 2207027, container.Status == "PUBLISHED" ? "Already published" : "Media is not ready to be published");
            return;
        }

        await context.Response.WriteAsJsonAsync(new { id = container.MediaId });
    }

    /// <summary>
    /// The Page's posts, newest first, as Meta pages them: <c>since</c> (unix time), <c>limit</c> (at most 100, default 25),
    /// an <c>after</c> cursor, and <c>paging.next</c> only when there is more.
    /// </summary>
    private async Task ListFeedAsync(HttpContext context)
    {
        var posts = FacebookPosts.Values.AsEnumerable();
        if (long.TryParse(context.Request.Query["since"], out var since))
        {
            posts = posts.Where(p => p.CreatedAt.ToUnixTimeSeconds() >= since);
        }

        await PageAsync(context, posts.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id, StringComparer.Ordinal).ToList(), 100,
            p => new { id = p.Id, message = p.Message, created_time = GraphTime(p.CreatedAt) }, $"{PageId}/feed");
    }

    /// <summary>The Instagram account's media, newest first (<c>GET /{ig-user-id}/media</c>): 25 a page by default, at most 100.</summary>
    private async Task ListMediaAsync(HttpContext context)
    {
        var media = InstagramMedia
            .Select(m => (Id: m.Key, Caption: m.Value, At: InstagramPublishedAt.GetValueOrDefault(m.Key)))
            .OrderByDescending(m => m.At).ThenByDescending(m => m.Id, StringComparer.Ordinal)
            .ToList();
        await PageAsync(context, media, 100,
            m => new { id = m.Id, caption = m.Caption, timestamp = GraphTime(m.At), permalink = $"https://www.instagram.com/p/{m.Id}/" }, $"{InstagramAccountId}/media");
    }

    private async Task PageAsync<T>(HttpContext context, List<T> all, int maxLimit, Func<T, object> shape, string path)
    {
        var limit = int.TryParse(context.Request.Query["limit"], out var l) ? l : 25;
        if (limit < 1 || limit > maxLimit)
        {
            await Error(context, 400, 100, null, $"(#100) The parameter limit must be between 1 and {maxLimit}");
            return;
        }

        var start = 0;
        var after = context.Request.Query["after"].ToString();
        var bytes = new byte[after.Length];
        if (after.Length > 0 && !(Convert.TryFromBase64String(after, bytes, out var read)
                                  && int.TryParse(System.Text.Encoding.UTF8.GetString(bytes, 0, read), out start) && start >= 0))
        {
            await Error(context, 400, 100, null, "(#100) Invalid cursor");
            return;
        }

        var page = all.Skip(start).Take(limit).ToList();
        var end = start + page.Count;
        var cursor = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(end.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var first = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(start.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        object paging = end < all.Count
            ? new { cursors = new { before = first, after = cursor }, next = $"{BaseUrl}/{path}?limit={limit}&after={cursor}" }
            : new { cursors = new { before = first, after = cursor } };
        await context.Response.WriteAsJsonAsync(new { data = page.Select(shape), paging });
    }

    private static string GraphTime(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", System.Globalization.CultureInfo.InvariantCulture);

    private async Task ReadObjectAsync(HttpContext context, string id)
    {
        if (Containers.TryGetValue(id, out var container))
        {
            lock (container)
            {
                container.Refresh(ContainerProcessing);
            }

            await context.Response.WriteAsJsonAsync(new { id, status_code = container.Status });
            return;
        }

        if (FacebookPosts.ContainsKey(id))
        {
            await context.Response.WriteAsJsonAsync(new { id, permalink_url = $"https://www.facebook.com/{id}" });
            return;
        }

        if (InstagramMedia.ContainsKey(id))
        {
            await context.Response.WriteAsJsonAsync(new { id, permalink = $"https://www.instagram.com/p/{id}/" });
            return;
        }

        await Error(context, 400, 100, 33, "Object does not exist");
    }

    private int QuotaUsage() => InstagramPublishedAt.Values.Count(at => at > DateTimeOffset.UtcNow.AddDays(-1));

    private string NextId() => Interlocked.Increment(ref _ids).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Task Error(HttpContext context, int status, int code, int? subcode, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new
        {
            error = new { message, type = "OAuthException", code, error_subcode = subcode, error_user_title = (string?)null, error_user_msg = message, is_transient = false, fbtrace_id = "fake" },
        });
    }

    private static bool IsJpeg(byte[] b) => b.Length > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF;

    private static bool IsPng(byte[] b) => b.Length > 8 && b[0] == 0x89 && b[1] == 0x50 && b[2] == 0x4E && b[3] == 0x47;

    /// <summary>Reads width and height from a JPEG's SOF marker; null when the bytes are not a JPEG.</summary>
    public static (int Width, int Height)? JpegSize(byte[] b)
    {
        if (!IsJpeg(b))
        {
            return null;
        }

        var i = 2;
        while (i + 9 < b.Length)
        {
            if (b[i] != 0xFF)
            {
                return null;
            }

            var marker = b[i + 1];
            var length = (b[i + 2] << 8) | b[i + 3];
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return ((b[i + 7] << 8) | b[i + 8], (b[i + 5] << 8) | b[i + 6]);
            }

            i += 2 + length;
        }

        return null;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex(@"(?<!\w)#\w+")]
    private static partial Regex HashtagPattern();

    [GeneratedRegex(@"(?<!\w)@\w+")]
    private static partial Regex MentionPattern();

    public sealed record FacebookPost(string Id, string Message, DateTimeOffset CreatedAt, string? PhotoId, int Edits = 0)
    {
        public IReadOnlyList<string> AttachedPhotos { get; init; } = [];
    }

    private sealed record Injection(
        string PathContains, int Status, object? Error, bool AfterApplying, IReadOnlyDictionary<string, string>? Headers, TimeSpan? Delay)
    {
        public bool Html { get; init; }
    }

    public sealed class Container(string id, string caption, int width, int height)
    {
        public string Id { get; } = id;

        public string Caption { get; } = caption;

        public int Width { get; } = width;

        public int Height { get; } = height;

        public string Status { get; set; } = "IN_PROGRESS";

        public string? MediaId { get; set; }

        public bool Rejected { get; set; }

        public string? AltText { get; set; }

        /// <summary>Made with <c>is_carousel_item=true</c>: only a carousel container may carry it.</summary>
        public bool IsCarouselItem { get; init; }

        /// <summary>A carousel container's children, in order; null for a single photo.</summary>
        public IReadOnlyList<string>? Children { get; init; }

        public DateTimeOffset CreatedAt { get; } = DateTimeOffset.UtcNow;

        /// <summary>A container is processed in the background: FINISHED once its processing time has passed.</summary>
        public void Refresh(TimeSpan processing)
        {
            if (Status == "IN_PROGRESS" && DateTimeOffset.UtcNow - CreatedAt >= processing)
            {
                Status = "FINISHED";
            }
        }
    }
}
