using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security.ApiKeys;
using TrainingApi.Common.Startup;
using TrainingApi.Features.Consultations.Organisations;

namespace TrainingApi.Features.Consultations;

/// <summary>
/// Gives ZMP an API key the first time demo data loads and prints it once (only its hash is stored), so a
/// newcomer can act as ZMP's system from Swagger UI.
/// </summary>
public sealed class ConsultationsDemoData(TrainingDb db, IMediator mediator) : IDemoData
{
    public int Order => 20;

    public async Task LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        if (await db.Set<ApiKey>().AnyAsync(k => k.OrganisationId == SeededOrganisations.Zmp, ct))
        {
            return;
        }

        var issued = await mediator.Send(new IssueApiKey.Command(SeededOrganisations.Zmp, "Demo: system uwag ZMP", null), ct);
        await Console.Out.WriteLineAsync(
            $"Demo API key of Związek Miast Polskich (shown once; send it as X-Api-Key): {issued.Secret}");
    }
}
