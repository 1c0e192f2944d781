// Today's meetings, captured from calendars: each one links to its account's brief (the account page
// with the brief open), with the account's band, renewal countdown and open flags at a glance.
// Nothing shows when no meeting was captured for today.
import { useEffect } from 'react';
import { Link } from 'react-router';
import { labelOf } from '../../../shared/format';
import { useBriefStore } from '../../stores/brief';
import './brief.css';

export function MeetingsToday() {
  const { meetings, loadMeetings } = useBriefStore();
  useEffect(() => {
    void loadMeetings();
  }, [loadMeetings]);
  if (!meetings || meetings.meetings.length === 0) return null;
  return (
    <section className="today-section meetings-today" aria-labelledby="h-meetings">
      <h2 id="h-meetings">
        Meetings today <span className="count muted">{meetings.meetings.length}</span>
      </h2>
      <ul className="brief-list">
        {meetings.meetings.map((m) => (
          <li key={m.touchId}>
            <span className="nowrap meeting-time">{m.time ?? 'all day'}</span>
            <Link to={`/accounts/${m.accountId}?brief=1`} aria-label={`Brief: ${m.accountName}`}>
              {m.accountName}
            </Link>
            <span className="muted"> — {m.summary}</span>
            <span className="muted small">
              {' '}
              · {m.band ? (m.band === 'no_data' ? 'not enough data' : labelOf(m.band)) : 'not scored'}
              {m.renewalInDays !== null && m.renewalInDays >= 0 && m.renewalInDays <= 90 ? ` · renews in ${m.renewalInDays} days` : ''}
              {m.openFlags ? ` · ${m.openFlags} open flag${m.openFlags === 1 ? '' : 's'}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
