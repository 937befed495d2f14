/**
 * One offender's journey simulated a week at a time, for the seed: what a
 * case worker would have recorded, each command decided by the domain.
 */
import {
  addDays,
  addMonths,
  ageOn,
  assessEligibility,
  daysBetween,
  decide,
  DomainError,
  evolve,
  initialState,
  latest,
  mondayOf,
  NEEDS,
  offenderStatus,
  policyForArea,
  type DeselectionReason,
  type IsoDate,
  type LapseKind,
  type Need,
  type Offence,
  type OffenderCommand,
  type OffenderState,
  type SchemePolicies,
  type SchemePolicy,
  type Severity,
} from '@ppo/domain';
import type { CohortFigures, PlannedStep } from './plan-cohort';
import { Random } from './random';
import { FAMILY_NAMES, GIVEN_NAMES, INTERVENTIONS, SEED_AREAS, VOLUNTARY_SUPPORT, type SeedArea } from './synthetic-people';

const OFFENCE_WEIGHTS: readonly (readonly [Offence, number])[] = [
  ['theft-from-shops', 34],
  ['burglary', 14],
  ['vehicle-crime', 10],
  ['drugs', 10],
  ['criminal-damage', 8],
  ['public-order', 7],
  ['assault', 7],
  ['robbery', 3],
  ['other', 7],
];
const SENTENCES = ['Fine', 'Conditional discharge', 'Community order', 'Suspended sentence order', 'Curfew with electronic monitoring'];
/** The steps contact comes down by, after each stable period. */
const CONTACT_STEPS = [5, 4, 3, 2, 1, 0.5];

interface Action {
  on: IsoDate;
  order: number;
  run: () => void;
}

/** One offender's journey, simulated a week at a time. */
export class Journey {
  readonly offenderId: string;
  readonly area: SeedArea;
  state: OffenderState = initialState;
  readonly steps: PlannedStep[] = [];
  private readonly policy: SchemePolicy;
  private agenda: Action[] = [];
  private order = 0;
  private gone = false;
  // Who this offender is: how much they offend, how well they engage, how often they use.
  private readonly offendingPerMonth: number;
  private readonly engagement: number;
  private readonly drugLapsePerWeek: number;
  /** Case workers differ in how soon after the stable period they reduce. */
  private readonly extraStableDays: number;
  private lastFrequencyChange?: IsoDate;
  private absences: IsoDate[] = [];
  private hearingPending = false;
  private deselectionPlanned = false;
  private releasedOn?: IsoDate;
  private team?: { probationOfficer: string; policeOfficer: string };

  constructor(
    private readonly rnd: Random,
    private readonly today: IsoDate,
    private readonly years: number,
    policies: SchemePolicies,
    private readonly figures: CohortFigures,
  ) {
    this.offenderId = rnd.uuid();
    const code = rnd.weighted(SEED_AREAS.map((a) => [a.code, a.weight] as const));
    this.area = SEED_AREAS.find((a) => a.code === code)!;
    this.policy = policyForArea(policies, this.area.code);
    // Most offend often; some never reach the criteria, and stay registered.
    this.offendingPerMonth = rnd.chance(0.25) ? 0.1 + rnd.next() * 0.25 : 0.35 + rnd.next() * rnd.next() * 1.5;
    this.engagement = 0.7 + rnd.next() * 0.26;
    this.drugLapsePerWeek = rnd.chance(0.45) ? 0 : 0.005 + rnd.next() * 0.03;
    this.extraStableDays = rnd.int(0, 35);
  }

  plan(): void {
    const registeredOn = addDays(this.today, -this.rnd.int(10, Math.round(this.years * 365)));
    this.register(registeredOn);
    for (let week = mondayOf(registeredOn); week <= this.today && !this.gone; week = addDays(week, 7)) {
      const weekEnd = addDays(week, 7);
      this.planWeek(week, weekEnd);
      while (this.agenda.length > 0 && this.agenda[0].on < weekEnd) this.agenda.shift()!.run();
    }
  }

  // --- The week's routine -------------------------------------------------------------------------------

