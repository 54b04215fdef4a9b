using Jishi.Domain.LostContacts;

namespace Jishi.App.LostContacts;

internal static class LostContactProjection
{
    public static void Update(LostContactRecord r, LostContactProgress p)
    {
        r.State = p.State;
        r.IsOpen = p.IsOpen;
        r.SearchCount = p.SearchCount;
        r.SuspendedDate = p.SuspendedDate;
        r.ClosedDate = p.ClosedDate;
    }
}
