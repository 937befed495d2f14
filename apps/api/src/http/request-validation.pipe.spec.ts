import { RecordContactDto } from '@ppo/offenders';
import { RequestValidationError } from './request-validation.error';
import { bodyShapeProblems, MAX_BODY_DEPTH, RequestValidationPipe } from './request-validation.pipe';

const pipe = new RequestValidationPipe();
const asBody = (value: unknown) => pipe.transform(value, { type: 'body', metatype: RecordContactDto });
const refusalOf = async (value: unknown) => {
  const refusal = await asBody(value).catch((e: unknown) => e);
  expect(refusal).toBeInstanceOf(RequestValidationError);
  return (refusal as RequestValidationError).fields;
};
const arrays = (depth: number) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown;
const objects = (depth: number) => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`) as unknown;
const contact = { contactOn: '2026-11-02', kind: 'office', outcome: 'attended' };

describe('RequestValidationPipe', () => {
  it('turns a valid body into its command class', async () => {
    expect(await asBody(contact)).toBeInstanceOf(RecordContactDto);
  });

  it('refuses unknown fields, field by field', async () => {
    expect(await refusalOf({ ...contact, isAdmin: true })).toEqual([{ field: 'isAdmin', messages: ['isAdmin is not a known field'] }]);
  });

  // Found by the command fuzzer (test/faults/command-fuzzing.e2e-spec.ts): 1,500 nested arrays ran
  // class-transformer out of stack, and the request answered 500.
  it.each([
    ['arrays', arrays(1500)],
    ['arrays', arrays(20_000)],
    ['objects', objects(20_000)],
  ])('refuses a body of %s nested thousands deep as invalid (400), rather than running out of stack', async (_, body) => {
    expect(await refusalOf(body)).toEqual([{ field: 'body', messages: [`The body is nested more than ${MAX_BODY_DEPTH} levels deep`] }]);
  });

  // Found by the command fuzzer: these keys were dropped without a word, so a command carrying one was applied.
  it('refuses __proto__ and constructor keys as unknown fields, at any depth, instead of dropping them', async () => {
    const body = JSON.parse(`{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"notes":{"prototype":1},${JSON.stringify(contact).slice(1)}`) as unknown;
    expect(await refusalOf(body)).toEqual(
      expect.arrayContaining([
        { field: '__proto__', messages: ['__proto__ is not a known field'] },
        { field: 'constructor', messages: ['constructor is not a known field'] },
        { field: 'notes.prototype', messages: ['notes.prototype is not a known field'] },
      ]),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('measures nesting without recursion, counting the body itself as the first level', () => {
    expect(bodyShapeProblems(arrays(MAX_BODY_DEPTH))).toEqual([]);
    expect(bodyShapeProblems(arrays(MAX_BODY_DEPTH + 1))).toHaveLength(1);
    expect(bodyShapeProblems(objects(100_000))).toHaveLength(1);
    expect(bodyShapeProblems({ reason: 'moved-area', exitPlan: { summary: 'Plan', voluntarySupport: ['Housing support'] } })).toEqual([]);
    expect(bodyShapeProblems('a string')).toEqual([]);
  });
});
