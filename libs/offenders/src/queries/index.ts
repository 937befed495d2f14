// The queries on one offender, with the views they answer.
export * from './get-offender/get-offender.handler';
export * from './get-offender/get-offender.query';
export * from './get-offender/offender-view';
export * from './get-offender-events/get-offender-events.handler';
export * from './get-offender-events/get-offender-events.query';
export * from './get-offender-state-at/get-offender-state-at.handler';
export * from './get-offender-state-at/get-offender-state-at.query';
