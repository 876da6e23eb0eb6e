/**
 * A group of conditions (anyOf / allOf) means one thing on every face: src/rules/conditions.ts
 * foldCondition, which the stage-page chips (profileState) and the 民办 answers (views.ts privateSchool)
 * both fold through. Each case is a tree of leaves whose outcome is written on the leaf itself.
 */
import { describe, expect, it } from 'vitest';
import { foldCondition, profileState, worstOf, type Fold, type State } from '../../src/rules/conditions.ts';
import type { Condition } from '../../src/schema/index.ts';

/** A leaf that says its own outcome: an external condition whose text is 'met:…', 'unknown:…' or 'missed:…'. */
const leaf = (state: State, note: string = state): Condition => ({ type: 'external', kind: 'pilot', text: `${state}:${note}` }) as never;
const read = (c: Condition): Fold => {
  const [state, text] = (c as { text: string }).text.split(':') as [State, string];
  return { state, text };
};
const fold = (c: Condition) => foldCondition(c, read as never);

describe('foldCondition', () => {
  it.each([
    ['anyOf takes its best child: one met is enough', { type: 'anyOf', of: [leaf('missed'), leaf('met', 'a'), leaf('unknown')] }, { state: 'met', text: 'a' }],
    ['anyOf with none met but one unsure is unsure', { type: 'anyOf', of: [leaf('missed'), leaf('unknown', 'b')] }, { state: 'unknown', text: 'b' }],
    ['allOf takes its worst child: one missed sinks it', { type: 'allOf', of: [leaf('met'), leaf('missed', 'c'), leaf('unknown')] }, { state: 'missed', text: 'c' }],
    ['allOf with all met is met', { type: 'allOf', of: [leaf('met', 'd'), leaf('met', 'e')] }, { state: 'met', text: 'd' }],
    ['a group’s own text replaces its child’s', { type: 'allOf', text: '组', of: [leaf('met'), leaf('unknown', 'f')] }, { state: 'unknown', text: '组' }],
    ['groups nest: anyOf(allOf(met, missed), unknown) is unknown', { type: 'anyOf', of: [{ type: 'allOf', of: [leaf('met'), leaf('missed')] }, leaf('unknown', 'g')] }, { state: 'unknown', text: 'g' }],
  ])('%s', (_, c, want) => {
    expect(fold(c as Condition)).toEqual(want);
  });
  it('worstOf of nothing is met (no condition holds a family back), else the worst, the first on a tie', () => {
    expect(worstOf([])).toEqual({ state: 'met' });
    expect(worstOf([{ state: 'unknown', text: 'x' }, { state: 'met' }, { state: 'unknown', text: 'y' }])).toEqual({ state: 'unknown', text: 'x' });
  });
  it('profileState folds the same way: a 普高 chip for 「本专科 or 研究生」 is missed, for 「普高 or a pilot area」 met', () => {
    expect(profileState({ type: 'anyOf', of: [{ type: 'stage', in: ['undergrad'] }, { type: 'stage', in: ['graduate'] }] } as never, ['senior'])).toBe('missed');
    expect(profileState({ type: 'anyOf', of: [{ type: 'stage', in: ['senior'] }, leaf('unknown')] } as never, ['senior'])).toBe('met');
    expect(profileState({ type: 'allOf', of: [{ type: 'stage', in: ['senior'] }, leaf('unknown')] } as never, ['senior'])).toBe('unknown');
  });
});
