import { memo, type ComponentType } from 'react';
import type { Plan } from '../../shared/domain/Plan.js';

/**
 * A view of the live plan that renders again only when what it shows of the
 * plan changed: `model(plan)` compared as JSON, every other prop by identity.
 * The live plan is a new object on every read (every few keys while someone
 * types), and a React commit while the editor has the focus walks the whole
 * editor DOM; typing in a description changes no financing table.
 */
export function memoByModel<Props extends { plan: Plan }>(component: ComponentType<Props>, model: (plan: Plan) => unknown): ComponentType<Props> {
  const keys = new WeakMap<Plan, string>();
  const keyOf = (plan: Plan): string => {
    let key = keys.get(plan);
    if (key === undefined) {
      key = JSON.stringify(model(plan));
      keys.set(plan, key);
    }
    return key;
  };
  return memo(component, (previous, next) => {
    for (const name of Object.keys(next) as (keyof Props)[]) {
      if (name !== 'plan' && previous[name] !== next[name]) return false;
    }
    return previous.plan === next.plan || keyOf(previous.plan) === keyOf(next.plan);
  });
}
