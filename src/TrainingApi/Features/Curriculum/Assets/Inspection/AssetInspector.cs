namespace TrainingApi.Features.Curriculum.Assets.Inspection;

/// <summary>Recognises an upload from its bytes and refuses what the store must not hold (413, 415 or 422 problems).</summary>
public static class AssetInspector
{
    public static InspectedAsset Inspect(byte[] upload, AssetLimits limits) => throw new NotImplementedException();
}
