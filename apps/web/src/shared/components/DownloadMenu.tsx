/**
 * "Hent": a menu button whose items are plain download links to a KPI's export files, so any
 * chart is two clicks from a PNG for a council paper or an XLSX with the same numbers. It follows
 * the WAI-ARIA menu button pattern: Enter, Space or ↓ opens on the first item, ↑ on the last;
 * arrows, Home and End move; Escape closes and returns focus to the button; Tab leaves and closes.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useCan } from '../access/roles.ts';
import { chartExportUrl, dataExportUrl, type KpiDownload } from '../api/export-urls.ts';

interface DownloadLink {
  label: string;
  href: string;
}

/** A chart's four files, or a table's two data files (a table has no chart to draw). */
type Files = { download: KpiDownload; dataOnly?: false } | { download: Pick<KpiDownload, 'kpiId' | 'params'>; dataOnly: true };

function downloadLinks(files: Files): DownloadLink[] {
  const data = [
    { label: 'Tal som Excel (XLSX)', href: dataExportUrl(files.download, 'xlsx') },
    { label: 'Tal som CSV', href: dataExportUrl(files.download, 'csv') },
  ];
  if (files.dataOnly) return data;
  return [
    { label: 'Graf som PNG (til Word)', href: chartExportUrl(files.download, 'png') },
    { label: 'Graf som SVG', href: chartExportUrl(files.download, 'svg') },
    ...data,
  ];
}

export type DownloadMenuProps = Files & {
  /** What is downloaded, for the button's accessible name: several "Hent" buttons share a page. */
  subject: string;
  testId?: string | undefined;
};

/** Downloads are for analysts (every export is written to the audit log); a viewer sees no "Hent". */
export function DownloadMenu(props: DownloadMenuProps): ReactElement | null {
  return useCan('export') ? <DownloadMenuButton {...props} /> : null;
}

function DownloadMenuButton({ subject, testId, ...files }: DownloadMenuProps): ReactElement {
  const links = downloadLinks(files);
  const [open, setOpen] = useState(false);
  const buttonId = useId();
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLAnchorElement | null)[]>([]);
  // The item to focus once the menu is rendered open (focus cannot move into a hidden list).
  const focusOnOpen = useRef(0);

  useEffect(() => {
    if (!open) return;
    itemRefs.current[focusOnOpen.current]?.focus();
    // Native listeners: a click or focus anywhere outside closes the menu, in React and in Preact alike.
    const closeOutside = (event: Event) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    document.addEventListener('focusin', closeOutside);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      document.removeEventListener('focusin', closeOutside);
    };
  }, [open]);

  const openAt = (index: number) => {
    focusOnOpen.current = index;
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? 0 : links.length - 1);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const current = itemRefs.current.findIndex((item) => item === document.activeElement);
    const move = (index: number) => {
      event.preventDefault();
      itemRefs.current[(index + links.length) % links.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(current + 1);
      case 'ArrowUp':
        return move(current - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(links.length - 1);
      case 'Escape':
        event.preventDefault();
        return close();
      case 'Tab':
        // Focus moves on to the next control on the page, as it would from the button.
        return setOpen(false);
      default:
        return undefined;
    }
  };

  return (
    <div className="download-menu" ref={rootRef} data-testid={testId}>
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        className="button button-secondary button-compact"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={`Hent ${subject}`}
        onClick={() => (open ? setOpen(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
      >
        Hent <span aria-hidden="true">▾</span>
      </button>
      <ul id={menuId} role="menu" aria-labelledby={buttonId} className="download-menu-list" hidden={!open} onKeyDown={onMenuKeyDown}>
        {links.map((link, index) => (
          <li key={link.href} role="none">
            <a
              ref={(element) => {
                itemRefs.current[index] = element;
              }}
              role="menuitem"
              tabIndex={-1}
              href={link.href}
              // The server names the file (Danish, with the date); `download` keeps the page from navigating away.
              download
              onClick={close}
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
