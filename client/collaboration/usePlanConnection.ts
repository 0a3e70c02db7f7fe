import { useEffect, useState } from 'react';
import { PlanConnection } from './PlanConnection.js';

/** A PlanConnection for as long as the component shows this plan to this user. */
export function usePlanConnection(planId: string, user: { id: string; name: string }): PlanConnection | null {
  const [connection, setConnection] = useState<PlanConnection | null>(null);
  useEffect(() => {
    const created = new PlanConnection({ planId, user: { id: user.id, name: user.name } });
    setConnection(created);
    return () => {
      setConnection(null);
      created.destroy();
    };
  }, [planId, user.id, user.name]);
  return connection;
}
