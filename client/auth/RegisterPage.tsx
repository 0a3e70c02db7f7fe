import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/ApiError.js';
import { apiErrorMessage } from '../api/apiErrorMessage.js';
import { TextField } from '../forms/TextField.js';
import { useFormSubmit } from '../forms/useFormSubmit.js';
import { loginPath } from '../routing/parseRoute.js';
import { AuthPage } from './AuthPage.js';
import { isEmailLike } from './isEmailLike.js';
import { useSession } from './useSession.js';

// Mirrors the server's policy (server/accounts/passwordPolicy.ts) so the common mistake is caught before sending.
const MIN_PASSWORD_LENGTH = 10;

interface FieldErrors {
  name?: string;
  email?: string;
  password?: string;
}

/** /register?next=…: creates the account, logs in and returns to `next`. */
export function RegisterPage({ next }: { next: string }) {
  const { t } = useTranslation();
  const { register } = useSession();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const form = useFormSubmit({
    validate: () => {
      const errors: FieldErrors = {
        name: name.trim() === '' ? t('auth.nameRequired') : undefined,
        email: isEmailLike(email) ? undefined : t('auth.emailInvalid'),
        password: password.length < MIN_PASSWORD_LENGTH ? t('errors.weakPassword.tooShort') : undefined,
      };
      setFieldErrors(errors);
      return Object.values(errors).every((error) => error === undefined);
    },
    send: () => register({ name: name.trim(), email: email.trim(), password }),
    showFieldError: (error) => {
      if (isApiError(error, 'emailTaken')) setFieldErrors({ email: apiErrorMessage(error, t) });
      else if (isApiError(error, 'weakPassword')) setFieldErrors({ password: apiErrorMessage(error, t) });
      else return false;
      return true;
    },
    staysPendingOnSuccess: true,
  });

  return (
    <AuthPage
      heading={t('auth.registerHeading')}
      next={next}
      form={form}
      submitLabel={t('auth.register')}
      pendingLabel={t('auth.registering')}
      switchPrompt={t('auth.haveAccount')}
      switchLabel={t('auth.loginLink')}
      switchHref={loginPath(next)}
    >
      <TextField
        label={t('auth.name')}
        hint={t('auth.nameHint')}
        name="name"
        autoComplete="name"
        value={name}
        onChange={setName}
        error={fieldErrors.name}
        maxLength={100}
      />
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
        hint={t('auth.passwordHint')}
        name="password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        error={fieldErrors.password}
        maxLength={128}
      />
    </AuthPage>
  );
}
