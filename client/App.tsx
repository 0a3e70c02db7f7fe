import { useTranslation } from 'react-i18next';
import { LoginPage } from './auth/LoginPage.js';
import { RegisterPage } from './auth/RegisterPage.js';
import { RequireSession } from './auth/RequireSession.js';
import { SessionProvider } from './auth/SessionProvider.js';
import { UserMenu } from './auth/UserMenu.js';
import { HomePage } from './home/HomePage.js';
import { LanguageSwitch } from './i18n/LanguageSwitch.js';
import { PlanPage } from './plan/PlanPage.js';
import { PublicConsultationPage } from './consultation/PublicConsultationPage.js';
import { Link } from './routing/Link.js';
import type { Route } from './routing/parseRoute.js';
import { useRoute } from './routing/useRoute.js';
import { InvitationPage } from './workspace/InvitationPage.js';
import { WorkspacePage } from './workspace/WorkspacePage.js';

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  return (
    <SessionProvider>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link className="app-header__title" href="/">
            {t('app.title')}
          </Link>
          <div className="app-header__tools">
            <UserMenu />
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Page route={route} />
      </main>
    </SessionProvider>
  );
}

function Page({ route }: { route: Route }) {
  const { t } = useTranslation();
  switch (route.name) {
    case 'login':
      return <LoginPage next={route.next} />;
    case 'register':
      return <RegisterPage next={route.next} />;
    case 'invitation':
      return <InvitationPage key={route.token} token={route.token} />;
    case 'consultation':
      return <PublicConsultationPage key={route.token} token={route.token} />;
    case 'home':
      return <RequireSession>{() => <HomePage />}</RequireSession>;
    case 'workspace':
      return (
        <RequireSession>{(user) => <WorkspacePage key={route.workspaceId} workspaceId={route.workspaceId} user={user} />}</RequireSession>
      );
    case 'plan':
      return <RequireSession>{(user) => <PlanPage key={route.planId} planId={route.planId} user={user} />}</RequireSession>;
    case 'notFound':
      return (
        <div className="notice notice--error" role="alert">
          {t('app.notFound')}
        </div>
      );
  }
}
