import { z } from 'zod';
import { defineProcedure, ROLES } from '../contract.js';
import { PREVIEW_TEXT_MAX_CHARS, previewText } from './previews.js';

/** The languages of the GPT-SoVITS text front end: all Chinese (English words still read in English), all English, or detected per run. */
export const G2P_LANGUAGES = ['zh', 'en', 'auto'] as const;
export type G2pLanguage = (typeof G2P_LANGUAGES)[number];

/** The same limit as a preview, because the preview screen shows the phones of what it is about to speak. */
export const G2P_TEXT_MAX_CHARS = PREVIEW_TEXT_MAX_CHARS;

export const phoneSegmentSchema = z.object({
  language: z.enum(['zh', 'en']),
  /** The text as the front end reads it: numbers and dates written out, Simplified, marks mapped. */
  normalizedText: z.string(),
  phones: z.array(z.string()),
  /** Ids in the GPT-SoVITS v2 symbol table (732 symbols). */
  phoneIds: z.array(z.number().int()),
  /** Phones per character (zh: 2 per syllable, 1 per mark) or per word (en). */
  word2ph: z.array(z.number().int()),
  /** What each word2ph entry counts: the character (zh) or the word or mark (en). */
  units: z.array(z.string()),
});
export type PhoneSegmentView = z.infer<typeof phoneSegmentSchema>;

export const g2pResultSchema = z.object({
  lang: z.enum(G2P_LANGUAGES),
  symbolTable: z.literal('gpt-sovits-v2'),
  symbolCount: z.number().int(),
  segments: z.array(phoneSegmentSchema),
  phones: z.array(z.string()),
  phoneIds: z.array(z.number().int()),
  /** Phones the table lacks, each replaced by UNK: where a voice will mumble. */
  unknownCount: z.number().int(),
});
export type G2pResult = z.infer<typeof g2pResultSchema>;

export const voiceTextProcedures = {
  'voiceText.g2p': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: 'Show the phones and GPT-SoVITS v2 symbol ids a text is read with (per language segment, with word-to-phone counts)',
    input: z
      .object({
        lang: z.enum(G2P_LANGUAGES).describe('zh, en or auto (zh and en runs detected)'),
        text: previewText.describe(`the text to read, at most ${G2P_TEXT_MAX_CHARS} characters`),
      })
      .strict(),
    output: g2pResultSchema,
    cli: { command: 'g2p' },
  }),
};
