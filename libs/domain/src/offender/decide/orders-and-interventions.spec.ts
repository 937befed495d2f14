import type { OffenderEvent } from '../offender.events';
import { interventionStarted, onScheme, orderEnded, orderStarted, registered, spec, today, tomorrow } from './fixtures';

describe('needs', () => {
  it('a need is identified under its OASys section', () => {
    const data = { need: 'accommodation', identifiedOn: '2026-01-20', notes: 'Sofa surfing' } as const;
    spec.given(onScheme()).when({ type: 'IdentifyNeed', data }).then([{ type: 'NeedIdentified', data }]);
  });

  it('a need of a registered offender who is not yet adopted is identified', () => {
    const data = { need: 'drugs', identifiedOn: today } as const;
    spec.given([registered()]).when({ type: 'IdentifyNeed', data }).then([{ type: 'NeedIdentified', data }]);
  });

  it('a need identified in the future is refused', () => {
    spec.given(onScheme()).when({ type: 'IdentifyNeed', data: { need: 'finance', identifiedOn: tomorrow } }).thenRefuses('DATE.IN_FUTURE', 'identifiedOn');
  });
});

describe('interventions', () => {
  const withTreatment: OffenderEvent[] = [...onScheme(), interventionStarted('int-1', '2026-02-01')];

  it('an intervention for a need is started with its provider', () => {
    const data = { interventionId: 'int-2', need: 'education-training-employment', name: 'Construction skills course', provider: 'City college', startedOn: '2026-03-01' } as const;
    spec.given(onScheme()).when({ type: 'StartIntervention', data }).then([{ type: 'InterventionStarted', data }]);
  });

  it('an intervention starting in the future is refused', () => {
    spec
      .given(onScheme())
      .when({ type: 'StartIntervention', data: { interventionId: 'int-2', name: 'Anger management', startedOn: tomorrow } })
      .thenRefuses('DATE.IN_FUTURE', 'startedOn');
  });

  it('a started intervention is completed', () => {
    const data = { interventionId: 'int-1', completedOn: '2026-05-30', result: 'completed' } as const;
    spec.given(withTreatment).when({ type: 'CompleteIntervention', data }).then([{ type: 'InterventionCompleted', data }]);
  });

  it('an intervention the offender did not complete ends as not completed, even on the day it started', () => {
    const data = { interventionId: 'int-1', completedOn: '2026-02-01', result: 'not-completed' } as const;
    spec.given(withTreatment).when({ type: 'CompleteIntervention', data }).then([{ type: 'InterventionCompleted', data }]);
  });

  it('completing an intervention that was never started is refused', () => {
    spec
      .given(withTreatment)
      .when({ type: 'CompleteIntervention', data: { interventionId: 'int-404', completedOn: today, result: 'completed' } })
      .thenRefuses('INTERVENTION.NOT_FOUND');
  });

  it('an intervention that has already ended cannot be completed again', () => {
    spec
      .given([...withTreatment, { type: 'InterventionCompleted', data: { interventionId: 'int-1', completedOn: '2026-04-01', result: 'not-completed' } }])
      .when({ type: 'CompleteIntervention', data: { interventionId: 'int-1', completedOn: today, result: 'completed' } })
      .thenRefuses('INTERVENTION.ALREADY_COMPLETED');
  });

  it('an intervention cannot end before it started', () => {
    spec
      .given(withTreatment)
      .when({ type: 'CompleteIntervention', data: { interventionId: 'int-1', completedOn: '2026-01-31', result: 'completed' } })
      .thenRefuses('DATE.OUT_OF_ORDER', 'completedOn');
  });

  it('an intervention completed in the future is refused', () => {
    spec
      .given(withTreatment)
      .when({ type: 'CompleteIntervention', data: { interventionId: 'int-1', completedOn: tomorrow, result: 'completed' } })
      .thenRefuses('DATE.IN_FUTURE', 'completedOn');
  });
});

describe('community orders', () => {
  const withOrder: OffenderEvent[] = [...onScheme(), orderStarted('co-1', '2025-12-01', '2026-12-01')];

  it('a community order is started with its requirements and an end date in the future', () => {
    const data = { orderId: 'co-2', startedOn: '2026-06-01', endsOn: '2027-06-01', requirements: 'Drug rehabilitation requirement' };
    spec.given(onScheme()).when({ type: 'StartCommunityOrder', data }).then([{ type: 'CommunityOrderStarted', data }]);
  });

  it('an order ending before it starts is refused', () => {
    spec
      .given(onScheme())
      .when({ type: 'StartCommunityOrder', data: { orderId: 'co-2', startedOn: '2026-06-01', endsOn: '2026-05-31' } })
      .thenRefuses('DATE.OUT_OF_ORDER', 'endsOn');
  });

  it('an order starting in the future is refused', () => {
    spec
      .given(onScheme())
      .when({ type: 'StartCommunityOrder', data: { orderId: 'co-2', startedOn: tomorrow, endsOn: '2027-06-16' } })
      .thenRefuses('DATE.IN_FUTURE', 'startedOn');
  });

  it('an order is ended as completed', () => {
    const data = { orderId: 'co-1', endedOn: today, reason: 'completed' } as const;
    spec.given(withOrder).when({ type: 'EndCommunityOrder', data }).then([{ type: 'CommunityOrderEnded', data }]);
  });

  it('an order made by a court outcome can be revoked', () => {
    const data = { orderId: 'co-9', endedOn: '2026-06-10', reason: 'revoked' } as const;
    spec
      .given([
        ...onScheme(),
        { type: 'CourtOutcomeRecorded', data: { outcome: 'new-community-order', decidedOn: '2026-03-01', court: 'Newcastle Magistrates' } },
        orderStarted('co-9', '2026-03-01', '2027-03-01'),
      ])
      .when({ type: 'EndCommunityOrder', data })
      .then([{ type: 'CommunityOrderEnded', data }]);
  });

  it('ending an order that was never started is refused', () => {
    spec
      .given(withOrder)
      .when({ type: 'EndCommunityOrder', data: { orderId: 'co-404', endedOn: today, reason: 'completed' } })
      .thenRefuses('COMMUNITY_ORDER.NOT_FOUND');
  });

  it('an order that has already ended cannot be ended again', () => {
    spec
      .given([...withOrder, orderEnded('co-1', '2026-04-01', 'breached')])
      .when({ type: 'EndCommunityOrder', data: { orderId: 'co-1', endedOn: today, reason: 'completed' } })
      .thenRefuses('COMMUNITY_ORDER.ALREADY_ENDED');
  });

  it('an order cannot end before it started', () => {
    spec
      .given(withOrder)
      .when({ type: 'EndCommunityOrder', data: { orderId: 'co-1', endedOn: '2025-11-30', reason: 'revoked' } })
      .thenRefuses('DATE.OUT_OF_ORDER', 'endedOn');
  });

  it('an order ended in the future is refused', () => {
    spec
      .given(withOrder)
      .when({ type: 'EndCommunityOrder', data: { orderId: 'co-1', endedOn: tomorrow, reason: 'completed' } })
      .thenRefuses('DATE.IN_FUTURE', 'endedOn');
  });
});
