using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jishi.App.Dues;
using Jishi.App.Organisations;
using Jishi.Web.Components.Cases;
using Jishi.Web.Components.Documents;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Jishi.Web.Documents;

/// <summary>A member's line of the printed sheet: the figures of <see cref="DuesSheetLine"/> with the words shown.</summary>
public sealed record DuesSheetRow(int Seq, string Name, string OrgName, string Category, decimal? Base, decimal? Rate, decimal Due,
    decimal Paid, string Receipts, int ArrearsMonths, string Note);

/// <summary>The monthly collection sheet (党费收缴登记表) as it is exported: the same lines and totals as the JSON sheet.</summary>
public sealed record DuesSheetPrint(string OrgId, string OrgName, string Month, IReadOnlyList<DuesSheetRow> Rows, DuesSheetTotals Totals)
{
    /// <summary>"2026年11月".</summary>
    public string MonthText => $"{Month[..4]}年{int.Parse(Month[5..], CultureInfo.InvariantCulture)}月";

    public static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Percent(decimal rate) => (rate * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>The pages' forms of the two: blank when there is no figure.</summary>
    public static string Amount(decimal? value) => value is { } v ? Amount(v) : "";

    public static string Percent(decimal? rate) => rate is { } r ? Percent(r) : "";
}

/// <summary>
/// The monthly dues collection sheet of GET /dues/sheet as an Excel workbook (Open XML: numeric cells with two decimals,
/// the title merged across the columns, A4 landscape) and as a PDF printed by Chromium (ADR 0011, 0016). Both are
/// filled from <see cref="GetDuesSheet"/>, so they show what the JSON shows, in its scope.
/// </summary>
public sealed class DuesDocuments(GetDuesSheet sheets, GetOrgNames orgNames, HtmlRenderer renderer, PdfPrinter printer)
{
    public static readonly string[] Headers =
        ["序号", "姓名", "所在党组织", "类别", "计算基数（元）", "比例", "应交（元）", "已交（元）", "收据号", "欠交月数", "备注"];

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<DuesSheetPrint> LoadAsync(string? orgId, string? month, CancellationToken ct = default)
    {
        var sheet = await sheets.Handle(orgId, month, ct);
        var names = await orgNames.Handle(sheet.Items.Select(l => l.OrgId).Append(sheet.OrgId), ct);
        string NameOf(string id) => names.TryGetValue(id, out var n) ? n : id;
        var rows = sheet.Items.Select((l, i) => new DuesSheetRow(i + 1, l.Name, NameOf(l.OrgId),
            l.Category is { } c ? Labels.Of(c) : "未核定", l.Base, l.Rate, l.Due, l.Paid, string.Join("、", l.Receipts), l.ArrearsMonths,
            Note(l))).ToList();
        return new DuesSheetPrint(sheet.OrgId, NameOf(sheet.OrgId), sheet.Month, rows, sheet.Totals);
    }

    private static string Note(DuesSheetLine l) => string.Join("；", new[]
    {
        l.Relief is { } r ? Labels.Of(r) : null,
        l.Category is null ? "未核定基数" : null,
        l.LongestArrearsRun >= 6 ? $"连续 {l.LongestArrearsRun} 个月未交" : null,
    }.Where(s => s is not null));

    /// <summary><c>党费收缴登记表-某支部-2026-11.xlsx</c>; characters a file name cannot hold become “_”.</summary>
    public static string FileName(DuesSheetPrint p, string extension)
    {
        var bad = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var org = string.Concat(p.OrgName.Select(c => bad.Contains(c) || char.IsControl(c) ? '_' : c));
        return $"党费收缴登记表-{org}-{p.Month}.{extension}";
    }

