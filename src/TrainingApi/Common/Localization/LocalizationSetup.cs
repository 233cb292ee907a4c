using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Localization;

namespace TrainingApi.Common.Localization;

public static class LocalizationSetup
{
    private static readonly CultureInfo[] Supported = [new("en"), new("pl")];

    public static IServiceCollection AddApiLocalization(this IServiceCollection services)
    {
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = Supported;
            o.SupportedUICultures = Supported;
            // Only Accept-Language: a query string or cookie would make responses vary on more than the header.
            o.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
            // Content-Language is set by ResponseHeadersMiddleware when the response starts, so that it survives the
            // exception handler, which clears headers set before a throw.
            o.ApplyCurrentCultureToResponseHeaders = false;
        });

        // FluentValidation ships Polish messages and picks them from CurrentUICulture. Property names are
        // reported as the JSON member names (camelCase) so that the message and the `errors` key agree.
        ValidatorOptions.Global.DisplayNameResolver = (_, member, expression) =>
            member is not null ? JsonNames.CamelCase(member.Name) : null;
        ValidatorOptions.Global.PropertyNameResolver = (_, member, expression) =>
            member is not null ? JsonNames.CamelCase(member.Name) : null;
        return services;
    }
}
