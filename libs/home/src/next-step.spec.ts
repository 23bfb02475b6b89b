import { APPLICATION_STATUSES } from '@trta/applications';
import { nextStepOf, ONGOING_STATUSES } from './next-step';

describe('an application’s next step', () => {
  const facts = { requiresNomination: false, activityStarted: false, hasEvaluation: false };

  it('waits for the focal point only when the activity needs a nomination', () => {
    expect(nextStepOf({ ...facts, status: 'submitted', requiresNomination: true })).toBe('await_nomination');
    expect(nextStepOf({ ...facts, status: 'submitted' })).toBe('await_selection');
    expect(nextStepOf({ ...facts, status: 'endorsed', requiresNomination: true })).toBe('await_selection');
  });

  it('asks a selected person to attend until the start, then waits for the attendance', () => {
    expect(nextStepOf({ ...facts, status: 'selected' })).toBe('attend');
    expect(nextStepOf({ ...facts, status: 'selected', activityStarted: true })).toBe('await_attendance');
  });

  it('asks for the evaluation once, then the certificate', () => {
    expect(nextStepOf({ ...facts, status: 'attended' })).toBe('evaluate');
    expect(nextStepOf({ ...facts, status: 'attended', hasEvaluation: true })).toBe('await_completion');
    expect(nextStepOf({ ...facts, status: 'completed' })).toBe('evaluate');
    expect(nextStepOf({ ...facts, status: 'completed', hasEvaluation: true })).toBe('download_certificate');
  });

  it('has nothing left for a final status, and something for every ongoing one', () => {
    for (const status of ['declined', 'rejected', 'withdrawn', 'no_show'] as const) expect(nextStepOf({ ...facts, status })).toBeNull();
    for (const status of ONGOING_STATUSES) expect(nextStepOf({ ...facts, status })).not.toBeNull();
    expect(APPLICATION_STATUSES.filter((status) => !ONGOING_STATUSES.includes(status))).toEqual(['declined', 'rejected', 'withdrawn', 'completed', 'no_show']);
  });
});
