import { useEffect, useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** While true (an upload or a job is running), Escape and the close button do nothing. */
  busy?: boolean;
  testId?: string;
  wide?: boolean;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusablesIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => !element.closest('[hidden]'));
}

/**
 * A modal dialog: rendered over the page, the page itself made inert, focus moved in (to the
 * element marked data-autofocus, else the first field) and kept in with Tab, Escape closes,
 * and focus goes back where it was afterwards.
 */
export function Dialog({ title, onClose, children, busy = false, testId, wide = false }: DialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);

  // Read by the document listener below, which is added once.
  const latest = useRef({ busy, onClose });
  useLayoutEffect(() => {
    latest.current = { busy, onClose };
  });

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = document.getElementById('root');
    root?.setAttribute('inert', '');
    document.body.classList.add('has-dialog');
    const node = panel.current;
    if (node) {
      const preferred = node.querySelector<HTMLElement>('[data-autofocus]');
      const target = preferred ?? focusablesIn(node).find((element) => element.tagName !== 'BUTTON') ?? node;
      target.focus();
    }
    // On the document, not the panel: a button that disables itself while working drops the
    // focus to <body>, and Escape must still close the dialog then.
    const onKeyDown = (event: globalThis.KeyboardEvent): void => {
      if (event.key === 'Escape') {
        event.preventDefault();
        if (!latest.current.busy) latest.current.onClose();
      } else if (event.key === 'Tab' && node && !node.contains(document.activeElement)) {
        event.preventDefault();
        (focusablesIn(node)[0] ?? node).focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      root?.removeAttribute('inert');
      document.body.classList.remove('has-dialog');
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  // When work ends, the button that started it comes back: if the focus fell to <body>, return it.
  useEffect(() => {
    if (!busy && panel.current && !panel.current.contains(document.activeElement)) panel.current.focus();
  }, [busy]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key !== 'Tab' || !panel.current) return;
    const items = focusablesIn(panel.current);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && (document.activeElement === first || document.activeElement === panel.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    <div className="dialog-backdrop">
      <div
        ref={panel}
        className={wide ? 'dialog dialog--wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-busy={busy}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <div className="dialog__header">
          <h2 className="dialog__title" id={titleId}>
            {title}
          </h2>
          <button
            type="button"
            className="dialog__close"
            onClick={onClose}
            disabled={busy}
            aria-label={t('common.close')}
            data-testid={testId ? `${testId}-close` : undefined}
          >
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
              <path d="M18 6 6 18M6 6l12 12" />
            </svg>
          </button>
        </div>
        <div className="dialog__body">{children}</div>
      </div>
    </div>,
    document.body,
  );
}
