// Settings → When Tend opens (issue 17.5): open on Today when something is due, else the portfolio.
// The same preference as the box at the foot of Today (today.preferences), saved as soon as it is
// ticked — it changes no score, so it waits for no Save.
import { useEffect } from 'react';
import { useTodayStore } from '../../stores/today';

export function StartupSettings() {
  const openOnToday = useTodayStore((s) => s.openOnToday);
  const loadPreferences = useTodayStore((s) => s.loadPreferences);
  const setOpenOnToday = useTodayStore((s) => s.setOpenOnToday);
  useEffect(() => {
    void loadPreferences();
  }, [loadPreferences]);
  return (
    <section className="panel startup-settings" aria-labelledby="startup-settings-heading">
      <h2 id="startup-settings-heading">When Tend opens</h2>
      <label className="check">
        <input type="checkbox" checked={openOnToday ?? false} disabled={openOnToday === null} onChange={(event) => void setOpenOnToday(event.target.checked)} />
        <span>Open on Today when something is due (otherwise the portfolio)</span>
      </label>
      <p className="muted small section-hint">Saved at once; the same box sits at the foot of Today.</p>
    </section>
  );
}
