using System.Security.Cryptography;
using Jishi.Domain.Rules;

namespace Jishi.App.Cases;

/// <summary>
/// Content-addressed storage of attachment bytes under the data directory: <c>files/sha256/ab/cd/&lt;sha256&gt;</c>.
/// A file is written to a temporary file and moved into place; when the target exists its digest is verified instead
/// of rewriting it, so stored bytes never change.
/// </summary>
public static class AttachmentStore
{
    public const long MaxSize = 20L * 1024 * 1024;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The media type judged by the file's first bytes (never by its name or the declared type), or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith(Pdf) ? "application/pdf"
        : head.StartsWith(Png) ? "image/png"
        : head.StartsWith(Jpeg) ? "image/jpeg"
        : null;

    public static string PathOf(string dataDirectory, string sha256) =>
        Path.Combine(dataDirectory, "files", "sha256", sha256[..2], sha256[2..4], sha256);

    /// <summary>Copies <paramref name="content"/> to a temporary file while hashing it and checking its kind and size.
    /// Returns the temporary path, the digest, the size and the media type; throws 400 naming <c>file</c>.</summary>
    public static async Task<(string TempPath, string Sha256, long Size, string ContentType)> ReceiveAsync(string dataDirectory,
        Stream content, CancellationToken ct)
    {
        var tmpDir = Path.Combine(dataDirectory, "files", "tmp");
        Directory.CreateDirectory(tmpDir);
        var tmp = Path.Combine(tmpDir, Guid.NewGuid().ToString("N"));
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new byte[8];
            var headLength = 0;
            long size = 0;
            var buffer = new byte[81920];
            await using (var output = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > MaxSize)
                    {
                        throw new InvalidInputException("file", "文件超过 20 MiB");
                    }

                    if (headLength < head.Length)
                    {
                        var n = Math.Min(head.Length - headLength, read);
                        Array.Copy(buffer, 0, head, headLength, n);
                        headLength += n;
                    }

                    sha.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }

            if (size == 0)
            {
                throw new InvalidInputException("file", "文件为空");
            }

            var type = Sniff(head.AsSpan(0, headLength)) ?? throw new InvalidInputException("file", "文件内容不是 PDF、JPEG 或 PNG");
            return (tmp, Convert.ToHexStringLower(sha.GetHashAndReset()), size, type);
        }
        catch
        {
            File.Delete(tmp);
            throw;
        }
    }

    /// <summary>Moves the received temporary file to its content address, or, when a file is already stored there,
    /// verifies that file's digest and discards the temporary copy.</summary>
    public static async Task StoreAsync(string dataDirectory, string tempPath, string sha256, CancellationToken ct)
    {
        var target = PathOf(dataDirectory, sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!File.Exists(target))
        {
            try
            {
                File.Move(tempPath, target, overwrite: false);
                return;
            }
            catch (IOException) when (File.Exists(target))
            {
                // Another upload of the same bytes stored it first: verify that copy below.
            }
        }

        File.Delete(tempPath);
        if (await DigestAsync(target, ct) != sha256)
        {
            throw new InvalidOperationException($"已存储的文件 {target} 与其摘要不符：存储已被改动，请从备份恢复");
        }
    }

    public static async Task<string> DigestAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}
