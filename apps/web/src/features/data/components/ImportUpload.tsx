/**
 * Upload of CSV files to import: choose or drop the files, see them checked against the import
 * contract's file names, send them (progress while sending), follow the import job (progress
 * while importing), and read the outcome. All or nothing: a file with errors imports nothing and
 * every error is listed. After a successful import every query is refetched (useImportJob).
 */
import { useEffect, useId, useRef, useState, type DragEvent, type FormEvent, type ReactElement } from 'react';
import { findFileSpec } from '@sol/domain/import-contract.ts';
import { useImportJob, type ImportJob } from '../api/get-import-job.ts';
import { isAbortError, useStartImport, type UploadProgress } from '../api/post-import.ts';
import { errorsText, formatBytes, listText, percentOf, rowsSentenceStart } from './data-format.ts';
import { ImportContract } from './ImportContract.tsx';
import { ImportFailedPanel, ImportSucceededPanel } from './ImportOutcome.tsx';

type Phase = 'choose' | 'sending' | 'importing' | 'succeeded' | 'failed' | 'lost';

/** What the progress bar and its live text say in each phase; null hides the bar. */
interface ProgressView {
  label: string;
  /** 0–100; undefined for an indeterminate bar (size not known yet). */
  value: number | undefined;
  detail: string;
}

/** The name the server will see: a dropped folder's files may carry a path. */
function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

function isKnownFile(file: File): boolean {
  return findFileSpec(baseName(file.name)) !== undefined;
}

function sendingView(sent: UploadProgress | null): ProgressView {
  if (!sent || sent.total === null) return { label: 'Sender', value: undefined, detail: '' };
  const percent = percentOf(sent.loaded, sent.total);
  return { label: 'Sender', value: percent, detail: `${percent} % (${formatBytes(sent.loaded)} af ${formatBytes(sent.total)})` };
}

function importingView(job: ImportJob | undefined): ProgressView {
  if (!job || job.progress.totalBytes <= 0) return { label: 'Indlæser', value: undefined, detail: '' };
  const percent = percentOf(job.progress.bytesRead, job.progress.totalBytes);
  return { label: 'Indlæser', value: percent, detail: `${percent} %` };
}

/** The live text: said once per phase (and per file), not for every percent. */
function statusText(phase: Phase, files: readonly File[], job: ImportJob | undefined): string {
  switch (phase) {
    case 'choose':
      return '';
    case 'sending':
      return `Sender ${files.length === 1 ? listText(files.map((file) => baseName(file.name))) : `${files.length} filer`} til serveren …`;
    case 'importing':
      if (!job || job.progress.bytesRead < job.progress.totalBytes) {
        return `${files.length === 1 ? 'Filen er modtaget' : 'Filerne er modtaget'}. Indlæser ${job?.progress.fileName || (files.length === 1 ? 'den' : 'dem')} …`;
      }
      // Read to the end: the rows are saved and the KPI layer refreshed before the job is done.
      return `${files.length === 1 ? 'Filen er læst' : 'Filerne er læst'}. Gemmer data og opdaterer nøgletallene …`;
    case 'succeeded':
      return job?.report?.ok ? `Færdig: ${rowsSentenceStart(job.report.totalRows)} er indlæst.` : 'Færdig.';
    case 'failed':
      return job?.report && !job.report.ok ? `Intet er indlæst: filerne har ${errorsText(job.report.errorCount)}.` : 'Intet er indlæst.';
    case 'lost':
      return 'Indlæsningen kunne ikke følges.';
  }
}

