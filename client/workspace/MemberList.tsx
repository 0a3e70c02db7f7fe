import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../shared/workspace/Member.js';
import { ROLES, can, type Role } from '../../shared/workspace/roles.js';
import { apiErrorMessage } from '../api/apiErrorMessage.js';
import type { User } from '../api/authApi.js';
import { changeMemberRole, removeMember } from '../api/workspaceApi.js';
import { navigate } from '../routing/navigate.js';
import { ConfirmButton } from './ConfirmButton.js';
import { formatDate } from './formatDate.js';

export interface MemberListProps {
  workspaceId: string;
  workspaceName: string;
  members: Member[];
  myRole: Role;
  user: User;
  onChanged: () => void;
}

/** Members and roles; the chair changes roles and removes people, anyone can leave. */
export function MemberList({ workspaceId, workspaceName, members, myRole, user, onChanged }: MemberListProps) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [pendingUserId, setPendingUserId] = useState<string | null>(null);
  const canManage = can(myRole, 'workspace.manageMembers');

  const changeRole = async (member: Member, role: Role): Promise<void> => {
    setError(null);
    setPendingUserId(member.userId);
    try {
      await changeMemberRole(workspaceId, member.userId, role);
      onChanged();
    } catch (caught) {
      setError(apiErrorMessage(caught, t));
    } finally {
      setPendingUserId(null);
    }
  };

  return (
    <section className="card card--wide" aria-labelledby="members-heading">
      <h2 id="members-heading">{t('members.heading', { count: members.length })}</h2>
      {error !== null && (
        <div className="notice notice--error" role="alert">
          {error}
        </div>
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('members.name')}</th>
            <th scope="col">{t('members.email')}</th>
            <th scope="col">{t('members.role')}</th>
            <th scope="col">{t('members.joined')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('members.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const isSelf = member.userId === user.id;
            return (
              <tr key={member.userId} data-member={member.email}>
                <th scope="row">
                  {member.name}
                  {isSelf && <span className="muted"> {t('presence.you')}</span>}
                </th>
                <td>{member.email}</td>
                <td>
                  {canManage ? (
                    <select
                      aria-label={t('members.roleOf', { name: member.name })}
                      value={member.role}
                      disabled={pendingUserId === member.userId}
                      onChange={(event) => {
                        const role = ROLES.find((candidate) => candidate === event.target.value);
                        if (role !== undefined) void changeRole(member, role);
                      }}
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`role.${role}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    t(`role.${member.role}`)
                  )}
                </td>
                <td>{formatDate(member.joinedAt, i18n.language)}</td>
                <td className="table__actions">
                  {isSelf ? (
                    <ConfirmButton
                      label={t('members.leave')}
                      title={t('members.leaveConfirmTitle')}
                      message={t('members.leaveConfirm', { workspace: workspaceName })}
                      confirmLabel={t('members.leave')}
                      onConfirm={async () => {
                        await removeMember(workspaceId, member.userId);
                        navigate('/');
                      }}
                    />
                  ) : (
                    canManage && (
                      <ConfirmButton
                        label={t('members.remove')}
                        accessibleLabel={t('members.removeNamed', { name: member.name })}
                        title={t('members.removeConfirmTitle')}
                        message={t('members.removeConfirm', { name: member.name, workspace: workspaceName })}
                        confirmLabel={t('members.remove')}
                        onConfirm={async () => {
                          await removeMember(workspaceId, member.userId);
                          onChanged();
                        }}
                      />
                    )
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
