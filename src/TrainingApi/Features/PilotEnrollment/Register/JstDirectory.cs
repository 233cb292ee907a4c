using TrainingApi.Common.Security;

namespace TrainingApi.Features.PilotEnrollment.Register;

public sealed class JstDirectory : IJstDirectory
{
    public bool Exists(string teryt) => JstRegister.Find(teryt) is not null;
}
