namespace Jishi.Web.Components;

/// <summary>How a server-rendered page answers besides its body.</summary>
public static class PageResponses
{
    /// <summary>
    /// Answers 404 with the page's own message: the status is set as the response starts, because a page that sets 404
    /// while rendering is not written out (the status code pages would take the body).
    /// </summary>
    public static void RespondNotFound(this HttpContext http) => http.Response.OnStarting(() =>
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    });
}
