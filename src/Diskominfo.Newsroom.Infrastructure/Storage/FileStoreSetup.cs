using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Diskominfo.Newsroom.Infrastructure.Storage;

public static class FileStoreSetup
{
    /// <summary>The file store chosen by <c>Newsroom:Storage:Provider</c>, and the start-up check of its settings.</summary>
    public static IServiceCollection AddNewsroomFileStore(this IServiceCollection services)
    {
        services.AddOptions<FileStoreOptions>().BindConfiguration(FileStoreOptions.Section);
        services.AddSingleton<LocalFileStore>();
        services.AddSingleton<IFileStore>(sp => sp.GetRequiredService<IOptions<FileStoreOptions>>().Value.UsesS3
            ? ActivatorUtilities.CreateInstance<S3FileStore>(sp)
            : sp.GetRequiredService<LocalFileStore>());
        services.AddSingleton<IStartupTask, FileStoreCheck>();
        return services;
    }

    /// <summary>
    /// A stored file as the response: from its path on this node (the data folder, or on S3 the node-local copy) with
    /// range requests and the entity tag; null when there is no such file.
    /// </summary>
    public static async Task<IResult?> FileResultAsync(
        this IFileStore store, string key, string contentType, string? downloadName, EntityTagHeaderValue? entityTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var path = await store.LocalPathAsync(key, cancellationToken);
        return path is null ? null : Results.File(path, contentType, downloadName, enableRangeProcessing: true, entityTag: entityTag);
    }
}

/// <summary>At start-up: bad storage settings, or an object store that does not answer, stop the start with the reason.</summary>
internal sealed class FileStoreCheck(IOptions<FileStoreOptions> options, IServiceProvider services) : IStartupTask
{
    public int Order => -100;

    public async Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        if (options.Value.Problem() is { } problem)
        {
            throw new StartupRefusedException(problem);
        }

        if (services.GetRequiredService<IFileStore>() is S3FileStore s3)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(30));
            string? failure;
            try
            {
                failure = await s3.ProbeAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = "tidak menjawab dalam 30 detik";
            }

            if (failure is not null)
            {
                throw new StartupRefusedException(
                    $"Situs tidak dijalankan: penyimpanan berkas S3 ({options.Value.S3.ServiceUrl}, bucket '{s3.Bucket}') tidak dapat dipakai: {failure}. " +
                    "Periksa Newsroom:Storage:S3:ServiceUrl, Bucket, AccessKey dan SecretKey.");
            }
        }
    }
}
