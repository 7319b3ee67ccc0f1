import { useTranslation } from 'react-i18next';
import { NavIcon } from '../components/NavIcon';
import { hrefFor, NAV_ITEMS, type RouteId } from './routes';

export function Sidebar({ current }: { current: RouteId }) {
  const { t } = useTranslation();
  return (
    <nav className="sidebar" aria-label={t('app.mainNavigation')}>
      <div className="sidebar__inner">
        <ul className="sidebar__list">
          {NAV_ITEMS.map((item) => {
            const active = item.id === current;
            return (
              <li key={item.id}>
                <a
                  href={hrefFor(item.id)}
                  className={active ? 'sidebar__link sidebar__link--active' : 'sidebar__link'}
                  aria-current={active ? 'page' : undefined}
                  data-testid={`nav-${item.id}`}
                >
                  <NavIcon id={item.id} />
                  <span>{t(item.labelKey)}</span>
                </a>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
