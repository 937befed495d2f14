/** Read one offender's stream: every event with its envelope. */
export class GetOffenderEventsQuery {
  constructor(readonly offenderId: string) {}
}
