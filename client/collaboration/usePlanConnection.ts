import { useEffect, useState } from 'react';
import { PlanConnection } from './PlanConnection.js';

/** A PlanConnection for as long as the component shows this plan under this name. */
export function usePlanConnection(planId: string, displayName: string): PlanConnection | null {
  const [connection, setConnection] = useState<PlanConnection | null>(null);
  useEffect(() => {
    const created = new PlanConnection({ planId, displayName });
    setConnection(created);
    return () => {
      setConnection(null);
      created.destroy();
    };
  }, [planId, displayName]);
  return connection;
}
