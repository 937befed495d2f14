/** An offender's derived state as true on `asAt`, according to what was recorded by `knownAt` (everything, when absent). */
export class GetOffenderStateAtQuery {
  constructor(
    readonly offenderId: string,
    readonly asAt: string,
    readonly knownAt?: string,
  ) {}
}
