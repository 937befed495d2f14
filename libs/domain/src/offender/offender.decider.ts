import type { OffenderCommand } from './offender.commands';
import { decide, type DecideContext } from './offender.decide';
import type { OffenderEvent } from './offender.events';
import { evolve, initialState, type OffenderState } from './offender.state';

/** A decider: the pure core of one aggregate, in the shape Emmett uses. */
export interface Decider<State, Command, Event, Context> {
  initialState: State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State, context: Context): Event[];
}

/** The offender journey decider: one per offender stream. */
export const offenderDecider: Decider<OffenderState, OffenderCommand, OffenderEvent, DecideContext> = {
  initialState,
  evolve,
  decide,
};
