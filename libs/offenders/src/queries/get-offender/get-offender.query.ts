/** Read one offender's current state, folded from their stream. */
export class GetOffenderQuery {
  constructor(readonly offenderId: string) {}
}
