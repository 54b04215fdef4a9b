using System.Linq.Expressions;
using Jishi.App.Accounts;
using Jishi.App.Cases;
using Jishi.App.Disposals;
using Jishi.App.LostContacts;
using Jishi.App.Members;
using Jishi.App.Mobility;
using Jishi.App.Procedures;
using Jishi.App.Transfers;
using Jishi.Domain.Accounts;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Jishi.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Jishi.App.Data;

/// <summary>
/// The database. Provider-specific subclasses (<see cref="SqliteJishiDbContext"/>, <see cref="PostgresJishiDbContext"/>)
/// carry their own migrations. Every scoped entity is filtered by the caller's organisation subtree here, and every
/// save is checked against the caller here, so that no endpoint, page or command can forget it.
/// </summary>
public abstract class JishiDbContext(DbContextOptions options, CallerScope scope) : DbContext(options)
{
    public DbSet<Organisation> Orgs => Set<Organisation>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Sanction> Sanctions => Set<Sanction>();

    public DbSet<User> Users => Set<User>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<CalendarYearRecord> CalendarYears => Set<CalendarYearRecord>();

    public DbSet<CaseRecord> Cases => Set<CaseRecord>();

    public DbSet<CaseEventRecord> CaseEvents => Set<CaseEventRecord>();

    public DbSet<CaseDeadlineRecord> CaseDeadlines => Set<CaseDeadlineRecord>();

    public DbSet<AdmissionFormSerialRecord> AdmissionFormSerials => Set<AdmissionFormSerialRecord>();

    public DbSet<AdmissionFormBatchRecord> AdmissionFormBatches => Set<AdmissionFormBatchRecord>();

    public DbSet<CaseAttachmentRecord> CaseAttachments => Set<CaseAttachmentRecord>();

    public DbSet<ProcedureRecord> Procedures => Set<ProcedureRecord>();

    public DbSet<ProcedureEventRecord> ProcedureEvents => Set<ProcedureEventRecord>();

    public DbSet<TransferRecord> Transfers => Set<TransferRecord>();

    public DbSet<MobilityRecord> Mobility => Set<MobilityRecord>();

    public DbSet<LostContactRecord> LostContacts => Set<LostContactRecord>();

    public DbSet<DisposalRecord> Disposals => Set<DisposalRecord>();

    public DbSet<MembershipChangeRecord> MemberHistory => Set<MembershipChangeRecord>();

    public DbSet<Dues.DuesAssessmentRecord> DuesAssessments => Set<Dues.DuesAssessmentRecord>();

    public DbSet<Dues.DuesPaymentRecord> DuesPayments => Set<Dues.DuesPaymentRecord>();

    public DbSet<Dues.DuesPaidMonthsRecord> DuesPaidMonths => Set<Dues.DuesPaidMonthsRecord>();

    public DbSet<OrgLife.MeetingRecord> Meetings => Set<OrgLife.MeetingRecord>();

    public DbSet<OrgLife.LapseExemptionRecord> LapseExemptions => Set<OrgLife.LapseExemptionRecord>();

    public DbSet<OrgLife.AppraisalRecord> Appraisals => Set<OrgLife.AppraisalRecord>();

    public DbSet<OrgLife.TrainingRecord> Training => Set<OrgLife.TrainingRecord>();

    public DbSet<OrgLife.PartySpiritAnalysisRecord> PartySpiritAnalyses => Set<OrgLife.PartySpiritAnalysisRecord>();

    public DbSet<OrgLife.PartySpiritParticipationRecord> PartySpiritParticipations => Set<OrgLife.PartySpiritParticipationRecord>();

    public DbSet<Dues.DuesLedgerEntryRecord> DuesLedger => Set<Dues.DuesLedgerEntryRecord>();

    public DbSet<Dues.DuesYearReportRecord> DuesYearReports => Set<Dues.DuesYearReportRecord>();

    public Caller Caller => scope.Current;

    /// <summary>Rows whose write a use case has authorised by the procedure it records (the receiving committee of a
    /// transfer moves a member it could not reach before): their scope check is the procedure's.</summary>
    private readonly HashSet<object> authorised = new(ReferenceEqualityComparer.Instance);

    /// <summary>Marks <paramref name="entity"/> as written under the authority of a procedure step that the use case
    /// has checked against the caller (e.g. acceptance of a transfer by the receiving side).</summary>
    public void Authorise(object entity) => authorised.Add(entity);

