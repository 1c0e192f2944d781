// The shell: sidebar + routed screen. Global keys: Ctrl/Cmd+1…7 switch screens (the Electron menu
// sends the same commands); the menu's "db:changed" reloads everything.
import { useEffect } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import type { MenuCommand } from '../shared/contract';
import { onMenu } from './api';
import { LiveRegion } from './components/Announcer';
import { ErrorBanner } from './components/ErrorBanner';
import { Sidebar } from './components/Sidebar';
import { Overlays } from './overlays';
import { CaptureDrop } from './components/capture/CaptureDrop';
import { AccountScreen } from './screens/Account/AccountScreen';
import { CaptureScreen } from './screens/Capture/CaptureScreen';
import { ForecastScreen } from './screens/Forecast/ForecastScreen';
import { ImportScreen } from './screens/Import/ImportScreen';
import { RenewalsScreen } from './screens/Renewals/RenewalsScreen';
import { PortfolioScreen } from './screens/Portfolio/PortfolioScreen';
import { QbrPrint } from './screens/Report/QbrPrint';
import { BriefPrint } from './screens/Report/BriefPrint';
import { ReviewPrint } from './screens/Report/ReviewPrint';
import { SettingsScreen } from './screens/Settings/SettingsScreen';
import { TodayScreen } from './screens/Today/TodayScreen';
import { Landing } from './components/Landing';
import { TrendsScreen } from './screens/Trends/TrendsScreen';
import { useAccountsStore } from './stores/accounts';
import { useAppStore } from './stores/app';
import { useFileCaptureStore } from './stores/fileCapture';
import { useReportStore } from './stores/report';
import { previousMonth } from '../shared/dates';

const SCREEN_KEYS: Record<string, string> = { '1': '/portfolio', '2': '/today', '3': '/import', '4': '/settings', '5': '/renewals', '6': '/forecast', '7': '/trends' };
const MENU_ROUTES: Partial<Record<MenuCommand, string>> = {
  'navigate:portfolio': '/portfolio',
  'navigate:today': '/today',
  'navigate:import': '/import',
  'navigate:settings': '/settings',
  'open:capture': '/capture',
  'navigate:renewals': '/renewals',
  'navigate:forecast': '/forecast',
  'navigate:trends': '/trends',
};

/** Print routes render the document alone: no sidebar, no overlays (see shared/print.ts). */
function PrintRoutes() {
  return (
    <Routes>
      <Route path="/print/qbr/:id" element={<QbrPrint />} />
      <Route path="/print/review/:month" element={<ReviewPrint />} />
      <Route path="/print/brief/:id" element={<BriefPrint />} />
    </Routes>
  );
}

export function App() {
  return useLocation().pathname.startsWith('/print/') ? <PrintRoutes /> : <Shell />;
}

function Shell() {
  const { info, error, notice, noticeAction, loadInfo, clearError, clearNotice } = useAppStore();
  const navigate = useNavigate();

  useEffect(() => {
    void loadInfo();
  }, [loadInfo]);

  useEffect(
    () =>
      onMenu((command) => {
        const route = MENU_ROUTES[command];
        if (route) navigate(route);
        if (command === 'open:capture') void useFileCaptureStore.getState().choose();
        if (command === 'export:qbr') {
          const match = /^\/accounts\/(\d+)/.exec(window.location.hash.slice(1));
          if (match) useReportStore.getState().openExport(Number(match[1]));
          else useAppStore.getState().notify('Open an account first, then choose File → Export QBR….');
        }
        if (command === 'export:review') {
          const asOf = useAppStore.getState().info?.asOf;
          if (asOf) void useReportStore.getState().exportReview({ month: previousMonth(asOf.slice(0, 7)) });
        }
        if (command === 'db:changed') {
          void loadInfo();
          void useAccountsStore.getState().load();
          navigate('/portfolio');
        }
      }),
    [navigate, loadInfo],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && SCREEN_KEYS[event.key]) {
        event.preventDefault();
        navigate(SCREEN_KEYS[event.key]);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  return (
    <div className="app">
      <Sidebar dbFile={info?.dbFile ?? null} />
      <main className="main">
        {error && <ErrorBanner message={error} onClose={clearError} />}
        {notice && <ErrorBanner key={notice} message={notice} onClose={clearNotice} tone="notice" action={noticeAction} />}
        <Routes>
          <Route path="/" element={<Landing />} />
          <Route path="/portfolio" element={<PortfolioScreen />} />
          <Route path="/accounts/:id" element={<AccountScreen />} />
          <Route path="/today" element={<TodayScreen />} />
          <Route path="/import" element={<ImportScreen />} />
          <Route path="/settings" element={<SettingsScreen />} />
          <Route path="/capture" element={<CaptureScreen />} />
          <Route path="/renewals" element={<RenewalsScreen />} />
          <Route path="/forecast" element={<ForecastScreen />} />
          <Route path="/trends" element={<TrendsScreen />} />
          <Route path="*" element={<Navigate to="/portfolio" replace />} />
        </Routes>
      </main>
      <Overlays />
      <CaptureDrop />
      <LiveRegion />
    </div>
  );
}
