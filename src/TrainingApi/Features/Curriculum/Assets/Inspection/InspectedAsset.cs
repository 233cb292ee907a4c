namespace TrainingApi.Features.Curriculum.Assets.Inspection;

/// <summary>
/// An upload that passed inspection: its format as recognised from the bytes, and the bytes to store (images re-encoded or
/// re-serialised without metadata, so no EXIF, GPS or hidden payload survives; attachments as uploaded).
/// </summary>
public sealed record InspectedAsset(AssetFormat Format, byte[] Bytes, int? Width, int? Height);
