# The API as a container image. Build: docker build -t trainingapi .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY src/TrainingApi/TrainingApi.csproj src/TrainingApi/
RUN dotnet restore src/TrainingApi/TrainingApi.csproj -r linux-x64
COPY src/ src/
RUN dotnet publish src/TrainingApi/TrainingApi.csproj -c Release -r linux-x64 -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
# In Development the API keeps its generated signing and encryption keys in .local/; the non-root user must own it.
RUN mkdir -p /app/.local && chown "$APP_UID" /app/.local
USER $APP_UID
# `dotnet TrainingApi.dll migrate` applies migrations and exits (run it once per deployment).
ENTRYPOINT ["dotnet", "TrainingApi.dll"]
