using TrainingApi.Common.OpenApi;

namespace TrainingApi.Common.PersonalData;

/// <summary>The RODO use cases: export, erasure and retention over every registered <see cref="IPersonalDataHolder"/>.</summary>
public static class PersonalDataEndpoints
{
    public const string Tag = "Personal data";

    public static IServiceCollection AddPersonalData(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddApiTag(Tag, "RODO (GDPR) rights over officials' personal data held in every area: an export for a person or for oneself, " +
                            "erasure on request (audited, values never copied), and erasure of all of it after the retention date.")
            .Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.Section))
            .AddHostedService<PersonalDataRetention>();

    public static void MapPersonalData(this IEndpointRouteBuilder app)
    {
        ExportMyPersonalData.Map(app.MapGroup("/api/v1/me").WithTags(Tag));
        var personalData = app.MapGroup("/api/v1/personal-data").WithTags(Tag);
        ExportPersonData.Map(personalData);
        ErasePerson.Map(personalData);
    }
}