  private planWeek(week: IsoDate, weekEnd: IsoDate): void {
    const { onScheme, custody } = this.state;
    for (let d = 0; d < 7; d++) {
      const day = addDays(week, d);
      // The selection panel sits on the first Wednesday of the month.
      if (!onScheme && !custody && d === 2 && Number(day.slice(8)) <= 7) this.at(day, () => this.panel(day));
    }
    if (!custody) {
      for (let n = this.rnd.poisson((this.offendingRate(week) * 7) / 30.44); n > 0; n--) {
        const day = addDays(week, this.rnd.int(0, 6));
        this.at(day, () => this.offence(day));
      }
    }
    if (onScheme && !custody) {
      const perWeek = this.state.contactsPerWeek;
      const fortnightly = Math.floor(daysBetween('2000-01-03', week) / 7) % 2 === 0;
      const count = Math.min(5, perWeek >= 1 ? Math.round(perWeek) : perWeek > 0 && fortnightly ? 1 : 0);
      for (const d of this.rnd.sample([0, 1, 2, 3, 4], count).sort()) {
        const day = addDays(week, d);
        this.at(day, () => this.contact(day));
      }
      if (this.rnd.chance(this.drugLapsePerWeek)) {
        const day = addDays(week, this.rnd.int(0, 6));
        this.at(day, () => this.lapse(day, 'drug-use', this.rnd.weighted([['minor', 70], ['moderate', 25], ['serious', 5]])));
      }
      if (this.rnd.chance(0.003)) {
        const day = addDays(week, this.rnd.int(0, 6));
        this.at(day, () => this.lapse(day, 'other', 'minor'));
      }
      const friday = addDays(week, 4);
      this.at(friday, () => this.considerReduction(friday));
      if (this.rnd.chance(0.0005)) this.at(addDays(week, 2), () => this.deselect(addDays(week, 2), 'moved-area'));
      else if (this.rnd.chance(0.0002)) this.at(addDays(week, 3), () => this.deselect(addDays(week, 3), 'deceased'));
    }
    const due = this.state.nextReviewDue;
    if (onScheme && due !== undefined && due < weekEnd) {
      const day = due < week ? week : due;
      this.at(day, () => this.review(day));
    }
  }

  /** Convictions a month: less on the scheme (and less again once stable), more on release. */
  private offendingRate(on: IsoDate): number {
    const { onScheme, deselection } = this.state;
    if (onScheme) {
      const stableDays = daysBetween(this.stableSince() ?? on, on);
      const afterRelease = this.releasedOn && daysBetween(this.releasedOn, on) < 56 ? 1.8 : 1;
      return this.offendingPerMonth * (stableDays > 180 ? 0.12 : 0.35) * afterRelease;
    }
    if (deselection) return this.offendingPerMonth * (deselection.reason === 'custody-two-years-or-more' ? 0.6 : 0.2);
    return this.offendingPerMonth;
  }

  // --- Registration and selection -----------------------------------------------------------------------