export function ImportUpload(): ReactElement {
  const id = useId();
  const inputId = `${id}-files`;
  const hintId = `${id}-hint`;
  const [files, setFiles] = useState<File[]>([]);
  const [sent, setSent] = useState<UploadProgress | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  // A new key empties the native file input (its value can only be cleared, not set).
  const [inputKey, setInputKey] = useState(0);
  const [focusInput, setFocusInput] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const outcomeHeading = useRef<HTMLHeadingElement>(null);
  const abort = useRef<AbortController | null>(null);

  const start = useStartImport();
  const job = useImportJob(start.data?.jobId ?? null);
  const report = job.data?.report ?? null;

  const phase: Phase = start.isPending
    ? 'sending'
    : !start.isSuccess
      ? 'choose'
      : report
        ? report.ok
          ? 'succeeded'
          : 'failed'
        : job.isError
          ? 'lost'
          : 'importing';
  const busy = phase === 'sending' || phase === 'importing';
  const finished = phase === 'succeeded' || phase === 'failed' || phase === 'lost';

  // The form gives way to the outcome; the keyboard follows to the outcome's heading.
  useEffect(() => {
    if (finished) outcomeHeading.current?.focus();
  }, [finished]);

  useEffect(() => {
    if (focusInput > 0) input.current?.focus();
  }, [focusInput]);

  const choose = (chosen: File[]) => {
    setFiles(chosen);
    setFormError(null);
    if (start.isError) start.reset();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // aria-disabled, not disabled, while busy: the button keeps focus, so it must ignore presses.
    if (busy) return;
    if (files.length === 0) {
      setFormError('Vælg først en eller flere CSV-filer.');
      setFocusInput((n) => n + 1);
      return;
    }
    const unknown = files.filter((file) => !isKnownFile(file)).map((file) => baseName(file.name));
    if (unknown.length > 0) {
      setFormError(
        `${listText(unknown)} kan ikke indlæses: filnavnet skal være et af importkontraktens, fx borgere.csv (se «Hvilke filer kan indlæses?»). Intet er indlæst.`,
      );
      return;
    }
    setFormError(null);
    setSent(null);
    const controller = new AbortController();
    abort.current = controller;
    start.mutate({ files, onProgress: setSent, signal: controller.signal });
  };

  const clear = () => {
    setFiles([]);
    setFormError(null);
    start.reset();
    setInputKey((n) => n + 1);
    setFocusInput((n) => n + 1);
  };

  const startOver = () => {
    clear();
    setSent(null);
  };

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (busy || !event.dataTransfer.types.includes('Files')) return;
    // Without this the browser opens the dropped file instead of handing it to the page.
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  const onDragLeave = (event: DragEvent<HTMLDivElement>) => {
    // Leaving for a child element (the label, the input) is not leaving the zone.
    if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
    setDragging(false);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (busy) return;
    const dropped = Array.from(event.dataTransfer.files);
    if (dropped.length === 0) return;
    // The native control then names the dropped files too, as if they had been chosen in it.
    if (input.current) input.current.files = event.dataTransfer.files;
    choose(dropped);
  };

  const progress: ProgressView | null =
    phase === 'sending'
      ? sendingView(sent)
      : phase === 'importing'
        ? importingView(job.data)
        : phase === 'succeeded'
          ? { label: 'Færdig', value: 100, detail: '100 %' }
          : null;
  const startError = start.isError ? start.error : null;
  const status = statusText(phase, files, job.data);

  return (
    <section className="panel data-section" aria-labelledby="upload-heading">
      <h2 id="upload-heading">Indlæs nye data</h2>
      <p className="section-lead">
        Indlæs CSV-filer fra fagsystemet og økonomisystemet: borgere, tilbud, ansøgninger, indsatser, opfølgninger, posteringer, budget,
        befolkning, målinger og P/L-indeks. En indlæsning er <strong>hele eller intet</strong>: har blot én linje en fejl, indlæses ingen af filerne,
        data er uændret, og alle fejl vises her. Samme række igen ændrer intet; en rettet række erstatter den gamle.
      </p>
      <ImportContract />

      {finished ? null : (
        <form noValidate onSubmit={submit} aria-labelledby="upload-heading">
          <div
            className={`drop-zone${dragging ? ' drop-zone-active' : ''}${busy ? ' drop-zone-busy' : ''}`}
            onDragOver={onDragOver}
            onDragEnter={onDragOver}
            onDragLeave={onDragLeave}
            onDrop={onDrop}
            data-testid="drop-zone"
          >
            <p className="drop-zone-title">
              Træk filerne hertil, eller vælg dem
            </p>
            <label className="drop-zone-label" htmlFor={inputId}>
              Vælg CSV-filer
            </label>
            <input
              key={inputKey}
              ref={input}
              id={inputId}
              type="file"
              multiple
              accept=".csv,text/csv"
              disabled={busy}
              aria-describedby={hintId}
              onChange={(event) => choose(Array.from(event.target.files ?? []))}
            />
            <p id={hintId} className="drop-zone-hint">
              Én eller flere filer på én gang. Filnavnet skal være et af importkontraktens, fx borgere.csv eller posteringer.csv.
            </p>
          </div>

          {files.length > 0 ? (
            <div className="chosen-files" data-testid="chosen-files">
              <h3>{files.length === 1 ? 'Valgt fil' : `Valgte filer (${files.length})`}</h3>
              <ul>
                {files.map((file, index) => {
                  const spec = findFileSpec(baseName(file.name));
                  return (
                    // Two files may share a name (the importer refuses the pair, and says so).
                    <li key={`${index}-${file.name}`}>
                      <span className="chosen-file-name">{baseName(file.name)}</span>{' '}
                      <span className="chosen-file-meta">
                        ({formatBytes(file.size)}
                        {spec ? `, ${spec.title.toLowerCase()}` : ''})
                      </span>
                      {spec ? null : <span className="chosen-file-unknown"> – ukendt filnavn; filen kan ikke indlæses</span>}
                    </li>
                  );
                })}
              </ul>
            </div>
          ) : null}

          <div className="upload-actions">
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              {files.length > 1 ? 'Indlæs filerne' : 'Indlæs filen'}
            </button>
            {phase === 'sending' ? (
              <button type="button" className="button button-secondary" onClick={() => abort.current?.abort()}>
                Afbryd afsendelsen
              </button>
            ) : files.length > 0 && !busy ? (
              <button type="button" className="button button-secondary" onClick={clear}>
                Fjern {files.length === 1 ? 'filen' : 'filerne'}
              </button>
            ) : null}
          </div>

          {formError ? (
            <p role="alert" className="message message-error" data-testid="upload-error">
              <span aria-hidden="true">✖ </span>
              {formError}
            </p>
          ) : null}
          {startError ? (
            <p role="alert" className="message message-error" data-testid="upload-error">
              <span aria-hidden="true">✖ </span>
              {isAbortError(startError) ? 'Afsendelsen blev afbrudt. Intet er indlæst.' : `Filerne blev ikke indlæst: ${startError.message}`}
            </p>
          ) : null}
        </form>
      )}

      <div className="upload-status" data-testid="upload-progress">
        <div role="status" aria-live="polite" className="live">
          {/* Once done, the outcome below says it in full; the line is then for screen readers only. */}
          {status ? <p className={finished ? 'visually-hidden' : undefined}>{status}</p> : null}
        </div>
        {progress ? (
          <div className="progress-row">
            <label htmlFor={`${id}-progress`}>{progress.label}</label>
            <progress id={`${id}-progress`} max={100} value={progress.value} />
            <span className="progress-text">{progress.detail}</span>
          </div>
        ) : null}
      </div>

      {phase === 'succeeded' && report?.ok ? (
        <>
          <ImportSucceededPanel report={report} headingRef={outcomeHeading} />
          <div className="upload-actions">
            <button type="button" className="button button-secondary" onClick={startOver}>
              Indlæs andre filer
            </button>
          </div>
        </>
      ) : null}
      {phase === 'failed' && report && !report.ok ? (
        <ImportFailedPanel
          report={report}
          headingRef={outcomeHeading}
          actions={
            <button type="button" className="button" onClick={startOver}>
              Indlæs andre filer
            </button>
          }
        />
      ) : null}
      {phase === 'lost' ? (
        <div className="import-outcome" data-testid="import-lost">
          <h3 ref={outcomeHeading} tabIndex={-1}>
            Indlæsningen kunne ikke følges
          </h3>
          <p role="alert" className="message message-error">
            {job.error?.message ?? 'Serveren svarer ikke om indlæsningen.'} Se under «Tidligere indlæsninger», om data blev indlæst, før filerne sendes
            igen.
          </p>
          <div className="upload-actions">
            <button type="button" className="button" onClick={startOver}>
              Indlæs andre filer
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
