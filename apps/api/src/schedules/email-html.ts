/**
 * The KPI email's HTML, written for Outlook as well as web mail: one 640 px table, layout by
 * nested tables, every style inline (Outlook ignores <style> blocks and most CSS), system fonts,
 * and text on every status (colour is never the only signal). The same content as plain text.
 */

export interface EmailRow {
  title: string;
  measureTitle: string;
  value: string;
  change: string;
  assessment: { symbol: string; text: string; colour: string };
}

export interface EmailChart {
  title: string;
  /** cid:… for a sent email, data:… for the preview in the browser. */
  src: string;
  alt: string;
  width: number;
  height: number;
}

export interface EmailContent {
  heading: string;
  /** Under the heading: "Tal pr. 30.11.2026 …" */
  lead: string;
  /** A framed notice above the table: late delivery, a crossed threshold, a test. */
  notices: string[];
  rows: EmailRow[];
  /** Column heading of the values, e.g. "2026 til 30.11.2026". */
  valueHeading: string;
  charts: EmailChart[];
  /** Charts not drawn because every value is withheld, with the reason. */
  chartNotes: string[];
  dashboardUrl: string;
  footer: string[];
}

export const EMAIL_WIDTH = 640;
const FONT = "font-family:Arial,Helvetica,sans-serif;";
const TEXT = '#1a1a1a';
const MUTED = '#555555';
const BORDER = '#d0d7de';
const BRAND = '#0b5cad';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every value put into the HTML goes through this: KPI titles and names are data. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

function cell(content: string, style: string, header = false): string {
  const tag = header ? 'th' : 'td';
  return `<${tag} style="${FONT}${style}"${header ? ' scope="col" align="left"' : ''} valign="top">${content}</${tag}>`;
}

function kpiTable(content: EmailContent): string {
  // Fixed column widths: Outlook's table engine otherwise squeezes the direction column.
  const head = [
    cell('Nøgletal', `width:38%;font-size:13px;color:${MUTED};padding:8px;border-bottom:2px solid ${BORDER};`, true),
    cell(escapeHtml(content.valueHeading), `width:22%;font-size:13px;color:${MUTED};padding:8px;border-bottom:2px solid ${BORDER};text-align:right;`, true),
    cell('Siden sidste mail', `width:17%;font-size:13px;color:${MUTED};padding:8px;border-bottom:2px solid ${BORDER};text-align:right;`, true),
    cell('Retning', `width:23%;font-size:13px;color:${MUTED};padding:8px;border-bottom:2px solid ${BORDER};`, true),
  ].join('');
  const rows = content.rows
    .map((row) =>
      [
        cell(
          `<strong>${escapeHtml(row.title)}</strong><br><span style="color:${MUTED};font-size:13px;">${escapeHtml(row.measureTitle)}</span>`,
          `font-size:14px;color:${TEXT};padding:8px;border-bottom:1px solid ${BORDER};`,
        ),
        cell(escapeHtml(row.value), `font-size:15px;color:${TEXT};padding:8px;border-bottom:1px solid ${BORDER};text-align:right;`),
        cell(escapeHtml(row.change), `font-size:14px;color:${TEXT};padding:8px;border-bottom:1px solid ${BORDER};text-align:right;`),
        cell(
          `<span style="color:${row.assessment.colour};font-weight:bold;">${escapeHtml(row.assessment.symbol)}</span> ${escapeHtml(row.assessment.text)}`,
          `font-size:13px;color:${TEXT};padding:8px;border-bottom:1px solid ${BORDER};`,
        ),
      ].join(''),
    )
    .map((cells) => `<tr>${cells}</tr>`)
    .join('\n');
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;">
<tr>${head}</tr>
${rows}
</table>`;
}

function chartBlock(chart: EmailChart): string {
  return `<tr><td style="${FONT}padding:16px 24px 4px 24px;font-size:16px;font-weight:bold;color:${TEXT};">${escapeHtml(chart.title)}</td></tr>
<tr><td style="padding:0 20px 8px 20px;"><img src="${escapeHtml(chart.src)}" width="${chart.width}" height="${chart.height}" alt="${escapeHtml(chart.alt)}" style="display:block;width:${chart.width}px;max-width:100%;height:auto;border:0;"></td></tr>`;
}

export function renderEmailHtml(content: EmailContent): string {
  const notices = content.notices
    .map(
      (notice) =>
        `<tr><td style="${FONT}padding:0 24px 12px 24px;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td style="${FONT}background-color:#fff4e5;border-left:4px solid #b34700;padding:10px 12px;font-size:14px;color:${TEXT};">${escapeHtml(notice)}</td></tr></table></td></tr>`,
    )
    .join('\n');
  const chartNotes = content.chartNotes
    .map((note) => `<tr><td style="${FONT}padding:4px 24px;font-size:13px;color:${MUTED};">${escapeHtml(note)}</td></tr>`)
    .join('\n');
  const footer = content.footer.map((line) => escapeHtml(line)).join('<br>');
  return `<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>${escapeHtml(content.heading)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f5f7;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f3f5f7" style="background-color:#f3f5f7;">
<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="${EMAIL_WIDTH}" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" style="width:${EMAIL_WIDTH}px;max-width:100%;background-color:#ffffff;border:1px solid ${BORDER};">
<tr><td bgcolor="${BRAND}" style="${FONT}background-color:${BRAND};padding:14px 24px;font-size:13px;color:#ffffff;">Socialområdets ledelsesinformation</td></tr>
<tr><td style="${FONT}padding:20px 24px 4px 24px;font-size:22px;font-weight:bold;color:${TEXT};">${escapeHtml(content.heading)}</td></tr>
<tr><td style="${FONT}padding:0 24px 16px 24px;font-size:14px;color:${MUTED};">${escapeHtml(content.lead)}</td></tr>
${notices}
<tr><td style="padding:0 16px 8px 16px;">${kpiTable(content)}</td></tr>
${content.charts.map(chartBlock).join('\n')}
${chartNotes}
<tr><td style="${FONT}padding:16px 24px;"><table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td bgcolor="${BRAND}" style="background-color:${BRAND};padding:10px 18px;"><a href="${escapeHtml(content.dashboardUrl)}" style="${FONT}font-size:15px;font-weight:bold;color:#ffffff;text-decoration:none;">Åbn dashboardet</a></td></tr></table></td></tr>
<tr><td style="${FONT}padding:12px 24px 20px 24px;font-size:12px;line-height:18px;color:${MUTED};border-top:1px solid ${BORDER};">${footer}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;
}

export function renderEmailText(content: EmailContent): string {
  const lines = [content.heading, content.lead, '', ...content.notices.flatMap((notice) => [notice, ''])];
  lines.push(`${content.valueHeading}:`);
  for (const row of content.rows) {
    lines.push(`- ${row.title} (${row.measureTitle}): ${row.value}; siden sidste mail: ${row.change}; ${row.assessment.text}`);
  }
  lines.push('', ...content.chartNotes, `Åbn dashboardet: ${content.dashboardUrl}`, '', ...content.footer);
  return lines.join('\n');
}
