import { useEffect, useState } from 'react';
import type { Consultation, ConsultationRemark } from '../../shared/consultations/Consultation.js';
import type { ServerChannel } from '../collaboration/ServerChannel.js';
import { listConsultations, listRemarks } from './consultationApi.js';

export type Loaded<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

/** The plan's consultations, newest first, kept current by the server's plan events. */
export function useConsultations(planId: string, channel: ServerChannel): Loaded<Consultation[]> {
  const [state, setState] = useState<Loaded<Consultation[]>>({ status: 'loading' });
  useEffect(() => {
    let isCurrent = true;
    listConsultations(planId).then(
      (data) => isCurrent && setState({ status: 'ready', data }),
      (error: unknown) => isCurrent && setState({ status: 'error', error }),
    );
    const unsubscribe = channel.onPlanEvent((event) => {
      if (event.type !== 'consultationChanged') return;
      setState((previous) => {
        const list = previous.status === 'ready' ? previous.data : [];
        const others = list.filter((entry) => entry.id !== event.consultation.id);
        return { status: 'ready', data: [event.consultation, ...others].sort((a, b) => b.number - a.number) };
      });
    });
    return () => {
      isCurrent = false;
      unsubscribe();
    };
  }, [planId, channel]);
  return state;
}

/** One consultation's remarks in order of arrival; a remark sent or answered anywhere shows at once. */
export function useRemarks(consultationId: string, channel: ServerChannel): { state: Loaded<ConsultationRemark[]>; replace: (remark: ConsultationRemark) => void } {
  const [state, setState] = useState<Loaded<ConsultationRemark[]>>({ status: 'loading' });
  const replace = (remark: ConsultationRemark): void =>
    setState((previous) => {
      if (remark.consultationId !== consultationId) return previous;
      const list = previous.status === 'ready' ? previous.data : [];
      return { status: 'ready', data: [...list.filter((entry) => entry.id !== remark.id), remark].sort((a, b) => a.number - b.number) };
    });
  useEffect(() => {
    let isCurrent = true;
    setState({ status: 'loading' });
    listRemarks(consultationId).then(
      (data) => isCurrent && setState({ status: 'ready', data }),
      (error: unknown) => isCurrent && setState({ status: 'error', error }),
    );
    const unsubscribe = channel.onPlanEvent((event) => {
      if (event.type === 'remarkChanged') replace(event.remark);
    });
    return () => {
      isCurrent = false;
      unsubscribe();
    };
    // `replace` only closes over the id, which is a dependency already.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [consultationId, channel]);
  return { state, replace };
}
