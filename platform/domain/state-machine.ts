import { DomainError, ErrorCode } from './errors.js';

/** One named transition: the states it may start from and the state it leads to. */
export interface TransitionRule<S extends string> {
  readonly from: readonly S[];
  readonly to: S;
}

/** A state machine as data: action name → rule. Anything not listed is refused. */
export type TransitionTable<S extends string, A extends string> = Readonly<Record<A, TransitionRule<S>>>;

/**
 * Returns the state `action` leads to from `current`, or throws INVALID_TRANSITION naming the allowed
 * actions, so a client learns what it can do instead of just that it failed.
 */
export function nextState<S extends string, A extends string>(
  entity: string,
  table: TransitionTable<S, A>,
  current: S,
  action: A,
): S {
  const rule = table[action];
  if (!rule || !rule.from.includes(current)) {
    const allowed = (Object.keys(table) as A[]).filter((a) => table[a].from.includes(current));
    throw new DomainError(
      ErrorCode.INVALID_TRANSITION,
      `${entity} cannot ${action.toLowerCase().replace(/_/g, ' ')} from ${current}`,
      { entity, action, from: current, allowedActions: allowed },
    );
  }
  return rule.to;
}

/** Actions allowed from a state (for UIs and docs). */
export function allowedActions<S extends string, A extends string>(table: TransitionTable<S, A>, current: S): A[] {
  return (Object.keys(table) as A[]).filter((a) => table[a].from.includes(current));
}
