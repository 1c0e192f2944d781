// Today's money: renewals due within 30 days that have no forecast yet (forecast them here), and what
// the expansion signals suggest (create the opportunity or dismiss the suggestion). Shown below the
// reminders; mouse-driven, the reminders keep the keyboard.
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ExpansionSignalView } from '../../../shared/contracts/money';
import { formatCountdown } from '../../../shared/format';
import { useMoneyStore } from '../../stores/money';
import { money } from './format';
import { SignalList } from './OpportunitiesPanel';
import { ForecastPicker } from './RenewalPanel';
import './money.css';

const SIGNALS_SHOWN = 6;

export function MoneyToday() {
  const { today, loadToday, change } = useMoneyStore();
  const navigate = useNavigate();
  const [allSignals, setAllSignals] = useState(false);
  useEffect(() => {
    void loadToday();
  }, [loadToday]);
  if (!today || (today.renewals.length === 0 && today.signals.length === 0)) return null;
  const create = (s: ExpansionSignalView) =>
    void change('opportunities.create', { accountId: s.accountId, title: s.title, arrCents: s.arrCents ?? 0, source: s.source });
  const signals = allSignals ? today.signals : today.signals.slice(0, SIGNALS_SHOWN);
  return (
    <div className="money-today">
      {today.renewals.length > 0 && (
        <section className="today-section" aria-labelledby="h-money-renewals">
          <h2 id="h-money-renewals">
            Renewals without a forecast <span className="count">{today.renewals.length}</span>
          </h2>
          <ul>
            {today.renewals.map((r) => (
              <li key={r.id} className="today-item">
                <div className="today-main">
                  <span className="today-title">{r.accountName}</span>
                  <button type="button" className="link-button small account-link" onClick={() => navigate(`/accounts/${r.accountId}`)}>
                    Open the account
                  </button>
                </div>
                <span className="num small">{money(r.arrCents, r.currency)} ARR</span>
                <span className="due">renews {formatCountdown(r.dueDate, today.asOf)}</span>
                <ForecastPicker renewal={r} compact />
              </li>
            ))}
          </ul>
        </section>
      )}
      {today.signals.length > 0 && (
        <section className="today-section" aria-labelledby="h-money-signals">
          <h2 id="h-money-signals">
            Expansion signals <span className="count">{today.signals.length}</span>
          </h2>
          <SignalList signals={signals} onCreate={create} showAccount />
          {today.signals.length > SIGNALS_SHOWN && (
            <p className="small" style={{ padding: '0 16px 10px' }}>
              <button type="button" className="link-button" onClick={() => setAllSignals((v) => !v)}>
                {allSignals ? 'Show fewer' : `Show all ${today.signals.length}`}
              </button>
            </p>
          )}
        </section>
      )}
    </div>
  );
}
