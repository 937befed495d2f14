import { DomainError, type DomainErrorCode } from '../errors/domain-error';
import type { Decider } from '../offender/offender.decider';

/**
 * Given/when/then for deciders, after Emmett's DeciderSpecification:
 * `spec.given(events).when(command).then(expectedEvents)` or `.thenRefuses(code)`.
 * Uses jest's `expect`, so it is only for tests.
 */
export function deciderSpecification<S, C, E, X>(decider: Decider<S, C, E, X>, context: X) {
  return {
    given(history: E[]) {
      return {
        when(command: C) {
          const run = () => decider.decide(command, history.reduce(decider.evolve, decider.initialState), context);
          return {
            /** The command succeeds with exactly these events, which fold without error. */
            then(expected: E[]) {
              const events = run();
              expect(events).toEqual(expected);
              [...history, ...events].reduce(decider.evolve, decider.initialState);
            },
            /** The command is refused with this stable code (and, if given, about this field). */
            thenRefuses(code: DomainErrorCode, field?: string) {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(DomainError);
              expect((thrown as DomainError).code).toBe(code);
              if (field !== undefined) expect((thrown as DomainError).field).toBe(field);
            },
          };
        },
      };
    },
  };
}
