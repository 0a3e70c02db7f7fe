import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../forms/TextField.js';
import { useFormSubmit } from '../forms/useFormSubmit.js';
import { registerPath } from '../routing/parseRoute.js';
import { AuthPage } from './AuthPage.js';
import { isEmailLike } from './isEmailLike.js';
import { useSession } from './useSession.js';

/** /login?next=…: after logging in the user goes back to where they were sent from. */
export function LoginPage({ next }: { next: string }) {
  const { t } = useTranslation();
  const { login } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});

  const form = useFormSubmit({
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
    <AuthPage
      heading={t('auth.loginHeading')}
      next={next}
      form={form}
      submitLabel={t('auth.login')}
      pendingLabel={t('auth.loggingIn')}
      switchPrompt={t('auth.noAccount')}
      switchLabel={t('auth.registerLink')}
      switchHref={registerPath(next)}
    >
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
    </AuthPage>
  );
}
