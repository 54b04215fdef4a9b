using System.Security.Cryptography;
using System.Text;
using Jishi.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Jishi.App.Accounts;

internal static class Accounts
{
    public static readonly PasswordHasher<User> Hasher = new();

    public static string HashToken(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static void EnsureAdmin(Caller caller)
    {
        if (!caller.IsAdmin)
        {
            throw new ForbiddenException("只有管理员（Admin）可以管理用户和令牌");
        }
    }
}
