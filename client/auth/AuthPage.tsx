import { useEffect, type ReactNode } from 'react';
import { FormError } from '../forms/FormError.js';
import type { FormSubmit } from '../forms/useFormSubmit.js';
import { Link } from '../routing/Link.js';
import { navigate } from '../routing/navigate.js';
import { useSession } from './useSession.js';

export interface AuthPageProps {
  heading: string;
  /** Where to go once the user is logged in. */
  next: string;
  form: FormSubmit;
  submitLabel: string;
  pendingLabel: string;
  /** The link to the other auth page (login ↔ register), with the text before it. */
  switchPrompt: string;
  switchLabel: string;
  switchHref: string;
  /** The form's fields. */
  children: ReactNode;
}

/** The login and register pages' shell: one card with the form, and a way back to `next` once logged in. */
export function AuthPage({ heading, next, form, submitLabel, pendingLabel, switchPrompt, switchLabel, switchHref, children }: AuthPageProps) {
  const { state } = useSession();
  const isLoggedIn = state.status === 'authenticated';
  useEffect(() => {
    if (isLoggedIn) navigate(next, { replace: true });
  }, [isLoggedIn, next]);

  return (
    <div className="auth-page">
      <h1 className="page-title">{heading}</h1>
      <form className="card" onSubmit={form.onSubmit} noValidate aria-label={heading}>
        <FormError message={form.formError} />
        {children}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={form.isPending}>
            {form.isPending ? pendingLabel : submitLabel}
          </button>
        </div>
        <p className="auth-page__switch">
          {switchPrompt} <Link href={switchHref}>{switchLabel}</Link>
        </p>
      </form>
    </div>
  );
}
