// Where the app opens (issue 17.5): on Today when something is due and the CSM has not turned that
// off (Today's footer), else on the portfolio. Decided once per start, on the route "/".
import { useEffect, useState } from 'react';
import { Navigate } from 'react-router';
import { call } from '../api';
import { useTodayStore } from '../stores/today';

export function Landing() {
  const [to, setTo] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([call('today.preferences', {}), call('today.summary', {})]).then(
      ([preferences, summary]) => {
        useTodayStore.setState({ summary });
        if (live) setTo(preferences.openOnToday && summary.due > 0 ? '/today' : '/portfolio');
      },
      () => live && setTo('/portfolio'),
    );
    return () => {
      live = false;
    };
  }, []);
  return to ? <Navigate to={to} replace /> : null;
}
