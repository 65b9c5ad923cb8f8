/**
 * The data export as XLSX (exceljs): real numbers with Danish display formats — Excel shows
 * "1.234,5" and "12,3 %" on a Danish machine from the same format codes — withheld cells as the
 * text "<5" (or "–") with a note saying why, and the header block above the table.
 */
import type { Unit } from '@sol/domain/kpi-catalogue.ts';
import ExcelJS from 'exceljs';
import type { ExportColumn, ExportTable } from './export-table.ts';

/** Excel format codes are written with "." and ","; Excel shows them in the reader's locale. */
function numberFormat(column: ExportColumn): string {
  const decimals = column.decimals > 0 ? `.${'0'.repeat(column.decimals)}` : '';
  switch (column.unit as Unit) {
    case 'procent':
      return `0${decimals} %`;
    case 'kr':
      return `#,##0${decimals} "kr."`;
    default:
      return `#,##0${decimals}`;
  }
}

/** One KPI answer as an Excel file with one sheet. */
export function writeXlsx(table: ExportTable): Promise<Buffer> {
  return writeXlsxWorkbook([{ name: 'Data', table }]);
}

/** Several KPI answers in one Excel file, a sheet each (the email's attachment). */
export async function writeXlsxWorkbook(sheets: readonly { name: string; table: ExportTable }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Socialområdets ledelsesinformation';
  workbook.created = new Date();
  for (const { name, table } of sheets) addTableSheet(workbook, sheetName(name), table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Excel allows 31 characters and none of : \ / ? * [ ] in a sheet name. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Data';
}

function addTableSheet(workbook: ExcelJS.Workbook, name: string, table: ExportTable): void {
  const sheet = workbook.addWorksheet(name);

  const titleRow = sheet.addRow([table.title]);
  titleRow.font = { bold: true, size: 14 };
  for (const [label, value] of table.header) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    // A number in the header (the data version) reads as a label, not a figure to sum.
    row.getCell(2).alignment = { horizontal: 'left' };
  }
  sheet.addRow([]);

  const headerRow = sheet.addRow(['Periode', 'Gruppe', ...table.columns.map((column) => column.title)]);
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: 'bottom' };
  headerRow.eachCell((cell) => {
    cell.border = { bottom: { style: 'thin' } };
  });
  const formats = table.columns.map(numberFormat);
  for (const exportRow of table.rows) {
    const row = sheet.addRow([exportRow.period, exportRow.group]);
    exportRow.cells.forEach((exportCell, index) => {
      const cell = row.getCell(index + 3);
      switch (exportCell.kind) {
        case 'number':
          cell.value = exportCell.value;
          cell.numFmt = formats[index] as string;
          break;
        case 'withheld':
          cell.value = exportCell.marker;
          cell.note = exportCell.explanation;
          cell.alignment = { horizontal: 'right' };
          break;
        case 'text':
          cell.value = exportCell.text;
          cell.alignment = { horizontal: 'right' };
          break;
        case 'empty':
          break;
      }
    });
  }

  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 34;
  table.columns.forEach((_, index) => {
    sheet.getColumn(index + 3).width = 16;
  });
  // The table header stays in view while scrolling, and the table can be filtered.
  sheet.views = [{ state: 'frozen', ySplit: headerRow.number }];
  sheet.autoFilter = {
    from: { row: headerRow.number, column: 1 },
    to: { row: headerRow.number + table.rows.length, column: table.columns.length + 2 },
  };
}