  private register(registeredOn: IsoDate): void {
    const youth = this.rnd.chance(0.12);
    const age = youth ? this.rnd.int(15, 17) : this.rnd.weighted([[18, 4], [20, 10], [23, 14], [26, 14], [29, 12], [32, 10], [36, 8], [40, 5], [45, 3]]) + this.rnd.int(0, 2);
    const dateOfBirth = addDays(addMonths(registeredOn, -12 * age), -this.rnd.int(0, 364));
    const crn = `${this.rnd.pick([...'ABCDEFGHJKLMNPRSTVWX'])}${String(this.rnd.int(0, 999_999)).padStart(6, '0')}`;
    const pncId = this.rnd.chance(0.85) ? `${Number(dateOfBirth.slice(0, 4)) + this.rnd.int(14, 16)}/${String(this.rnd.int(0, 9_999_999)).padStart(7, '0')}${this.rnd.pick([...'ABCDEFGHJKLMNPQRTUVWXYZ'])}` : undefined;
    this.issue(registeredOn, {
      type: 'RegisterOffender',
      data: {
        offenderId: this.offenderId,
        area: this.area.code,
        registeredOn,
        personal: { crn, pncId, givenName: this.rnd.pick(GIVEN_NAMES), familyName: this.rnd.pick(FAMILY_NAMES), dateOfBirth },
      },
    });
    this.figures.registered++;

    // The police national computer's record of the last year, entered on registration.
    const history = Array.from({ length: this.rnd.int(1, 5) }, () => {
      const offenceDate = addDays(registeredOn, -this.rnd.int(25, 360));
      const convictionDate = minDate(addDays(offenceDate, this.rnd.int(7, 60)), addDays(registeredOn, -1));
      return { offence: this.rnd.weighted(OFFENCE_WEIGHTS), offenceDate, convictionDate };
    }).sort((a, b) => a.convictionDate.localeCompare(b.convictionDate));
    for (const c of history) {
      this.issue(registeredOn, { type: 'RecordConviction', data: { ...c, court: this.magistrates(), sentence: this.rnd.pick(SENTENCES) } });
    }
    if (this.rnd.chance(0.08)) {
      this.issue(registeredOn, { type: 'RecordHarmIndicator', data: { indicator: 'gang-leadership', recordedOn: addDays(registeredOn, -this.rnd.int(0, 90)), details: 'Police intelligence: organises shoplifting for a local group' } });
    }
    if (this.rnd.chance(0.3)) {
      this.issue(registeredOn, { type: 'RecordHarmIndicator', data: { indicator: 'anti-social-behaviour', recordedOn: addDays(registeredOn, -this.rnd.int(0, 90)), details: 'Repeated reports from neighbours' } });
    }
    if (youth) {
      const eighteen = addMonths(dateOfBirth, 12 * 18);
      this.at(eighteen, () => this.turnEighteen(eighteen));
    }
  }

  private panel(on: IsoDate): void {
    if (this.state.onScheme || this.state.custody || this.gone) return;
    const eligibility = assessEligibility(this.state, on, this.policy.eligibility);
    if (eligibility.eligible) {
      // Not everyone eligible is adopted at the first panel: capacity, or waiting on a partner agency.
      if (this.rnd.chance(0.7)) this.adopt(on);
    } else if (eligibility.score >= eligibility.threshold - 2 && this.rnd.chance(0.03)) {
      this.adopt(on, 'Panel decision on police intelligence: offending is escalating');
    }
  }

  private adopt(on: IsoDate, reason?: string): void {
    if (!this.issue(on, { type: 'AdoptOffender', data: { adoptedOn: on, reason } })) return;
    this.figures.adopted++;
    this.lastFrequencyChange = on;
    this.absences = [];
    this.deselectionPlanned = false;
    const assignedOn = addDays(on, this.rnd.int(0, 3));
    if (!this.team || this.rnd.chance(0.5)) this.team = { probationOfficer: this.rnd.pick(this.area.probationOfficers), policeOfficer: this.rnd.pick(this.area.policeOfficers) };
    const team = this.team;
    this.at(assignedOn, () => {
      if (this.state.onScheme) this.issue(assignedOn, { type: 'AssignSupervisionTeam', data: { ...team, assignedOn } });
    });
    const needs = this.rnd.sample(NEEDS, this.rnd.int(1, 3));
    for (const need of needs) {
      const identifiedOn = addDays(on, this.rnd.int(1, 14));
      this.at(identifiedOn, () => {
        if (this.state.onScheme) this.issue(identifiedOn, { type: 'IdentifyNeed', data: { need, identifiedOn } });
      });
    }
    const treatable = needs.find((n) => INTERVENTIONS[n]);
    if (treatable && this.rnd.chance(0.65)) this.planIntervention(treatable, addDays(on, this.rnd.int(7, 35)));
    const activeOrder = Object.values(this.state.communityOrders).some((o) => !o.endedOn);
    if (!activeOrder && this.rnd.chance(0.5)) {
      const startedOn = addDays(on, -this.rnd.int(0, 90));
      const orderId = this.rnd.uuid();
      const endsOn = addMonths(startedOn, this.rnd.pick([12, 18, 24]));
      this.issue(on, { type: 'StartCommunityOrder', data: { orderId, startedOn, endsOn, requirements: this.rnd.pick(['Supervision; unpaid work (120 hours)', 'Supervision; drug rehabilitation requirement', 'Supervision; curfew (3 months)', 'Supervision; accredited programme']) } });
      this.at(endsOn, () => this.endOrder(endsOn, orderId, 'completed'));
    }
  }

