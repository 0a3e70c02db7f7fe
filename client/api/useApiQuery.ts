import { useCallback, useEffect, useState, type DependencyList } from 'react';

export type QueryState<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

/**
 * Loads data for a page and reloads it on demand. A later answer always wins
 * over an earlier one, so fast navigation never shows stale data.
 */
export function useApiQuery<T>(load: () => Promise<T>, deps: DependencyList): { state: QueryState<T>; reload: () => void } {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  // The caller names the inputs of `load`, as with useEffect.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's `deps` are the dependencies, as with useEffect
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    let isCurrent = true;
    stableLoad().then(
      (data) => isCurrent && setState({ status: 'ready', data }),
      (error: unknown) => isCurrent && setState({ status: 'error', error }),
    );
    return () => {
      isCurrent = false;
    };
  }, [stableLoad, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { state, reload };
}
