/**
 * The data export as CSV for Excel on Danish Windows: ";" between fields, decimal comma, UTF-8
 * with a byte-order mark (without it Excel reads the file as Windows-1252 and breaks æøå), CRLF
 * line ends. The header block comes first as label;value lines, then an empty line, then the table.
 * Numbers are rounded to the decimals the dashboard shows, shares written in percent.
 */
import { stringify } from 'csv-stringify/sync';
import type { ExportCell, ExportColumn, ExportTable } from './export-table.ts';

function csvNumber(cell: ExportCell, column: ExportColumn): string {
  switch (cell.kind) {
    case 'number': {
      const value = column.unit === 'procent' ? cell.value * 100 : cell.value;
      // No thousands separator: "1234,5" is read as a number by Excel and by other programs alike.
      return value.toFixed(column.decimals).replace('.', ',');
    }
    case 'withheld':
      return cell.marker;
    case 'text':
      return cell.text;
    case 'empty':
      return '';
  }
}

export function writeCsv(table: ExportTable): Buffer {
  const records: string[][] = [
    ['Nøgletal', table.title],
    ...table.header.map(([label, value]) => [label, String(value)]),
    [''],
    ['Periode', 'Gruppe', ...table.columns.map((column) => column.title)],
    ...table.rows.map((row) => [row.period, row.group, ...row.cells.map((cell, index) => csvNumber(cell, table.columns[index] as ExportColumn))]),
  ];
  return Buffer.from(stringify(records, { delimiter: ';', record_delimiter: 'windows', bom: true }), 'utf8');
}
