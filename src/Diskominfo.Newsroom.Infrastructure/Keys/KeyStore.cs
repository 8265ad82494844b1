using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Infrastructure.Keys;

/// <summary>
/// The keys folder (<see cref="KeyStoreOptions"/>): the certificate that encrypts everything in it (configured, or
/// generated once as <c>key-ring.pfx</c>), the Data Protection key ring (<c>data-protection/</c>) and the named secret keys
/// (<c>{name}.key</c>, each encrypted with the certificate's RSA key). Outside Development the site refuses to start
/// when the folder lies inside the data folder or anyone but the owner may read it or a file in it.
/// Keys left by earlier versions in the data folder (<c>{DataDir}/keys</c>) are moved here, encrypted, on first start.
/// With <c>Newsroom:Keys:Store</c> = <c>Database</c> the key ring and the secret keys are rows of the site's database
/// instead (<see cref="KeysDbContext"/>), sealed the same way with the configured certificate, which every node must share.
/// </summary>
internal sealed partial class KeyStore(
    IOptions<KeyStoreOptions> options,
    IOptions<DataDirectoryOptions> dataDir,
    IHostEnvironment environment,
    TimeProvider clock,
    IServiceScopeFactory scopes,
    ILoggerFactory loggers) : ISecretKeys
{
    public const string GeneratedCertificateFile = "key-ring.pfx";
    public const string KeyRingFolder = "data-protection";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, SecretKey> _secrets = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggers.CreateLogger<KeyStore>();
    private X509Certificate2? _certificate;
    private System.Runtime.ExceptionServices.ExceptionDispatchInfo? _failure;
    private bool _ready;

    public string Directory => options.Value.Directory;

    /// <summary>Whether the keys are kept in the site's database (several nodes) rather than the keys folder.</summary>
    public bool InDatabase => options.Value.Store == KeyStoreKind.Database;

    public string KeyRingDirectory => Path.Combine(Directory, KeyRingFolder);

    /// <summary>The certificate protecting the key ring and the key files (after <see cref="EnsureReady"/>).</summary>
    public X509Certificate2 Certificate
    {
        get
        {
            EnsureReady();
            return _certificate!;
        }
    }

    /// <summary>
    /// Checks where the keys are and who may read them, creates the folder and the certificate when missing, and moves
    /// keys of earlier versions out of the data folder. Idempotent; the first call does the work.
    /// </summary>
    public void EnsureReady()
    {
        lock (_lock)
        {
            // A refusal stands: whoever asks next (Data Protection, a request) is refused too, never served.
            _failure?.Throw();
            if (_ready)
            {
                return;
            }

            try
            {
                Prepare();
                _ready = true;
            }
            catch (Exception e) when (e is StartupRefusedException or IOException or UnauthorizedAccessException or CryptographicException)
            {
                _failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
                throw;
            }
        }
    }

    private void Prepare()
    {
        var settings = options.Value;
        var data = dataDir.Value.Path;
        var strict = !environment.IsDevelopment();
        var misplaced = new List<string>();
        if (KeyFiles.IsInside(settings.Directory, data))
        {
            misplaced.Add($"folder kunci {settings.Directory}");
        }

        if (settings.Certificate is { } configured && KeyFiles.IsInside(configured, data))
        {
            misplaced.Add($"sertifikat {configured}");
        }

        if (misplaced.Count > 0)
        {
            Refuse(strict,
                $"Situs tidak dijalankan: {string.Join(" dan ", misplaced)} berada di dalam folder data ({data}). Simpan kunci di luar folder data " +
                $"(Newsroom:Keys:Directory, Newsroom:Keys:Certificate) agar salinan data tidak membawa kuncinya. " +
                $"The site will not start: the keys are inside the data folder.");
        }

        if (InDatabase)
        {
            if (settings.Certificate is null)
            {
                // Refused in Development too: a certificate generated on one node could not open what another node stored.
                LogRefused(_logger, "Newsroom:Keys:Store is Database but Newsroom:Keys:Certificate is not set");
                throw new StartupRefusedException(
                    "Situs tidak dijalankan: Newsroom:Keys:Store = Database (kunci disimpan di basis data untuk beberapa node) memerlukan " +
                    "sertifikat kunci yang sama di setiap node. Atur Newsroom:Keys:Certificate (berkas .pfx dengan kunci privat RSA) dan " +
                    "Newsroom:Keys:CertificatePassword, lalu salin berkas yang sama ke setiap node. " +
                    "The site will not start: Newsroom:Keys:Store is Database but Newsroom:Keys:Certificate is not set.");
            }

            _certificate = LoadCertificate(settings);
            CheckPermissions(settings, strict);
            return;
        }

        KeyFiles.CreateFolder(settings.Directory);
        KeyFiles.CreateFolder(KeyRingDirectory);
        _certificate = LoadCertificate(settings);
        new LegacyKeyImport(this, _certificate, data, _logger).Run();
        CheckPermissions(settings, strict);
    }

    /// <inheritdoc />
    public SecretKey Get(string name)
    {
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException("A key name is letters, digits and dashes.", nameof(name));
        }

        EnsureReady();
        lock (_lock)
        {
            if (_secrets.TryGetValue(name, out var known))
            {
                return known;
            }

            var key = InDatabase ? GetFromDatabase(name) : GetFromFolder(name);
            _secrets[name] = key;
            return key;
        }
    }

    private SecretKey GetFromFolder(string name)
    {
        var path = Path.Combine(Directory, name + ".key");
        if (!File.Exists(path))
        {
            var created = new SecretKey(RandomNumberGenerator.GetBytes(64), clock.GetUtcNow());
            if (KeyFiles.TryCreate(path, Seal(created)))
            {
                LogKeyCreated(_logger, name, path);
            }
        }

        return Open(File.ReadAllBytes(path), $"Berkas kunci {path}");
    }

    /// <summary>
    /// The key's row in <c>keys_secret</c>, made once across the nodes: each node that finds none inserts its own if
    /// none is there yet (the name is the key), then every node reads back the one row that won.
    /// </summary>
    private SecretKey GetFromDatabase(string name)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KeysDbContext>();
        var stored = db.SecretKeys.AsNoTracking().Where(k => k.Name == name).Select(k => k.Sealed).SingleOrDefault();
        if (stored is null)
        {
            var created = System.Text.Encoding.UTF8.GetString(Seal(new SecretKey(RandomNumberGenerator.GetBytes(64), clock.GetUtcNow())));
            if (db.Database.ExecuteSql($"INSERT INTO keys_secret (\"Name\", \"Sealed\") VALUES ({name}, {created}) ON CONFLICT (\"Name\") DO NOTHING") == 1)
            {
                LogKeyCreated(_logger, name, "keys_secret");
            }

            stored = db.SecretKeys.AsNoTracking().Where(k => k.Name == name).Select(k => k.Sealed).Single();
        }

        return Open(System.Text.Encoding.UTF8.GetBytes(stored), $"Kunci {name} di basis data (keys_secret)");
    }

    /// <summary>Stores a key handed over from an earlier version; false when one of that name is already kept.</summary>
    internal bool Import(string name, byte[] bytes)
        => KeyFiles.TryCreate(Path.Combine(Directory, name + ".key"), Seal(new SecretKey(bytes, clock.GetUtcNow())));

    /// <summary>A key file: JSON with the certificate's thumbprint and the creation time and key, encrypted with RSA-OAEP-SHA256.</summary>
    private byte[] Seal(SecretKey key)
    {
        var plain = new byte[8 + key.Bytes.Length];
        BinaryPrimitives.WriteInt64BigEndian(plain, key.CreatedAt.UtcTicks);
        key.Bytes.CopyTo(plain, 8);
        var certificate = _certificate!;
        using var rsa = certificate.GetRSAPublicKey()!;
        var file = new KeyFile(1, certificate.Thumbprint, Convert.ToBase64String(rsa.Encrypt(plain, RSAEncryptionPadding.OaepSHA256)));
        CryptographicOperations.ZeroMemory(plain);
        return JsonSerializer.SerializeToUtf8Bytes(file);
    }

    private SecretKey Open(byte[] sealedKey, string source)
    {
        var file = JsonSerializer.Deserialize<KeyFile>(sealedKey)
            ?? throw new StartupRefusedException($"{source} rusak. The key {source} is damaged.");
        if (!string.Equals(file.Certificate, _certificate!.Thumbprint, StringComparison.OrdinalIgnoreCase))
        {
            var nodes = InDatabase ? " Setiap node harus memakai berkas sertifikat yang sama." : "";
            throw new StartupRefusedException(
                $"{source} dienkripsi dengan sertifikat lain ({file.Certificate}), bukan {_certificate.Thumbprint}: pasang sertifikat yang benar " +
                $"(Newsroom:Keys:Certificate).{nodes} The key ({source}) was encrypted with another certificate.");
        }

        using var rsa = _certificate.GetRSAPrivateKey()!;
        var plain = rsa.Decrypt(Convert.FromBase64String(file.Secret), RSAEncryptionPadding.OaepSHA256);
        var created = new DateTimeOffset(BinaryPrimitives.ReadInt64BigEndian(plain), TimeSpan.Zero);
        var key = new SecretKey(plain[8..], created);
        CryptographicOperations.ZeroMemory(plain);
        return key;
    }

    private X509Certificate2 LoadCertificate(KeyStoreOptions settings)
    {
        var path = settings.Certificate ?? Path.Combine(settings.Directory, GeneratedCertificateFile);
        if (settings.Certificate is null && !File.Exists(path))
        {
            using var rsa = RSA.Create(3072);
            var request = new CertificateRequest("CN=Diskominfo Newsroom key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
            var now = clock.GetUtcNow();
            using var generated = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
            if (KeyFiles.TryCreate(path, generated.Export(X509ContentType.Pkcs12)))
            {
                LogCertificateCreated(_logger, path);
            }
        }

        if (!File.Exists(path))
        {
            throw new StartupRefusedException(
                $"Situs tidak dijalankan: sertifikat kunci {path} (Newsroom:Keys:Certificate) tidak ada. The site will not start: the key-ring certificate {path} is missing.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, settings.CertificatePassword, X509KeyStorageFlags.DefaultKeySet);
        }
        catch (CryptographicException e)
        {
            throw new StartupRefusedException(
                $"Situs tidak dijalankan: sertifikat kunci {path} tidak dapat dibuka ({e.Message}); periksa Newsroom:Keys:CertificatePassword. " +
                $"The site will not start: the key-ring certificate cannot be opened.", e);
        }

        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
        {
            certificate.Dispose();
            throw new StartupRefusedException(
                $"Situs tidak dijalankan: sertifikat kunci {path} harus sertifikat RSA beserta kunci privatnya. The site will not start: the key-ring certificate needs an RSA private key.");
        }

        return certificate;
    }

    private void CheckPermissions(KeyStoreOptions settings, bool strict)
    {
        var open = new List<string>();
        var folders = InDatabase ? [] : new[] { settings.Directory, KeyRingDirectory };
        foreach (var folder in folders)
        {
            if (KeyFiles.IsOpenToOthers(folder))
            {
                open.Add($"{folder} ({KeyFiles.Describe(folder)}, harus 0700)");
            }
        }

        var files = InDatabase ? [] : System.IO.Directory.EnumerateFiles(settings.Directory, "*", SearchOption.AllDirectories).ToList();
        if (settings.Certificate is { } certificate)
        {
            files.Add(certificate);
        }

        open.AddRange(files.Where(KeyFiles.IsOpenToOthers).Select(f => $"{f} ({KeyFiles.Describe(f)}, harus 0600)"));
        if (open.Count > 0)
        {
            Refuse(strict,
                $"Situs tidak dijalankan: kunci dapat dibaca selain oleh pemiliknya: {string.Join("; ", open)}. Perbaiki dengan chmod 700 untuk folder dan " +
                $"chmod 600 untuk berkas. The site will not start: key files are readable by others.");
        }
    }

    private void Refuse(bool strict, string message)
    {
        if (strict)
        {
            LogRefused(_logger, message);
            throw new StartupRefusedException(message);
        }

        LogUnsafeInDevelopment(_logger, message);
    }

    private sealed record KeyFile(int Version, string Certificate, string Secret);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated the key-ring certificate {Path}")]
    private static partial void LogCertificateCreated(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated the secret key {Name} in {Path}")]
    private static partial void LogKeyCreated(ILogger logger, string name, string path);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Message}")]
    private static partial void LogRefused(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Accepted in Development only: {Message}")]
    private static partial void LogUnsafeInDevelopment(ILogger logger, string message);
}
