using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment;

/// <summary>Recruitments filled to capacity with a waiting list, and the invariants of their places.</summary>
public static class OfferSteps
{
    /// <summary>All apply at once; the order of arrival is whatever PostgreSQL decided, read back from the positions.</summary>
    public static async Task<(RecruitmentView Recruitment, List<Application> Accepted, List<Application> Waiting)> FullAsync(
        ApiFactory api, int capacity, int waiting, int skip, DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null)
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: capacity, opensAt: opensAt, closesAt: closesAt);
        var responses = await Task.WhenAll(EnrollmentSteps.Gminas(capacity + waiting, skip).Select(t => EnrollmentSteps.ApplyAsync(api, recruitment.Id, t)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var rows = await ApplicationsAsync(api, recruitment.Id);
        return (recruitment, [.. rows.Where(a => a.Status == ApplicationStatus.Accepted)],
            [.. rows.Where(a => a.Status == ApplicationStatus.Waitlisted).OrderBy(a => a.WaitlistPosition)]);
    }

    public static async Task<List<Application>> ApplicationsAsync(ApiFactory api, Guid recruitmentId)
    {
        await using var db = api.Db();
        return await db.Context.Set<Application>().AsNoTracking().Where(a => a.RecruitmentId == recruitmentId).ToListAsync();
    }

    public static async Task<RecruitmentView> OffersAsync(ApiFactory api, Guid recruitmentId, int? hours) =>
        await (await api.ClientAs(Roles.ProgrammeTeam).PutJsonAsync($"/api/v1/recruitments/{recruitmentId}/waitlist-offers",
            new { validityHours = hours, reason = "Oferty z listy rezerwowej." })).ShouldBeAsync<RecruitmentView>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> RaiseAsync(ApiFactory api, Guid recruitmentId, int capacity) =>
        api.ClientAs(Roles.ProgrammeTeam).PutJsonAsync($"/api/v1/recruitments/{recruitmentId}/capacity", new { capacity, reason = "Dodatkowe środki." });

    /// <summary>
    /// The quota and the list, from the rows and from the counters: places held (accepted, offered, confirmed, completed)
    /// equal the counter and never exceed capacity; the waiting list is 1…n without gaps and matches its counter.
    /// </summary>
    public static async Task AssertPlacesExactAsync(ApiFactory api, Guid recruitmentId)
    {
        await using var db = api.Db();
        var recruitment = await db.Context.Set<Recruitment>().AsNoTracking().SingleAsync(r => r.Id == recruitmentId);
        var rows = await db.Context.Set<Application>().AsNoTracking().Where(a => a.RecruitmentId == recruitmentId).ToListAsync();
        var holding = rows.Count(a => a.Status is ApplicationStatus.Accepted or ApplicationStatus.Offered or ApplicationStatus.Confirmed or ApplicationStatus.Completed);
        Assert.Equal(recruitment.AcceptedCount, holding);
        Assert.True(holding <= recruitment.Capacity, $"{holding} places held of {recruitment.Capacity}");
        var positions = rows.Where(a => a.Status == ApplicationStatus.Waitlisted).Select(a => a.WaitlistPosition!.Value).Order().ToList();
        Assert.Equal(Enumerable.Range(1, positions.Count), positions);
        Assert.Equal(recruitment.WaitlistedCount, positions.Count);
    }

    /// <summary>Now, in whole milliseconds: PostgreSQL keeps microseconds, so times a test computes compare equal to those stored.</summary>
    public static DateTimeOffset Now()
    {
        var now = DateTimeOffset.UtcNow;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    public static OfferLapseSweeper Sweeper(ApiFactory api) => api.Services.GetRequiredService<OfferLapseSweeper>();
}
