import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../forms/FormError.js';
import { TextField } from '../forms/TextField.js';
import { useFormSubmit } from '../forms/useFormSubmit.js';
import { Link } from '../routing/Link.js';
import { navigate } from '../routing/navigate.js';
import { registerPath } from '../routing/parseRoute.js';
import { isEmailLike } from './isEmailLike.js';
import { useSession } from './useSession.js';

/** /login?next=…: after logging in the user goes back to where they were sent from. */
export function LoginPage({ next }: { next: string }) {
  const { t } = useTranslation();
  const { state, login } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});

  const isLoggedIn = state.status === 'authenticated';
  useEffect(() => {
    if (isLoggedIn) navigate(next, { replace: true });
  }, [isLoggedIn, next]);

  const { formError, isPending, onSubmit } = useFormSubmit({
    validate: () => {
      const errors = {
        email: isEmailLike(email) ? undefined : t('auth.emailInvalid'),
        password: password === '' ? t('auth.passwordRequired') : undefined,
      };
      setFieldErrors(errors);
      return errors.email === undefined && errors.password === undefined;
    },
    send: () => login({ email: email.trim(), password }),
    staysPendingOnSuccess: true,
  });

  return (
    <div className="auth-page">
      <h1 className="page-title">{t('auth.loginHeading')}</h1>
      <form className="card" onSubmit={onSubmit} noValidate aria-label={t('auth.loginHeading')}>
        <FormError message={formError} />
        <TextField
          label={t('auth.email')}
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={setEmail}
          error={fieldErrors.email}
          maxLength={254}
        />
        <TextField
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={fieldErrors.password}
          maxLength={128}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isPending}>
            {isPending ? t('auth.loggingIn') : t('auth.login')}
          </button>
        </div>
        <p className="auth-page__switch">
          {t('auth.noAccount')} <Link href={registerPath(next)}>{t('auth.registerLink')}</Link>
        </p>
      </form>
    </div>
  );
}
