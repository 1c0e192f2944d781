// Settings: the scoring weights, bands and cadences in force (read-only until the settings editor).
import { useEffect } from 'react';
import { COMPONENTS, SEGMENTS } from '../../../shared/domain';
import { labelOf } from '../../../shared/format';
import { useAppStore } from '../../stores/app';
import { useSettingsStore } from '../../stores/settings';

export function SettingsScreen() {
  const { settings, load } = useSettingsStore();
  const dbFile = useAppStore((s) => s.info?.dbFile);
  useEffect(() => {
    void load();
  }, [load]);
  if (!settings) return <div className="screen"><p className="muted">Loading…</p></div>;
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Settings</h1>
      </header>
      <div className="columns">
        <section className="panel">
          <h2>Health score weights</h2>
          <table className="simple">
            <tbody>
              {COMPONENTS.map((c) => (
                <tr key={c}>
                  <th scope="row">{labelOf(c)}</th>
                  <td className="num">{settings.weights[c]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="panel">
          <h2>Bands and cadence</h2>
          <table className="simple">
            <tbody>
              <tr>
                <th scope="row">Healthy from</th>
                <td className="num">{settings.bands.healthy}</td>
              </tr>
              <tr>
                <th scope="row">Watch from</th>
                <td className="num">{settings.bands.watch}</td>
              </tr>
              {SEGMENTS.map((s) => (
                <tr key={s}>
                  <th scope="row">{labelOf(s)} cadence</th>
                  <td className="num">{settings.cadenceDays[s]} days</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <section className="panel">
        <h2>Database</h2>
        <p className="mono">{dbFile}</p>
      </section>
    </div>
  );
}
