using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;
using TrainingApi.Tests.Infrastructure.Contract;

namespace TrainingApi.Tests.Common.OpenApi;

/// <summary>
/// The check every test host runs on every answer (<see cref="ContractConformance"/>) refuses what the contract does not
/// declare: an API made to answer outside its contract fails the call that got the answer, naming the departure.
/// </summary>
public sealed class ContractConformanceTests(ContractConformanceTests.DepartingApi api) : IClassFixture<ContractConformanceTests.DepartingApi>
{
    /// <summary>
    /// The API with a middleware inside the check that bends the answer a request asks it to (<c>X-Test-Bend</c>): an undeclared
    /// header, an undeclared status, or a body that breaks its schema.
    /// </summary>
    public sealed class DepartingApi : ApiFactory
    {
        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IStartupFilter, Bender>();

        private sealed class Bender : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use(async (context, inner) =>
                {
                    var bend = context.Request.Headers["X-Test-Bend"].ToString();
                    if (bend == "header")
                    {
                        context.Response.OnStarting(() =>
                        {
                            context.Response.Headers["X-Undeclared"] = "1";
                            return Task.CompletedTask;
                        });
                    }

                    if (bend is "body" or "status")
                    {
                        // The answer is held back, then sent bent: a programme without its title (its schema requires one),
                        // or under a status nobody declared.
                        var original = context.Response.Body;
                        using var buffer = new MemoryStream();
                        context.Response.Body = buffer;
                        await inner(context);
                        context.Response.Body = original;
                        var text = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
                        if (bend == "body")
                        {
                            text = text.Replace("\"title\":", "\"name\":", StringComparison.Ordinal);
                        }
                        else
                        {
                            context.Response.StatusCode = StatusCodes.Status418ImATeapot;
                        }

                        context.Response.ContentLength = null;
                        await context.Response.WriteAsync(text);
                        return;
                    }

                    await inner(context);
                });
                next(app);
            };
        }
    }

    [Theory]
    [InlineData("header", "header X-Undeclared is sent on 200 but not declared")]
    [InlineData("body", "does not match its schema")]
    public async Task An_answer_outside_the_contract_fails_the_call(string bend, string departure)
    {
        var client = api.ClientAs(Roles.ProgrammeTeam);
        var created = await (await client.PostJsonAsync("/api/v1/programmes", new { title = "Program do zgięcia", slug = Features.Curriculum.CurriculumSteps.UniqueSlug() })).ShouldBeAsync<ProgrammeView>(HttpStatusCode.Created);

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/programmes/{created.Id}");
        request.Headers.Add("X-Test-Bend", bend);
        var failure = await Record.ExceptionAsync(() => client.SendAsync(request));

        Assert.NotNull(failure);
        Assert.Contains("GetProgramme", Messages(failure), StringComparison.Ordinal);
        Assert.Contains(departure, Messages(failure), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_undeclared_status_fails_the_call()
    {
        var client = api.ClientAs(Roles.ProgrammeTeam);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/programmes") { Content = HttpExtensions.JsonBody("{\"title\":\"Program z czajnikiem\"}") };
        request.Headers.Add("X-Test-Bend", "status");

        // The programme is created, but its 201 goes out as a 418, which CreateProgramme does not declare.
        var failure = await Record.ExceptionAsync(() => client.SendAsync(request));

        Assert.NotNull(failure);
        Assert.Contains("CreateProgramme", Messages(failure), StringComparison.Ordinal);
        Assert.Contains("status 418 is not declared", Messages(failure), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_within_the_contract_passes()
    {
        var client = api.ClientAs(Roles.ProgrammeTeam);
        var created = await (await client.PostJsonAsync("/api/v1/programmes", new { title = "Program prosty" })).ShouldBeAsync<ProgrammeView>(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/programmes/{created.Id}")).StatusCode);
    }

    private static string Messages(Exception? e)
    {
        var messages = new List<string>();
        for (; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }
}
