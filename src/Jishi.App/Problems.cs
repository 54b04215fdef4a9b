namespace Jishi.App;

/// <summary>The resource does not exist, or lies outside the caller's scope (answered alike: 404).</summary>
public sealed class NotFoundException(string resource, string? id, string? field = null)
    : Exception($"{resource} {id} 不存在或不在您的权限范围内")
{
    public string Resource { get; } = resource;

    public string? Id { get; } = id;

    /// <summary>The request field that named the missing resource, when it came from the body.</summary>
    public string? Field { get; } = field;
}

/// <summary>A duplicate (with the id of the record that exists) or a version conflict: 409.</summary>
public sealed class ConflictException(string message, string? existingId = null) : Exception(message)
{
    public string? ExistingId { get; } = existingId;
}

/// <summary>The caller is known but may not do this (a Viewer writing, a Manager administering users): 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
