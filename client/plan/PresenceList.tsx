import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanConnection } from '../collaboration/PlanConnection.js';
import { usePresence } from '../collaboration/usePresence.js';

function PresenceListContent({ connection }: { connection: PlanConnection }) {
  const { t } = useTranslation();
  const users = usePresence(connection);
  const others = users.filter((user) => !user.isSelf);
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="presence__heading">
        {t('presence.heading')}
      </h2>
      <ul className="presence__list">
        {users.map((user) => (
          <li key={user.clientId} className="presence__user" data-self={user.isSelf || undefined}>
            <span
              className="presence__swatch"
              aria-hidden="true"
              style={user.color === null ? undefined : { backgroundColor: user.color, borderColor: user.color }}
            />
            <span className="presence__name">{user.name}</span>
            {user.isSelf && <span className="presence__you">{t('presence.you')}</span>}
          </li>
        ))}
      </ul>
      {others.length === 0 && <p className="presence__empty">{t('presence.nobody')}</p>}
    </section>
  );
}

/** Its parent renders on every read of the live plan; the list changes only with the awareness states. */
export const PresenceList = memo(PresenceListContent);
