/**
 * GET /api/report/afrapportering.docx|.pdf — the Afrapportering as a file. A mutation, not a
 * query: the user asks for it with a button, it takes seconds (every chart is drawn on the
 * server), and the page must show that it is on its way; the file is then saved under the name
 * the server gives it (Danish, with the date).
 */
import { useMutation } from '@tanstack/react-query';
import { ApiError, handleUnauthorized } from '../../../shared/api/api-client.ts';

export type ReportFormat = 'docx' | 'pdf';

export interface ReportFile {
  blob: Blob;
  fileName: string;
}

/** The name from Content-Disposition: the UTF-8 one (filename*) where given, else the plain one. */
function fileNameOf(disposition: string | null, format: ReportFormat): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (utf8?.[1]) return decodeURIComponent(utf8[1]);
  const plain = /filename="([^"]+)"/i.exec(disposition ?? '');
  return plain?.[1] ?? `afrapportering.${format}`;
}

export async function getReportFile(format: ReportFormat, signal?: AbortSignal): Promise<ReportFile> {
  const url = `/api/report/afrapportering.${format}`;
  let response: Response;
  try {
    response = await fetch(url, { signal: signal ?? null });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('Serveren kunne ikke kontaktes. Tjek netværksforbindelsen, og prøv igen.', 0);
  }
  handleUnauthorized(url, response.status);
  if (!response.ok) {
    // The API answers errors with a Danish message in JSON; anything else gets a plain one.
    const payload: unknown = await response.json().catch(() => null);
    const message =
      typeof payload === 'object' && payload !== null && 'message' in payload && typeof payload.message === 'string'
        ? payload.message
        : `Serveren svarede med fejl ${response.status}.`;
    throw new ApiError(message, response.status);
  }
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition'), format) };
}

/** Hands a fetched file to the browser's own download, under its name. */
export function saveFile(file: ReportFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function useReportFile(format: ReportFormat) {
  return useMutation({ mutationKey: ['report-file', format], mutationFn: () => getReportFile(format), onSuccess: saveFile });
}
