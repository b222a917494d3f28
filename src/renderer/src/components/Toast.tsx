import { useEffect } from 'react';
import { useT } from '../i18n';
import { useMatching } from '../state/matching';
import { useNotice } from '../state/notice';

/** Bottom toast; decisions carry an undo button. Ctrl+Z (Cmd+Z) undoes anywhere outside a field. */
export function Toast() {
  const { t } = useT();
  const { toast, dismissToast } = useNotice();
  const undo = useMatching((s) => s.undo);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && !isField(e.target)) {
        e.preventDefault();
        void undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo]);
  // Toasts step aside by themselves; a decision's undo stays offered longer (Ctrl+Z works after).
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(dismissToast, toast.undoable ? 15_000 : 8_000);
    return () => clearTimeout(timer);
  }, [toast, dismissToast]);
  if (!toast) return null;
  return (
    <div className="toast" role="status" aria-live="polite">
      <span>{t(toast.key, toast.params)}</span>
      {toast.undoable && (
        <button type="button" onClick={() => void undo()}>
          {t('match.undo')} <kbd>Ctrl+Z</kbd>
        </button>
      )}
      <button type="button" className="ghost" aria-label={t('error.dismiss')} onClick={dismissToast}>
        ×
      </button>
    </div>
  );
}

export function isField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