    public async Task<byte[]> PdfAsync(DuesSheetPrint p, CancellationToken ct = default)
    {
        var html = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<DuesSheetDoc>(
            ParameterView.FromDictionary(new Dictionary<string, object?> { ["Sheet"] = p }))).ToHtmlString());
        return await printer.PrintAsync(html, ct);
    }

    // Cell styles of the workbook (indexes into CellFormats below).
    private const uint Text = 1, Money = 2, Rate = 3, Count = 4, Title = 5, Header = 6, Label = 7;

    public static byte[] Xlsx(DuesSheetPrint p)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var merges = new MergeCells();
            var last = ColumnName(Headers.Length);
            uint r = 1;

            data.Append(Row(r, Str($"{p.OrgName} 党费收缴登记表（{p.MonthText}）", Title)));
            merges.Append(new MergeCell { Reference = $"A{r}:{last}{r}" });
            r++;
            data.Append(Row(r, [.. Headers.Select(h => Str(h, Header))]));
            r++;
            foreach (var x in p.Rows)
            {
                data.Append(Row(r, Num(x.Seq, Count), Str(x.Name), Str(x.OrgName), Str(x.Category), Dec(x.Base, Money), Dec(x.Rate, Rate),
                    Dec(x.Due, Money), Dec(x.Paid, Money), Str(x.Receipts), Num(x.ArrearsMonths, Count), Str(x.Note)));
                r++;
            }

            var t = p.Totals;
            data.Append(Row(r, [Str("合计", Label), .. Enumerable.Range(0, 5).Select(_ => Str("", Label)), Dec(t.Due, Money),
                Dec(t.Collected, Money), Str(""), Str(""), Str("")]));
            merges.Append(new MergeCell { Reference = $"A{r}:F{r}" });
            r++;
            foreach (var (label, cell) in new (string, Func<Cell>)[]
                     {
                         ("应交合计（元）", () => Dec(t.Due, Money)), ("已交合计（元）", () => Dec(t.Collected, Money)),
                         ("本月收到（元，按交纳日期）", () => Dec(t.Received, Money)), ("人数", () => Num(t.Members, Count)),
                         ("已交人数", () => Num(t.Paid, Count)),
                     })
            {
                data.Append(Row(r, [Str(label, Label), .. Enumerable.Range(0, 5).Select(_ => Str("", Label)), cell()]));
                merges.Append(new MergeCell { Reference = $"A{r}:F{r}" });
                r++;
            }

            r++;
            data.Append(Row(r, Str("收缴人：", 0), Str("", 0), Str("", 0), Str("", 0), Str("", 0), Str("", 0), Str("日期：", 0)));

            double[] widths = [6, 12, 24, 20, 14, 8, 12, 12, 16, 10, 20];
            var columns = new Columns(widths.Select((w, i) => new Column
            {
                Min = (uint)i + 1,
                Max = (uint)i + 1,
                Width = w,
                CustomWidth = true,
            }));
            part.Worksheet = new Worksheet(columns, data, merges,
                new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 },
                new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "党费收缴登记表" }));
            workbook.Workbook.AppendChild(new DefinedNames(new DefinedName($"'党费收缴登记表'!$2:$2") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
        }

        return stream.ToArray();
    }

    private static string ColumnName(int n) => ((char)('A' + n - 1)).ToString();

    private static Row Row(uint index, params Cell[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i].CellReference = ColumnName(i + 1) + index.ToString(CultureInfo.InvariantCulture);
        }

        return new Row(cells) { RowIndex = index };
    }

    private static Cell Str(string text, uint style = Text) => new(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)))
    {
        DataType = CellValues.InlineString,
        StyleIndex = style,
    };

    private static Cell Dec(decimal? value, uint style) => value is { } v
        ? new Cell(new CellValue(v)) { DataType = CellValues.Number, StyleIndex = style }
        : new Cell { StyleIndex = style };

    private static Cell Num(int value, uint style) => new(new CellValue(value)) { DataType = CellValues.Number, StyleIndex = style };

    private static Stylesheet Styles()
    {
        static Font Font(bool bold, double size) => new(bold ? [new Bold(), new FontSize { Val = size }, new FontName { Val = "宋体" }]
            : [new FontSize { Val = size }, new FontName { Val = "宋体" }]);
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        CellFormat Format(uint numFmt, uint font, uint border, HorizontalAlignmentValues? align = null, bool wrap = false) => new(
            new Alignment { Horizontal = align, Vertical = VerticalAlignmentValues.Center, WrapText = wrap })
        {
            NumberFormatId = numFmt,
            FontId = font,
            FillId = 0,
            BorderId = border,
            ApplyNumberFormat = numFmt != 0,
            ApplyFont = true,
            ApplyBorder = border != 0,
            ApplyAlignment = true,
        };

        return new Stylesheet(
            new Fonts(Font(false, 11), Font(true, 11), Font(true, 16)),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin),
            new CellFormats(
                new CellFormat(),
                Format(0, 0, 1, wrap: true), // Text
                Format(2, 0, 1, HorizontalAlignmentValues.Right), // Money: 0.00
                Format(10, 0, 1, HorizontalAlignmentValues.Right), // Rate: 0.00%
                Format(1, 0, 1, HorizontalAlignmentValues.Center), // Count: 0
                Format(0, 2, 0, HorizontalAlignmentValues.Center), // Title
                Format(0, 1, 1, HorizontalAlignmentValues.Center, wrap: true), // Header
                Format(0, 1, 1, HorizontalAlignmentValues.Center))); // Label
    }
}
