using Jishi.App.Data;
using Jishi.App.Demo;

namespace Jishi.Web;

/// <summary>
/// Tells a new user, on the console, where the app is and how to log in. The demo password is kept in the data
/// directory (demo-login.txt) so that it can be shown again on later starts.
/// </summary>
public static class DemoConsole
{
    public static void Announce(WebApplication app, DatabaseSettings database, DemoLogin? seeded)
    {
        var file = Path.Combine(database.DataDirectory, "demo-login.txt");
        if (seeded is not null)
        {
            File.WriteAllLines(file, [seeded.Password]);
        }

        var password = seeded?.Password ?? (File.Exists(file) ? File.ReadAllText(file).Trim() : null);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(" ", app.Urls);
            Console.WriteLine();
            Console.WriteLine("========================================================================");
            Console.WriteLine($" 纪实 Jishi 已启动：{urls}");
            Console.WriteLine($" 数据库：{database.Describe()}");
            if (password is not null)
            {
                Console.WriteLine($" 演示账户（密码均为 {password}）：");
                foreach (var (userName, description) in SeedDemo.Accounts)
                {
                    Console.WriteLine($"   {userName,-10} {description}");
                }

                Console.WriteLine($" 管理员登录：用户名 admin  密码 {password}");
            }
            else
            {
                Console.WriteLine(" 演示数据已存在；如忘记密码：dotnet run --project src/Jishi.Cli -- users set-password admin <新密码>");
            }

            Console.WriteLine("========================================================================");
        });
    }
}
