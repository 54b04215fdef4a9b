using System.Security.Cryptography;

namespace Jishi.App;

/// <summary>
/// Opaque ids: 20 characters of lowercase Crockford base32 — 48 bits of milliseconds (so ids sort by creation)
/// and 52 random bits. Never contain '/', so they can be joined into materialised paths.
/// </summary>
public static class Ids
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string New(TimeProvider time)
    {
        var ms = (ulong)time.GetUtcNow().ToUnixTimeMilliseconds() & 0xFFFF_FFFF_FFFFUL;
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        var rnd = BitConverter.ToUInt64(random) & 0xF_FFFF_FFFF_FFFFUL; // 52 bits
        Span<char> chars = stackalloc char[20];
        // 48 + 52 = 100 bits = 20 base32 characters.
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(ms & 31)];
            ms >>= 5;
        }

        for (var i = 19; i >= 10; i--)
        {
            chars[i] = Alphabet[(int)(rnd & 31)];
            rnd >>= 5;
        }

        return new string(chars);
    }
}
