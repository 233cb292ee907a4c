using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace TrainingApi.Features.MaterialsHandover.Exports.Docx;

/// <summary>
/// The numbering part: real Word lists (a screen reader announces "list, 3 items"; typed bullets would be read as characters).
/// One bullet definition shared by every bulleted list, and one numbered definition of which each ordered list gets its own
/// instance starting again at its first number, so the second list of a section does not continue the first one's count.
/// Nine levels each, indented by depth.
/// </summary>
internal sealed class DocxNumbering
{
    private const int BulletDefinition = 1;
    private const int DecimalDefinition = 2;
    private const int BulletInstance = 1;

    // Each ordered list, in order of instance id: the level it sits at and the number it starts from.
    private readonly List<(int Level, int Start)> ordered = [];

    /// <summary>The instance every bulleted list uses (bullets have no count to restart).</summary>
    public static int Bullets => BulletInstance;

    /// <summary>A new instance for one ordered list at <paramref name="level"/>, restarting at <paramref name="start"/>.</summary>
    public int NewOrdered(int level, int start)
    {
        ordered.Add((level, start));
        return BulletInstance + ordered.Count;
    }

    public Numbering Part()
    {
        var numbering = new Numbering();
        numbering.AddNamespaceDeclaration("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
        numbering.Append(Definition(BulletDefinition, level => ((string[])["•", "◦", "▪"])[level % 3], _ => NumberFormatValues.Bullet));
        numbering.Append(Definition(DecimalDefinition, level => "%" + (level + 1).ToString(CultureInfo.InvariantCulture) + ".",
            level => (level % 3) switch { 0 => NumberFormatValues.Decimal, 1 => NumberFormatValues.LowerLetter, _ => NumberFormatValues.LowerRoman }));
        numbering.Append(new NumberingInstance(new AbstractNumId { Val = BulletDefinition }) { NumberID = BulletInstance });
        for (var i = 0; i < ordered.Count; i++)
        {
            var (level, start) = ordered[i];
            var restart = new LevelOverride(new StartOverrideNumberingValue { Val = start }) { LevelIndex = level };
            numbering.Append(new NumberingInstance(new AbstractNumId { Val = DecimalDefinition }, restart) { NumberID = BulletInstance + i + 1 });
        }

        return numbering;
    }

    private static AbstractNum Definition(int id, Func<int, string> text, Func<int, NumberFormatValues> format)
    {
        var definition = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = id };
        for (var level = 0; level < 9; level++)
        {
            var indentation = new Indentation { Left = Indent(level).ToString(CultureInfo.InvariantCulture), Hanging = "360" };
            var levelDefinition = new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = format(level) },
                new LevelText { Val = text(level) },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(indentation));
            levelDefinition.LevelIndex = level;
            definition.Append(levelDefinition);
        }

        return definition;
    }

    /// <summary>The left indent of list level <paramref name="level"/> (0-based), in twentieths of a point.</summary>
    public static int Indent(int level) => 720 + (level * 360);
}
