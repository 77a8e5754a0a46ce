/** MANUAL 5.3: a corrective action, owned and due-dated, tracked to closure. */
export const ACTION_STATES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionState = (typeof ACTION_STATES)[number];
export const SOURCE_KINDS = ['alert', 'scorecard', 'ledger-entry'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Where each state may go next; done and cancelled are final. */
export const NEXT_STATES: Readonly<Record<ActionState, readonly ActionState[]>> = {
  open: ['in_progress', 'cancelled'],
  in_progress: ['done', 'cancelled'],
  done: [],
  cancelled: [],
};

export interface ActionTransition {
  from: ActionState | null;
  to: ActionState;
  actor: string;
  note: string | null;
  at: Date;
}

export interface ImprovementAction {
  id: string;
  tenantId: string;
  title: string;
  source: { kind: SourceKind; id: string };
  owner: string;
  dueAt: Date;
  state: ActionState;
  history: ActionTransition[];
  createdAt: Date;
  updatedAt: Date;
}

export class IllegalActionTransition extends Error {
  constructor(
    readonly from: ActionState,
    readonly to: ActionState,
  ) {
    super(`An improvement action cannot go from ${from} to ${to}; from ${from} it may go to ${NEXT_STATES[from].join(', ') || 'nothing (it is closed)'}`);
  }
}

export function openAction(fields: { id: string; tenantId: string; title: string; source: ImprovementAction['source']; owner: string; dueAt: Date }, actor: string, at: Date): ImprovementAction {
  return { ...fields, state: 'open', history: [{ from: null, to: 'open', actor, note: null, at }], createdAt: at, updatedAt: at };
}

export function transitionAction(action: ImprovementAction, to: ActionState, actor: string, note: string | null, at: Date): ImprovementAction {
  if (!NEXT_STATES[action.state].includes(to)) throw new IllegalActionTransition(action.state, to);
  return { ...action, state: to, history: [...action.history, { from: action.state, to, actor, note, at }], updatedAt: at };
}

/** Overdue: still open or in progress after its due time (computed on read, never stored). */
export function isOverdue(action: Pick<ImprovementAction, 'state' | 'dueAt'>, now: Date): boolean {
  return (action.state === 'open' || action.state === 'in_progress') && action.dueAt.getTime() < now.getTime();
}
