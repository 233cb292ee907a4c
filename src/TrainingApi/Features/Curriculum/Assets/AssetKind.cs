namespace TrainingApi.Features.Curriculum.Assets;

/// <summary>An image is shown in the text (<c>![alt](assets/…)</c>); an attachment is linked and downloaded (<c>[text](assets/…)</c>).</summary>
public enum AssetKind
{
    Image,
    Attachment,
}
