import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../shared/workspace/Invitation.js';
import { ROLES, type Role } from '../../shared/workspace/roles.js';
import { apiErrorMessage } from '../api/apiErrorMessage.js';
import { createInvitation, listInvitations, revokeInvitation } from '../api/invitationApi.js';
import { useApiQuery } from '../api/useApiQuery.js';
import { isEmailLike } from '../auth/isEmailLike.js';
import { FormError } from '../forms/FormError.js';
import { SelectField } from '../forms/SelectField.js';
import { TextField } from '../forms/TextField.js';
import { useFormSubmit } from '../forms/useFormSubmit.js';
import { invitationPath } from '../routing/parseRoute.js';
import { ConfirmButton } from './ConfirmButton.js';
import { CopyTextButton } from './CopyTextButton.js';
import { formatDate } from './formatDate.js';

const EXPIRY_CHOICES = ['1', '3', '7', '14', '30'] as const;
type ExpiryChoice = (typeof EXPIRY_CHOICES)[number];

/** For the chair: create an invitation link, see the pending ones, revoke them. */
export function InvitationPanel({ workspaceId, onChanged }: { workspaceId: string; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { state, reload } = useApiQuery(() => listInvitations(workspaceId), [workspaceId]);
  const [role, setRole] = useState<Role>('member');
  const [email, setEmail] = useState('');
  const [expiry, setExpiry] = useState<ExpiryChoice>('7');
  const [emailError, setEmailError] = useState<string | null>(null);
  // Built from this page's origin: the link must open the app the chair is using, even behind a proxy.
  const [createdLink, setCreatedLink] = useState<{ url: string; role: Role } | null>(null);

  const trimmedEmail = email.trim();
  const { formError, isPending, onSubmit } = useFormSubmit({
    validate: () => {
      const isValid = trimmedEmail === '' || isEmailLike(trimmedEmail);
      setEmailError(isValid ? null : t('auth.emailInvalid'));
      return isValid;
    },
    send: async () => {
      const created = await createInvitation(workspaceId, {
        role,
        email: trimmedEmail === '' ? undefined : trimmedEmail,
        expiresInDays: Number(expiry),
      });
      setCreatedLink({ url: `${location.origin}${invitationPath(created.token)}`, role });
      setEmail('');
      reload();
    },
  });

  const now = Date.now();
  const stateOf = (invitation: Invitation): 'accepted' | 'expired' | 'pending' =>
    invitation.acceptedBy !== null ? 'accepted' : invitation.expiresAt <= now ? 'expired' : 'pending';

  return (
    <section className="card card--wide" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{t('invitations.heading')}</h2>
      <form className="subcard" onSubmit={onSubmit} noValidate aria-labelledby="create-invitation-heading">
        <h3 id="create-invitation-heading">{t('invitations.createHeading')}</h3>
        <FormError message={formError} />
        <div className="field-row">
          <SelectField
            label={t('invitations.role')}
            name="invitationRole"
            value={role}
            onChange={setRole}
            options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
          />
          <SelectField
            label={t('invitations.expiry')}
            name="invitationExpiry"
            value={expiry}
            onChange={setExpiry}
            options={EXPIRY_CHOICES.map((value) => ({ value, label: value }))}
          />
        </div>
        <TextField
          label={t('invitations.email')}
          hint={t('invitations.emailHint')}
          name="invitationEmail"
          type="email"
          value={email}
          onChange={setEmail}
          error={emailError}
          maxLength={254}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isPending}>
            {isPending ? t('common.saving') : t('invitations.create')}
          </button>
        </div>
      </form>
      {createdLink !== null && (
        <div className="notice notice--success invitation-link" role="status">
          <p>{t('invitations.created', { role: t(`role.${createdLink.role}`) })}</p>
          <div className="field__row">
            <input
              className="invitation-link__url"
              readOnly
              value={createdLink.url}
              aria-label={t('invitations.link')}
              onFocus={(event) => event.target.select()}
            />
            <CopyTextButton text={createdLink.url} />
          </div>
        </div>
      )}
      <h3>{t('invitations.listHeading')}</h3>
      {state.status === 'loading' && (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <div className="notice notice--error" role="alert">
          {apiErrorMessage(state.error, t)}
        </div>
      )}
      {state.status === 'ready' && state.data.length === 0 && <p className="empty">{t('invitations.none')}</p>}
      {state.status === 'ready' && state.data.length > 0 && (
        <ul className="item-list">
          {state.data.map((invitation) => {
            const invitationState = stateOf(invitation);
            return (
              <li key={invitation.id} className="item-list__item" data-invitation-state={invitationState}>
                <span className="item-list__title">{t(`role.${invitation.role}`)}</span>
                <span className={`badge${invitationState === 'pending' ? '' : ' badge--muted'}`}>{t(`invitations.state.${invitationState}`)}</span>
                <p className="item-list__meta">
                  {invitation.email ?? t('invitations.anyone')} ·{' '}
                  {t('invitations.expires', { date: formatDate(invitation.expiresAt, i18n.language) })}
                </p>
                {invitationState === 'pending' && (
                  <div className="item-list__actions">
                    <ConfirmButton
                      label={t('invitations.revoke')}
                      title={t('invitations.revokeConfirmTitle')}
                      message={t('invitations.revokeConfirm')}
                      confirmLabel={t('invitations.revoke')}
                      onConfirm={async () => {
                        await revokeInvitation(workspaceId, invitation.id);
                        reload();
                        onChanged();
                      }}
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