  private planIntervention(need: Need, startedOn: IsoDate): void {
    const { name, provider } = this.rnd.pick(INTERVENTIONS[need]!);
    const interventionId = this.rnd.uuid();
    const completedOn = addDays(startedOn, this.rnd.int(56, 140));
    const result = this.rnd.chance(this.engagement) ? 'completed' : 'not-completed';
    this.at(startedOn, () => {
      if (!this.state.onScheme) return;
      if (!this.issue(startedOn, { type: 'StartIntervention', data: { interventionId, need, name, provider, startedOn } })) return;
      this.at(completedOn, () => this.completeIntervention(completedOn, interventionId, result));
    });
  }

  private completeIntervention(on: IsoDate, interventionId: string, result: 'completed' | 'not-completed'): void {
    const intervention = this.state.interventions[interventionId];
    if (!intervention || intervention.completedOn || offenderStatus(this.state) === 'deselected') return;
    this.issue(on, { type: 'CompleteIntervention', data: { interventionId, completedOn: on, result } });
  }

  // --- Offending, contact and lapses --------------------------------------------------------------------

  private offence(on: IsoDate): void {
    if (this.gone || this.state.custody) return;
    const offence = this.rnd.weighted(OFFENCE_WEIGHTS);
    if (this.rnd.chance(0.65)) this.issue(on, { type: 'RecordArrest', data: { arrestedOn: on, offence } });
    const convictionDate = addDays(on, this.rnd.int(14, 90));
    const court = this.magistrates();
    const sentence = this.rnd.pick(SENTENCES);
    this.at(convictionDate, () => this.issue(convictionDate, { type: 'RecordConviction', data: { offence, offenceDate: on, convictionDate, court, sentence } }));
    if (this.state.onScheme) {
      const severity: Severity = ['robbery', 'assault', 'burglary'].includes(offence) ? this.rnd.weighted([['serious', 60], ['moderate', 40]]) : this.rnd.weighted([['minor', 50], ['moderate', 50]]);
      this.lapse(on, 'reoffending', severity, `Arrested for ${offence.replace(/-/g, ' ')}`);
    }
  }

  private contact(on: IsoDate): void {
    if (!this.state.onScheme || this.state.custody) return;
    const kind = this.rnd.weighted([['office', 40], ['home-visit', 35], ['phone', 15], ['accompanied-appointment', 10]] as const);
    const settling = (this.state.adoptedOn && daysBetween(this.state.adoptedOn, on) < 56) || (this.releasedOn && daysBetween(this.releasedOn, on) < 56);
    const attends = Math.min(0.98, this.engagement - (settling ? 0.08 : 0) + (kind === 'phone' ? 0.05 : 0));
    const outcome = this.rnd.chance(attends) ? 'attended' : this.rnd.chance(0.35) ? 'acceptable-absence' : 'unacceptable-absence';
    const notes = outcome === 'acceptable-absence' ? this.rnd.pick(['GP appointment', 'Attending a job interview', 'Unwell: rang in beforehand', 'Family emergency']) : undefined;
    if (!this.issue(on, { type: 'RecordContact', data: { contactOn: on, kind, outcome, notes } })) return;
    this.figures.contacts++;
    if (outcome !== 'unacceptable-absence') return;
    this.absences.push(on);
    const recent = this.absences.filter((d) => daysBetween(d, on) < 14);
    const recentLapse = this.state.lapses.some((l) => daysBetween(l.occurredOn, on) < 14);
    if (recent.length >= 2 && !recentLapse && this.rnd.chance(0.6)) this.lapse(on, 'missed-contacts', recent.length >= 3 ? 'moderate' : 'minor', `${recent.length} appointments missed in two weeks`);
  }

