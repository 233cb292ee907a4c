namespace TrainingApi.Common.PersonalData;

/// <summary>The RODO use cases: export, erasure and retention over every registered <see cref="IPersonalDataHolder"/>.</summary>
public static class PersonalDataEndpoints
{
    public const string Tag = "Personal data";

    public static IServiceCollection AddPersonalData(this IServiceCollection services, IConfiguration configuration) =>
        services
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