    // Read by the query filters below; EF Core re-evaluates them for every query of this context instance.
    private string? ScopeFrom => scope.Current.ScopePath;

    private string? ScopeTo => scope.Current.ScopePath is { } p ? Organisation.SubtreeUpperBound(p) : null;

    /// <summary>
    /// The scope filter of an entity whose organisation path is <paramref name="path"/> (and, for a record two
    /// organisations share, <paramref name="other"/>): everything when the caller is unscoped, else in scope when a path
    /// lies in the ordinal range [scope, scope-with-last-'/'-as-'0'), which uses the path index. Built as the compiler
    /// builds a lambda that reads this context's members, so EF Core evaluates the scope per query.
    /// </summary>
    private LambdaExpression ScopeFilter(LambdaExpression path, LambdaExpression? other)
    {
        var context = Expression.Constant(this, typeof(JishiDbContext));
        var from = Expression.Property(context, nameof(ScopeFrom));
        var to = Expression.Property(context, nameof(ScopeTo));
        var compare = typeof(string).GetMethod(nameof(string.CompareTo), [typeof(string)])!;
        var zero = Expression.Constant(0);
        var nothing = Expression.Constant(null, typeof(string));
        Expression InRange(Expression p) => Expression.AndAlso(
            Expression.GreaterThanOrEqual(Expression.Call(p, compare, from), zero),
            Expression.LessThan(Expression.Call(p, compare, to), zero));
        Expression inScope = InRange(path.Body);
        if (other is not null)
        {
            var otherBody = new ParameterRewriter(other.Parameters[0], path.Parameters[0]).Visit(other.Body);
            inScope = Expression.OrElse(inScope, Expression.AndAlso(Expression.NotEqual(otherBody, nothing), InRange(otherBody)));
        }

        return Expression.Lambda(Expression.OrElse(Expression.Equal(from, nothing), inScope), path.Parameters);
    }

