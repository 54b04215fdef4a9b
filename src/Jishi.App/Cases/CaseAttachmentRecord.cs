using Jishi.Domain.Development;

namespace Jishi.App.Cases;

/// <summary>
/// A document attached to a case (API.md "Documents and the electronic archive"): the metadata of the stored file,
/// written in the same transaction as the <see cref="CaseEventType.AttachmentAdded"/> event (<see cref="Seq"/>) whose
/// data carries the file's SHA-256 digest. The bytes live in content-addressed storage and never change.
/// </summary>
public sealed class CaseAttachmentRecord
{
    public required string Id { get; init; }

    public required string CaseId { get; init; }

    /// <summary>The sequence number of the AttachmentAdded event that recorded the file.</summary>
    public int Seq { get; init; }

    /// <summary>The step the document belongs to, when the uploader named one.</summary>
    public int? AttachedToSeq { get; init; }

    public DocumentType DocumentType { get; init; }

    public required string FileName { get; init; }

    public long Size { get; init; }

    public required string Sha256 { get; init; }

    public required string ContentType { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
