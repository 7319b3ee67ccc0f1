import { describe, expect, it } from 'vitest';
import { MAX_PREVIEW_PARTS, previewSentences } from './preview-sentences.js';

describe('splitting a preview text into sentences', () => {
  it('splits English at . ? ! followed by a space, keeping clauses and decimals together', () => {
    expect(previewSentences('Hello, thank you for calling. Your balance is 3.5 dollars! Anything else?')).toEqual([
      'Hello, thank you for calling.',
      'Your balance is 3.5 dollars!',
      'Anything else?',
    ]);
  });

  it('splits Chinese at full-width 。？！ without spaces, and keeps ，、 clauses in their sentence', () => {
    expect(previewSentences('您好，這裡是客服中心。請問有什麼可以幫您？謝謝您的耐心！')).toEqual([
      '您好，這裡是客服中心。',
      '請問有什麼可以幫您？',
      '謝謝您的耐心！',
    ]);
  });

  it('handles mixed zh-TW and English, runs of marks, and text without a final mark', () => {
    expect(previewSentences('您好！Thank you?! 我們會盡快處理 and call you back')).toEqual([
      '您好！',
      'Thank you?!',
      '我們會盡快處理 and call you back',
    ]);
  });

  it('returns nothing for text with no words, and collapses whitespace', () => {
    expect(previewSentences('  ... ！？  ')).toEqual([]);
    expect(previewSentences('One.\n\n  Two.')).toEqual(['One.', 'Two.']);
  });

  it(`caps the number of engine calls at ${MAX_PREVIEW_PARTS}: the first sentence alone, the rest in even groups`, () => {
    const text = Array.from({ length: 30 }, (_, i) => `Line ${i + 1}.`).join(' ');
    const parts = previewSentences(text);
    expect(parts).toHaveLength(MAX_PREVIEW_PARTS);
    expect(parts[0]).toBe('Line 1.');
    expect(parts.join(' ')).toBe(text);
    const sizes = parts.slice(1).map((p) => p.split('.').length - 1);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(previewSentences('好。'.repeat(20))).toHaveLength(MAX_PREVIEW_PARTS);
    expect(previewSentences('好。'.repeat(20)).join('')).toBe('好。'.repeat(20));
  });
});