  private lapse(on: IsoDate, kind: LapseKind, severity: Severity, notes?: string): void {
    if (!this.state.onScheme || this.state.custody) return;
    const lapseId = this.rnd.uuid();
    if (!this.issue(on, { type: 'RecordLapse', data: { lapseId, occurredOn: on, kind, severity, notes } })) return;
    this.figures.lapses++;
    this.deselectionPlanned = false;
    if (this.state.contactsPerWeek < this.policy.contactsPerWeekOnAdoption && this.rnd.chance(0.75)) {
      const effectiveOn = addDays(on, this.rnd.int(0, 3));
      this.at(effectiveOn, () => this.increase(effectiveOn, `After a lapse (${kind.replace(/-/g, ' ')}): back to intensive contact`));
    }
    const fastTrackChance = { minor: 0.08, moderate: 0.35, serious: 0.75 }[severity];
    if (this.hearingPending || !this.rnd.chance(fastTrackChance)) return;
    this.hearingPending = true;
    if (kind === 'reoffending' && severity === 'serious' && this.rnd.chance(0.3)) {
      const remandedOn = addDays(on, 1);
      this.at(remandedOn, () => this.remand(remandedOn));
    } else {
      const fastTrackedOn = addDays(on, this.rnd.int(1, 5));
      this.at(fastTrackedOn, () => this.fastTrack(fastTrackedOn, lapseId, kind, severity));
    }
  }

  private fastTrack(on: IsoDate, lapseId: string, kind: LapseKind, severity: Severity): void {
    if (!this.state.onScheme || this.state.custody) {
      this.hearingPending = false;
      return;
    }
    const fastTrackId = this.rnd.uuid();
    const court = this.magistrates();
    const hearingOn = addDays(on, this.rnd.int(7, 21));
    const reason = `Lapse: ${kind.replace(/-/g, ' ')} (${severity})`;
    if (!this.issue(on, { type: 'FastTrackToCourt', data: { fastTrackId, fastTrackedOn: on, reason, court, hearingOn, lapseId } })) {
      this.hearingPending = false;
      return;
    }
    this.figures.fastTracks++;
    this.at(hearingOn, () => this.courtOutcome(hearingOn, court, fastTrackId));
  }

  private remand(on: IsoDate): void {
    if (this.state.custody || !this.state.onScheme) {
      this.hearingPending = false;
      return;
    }
    if (!this.issue(on, { type: 'StartCustody', data: { startedOn: on, remand: true } })) return;
    this.figures.remands++;
    const hearingOn = addDays(on, this.rnd.int(28, 70));
    const court = this.rnd.pick(this.area.courts);
    this.at(hearingOn, () => this.courtOutcome(hearingOn, court));
  }

  private courtOutcome(on: IsoDate, court: string, fastTrackId?: string): void {
    this.hearingPending = false;
    const remanded = this.state.custody?.remand === true;
    const outcome = this.rnd.weighted(
      remanded
        ? ([['custody', 55], ['order-continued', 25], ['new-community-order', 20]] as const)
        : ([['order-continued', 40], ['order-varied', 20], ['new-community-order', 20], ['custody', 20]] as const),
    );
    const custodyMonths = outcome === 'custody' ? this.rnd.weighted([[4, 15], [6, 20], [8, 10], [12, 20], [18, 12], [24, 10], [30, 7], [36, 6]]) : undefined;
    const orderId = outcome === 'new-community-order' ? this.rnd.uuid() : undefined;
    const orderEndsOn = orderId ? addMonths(on, this.rnd.pick([12, 18, 24])) : undefined;
    const youth = this.youngOn(on) && this.state.strands.active.includes('prevent-and-deter');
    const activeOrders = Object.entries(this.state.communityOrders).filter(([, o]) => !o.endedOn && o.startedOn <= on);
    const data = { outcome, decidedOn: on, court, fastTrackId, currentStrand: youth && outcome !== 'custody' ? ('prevent-and-deter' as const) : undefined, custodyMonths, orderId, orderEndsOn };
    if (!this.issue(on, { type: 'RecordCourtOutcome', data })) return;
    if (outcome === 'custody') {
      this.figures.custodySentences++;
      for (const [id] of activeOrders) this.endOrder(on, id, 'revoked');
      // Automatic release at the halfway point of a determinate sentence.
      const releasedOn = addDays(on, Math.round((custodyMonths! * 30.44) / 2));
      this.at(releasedOn, () => this.release(releasedOn));
      if (custodyMonths! >= this.policy.custodyDeselectionMonths) {
        const deselectedOn = addDays(on, this.rnd.int(14, 42));
        this.at(deselectedOn, () => this.deselect(deselectedOn, 'custody-two-years-or-more', custodyMonths));
      }
      return;
    }
    if (orderId) this.at(orderEndsOn!, () => this.endOrder(orderEndsOn!, orderId, 'completed'));
    if (remanded) this.release(on);
  }

