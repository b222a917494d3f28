import { useEffect, useId, useRef, useState } from 'react';
import type { ViewLine } from '../../state/line-columns';
import { useT } from '../../i18n';

/** Why an item is still open, in the controller's words; goes into the workbook. */
export function NoteEditor({ line, initial, onSave, onClose }: { line: ViewLine; initial: string; onSave(text: string): void; onClose(): void }) {
  const { t, euro, date } = useT();
  const [text, setText] = useState(initial);
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <form
      className="panel note-editor"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(text);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <label htmlFor={id}>
        <strong>{t('match.noteFor', { line: `${date(line.entryDate)} ${line.journalId} ${euro(line.amount)}` })}</strong>
      </label>
      <textarea id={id} ref={ref} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="row">
        <button type="submit" className="primary">
          {t('match.saveNote')}
        </button>
        <button type="button" className="ghost" onClick={onClose}>
          {t('error.dismiss')}
        </button>
      </div>
    </form>
  );
}
