import { useTranslation } from 'react-i18next';
import { HomePage } from './home/HomePage.js';
import { LanguageSwitch } from './i18n/LanguageSwitch.js';
import { PlanPage } from './plan/PlanPage.js';
import { navigate } from './routing/navigate.js';
import { useRoute } from './routing/useRoute.js';

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <a
            className="app-header__title"
            href="/"
            onClick={(event) => {
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              navigate('/');
            }}
          >
            {t('app.title')}
          </a>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {route.name === 'home' && (
          <>
            <h1 className="page-title">{t('app.title')}</h1>
            <p className="page-subtitle">{t('app.subtitle')}</p>
            <HomePage />
          </>
        )}
        {route.name === 'plan' && <PlanPage planId={route.planId} />}
        {route.name === 'notFound' && (
          <div className="notice notice--error" role="alert">
            {t('app.notFound')}
          </div>
        )}
      </main>
    </>
  );
}
