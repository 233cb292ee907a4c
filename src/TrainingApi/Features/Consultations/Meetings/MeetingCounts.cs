using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Consultations.Submissions;

namespace TrainingApi.Features.Consultations.Meetings;

public static class MeetingCounts
{
    public static async Task<Dictionary<Guid, int>> CommentsGatheredAsync(TrainingDb db, IReadOnlyCollection<Guid> meetingIds, CancellationToken ct) =>
        await db.Set<Submission>().AsNoTracking().Where(s => s.MeetingId != null && meetingIds.Contains(s.MeetingId.Value))
            .GroupBy(s => s.MeetingId!.Value).Select(g => new { g.Key, Count = g.Sum(s => s.CommentCount) })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>Representatives registered per meeting: the places taken.</summary>
    public static async Task<Dictionary<Guid, int>> RegisteredAsync(TrainingDb db, IReadOnlyCollection<Guid> meetingIds, CancellationToken ct) =>
        await db.Set<Registrations.MeetingRepresentative>().AsNoTracking().Where(p => meetingIds.Contains(p.MeetingId))
            .GroupBy(p => p.MeetingId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>One meeting's view with both of its counts, as every single-meeting answer shows it.</summary>
    public static async Task<MeetingView> ViewAsync(TrainingDb db, ConsultationMeeting meeting, CancellationToken ct)
    {
        var gathered = await CommentsGatheredAsync(db, [meeting.Id], ct);
        var registered = await RegisteredAsync(db, [meeting.Id], ct);
        return MeetingView.From(meeting, gathered.GetValueOrDefault(meeting.Id), registered.GetValueOrDefault(meeting.Id));
    }
}
