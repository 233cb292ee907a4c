namespace TrainingApi.Common.Security;

/// <summary>
/// Whether a TERYT code names a local-government unit, answered by the slice that ships the register, so that
/// authentication can refuse a coordinator token for a unit that does not exist without Common knowing a feature.
/// </summary>
public interface IJstDirectory
{
    bool Exists(string teryt);
}
