import { useTranslation } from 'react-i18next';
import { LogoMark } from './NavIcon';

export function Brand() {
  const { t } = useTranslation();
  return (
    <div className="brand">
      <LogoMark />
      <div className="brand__text">
        <span className="brand__name" data-testid="product-name">
          {t('app.name')}
        </span>
        <span className="brand__tagline">{t('app.tagline')}</span>
      </div>
    </div>
  );
}
