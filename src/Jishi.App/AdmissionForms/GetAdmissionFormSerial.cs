using Jishi.App.Cases;
using Jishi.App.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.AdmissionForms;

public sealed class GetAdmissionFormSerial(JishiDbContext db)
{
    public async Task<AdmissionFormSerialRecord> Handle(string serial, CancellationToken ct = default) =>
        await db.AdmissionFormSerials.AsNoTracking().FirstOrDefaultAsync(x => x.Serial == serial, ct)
            ?? throw new NotFoundException("志愿书编号", serial);
}
