// Where the app opens (issue 17.5): on Today when something is due and the CSM has not turned that
// off (Today's footer), else on the portfolio. Decided once per start, on the route "/".
import { useEffect, useState } from 'react';
import { Navigate } from 'react-router';
import { useTodayStore } from '../stores/today';

export function Landing() {
  const [to, setTo] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void useTodayStore
      .getState()
      .landing()
      .then((route) => live && setTo(route));
    return () => {
      live = false;
    };
  }, []);
  return to ? <Navigate to={to} replace /> : null;
}
