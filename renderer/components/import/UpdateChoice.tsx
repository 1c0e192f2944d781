// Step 3 (issue 17): how the rows that update records already in Tend treat what Tend has — asked
// per run. The default keeps what the CSM edited in the app (those fields are only filled when empty)
// and follows the file elsewhere; "Overwrite" lets the file win everywhere; "Fill only what is empty"
// changes no value Tend already has.
import type { UpdateModeView } from '../../../shared/contracts/imports';

const CHOICES: { mode: UpdateModeView; label: string; hint: string }[] = [
  { mode: 'keep-edits', label: 'Keep what you edited in Tend', hint: 'fields you changed in the app are only filled when empty; the rest follow the file' },
  { mode: 'overwrite', label: 'Overwrite with the file', hint: 'every field the file gives replaces what Tend has' },
  { mode: 'fill-empty', label: 'Fill only what is empty in Tend', hint: 'no value Tend already has changes' },
];

export function UpdateChoice({ mode, kept, onChange }: { mode: UpdateModeView; kept: { rows: number; fields: number }; onChange(mode: UpdateModeView): void }) {
  return (
    <fieldset className="update-choice">
      <legend>When a row updates a record already in Tend</legend>
      {CHOICES.map((c) => (
        <label key={c.mode}>
          <input type="radio" name="update-mode" checked={mode === c.mode} onChange={() => onChange(c.mode)} />
          <span>
            {c.label}
            <span className="muted small"> — {c.hint}</span>
          </span>
        </label>
      ))}
      {kept.fields > 0 && (
        <p className="muted small kept-note" data-testid="kept-note">
          {kept.fields.toLocaleString('en-US')} field{kept.fields === 1 ? '' : 's'} in {kept.rows.toLocaleString('en-US')} row{kept.rows === 1 ? '' : 's'}{' '}
          {kept.fields === 1 ? 'keeps' : 'keep'} Tend&rsquo;s value.
        </p>
      )}
    </fieldset>
  );
}
