using Jishi.App.Accounts;

namespace Jishi.Web.Security;

/// <summary>A Viewer writing through the API is answered 403 before anything else is looked at.</summary>
public static class ViewerWrites
{
    public static async ValueTask<object?> Refuse(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && http.RequestServices.GetRequiredService<CallerScope>().Current is { CanWrite: false })
        {
            return Results.Problem(statusCode: 403, title: "无权执行此操作", detail: "只读用户（Viewer）不能修改记录");
        }

        return await next(context);
    }
}