  private release(on: IsoDate): void {
    if (!this.state.custody) return;
    const youth = this.youngOn(on) && this.state.strands.active.includes('prevent-and-deter');
    if (!this.issue(on, { type: 'ReleaseFromCustody', data: { releasedOn: on, currentStrand: youth ? 'prevent-and-deter' : undefined } })) return;
    this.figures.releases++;
    this.releasedOn = on;
    this.absences = [];
    this.increase(on, 'Released from custody: intensive contact again');
  }

  private increase(on: IsoDate, reason: string): void {
    const target = this.policy.contactsPerWeekOnAdoption;
    if (!this.state.onScheme || this.state.custody || this.state.contactsPerWeek >= target) return;
    if (this.issue(on, { type: 'IncreaseContactFrequency', data: { contactsPerWeek: target, reason, effectiveOn: on } })) this.lastFrequencyChange = on;
  }

  // --- Stability: reductions, reviews, exit -------------------------------------------------------------

  private stableSince(): IsoDate | undefined {
    return latest(this.state.adoptedOn, this.releasedOn, ...this.state.lapses.map((l) => l.occurredOn));
  }

  private considerReduction(on: IsoDate): void {
    const { onScheme, custody, contactsPerWeek } = this.state;
    const minimum = this.policy.minimumContactsPerWeek;
    if (!onScheme || custody || contactsPerWeek <= minimum) return;
    const stableDays = daysBetween(this.stableSince() ?? on, on);
    if (stableDays < this.policy.stablePeriodDays + this.extraStableDays) return;
    if (this.lastFrequencyChange && daysBetween(this.lastFrequencyChange, on) < 28 + this.extraStableDays) return;
    if (this.absences.some((d) => daysBetween(d, on) < 28)) return;
    const target = Math.max(minimum, CONTACT_STEPS.find((s) => s < contactsPerWeek) ?? minimum);
    if (target >= contactsPerWeek) return;
    const reason = `Stable for ${Math.floor(stableDays / 7)} weeks: no lapse, appointments kept`;
    if (!this.issue(on, { type: 'ReduceContactFrequency', data: { contactsPerWeek: target, reason, effectiveOn: on } })) return;
    this.figures.reductions++;
    this.lastFrequencyChange = on;
  }

  private review(on: IsoDate): void {
    if (!this.state.onScheme) return;
    const stableDays = daysBetween(this.stableSince() ?? on, on);
    const readyToLeave =
      !this.state.custody && !this.hearingPending && !this.deselectionPlanned && this.state.contactsPerWeek <= 1 && stableDays >= 112 && this.rnd.chance(0.7);
    const decision = readyToLeave ? 'recommend-deselection' : 'continue';
    const notes = this.state.custody
      ? 'In custody: review again after release.'
      : readyToLeave
        ? `Stable for ${Math.floor(stableDays / 7)} weeks on low contact: agree an exit plan with voluntary services.`
        : this.rnd.pick(['Still meets the criteria: continue.', 'Engaging, but too early to consider exit.', 'Recent lapses: continue at current intensity.']);
    if (!this.issue(on, { type: 'CompleteReview', data: { reviewedOn: on, decision, notes } })) return;
    this.figures.reviews++;
    if (readyToLeave) {
      this.deselectionPlanned = true;
      const deselectedOn = addDays(on, this.rnd.int(14, 42));
      this.at(deselectedOn, () => this.deselect(deselectedOn, 'stable-and-order-complete'));
    }
  }

