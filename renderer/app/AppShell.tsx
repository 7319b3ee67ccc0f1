import { useEffect, useRef, type ComponentType, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Door } from '../api/transport';
import { BackupsPage } from '../pages/backups/BackupsPage';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { SetupPage } from '../pages/setup/SetupPage';
import { StaffModelsPage } from '../pages/staff-models/StaffModelsPage';
import { VoicePreviewPage } from '../pages/voice-preview/VoicePreviewPage';
import { AlertBanner } from '../components/metrics/AlertBanner';
import { Header } from './Header';
import { NAV_ITEMS, type RouteId } from './routes';
import { Sidebar } from './Sidebar';
import { useHashRoute } from './use-hash-route';

const PAGES: Record<RouteId, ComponentType> = {
  setup: SetupPage,
  dashboard: DashboardPage,
  'staff-models': StaffModelsPage,
  'voice-preview': VoicePreviewPage,
  backups: BackupsPage,
  settings: SettingsPage,
};

export function AppShell({ door }: { door: Door }) {
  const { t } = useTranslation();
  const route = useHashRoute();
  const main = useRef<HTMLElement>(null);
  const firstRoute = useRef<RouteId | null>(route);
  const Page = PAGES[route];
  const label = NAV_ITEMS.find((item) => item.id === route)?.labelKey ?? 'nav.dashboard';
  const pageTitle = t(label);

  useEffect(() => {
    document.title = `${pageTitle} · ${t('app.name')}`;
  }, [pageTitle, t]);

  // After a navigation, move focus to the new page's heading (not on first load, where the skip
  // link must stay the first thing Tab reaches).
  useEffect(() => {
    if (firstRoute.current === route) return;
    firstRoute.current = null;
    main.current?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: false });
  }, [route]);

  // The skip link must not change location.hash: the hash is the router's.
  function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
    event.preventDefault();
    main.current?.focus();
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main-content" onClick={skipToMain}>
        {t('app.skipToContent')}
      </a>
      <Header door={door} />
      <div className="shell__body">
        <Sidebar current={route} />
        <main className="shell__main" id="main-content" tabIndex={-1} ref={main} data-testid={`page-${route}`}>
          <div className="content">
            <AlertBanner />
            <Page key={route} />
          </div>
        </main>
      </div>
    </div>
  );
}
