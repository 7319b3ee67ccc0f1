import { describe, expect, it } from 'vitest';
import { asciiPunctuation, splitSentences } from './clause-splitter.js';

const shape = (text: string) => splitSentences(text).map((s) => s.clauses.map((c) => [c.text, c.terminator]));

describe('splitting text into sentences and clauses', () => {
  it('ends sentences at . ? ! and clauses at , : ; followed by a space', () => {
    expect(shape('Hello, world. How are you? Fine; thanks: really!')).toEqual([
      [['Hello,', ','], ['world.', '.']],
      [['How are you?', '?']],
      [['Fine;', ';'], ['thanks:', ':'], ['really!', '!']],
    ]);
  });

  it('keeps decimals, times and unspaced commas inside a clause', () => {
    expect(shape('It costs 3.5 dollars,or 4:30 pm')).toEqual([[['It costs 3.5 dollars,or 4:30 pm', '']]]);
  });

  it('counts a run of marks once, preferring the sentence mark', () => {
    expect(shape('Really?! Wait... ok')).toEqual([[['Really?!', '?']], [['Wait...', '.']], [['ok', '']]]);
  });

  it('splits at full-width Chinese marks without a following space', () => {
    expect(shape('您好，請問有什麼可以幫您？謝謝。')).toEqual([
      [['您好，', ','], ['請問有什麼可以幫您？', '?']],
      [['謝謝。', '.']],
    ]);
  });

  it('sees a mark through closing quotes, and drops punctuation-only clauses', () => {
    expect(shape('"Why?" he asked. ... ,')).toEqual([[['"Why?"', '?']], [['he asked.', '.']]]);
    expect(splitSentences('  ... !  ')).toEqual([]);
  });

  it('maps full-width punctuation to ASCII', () => {
    expect(asciiPunctuation('好，謝謝！')).toBe('好,謝謝!');
  });
});
