// Export a QBR: which period (quarter to date, the last full quarter, or any dates), which copy
// (internal, or the customer copy — and whether it shows the health score and the revenue
// movements) and which paper. The defaults are the document a CSM usually wants: the quarter so far,
// or the quarter just ended when the new one is under three weeks old.
import { useState } from 'react';
import { addDays } from '../../shared/dates';
import { defaultQbrPeriod, lastFullQuarter, periodLabel, quarterToDate } from '../../shared/report-period';
import { useAppStore } from '../stores/app';
import { useReportStore } from '../stores/report';
import { DialogForm } from './DialogForm';
import { DateInput } from '../components/DateInput';

type PeriodChoice = 'current' | 'last' | 'custom';

export function QbrExport() {
  const dialog = useReportStore((s) => s.exportDialog)!;
  const { closeExport, exportQbr, exporting } = useReportStore();
  const asOf = useAppStore((s) => s.info?.asOf) ?? new Date().toISOString().slice(0, 10);
  const current = quarterToDate(asOf);
  const last = lastFullQuarter(asOf);
  const preset = defaultQbrPeriod(asOf);
  const [choice, setChoice] = useState<PeriodChoice>(preset.from === current.from ? 'current' : 'last');
  const [custom, setCustom] = useState({ from: addDays(asOf, -90), to: asOf });
  const [audience, setAudience] = useState(dialog.audience);
  const [includeHealth, setIncludeHealth] = useState(false);
  const [includeRevenue, setIncludeRevenue] = useState(false);
  const [paper, setPaper] = useState<'a4' | 'letter'>('a4');

  const period = choice === 'current' ? current : choice === 'last' ? last : custom;
  const invalid = !period.from || !period.to ? 'Choose both dates.' : period.from > period.to ? 'The period starts after it ends.' : null;

  async function submit() {
    if (invalid || exporting) return;
    const customer = audience === 'customer';
    closeExport();
    await exportQbr({
      accountId: dialog.accountId,
      from: period.from,
      to: period.to,
      audience,
      includeHealth: customer && includeHealth,
      includeRevenue: customer && includeRevenue,
      paper,
    });
  }

  return (
    <DialogForm
      label="Export QBR"
      className="capture qbr-export"
      onClose={closeExport}
      onSubmit={() => void submit()}
      error={invalid}
      hint={
        <>
          <kbd>↵</kbd> exports · <kbd>Esc</kbd> closes
        </>
      }
      submitLabel={exporting ? 'Exporting…' : 'Export PDF'}
      canSubmit={!invalid && !exporting}
    >
      <div className="overlay-title">
        <strong>Export QBR</strong>
        <span className="muted small">as of {asOf}</span>
      </div>
      <fieldset className="qc-fieldset">
        <legend className="label">Period</legend>
        <label className="radio-line">
          <input type="radio" name="qbr-period" checked={choice === 'current'} onChange={() => setChoice('current')} autoFocus={choice === 'current'} />
          {periodLabel(current.from, current.to, asOf)} <span className="muted small">{current.from} – {current.to}</span>
        </label>
        <label className="radio-line">
          <input type="radio" name="qbr-period" checked={choice === 'last'} onChange={() => setChoice('last')} autoFocus={choice === 'last'} />
          {periodLabel(last.from, last.to)} <span className="muted small">{last.from} – {last.to}</span>
        </label>
        <label className="radio-line">
          <input type="radio" name="qbr-period" checked={choice === 'custom'} onChange={() => setChoice('custom')} />
          Other dates
        </label>
        {choice === 'custom' && (
          <div className="na-row two">
            <div className="qc-field">
              <label htmlFor="qbr-from">From</label>
              <DateInput id="qbr-from" value={custom.from} onChange={(e) => setCustom((c) => ({ ...c, from: e.target.value }))} />
            </div>
            <div className="qc-field">
              <label htmlFor="qbr-to">To</label>
              <DateInput id="qbr-to" value={custom.to} onChange={(e) => setCustom((c) => ({ ...c, to: e.target.value }))} />
            </div>
          </div>
        )}
      </fieldset>
      <fieldset className="qc-fieldset">
        <legend className="label">Copy</legend>
        <label className="radio-line">
          <input type="radio" name="qbr-audience" checked={audience === 'internal'} onChange={() => setAudience('internal')} />
          Internal <span className="muted small">score explained, flags, relationships, pulse and notes</span>
        </label>
        <label className="radio-line">
          <input type="radio" name="qbr-audience" checked={audience === 'customer'} onChange={() => setAudience('customer')} />
          Customer copy <span className="muted small">usage, support, goals, meetings held and the next steps you shared</span>
        </label>
        {audience === 'customer' && (
          <div className="indent">
            <label className="radio-line">
              <input type="checkbox" checked={includeHealth} onChange={(e) => setIncludeHealth(e.target.checked)} />
              Include the health score
            </label>
            <label className="radio-line">
              <input type="checkbox" checked={includeRevenue} onChange={(e) => setIncludeRevenue(e.target.checked)} />
              Include the subscription changes of the period
            </label>
          </div>
        )}
      </fieldset>
      <div className="qc-field paper-field">
        <label htmlFor="qbr-paper">Paper</label>
        <select id="qbr-paper" value={paper} onChange={(e) => setPaper(e.target.value as 'a4' | 'letter')}>
          <option value="a4">A4</option>
          <option value="letter">Letter</option>
        </select>
      </div>
    </DialogForm>
  );
}
