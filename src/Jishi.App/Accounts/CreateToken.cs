using System.Security.Cryptography;
using Jishi.App.Data;
using Jishi.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Accounts;

public sealed record IssuedToken(ApiToken Record, string Token);

/// <summary>Issues a bearer token for a user; only its SHA-256 digest is kept, the token is shown once.</summary>
public sealed class CreateToken(JishiDbContext db, TimeProvider time)
{
    public async Task<IssuedToken> Handle(string userId, string? label = null, CancellationToken ct = default)
    {
        if (db.Caller.UserId != userId)
        {
            Accounts.EnsureAdmin(db.Caller);
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw new NotFoundException("用户", userId);
        var token = "jsk_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var record = new ApiToken
        {
            Id = Ids.New(time),
            UserId = user.Id,
            TokenHash = Accounts.HashToken(token),
            Prefix = token[..10],
            Label = label,
            CreatedAt = time.GetUtcNow(),
        };
        db.ApiTokens.Add(record);
        await db.SaveChangesAsync(ct);
        return new IssuedToken(record, token);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
