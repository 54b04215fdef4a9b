using System.Text.Json;
using Jishi.App;
using Jishi.Domain.Rules;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Jishi.Web.Api;

/// <summary>
/// The one mapping from outcomes to RFC 9457 problem details: invalid input 400 (field named), not found or outside
/// scope 404, forbidden 403, duplicate or version conflict 409 (with <c>existingId</c>), refused by rules 422 (every
/// refusal, with rule id, severity, article and message). Anything else is a 500 and is logged.
/// </summary>
public sealed class Problems(ILogger<Problems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? 500;
        await httpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), (JsonSerializerOptions?)null,
            "application/problem+json", cancellationToken);
        return true;
    }

    public static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        InvalidInputException e => Invalid(e.Errors),
        RuleViolationException e => Refused(e.Refusals),
        NotFoundException e => NotFound(e),
        ConflictException e => Conflict(e),
        Documents.PrinterUnavailableException e => new ProblemDetails
        {
            Status = 503,
            Title = "无法生成 PDF",
            Detail = e.Message,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        },
        ForbiddenException e => new ProblemDetails
        {
            Status = 403,
            Title = "无权执行此操作",
            Detail = e.Message,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        },
        BadHttpRequestException e => BadRequest(e),
        JsonException e => Invalid([new FieldError(FieldOf(e.Path), JsonMessage(e))]),
        _ => null,
    };

    public static ProblemDetails Invalid(IEnumerable<FieldError> errors) => new HttpValidationProblemDetails(
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
    {
        Status = 400,
        Title = "输入有误",
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
    };

    public static ProblemDetails Refused(IReadOnlyList<Refusal> refusals)
    {
        var problem = new ProblemDetails
        {
            Status = 422,
            Title = "不符合规定，操作未执行",
            Detail = string.Join("；", refusals.Select(r => $"{r.Article}：{r.Message}")),
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        };
        problem.Extensions["refusals"] = refusals.Select(r => new
        {
            rule = r.Rule,
            severity = r.Severity.ToString(),
            article = r.Article,
            message = r.Message,
        }).ToArray();
        return problem;
    }

    private static ProblemDetails NotFound(NotFoundException e)
    {
        var problem = new ProblemDetails
        {
            Status = 404,
            Title = "未找到",
            Detail = e.Message,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        };
        if (e.Field is not null)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [e.Field] = [e.Message] };
        }

        return problem;
    }

    private static ProblemDetails Conflict(ConflictException e)
    {
        var problem = new ProblemDetails
        {
            Status = 409,
            Title = "冲突",
            Detail = e.Message,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        };
        if (e.ExistingId is not null)
        {
            problem.Extensions["existingId"] = e.ExistingId;
        }

        return problem;
    }

    /// <summary>Malformed JSON, a wrong type, an unknown enum value, a bad date, a bad route or query value.</summary>
    private static ProblemDetails BadRequest(BadHttpRequestException e)
    {
        if (e.InnerException is JsonException json)
        {
            return Invalid([new FieldError(FieldOf(json.Path), JsonMessage(json))]);
        }

        // e.g. 'Failed to bind parameter "int page" from "x".' / 'Required parameter "NewOrg input" was not provided from body.'
        var field = "request";
        var message = e.Message;
        var quoted = message.IndexOf('"', StringComparison.Ordinal);
        if (quoted >= 0 && message.IndexOf('"', quoted + 1) is var end and > 0)
        {
            var parameter = message[(quoted + 1)..end];
            field = parameter.Split(' ').Last();
        }

        if (message.Contains("body", StringComparison.OrdinalIgnoreCase)
            && (message.Contains("not provided", StringComparison.Ordinal) || message.Contains("no body", StringComparison.Ordinal)))
        {
            return Invalid([new FieldError("body", "缺少 JSON 请求体")]);
        }

        if (message.Contains("Content-Type", StringComparison.OrdinalIgnoreCase))
        {
            return Invalid([new FieldError("body", "请求体应为 JSON（Content-Type: application/json）")]);
        }

        if (message.StartsWith("Failed to bind parameter", StringComparison.Ordinal))
        {
            var kind = message.Contains("<int>", StringComparison.Ordinal) || message.Contains("\"int ", StringComparison.Ordinal) ? "整数"
                : message.Contains("bool", StringComparison.Ordinal) ? "true 或 false" : "有效值";
            return Invalid([new FieldError(field, $"应为{kind}")]);
        }

        return Invalid([new FieldError(field, $"值无效：{message}")]);
    }

    private static string FieldOf(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "body";
        }

        var path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        return path.Length == 0 ? "body" : char.ToLowerInvariant(path[0]) + path[1..];
    }

    private static string JsonMessage(JsonException e)
    {
        var path = e.Path;
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "请求体不是有效的 JSON";
        }

        // System.Text.Json: "The JSON value could not be converted to Jishi.Domain.Organisations.OrgType. Path: $.type …"
        var message = e.Message;
        var target = message.IndexOf("converted to ", StringComparison.Ordinal);
        if (target >= 0)
        {
            var rest = message[(target + "converted to ".Length)..];
            var pathAt = rest.IndexOf(". Path:", StringComparison.Ordinal);
            var typeName = (pathAt >= 0 ? rest[..pathAt] : rest).Trim();
            var type = ResolveType(typeName);

            // For constructor-bound records the message names the record; the path names its property.
            var property = path.Split('.').Last();
            var bracket = property.IndexOf('[', StringComparison.Ordinal);
            var isElement = bracket >= 0;
            property = isElement ? property[..bracket] : property;
            if (type?.GetProperty(property, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance
                    | System.Reflection.BindingFlags.IgnoreCase) is { } member)
            {
                type = member.PropertyType;
                if (isElement && type.IsGenericType)
                {
                    type = type.GetGenericArguments()[0];
                }
                else if (isElement && type.IsArray)
                {
                    type = type.GetElementType();
                }
            }

            if (type is not null && Nullable.GetUnderlyingType(type) is { } underlying)
            {
                type = underlying;
            }

            if (type is { IsEnum: true })
            {
                return $"不是有效值；应为 {string.Join("、", Enum.GetNames(type))} 之一";
            }

            if (type == typeof(DateOnly))
            {
                return "日期格式应为 YYYY-MM-DD，且为真实日期";
            }

            if (type == typeof(DateTimeOffset))
            {
                return "时间格式应为 ISO 8601 且带时区，例如 2026-06-01T09:00:00+08:00";
            }

            if (type == typeof(bool))
            {
                return "应为 true 或 false";
            }

            if (type == typeof(int) || type == typeof(long))
            {
                return "应为整数";
            }

            if (type == typeof(string))
            {
                return "应为字符串";
            }

            if (type is not null && type.IsAssignableTo(typeof(System.Collections.IEnumerable)))
            {
                return "应为数组";
            }

            return $"值的类型不正确（应为 {type?.Name ?? typeName}）";
        }

        return "JSON 格式错误：" + message.Split(" Path:")[0];
    }

    private static Type? ResolveType(string name)
    {
        if (name.StartsWith("System.Nullable`1[", StringComparison.Ordinal))
        {
            name = name["System.Nullable`1[".Length..].TrimEnd(']');
        }

        if (name.Contains('`', StringComparison.Ordinal))
        {
            return typeof(System.Collections.IEnumerable); // a generic collection such as List`1[…]
        }

        return Type.GetType(name)
            ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name)).FirstOrDefault(t => t is not null);
    }
}