    private sealed class ParameterRewriter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    /// <summary>Path columns compare ordinally (PostgreSQL: collation "C") so that subtree ranges use the index.</summary>
    protected virtual void ConfigurePath<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<T> path)
    {
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Organisation>(e =>
        {
            e.ToTable("orgs");
            e.HasKey(o => o.Id);
            e.Property(o => o.Id).HasMaxLength(20);
            e.Property(o => o.ParentId).HasMaxLength(20);
            e.Property(o => o.Name).HasMaxLength(200);
            ConfigurePath(e.Property(o => o.Path).HasMaxLength(800));
            e.HasIndex(o => o.Path).IsUnique();
            e.HasIndex(o => o.ParentId);
        });

        modelBuilder.Entity<Person>(e =>
        {
            e.ToTable("people");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasMaxLength(20);
            e.Property(p => p.OrgId).HasMaxLength(20);
            e.Property(p => p.Name).HasMaxLength(100);
            e.Property(p => p.IdNumber).HasMaxLength(18);
            e.HasIndex(p => p.IdNumber).IsUnique();
            ConfigurePath(e.Property(p => p.OrgPath).HasMaxLength(800));
            e.HasIndex(p => p.OrgPath);
            e.HasIndex(p => p.Name);
            foreach (var name in new[] { nameof(Person.Ethnicity), nameof(Person.Phone) })
            {
                e.Property(name).HasMaxLength(40);
            }

            foreach (var name in new[]
                     {
                         nameof(Person.UnitName), nameof(Person.HukouLocation), nameof(Person.Residence),
                         nameof(Person.OutflowPlace), nameof(Person.InflowPlace),
                     })
            {
                e.Property(name).HasMaxLength(200);
            }
        });

        modelBuilder.Entity<Member>(e =>
        {
            e.ToTable("members");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).HasMaxLength(20);
            e.Property(m => m.PersonId).HasMaxLength(20);
            e.Property(m => m.OrgId).HasMaxLength(20);
            ConfigurePath(e.Property(m => m.OrgPath).HasMaxLength(800));
            e.HasIndex(m => m.PersonId).IsUnique();
            e.Property(m => m.Name).HasMaxLength(100);
            e.Property(m => m.GraduationOrgId).HasMaxLength(20);
            e.HasIndex(m => new { m.OrgPath, m.Name });
            e.HasIndex(m => m.OrgPath);
            e.HasIndex(m => m.OrgId);
            e.HasMany(m => m.Sanctions).WithOne().HasForeignKey(s => s.MemberId);
            e.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrgId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Sanction>(e =>
        {
            e.ToTable("sanctions");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).HasMaxLength(20);
            e.Property(s => s.MemberId).HasMaxLength(20);
            e.Property(s => s.MatterRef).HasMaxLength(100);
            e.Ignore(s => s.EffectEndDate);
        });

        modelBuilder.Entity<User>(e =>
        {
            e.ToTable("users");
            e.HasKey(u => u.Id);
            e.Property(u => u.Id).HasMaxLength(20);
            e.Property(u => u.UserName).HasMaxLength(64);
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.Property(u => u.OrgId).HasMaxLength(20);
            e.Property(u => u.PasswordHash).HasMaxLength(200);
            e.HasIndex(u => u.UserName).IsUnique();
        });

        modelBuilder.Entity<ApiToken>(e =>
        {
            e.ToTable("api_tokens");
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).HasMaxLength(20);
            e.Property(t => t.UserId).HasMaxLength(20);
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.Property(t => t.Prefix).HasMaxLength(16);
            e.Property(t => t.Label).HasMaxLength(100);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasIndex(t => t.UserId);
        });

        modelBuilder.Entity<CaseRecord>(e =>
        {
            e.ToTable("cases");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(20);
            e.Property(c => c.PersonId).HasMaxLength(20);
            e.Property(c => c.OrgId).HasMaxLength(20);
            e.Property(c => c.PersonName).HasMaxLength(100);
            e.Property(c => c.HeadHash).HasMaxLength(64);
            e.Property(c => c.Version).IsConcurrencyToken();
            ConfigurePath(e.Property(c => c.OrgPath).HasMaxLength(800));
            e.HasIndex(c => new { c.OrgPath, c.Stage, c.Status });
            e.HasIndex(c => c.PersonId);
            e.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrgId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<CaseEventRecord>(e =>
        {
            e.ToTable("case_events");
            e.HasKey(x => new { x.CaseId, x.Seq });
            e.Property(x => x.CaseId).HasMaxLength(20);
            e.Property(x => x.RecordedBy).HasMaxLength(20);
            e.Property(x => x.RecordedByName).HasMaxLength(100);
            e.Property(x => x.PrevHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasOne<CaseRecord>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<CaseDeadlineRecord>(e =>
        {
            e.ToTable("case_deadlines");
            e.HasKey(x => new { x.CaseId, x.Rule });
            e.Property(x => x.CaseId).HasMaxLength(20);
            e.Property(x => x.Rule).HasMaxLength(60);
            e.Property(x => x.Kind).HasDefaultValue(Domain.Procedures.ProcedureKind.DevelopmentCase).HasSentinel((Domain.Procedures.ProcedureKind)(-1));
            ConfigurePath(e.Property(x => x.OrgPath).HasMaxLength(800));
            e.HasIndex(x => new { x.OrgPath, x.DueDate });
            e.HasIndex(x => x.DueDate);
        });

        modelBuilder.Entity<AdmissionFormSerialRecord>(e =>
        {
            e.ToTable("admission_form_serials");
            e.HasKey(x => x.Serial);
            e.Property(x => x.Serial).HasMaxLength(40);
            e.Property(x => x.CaseId).HasMaxLength(20);
            e.Property(x => x.OrgId).HasMaxLength(20);
            e.Property(x => x.BatchId).HasMaxLength(20);
            e.Property(x => x.VoidReason).HasMaxLength(200);
            e.Property(x => x.State).IsConcurrencyToken(); // an issue and a void of one serial cannot both win
            ConfigurePath(e.Property(x => x.OrgPath).HasMaxLength(800));
            e.HasIndex(x => new { x.OrgPath, x.State });
            e.HasIndex(x => x.CaseId);
        });

        modelBuilder.Entity<AdmissionFormBatchRecord>(e =>
        {
            e.ToTable("admission_form_batches");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(20);
            e.Property(x => x.OrgId).HasMaxLength(20);
            e.Property(x => x.First).HasMaxLength(40);
            e.Property(x => x.Last).HasMaxLength(40);
            e.Property(x => x.Note).HasMaxLength(200);
            e.Property(x => x.RecordedBy).HasMaxLength(20);
            ConfigurePath(e.Property(x => x.OrgPath).HasMaxLength(800));
            e.HasIndex(x => x.OrgPath);
        });

        modelBuilder.Entity<CaseAttachmentRecord>(e =>
        {
            e.ToTable("case_attachments");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(20);
            e.Property(x => x.CaseId).HasMaxLength(20);
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.ContentType).HasMaxLength(40);
            e.HasIndex(x => new { x.CaseId, x.Seq }).IsUnique();
            e.HasIndex(x => x.Sha256);
            e.HasOne<CaseEventRecord>().WithOne().HasForeignKey<CaseAttachmentRecord>(x => new { x.CaseId, x.Seq })
                .OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ProcedureRecord>(e =>
        {
            e.ToTable("procedures");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(20);
            e.Property(x => x.MemberId).HasMaxLength(20);
            e.Property(x => x.PersonId).HasMaxLength(20);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.OrgId).HasMaxLength(20);
            e.Property(x => x.CounterpartOrgId).HasMaxLength(20);
            e.Property(x => x.State).HasMaxLength(40);
            e.Property(x => x.HeadHash).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
            ConfigurePath(e.Property(x => x.OrgPath).HasMaxLength(800));
            ConfigurePath(e.Property(x => x.CounterpartOrgPath).HasMaxLength(800));
            e.HasIndex(x => new { x.Kind, x.OrgPath });
            e.HasIndex(x => new { x.Kind, x.CounterpartOrgPath });
            e.HasIndex(x => x.MemberId);
        });

        modelBuilder.Entity<ProcedureEventRecord>(e =>
        {
            e.ToTable("procedure_events");
            e.HasKey(x => new { x.ProcedureId, x.Seq });
            e.Property(x => x.ProcedureId).HasMaxLength(20);
            e.Property(x => x.Type).HasMaxLength(40);
            e.Property(x => x.RecordedBy).HasMaxLength(40);
            e.Property(x => x.RecordedByName).HasMaxLength(100);
            e.Property(x => x.RulesVersion).HasMaxLength(20);
            e.Property(x => x.PrevHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasOne<ProcedureRecord>().WithMany().HasForeignKey(x => x.ProcedureId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<TransferRecord>(e =>
        {
            e.ToTable("transfers");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(20);
            e.Property(x => x.MemberId).HasMaxLength(20);
            e.Property(x => x.MemberName).HasMaxLength(100);
            e.Property(x => x.Serial).HasMaxLength(40);
            e.Property(x => x.Reason).HasMaxLength(200);
            e.Property(x => x.IssuingOrgId).HasMaxLength(20);
            e.Property(x => x.FromOrgId).HasMaxLength(20);
            e.Property(x => x.ToOrgId).HasMaxLength(20);
            e.Property(x => x.ToOrgName).HasMaxLength(200);
            e.Property(x => x.DuesPaidThrough).HasMaxLength(7);
            ConfigurePath(e.Property(x => x.IssuingOrgPath).HasMaxLength(800));
            ConfigurePath(e.Property(x => x.ToOrgPath).HasMaxLength(800));
            e.HasIndex(x => new { x.IssuingOrgId, x.SerialYear, x.SerialNo }).IsUnique();
            e.HasIndex(x => new { x.IssuingOrgPath, x.State });
            e.HasIndex(x => new { x.ToOrgPath, x.State });
            e.HasIndex(x => new { x.MemberId, x.IsOpen });
            e.HasOne<ProcedureRecord>().WithOne().HasForeignKey<TransferRecord>(x => x.Id).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<MobilityRecord>(e =>
        {
            e.ToTable("mobility");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(20);
            e.Property(x => x.MemberId).HasMaxLength(20);
            e.Property(x => x.MemberName).HasMaxLength(100);
            e.Property(x => x.FormalOrgId).HasMaxLength(20);
            e.Property(x => x.InflowOrgId).HasMaxLength(20);
            e.Property(x => x.InflowOrgName).HasMaxLength(200);
            e.Property(x => x.Destination).HasMaxLength(200);
            e.Property(x => x.Reason).HasMaxLength(200);
            e.Property(x => x.Phone).HasMaxLength(40);
            e.Property(x => x.ActivityCardNo).HasMaxLength(40);
            ConfigurePath(e.Property(x => x.FormalOrgPath).HasMaxLength(800));
            ConfigurePath(e.Property(x => x.InflowOrgPath).HasMaxLength(800));
            e.HasIndex(x => new { x.FormalOrgPath, x.IsOpen });
            e.HasIndex(x => new { x.InflowOrgPath, x.IsOpen });
            e.HasIndex(x => new { x.MemberId, x.IsOpen });
            e.HasOne<ProcedureRecord>().WithOne().HasForeignKey<MobilityRecord>(x => x.Id).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<LostContactRecord>(e =>
        {
            e.ToTable("lost_contacts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(20);
            e.Property(x => x.MemberId).HasMaxLength(20);
            e.Property(x => x.MemberName).HasMaxLength(100);
            e.Property(x => x.OrgId).HasMaxLength(20);
            ConfigurePath(e.Property(x => x.OrgPath).HasMaxLength(800));
            e.HasIndex(x => new { x.OrgPath, x.IsOpen });
            e.HasIndex(x => new { x.MemberId, x.IsOpen });
            e.HasOne<ProcedureRecord>().WithOne().HasForeignKey<LostContactRecord>(x => x.Id).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<DisposalRecord>(e =>
        {
            e.ToTable("disposals");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(20);
            e.Property(x => x.MemberId).HasMaxLength(20);
            e.Property(x => x.PersonId).HasMaxLength(20);
            e.Property(x => x.MemberName).HasMaxLength(100);
            e.Property(x => x.OrgId).HasMaxLength(20);
            e.Property(x => x.MatterRef).HasMaxLength(100);
            ConfigurePath(e.Property(x => x.OrgPath).HasMaxLength(800));
            e.HasIndex(x => new { x.OrgPath, x.IsOpen });
            e.HasIndex(x => new { x.MemberId, x.IsOpen });
            e.HasIndex(x => x.PersonId);
            e.HasOne<ProcedureRecord>().WithOne().HasForeignKey<DisposalRecord>(x => x.Id).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<MembershipChangeRecord>(e =>
        {
            e.ToTable("member_history");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(20);
            e.Property(x => x.MemberId).HasMaxLength(20);
            e.Property(x => x.OrgId).HasMaxLength(20);
            e.Property(x => x.Detail).HasMaxLength(400);
            e.Property(x => x.ProcedureId).HasMaxLength(20);
            ConfigurePath(e.Property(x => x.OrgPath).HasMaxLength(800));
            e.HasIndex(x => new { x.MemberId, x.Date });
            e.HasIndex(x => new { x.OrgId, x.Change, x.Date });
            e.HasIndex(x => new { x.OrgPath, x.Date });
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Dues.DuesAssessmentRecord>(e =>
        {
            e.ToTable("dues_assessments");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(20);
            e.Property(x => x.MemberId).HasMaxLength(20);
            e.Property(x => x.OrgId).HasMaxLength(20);
            e.Property(x => x.FromMonth).HasMaxLength(7);
            e.Property(x => x.ReliefApprovedByOrgId).HasMaxLength(20);
            e.Property(x => x.RecordedBy).HasMaxLength(40);
            foreach (var money in new[] { nameof(Dues.DuesAssessmentRecord.Base), nameof(Dues.DuesAssessmentRecord.StandardAmount),
                         nameof(Dues.DuesAssessmentRecord.MonthlyAmount), nameof(Dues.DuesAssessmentRecord.ReliefAmount) })
            {
                e.Property(money).HasPrecision(12, 2);
            }

            e.Property(x => x.Rate).HasPrecision(6, 4);
            e.Ignore(x => x.From);
            ConfigurePath(e.Property(x => x.OrgPath).HasMaxLength(800));
            e.HasIndex(x => new { x.MemberId, x.FromMonth }).IsUnique();
            e.HasIndex(x => x.OrgPath);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<OrgLife.MeetingRecord>(e =>
        {
            e.ToTable("meetings");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(20);
            e.Property(x => x.OrgId).HasMaxLength(20);
            e.Property(x => x.Combines).HasMaxLength(400);
            e.Property(x => x.Place).HasMaxLength(100);
            e.Property(x => x.RecordedBy).HasMaxLength(40);
            ConfigurePath(e.Property(x => x.OrgPath).HasMaxLength(800));
            e.HasIndex(x => new { x.OrgPath, x.Date });
            e.HasIndex(x => new { x.OrgId, x.Date });
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrgId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<OrgLife.MeetingAttendanceRecord>(e =>
        {
            e.ToTable("meeting_attendance");
            e.HasKey(x => new { x.MeetingId, x.MemberId });
            e.Property(x => x.MeetingId).HasMaxLength(20);
            e.Property(x => x.MemberId).HasMaxLength(20);
            e.Property(x => x.MemberName).HasMaxLength(100);
            e.Property(x => x.Reason).HasMaxLength(200);
            e.HasIndex(x => x.MemberId);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<OrgLife.LapseExemptionRecord>(e =>
        {
            e.ToTable("lapse_exemptions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(20);
            e.Property(x => x.MemberId).HasMaxLength(20);
            e.Property(x => x.FromMonth).HasMaxLength(7);
            e.Property(x => x.ToMonth).HasMaxLength(7);
            e.Property(x => x.Reason).HasMaxLength(200);
            e.Property(x => x.RecordedBy).HasMaxLength(40);
            ConfigurePath(e.Property(x => x.OrgPath).HasMaxLength(800));
            e.HasIndex(x => x.MemberId);
            e.HasIndex(x => x.OrgPath);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<OrgLife.AppraisalRecord>(e =>
        {
            e.ToTable("appraisals");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(20);
            e.Property(x => x.OrgId).HasMaxLength(20);
            e.Property(x => x.DecidedAtMeetingId).HasMaxLength(20);
            e.Property(x => x.RecordedBy).HasMaxLength(40);
            ConfigurePath(e.Property(x => x.OrgPath).HasMaxLength(800));
            e.HasIndex(x => new { x.OrgId, x.Year }).IsUnique();
            e.HasIndex(x => x.OrgPath);
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrgId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<OrgLife.MeetingRecord>().WithMany().HasForeignKey(x => x.DecidedAtMeetingId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Grades).WithOne().HasForeignKey(g => g.AppraisalId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<OrgLife.AppraisalGradeRecord>(e =>
        {
            e.ToTable("appraisal_grades");
            e.HasKey(x => new { x.AppraisalId, x.MemberId });
            e.Property(x => x.AppraisalId).HasMaxLength(20);
            e.Property(x => x.MemberId).HasMaxLength(20);
            e.Property(x => x.MemberName).HasMaxLength(100);
            e.HasIndex(x => x.MemberId);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<OrgLife.TrainingRecord>(e =>
        {
            e.ToTable("member_training");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(20);
            e.Property(x => x.MemberId).HasMaxLength(20);
            e.Property(x => x.Subject).HasMaxLength(200);
            e.Property(x => x.Hours).HasPrecision(6, 1);
            e.Property(x => x.RecordedBy).HasMaxLength(40);
            ConfigurePath(e.Property(x => x.OrgPath).HasMaxLength(800));
            e.HasIndex(x => new { x.MemberId, x.Date });
            e.HasIndex(x => new { x.OrgPath, x.Date });
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<OrgLife.PartySpiritAnalysisRecord>(e =>
        {
            e.ToTable("party_spirit_analyses");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(20);
            e.Property(x => x.OrgId).HasMaxLength(20);
            e.Property(x => x.Theme).HasMaxLength(200);
            e.Property(x => x.RecordedBy).HasMaxLength(40);
            ConfigurePath(e.Property(x => x.OrgPath).HasMaxLength(800));
            e.HasIndex(x => x.OrgPath);
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrgId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<OrgLife.PartySpiritParticipationRecord>(e =>
        {
            e.ToTable("party_spirit_participations");
            e.HasKey(x => new { x.AnalysisId, x.MemberId });
            e.Property(x => x.AnalysisId).HasMaxLength(20);
            e.Property(x => x.MemberId).HasMaxLength(20);
            e.Property(x => x.MemberName).HasMaxLength(100);
            e.Property(x => x.RecordedBy).HasMaxLength(40);
            ConfigurePath(e.Property(x => x.OrgPath).HasMaxLength(800));
            e.HasIndex(x => x.MemberId);
            e.HasIndex(x => x.OrgPath);
            e.HasOne<OrgLife.PartySpiritAnalysisRecord>().WithMany().HasForeignKey(x => x.AnalysisId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Dues.DuesPaidMonthsRecord>(e =>
        {
            e.ToTable("dues_paid_months");
            e.HasKey(x => x.MemberId);
            e.Property(x => x.MemberId).HasMaxLength(20);
            e.Property(x => x.LastPaymentId).HasMaxLength(20).IsConcurrencyToken();
            e.HasOne<Member>().WithOne().HasForeignKey<Dues.DuesPaidMonthsRecord>(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Dues.DuesPaymentRecord>(e =>
        {
            e.ToTable("dues_payments");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(20);
            e.Property(x => x.Receipt).HasMaxLength(20);
            e.Property(x => x.MemberId).HasMaxLength(20);
            e.Property(x => x.MemberName).HasMaxLength(100);
            e.Property(x => x.OrgId).HasMaxLength(20);
            e.Property(x => x.CoversFrom).HasMaxLength(7);
            e.Property(x => x.CoversTo).HasMaxLength(7);
            e.Property(x => x.PayerName).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(400);
            e.Property(x => x.ReversesPaymentId).HasMaxLength(20);
            e.Property(x => x.RecordedBy).HasMaxLength(40);
            foreach (var money in new[] { nameof(Dues.DuesPaymentRecord.Amount), nameof(Dues.DuesPaymentRecord.DueAmount),
                         nameof(Dues.DuesPaymentRecord.VoluntaryExtra) })
            {
                e.Property(money).HasPrecision(12, 2);
            }

            e.Ignore(x => x.Months);
            ConfigurePath(e.Property(x => x.OrgPath).HasMaxLength(800));
            e.HasIndex(x => new { x.OrgId, x.ReceiptYear, x.ReceiptNo }).IsUnique();
            e.HasIndex(x => x.ReversesPaymentId).IsUnique();
            e.HasIndex(x => new { x.MemberId, x.CoversFrom });
            e.HasIndex(x => new { x.OrgPath, x.PaidDate });
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Dues.DuesLedgerEntryRecord>(e =>
        {
            e.ToTable("dues_ledger");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(20);
            e.Property(x => x.OrgId).HasMaxLength(20);
            e.Property(x => x.CounterpartOrgId).HasMaxLength(20);
            e.Property(x => x.Item).HasMaxLength(200);
            e.Property(x => x.Voucher).HasMaxLength(40);
            e.Property(x => x.ReversesEntryId).HasMaxLength(20);
            e.Property(x => x.RecordedBy).HasMaxLength(40);
            e.Property(x => x.Amount).HasPrecision(14, 2);
            ConfigurePath(e.Property(x => x.OrgPath).HasMaxLength(800));
            ConfigurePath(e.Property(x => x.CounterpartOrgPath).HasMaxLength(800));
            e.HasIndex(x => new { x.OrgId, x.Date });
            e.HasIndex(x => new { x.CounterpartOrgId, x.Date });
            e.HasIndex(x => x.ReversesEntryId).IsUnique();
            e.HasIndex(x => x.OrgPath);
        });

        modelBuilder.Entity<Dues.DuesYearReportRecord>(e =>
        {
            e.ToTable("dues_year_reports");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(20);
            e.Property(x => x.OrgId).HasMaxLength(20);
            e.Property(x => x.Note).HasMaxLength(400);
            e.Property(x => x.RecordedBy).HasMaxLength(40);
            foreach (var money in new[] { nameof(Dues.DuesYearReportRecord.Opening), nameof(Dues.DuesYearReportRecord.Collected),
                         nameof(Dues.DuesYearReportRecord.Interest), nameof(Dues.DuesYearReportRecord.ReceivedFromBelow),
                         nameof(Dues.DuesYearReportRecord.ReceivedFromAbove), nameof(Dues.DuesYearReportRecord.Remitted),
                         nameof(Dues.DuesYearReportRecord.Allocated), nameof(Dues.DuesYearReportRecord.Spent),
                         nameof(Dues.DuesYearReportRecord.Closing) })
            {
                e.Property(money).HasPrecision(14, 2);
            }

            ConfigurePath(e.Property(x => x.OrgPath).HasMaxLength(800));
            e.HasIndex(x => new { x.OrgId, x.Year, x.Kind }).IsUnique();
            e.HasIndex(x => x.OrgPath);
        });

        modelBuilder.Entity<CalendarYearRecord>(e =>
        {
            e.ToTable("calendar_years");
            e.HasKey(c => c.Year);
            e.Property(c => c.Year).ValueGeneratedNever();
            e.Property(c => c.Source).HasMaxLength(400);
        });

        // Every entity declares its scope (EntityScopes); the read filter is derived from the declaration.
        foreach (var type in modelBuilder.Model.GetEntityTypes().Select(t => t.ClrType).ToList())
        {
            var declared = EntityScopes.Of(type);
            if (declared.Paths.Count > 0)
            {
                modelBuilder.Entity(type).HasQueryFilter(ScopeFilter(declared.Paths[0].Read, declared.Paths.ElementAtOrDefault(1)?.Read));
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        CheckCallerMayWrite();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        CheckCallerMayWrite();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// A Viewer may not change any record of the organisation tree (403), and nobody may write a record that lies
    /// outside their subtree (404, as if it did not exist).
    /// </summary>
    private void CheckCallerMayWrite()
    {
        var caller = scope.Current;
        if (!ChangeTracker.HasChanges())
        {
            return;
        }

        // Changes are detected once (above); parents are then looked up in the identity map without detecting again.
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            CheckEntries(caller);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private void CheckEntries(Caller caller)
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (authorised.Contains(entry.Entity))
            {
                EnsureCallerCanWrite();
                continue;
            }

            var paths = ScopedPaths(entry);
            if (paths is null)
            {
                continue;
            }

            EnsureCallerCanWrite();

            if (caller.ScopePath is { } scopePath && !paths.Any(p => p.StartsWith(scopePath, StringComparison.Ordinal)))
            {
                throw new NotFoundException(entry.Metadata.ClrType.Name,
                    entry.Property(entry.Metadata.FindPrimaryKey()!.Properties[0].Name).CurrentValue as string);
            }
        }
    }

    /// <summary>403 for a Viewer: called by every save, and by bulk updates that bypass the change tracker.</summary>
    public void EnsureCallerCanWrite()
    {
        if (!scope.Current.CanWrite)
        {
            throw new ForbiddenException("只读用户（Viewer）不能修改记录");
        }
    }

    /// <summary>The paths a written row is judged by (null: not organisation data), from its declared scope: where it
    /// was before the change (a caller may hand a record over to an organisation outside its scope — a transfer), or,
    /// for a new row, where it is; a parent-scoped row by its parent in this unit of work.</summary>
    private string[]? ScopedPaths(EntityEntry entry)
    {
        var declared = EntityScopes.Of(entry.Metadata.ClrType);
        return declared.IsScoped ? JudgedPaths(entry, declared) : null;
    }

    private string[] JudgedPaths(EntityEntry entry, EntityScope declared)
    {
        if (declared.Parent is { } parent && parent.FindTracked(this, entry.Entity) is { } parentEntry)
        {
            return JudgedPaths(parentEntry, EntityScopes.Of(parent.Type));
        }

        return declared.Paths.Count == 0 ? [""] : [.. declared.Paths.Select(p => Before(entry, p.Property))];
    }

    private static string Before(EntityEntry entry, string property) =>
        (entry.State == EntityState.Added ? entry.Property(property).CurrentValue : entry.Property(property).OriginalValue) as string ?? "";
}

/// <summary>
/// SQLite allows one writer at a time. When two connections write at once the second gets SQLITE_BUSY, and
/// Microsoft.Data.Sqlite retries it after sleeping (150 ms a time), so a few concurrent writers turn milliseconds
/// into hundreds of milliseconds. Saves of this process therefore queue for the database in order, without sleeping;
/// a save inside an explicit transaction (which may already hold the database) and writers in other processes still
/// rely on SQLite's own locking.
/// </summary>
public sealed class SqliteJishiDbContext(DbContextOptions<SqliteJishiDbContext> options, CallerScope scope)
    : JishiDbContext(options, scope)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Writers = new(StringComparer.Ordinal);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Database.CurrentTransaction is not null)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        var writer = Writer();
        writer.Wait();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            writer.Release();
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var writer = Writer();
        await writer.WaitAsync(cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            writer.Release();
        }
    }

    private SemaphoreSlim Writer() => Writers.GetOrAdd(Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
}

public sealed class PostgresJishiDbContext(DbContextOptions<PostgresJishiDbContext> options, CallerScope scope)
    : JishiDbContext(options, scope)
{
    protected override void ConfigurePath<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<T> path) =>
        path.UseCollation("C");
}