  private deselect(on: IsoDate, reason: DeselectionReason, custodyMonths?: number): void {
    if (!this.state.onScheme) return;
    // A lapse since the review that recommended it puts exit off.
    if (reason === 'stable-and-order-complete' && !this.deselectionPlanned) return;
    const support = this.rnd.sample(VOLUNTARY_SUPPORT, this.rnd.int(1, 3));
    const summary = {
      'stable-and-order-complete': 'Stable on low contact with no lapse; continues with the voluntary support below, and can be re-referred if offending resumes.',
      'custody-two-years-or-more': `Sentenced to ${custodyMonths} months' custody; the prison resettlement team will re-refer on release if the criteria are met again.`,
      'moved-area': `Moved out of ${this.area.code}; case transferred to the receiving area's IOM team.`,
      deceased: '',
      other: 'Deselected by the panel.',
    }[reason];
    // Work in progress ends with the scheme.
    for (const [id, intervention] of Object.entries(this.state.interventions)) {
      if (!intervention.completedOn) this.completeIntervention(on, id, reason === 'stable-and-order-complete' ? 'completed' : 'not-completed');
    }
    const exitPlan = reason === 'deceased' ? undefined : { summary, voluntarySupport: reason === 'custody-two-years-or-more' ? ['Prison resettlement team'] : support };
    if (!this.issue(on, { type: 'DeselectOffender', data: { deselectedOn: on, reason, exitPlan } })) return;
    this.figures.deselected++;
    this.deselectionPlanned = false;
    if (reason === 'moved-area' || reason === 'deceased') {
      this.gone = true;
      this.agenda = [];
    }
  }

  private endOrder(on: IsoDate, orderId: string, reason: 'completed' | 'revoked'): void {
    const order = this.state.communityOrders[orderId];
    if (!order || order.endedOn || order.startedOn > on || offenderStatus(this.state) === 'deselected') return;
    this.issue(on, { type: 'EndCommunityOrder', data: { orderId, endedOn: on, reason } });
  }

  /** At 18, a young person on Prevent and Deter moves to the adult strand. */
  private turnEighteen(on: IsoDate): void {
    const { onScheme, strands } = this.state;
    if (!onScheme || !strands.active.includes('prevent-and-deter')) return;
    const reason = 'Turned 18: managed under the adult strand';
    if (!strands.active.includes('rehabilitate-and-resettle')) {
      this.issue(on, { type: 'ChangeStrand', data: { strand: 'rehabilitate-and-resettle', change: 'added', changedOn: on, reason } });
    }
    if (this.state.strands.current !== 'rehabilitate-and-resettle') {
      this.issue(on, { type: 'ChangeStrand', data: { strand: 'rehabilitate-and-resettle', change: 'made-current', changedOn: on, reason } });
    }
    this.issue(on, { type: 'ChangeStrand', data: { strand: 'prevent-and-deter', change: 'ended', changedOn: on, reason } });
  }

  // --- Mechanics ----------------------------------------------------------------------------------------

  private youngOn(on: IsoDate): boolean {
    return this.state.personal !== undefined && ageOn(this.state.personal.dateOfBirth, on) < this.policy.preventAndDeterUnderAge;
  }

  private magistrates(): string {
    const courts = this.area.courts.filter((c) => c.includes('Magistrates'));
    return this.rnd.pick(courts.length > 0 ? courts : this.area.courts);
  }

  /** Puts an action on the agenda; anything after the cohort's last day never happens. */
  private at(on: IsoDate, run: () => void): void {
    if (on > this.today || this.gone) return;
    const action = { on, order: this.order++, run };
    let i = this.agenda.length;
    while (i > 0 && this.agenda[i - 1].on > on) i--;
    this.agenda.splice(i, 0, action);
  }

  /**
   * Decides a command against the state as it stands, as the service will when
   * it is written; keeps it, and moves the state on, only if it is accepted.
   */
  private issue(on: IsoDate, command: OffenderCommand): boolean {
    if (on > this.today) return false;
    try {
      const events = decide(command, this.state, { today: this.today, policy: this.policy });
      this.state = events.reduce(evolve, this.state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.figures.skipped++;
      return false;
    }
    const previous = this.steps.at(-1)?.on;
    this.steps.push({ on: previous && previous > on ? previous : on, command });
    return true;
  }
}

function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}
