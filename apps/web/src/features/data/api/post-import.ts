/**
 * POST /api/imports — sends CSV files as multipart/form-data; the API stores them and answers 202
 * with the id of a background job (follow it with get-import-job.ts).
 *
 * XMLHttpRequest, not fetch: fetch reports no upload progress, and a file of 200 MB takes long
 * enough to send that the user must see it move. It carries the CSRF token like every other change
 * (the API client's), and a 401 sends the browser to the login page as the client does.
 */
import { useMutation } from '@tanstack/react-query';
import { ApiError, csrfHeader, handleUnauthorized } from '../../../shared/api/api-client.ts';

export interface ImportJobStarted {
  jobId: string;
}

export interface UploadProgress {
  loaded: number;
  /** null when the browser cannot tell the size of the request. */
  total: number | null;
}

export interface PostImportInput {
  files: readonly File[];
  onProgress: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

const IMPORTS_PATH = '/api/imports';

export async function postImport({ files, onProgress, signal }: PostImportInput): Promise<ImportJobStarted> {
  const csrf = await csrfHeader();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('Afsendelsen blev afbrudt.', 'AbortError'));
      return;
    }
    const form = new FormData();
    // The field name is free; the API takes the file name from each part.
    for (const file of files) form.append('filer', file, file.name);

    const request = new XMLHttpRequest();
    request.open('POST', IMPORTS_PATH);
    request.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(csrf)) request.setRequestHeader(name, value);
    request.upload.addEventListener('progress', (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : null }));
    request.addEventListener('load', () => {
      handleUnauthorized(IMPORTS_PATH, request.status);
      const payload = parseJson(request.responseText);
      if (request.status === 202 && isRecord(payload) && typeof payload.jobId === 'string') {
        resolve({ jobId: payload.jobId });
        return;
      }
      // 400/409/413/415 carry a Danish message meant for the user.
      const message =
        isRecord(payload) && typeof payload.message === 'string' ? payload.message : `Serveren svarede med fejl ${request.status}. Intet er indlæst.`;
      reject(new ApiError(message, request.status));
    });
    request.addEventListener('error', () =>
      // A server that refuses a too large file may close the connection mid-upload; the browser
      // then reports a network error, not the 413, so the message names both causes.
      reject(
        new ApiError(
          'Forbindelsen til serveren blev afbrudt, så filerne blev ikke sendt. Tjek netværksforbindelsen og at filerne ikke er for store, og prøv igen. Intet er indlæst.',
          0,
        ),
      ),
    );
    request.addEventListener('abort', () => reject(new DOMException('Afsendelsen blev afbrudt.', 'AbortError')));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(form);
  });
}

export function useStartImport() {
  return useMutation({ mutationFn: postImport });
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
