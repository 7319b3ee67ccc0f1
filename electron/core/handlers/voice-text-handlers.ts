import { AppError, type G2pResult } from '../../api/index.js';
import { GPT_SOVITS_V2_SYMBOL_COUNT, gptSovitsFrontEnd } from '../../../native-engine/text/gpt-sovits/index.js';
import type { HandlersFor } from './handler-types.js';

/**
 * The GPT-SoVITS front end runs right here: it is pure, synchronous and takes about a
 * millisecond for a preview-sized text, so it needs neither the engine worker nor a service.
 */
export function voiceTextHandlers(): HandlersFor<'voiceText.g2p'> {
  return {
    'voiceText.g2p': ({ lang, text }): G2pResult => {
      const result = gptSovitsFrontEnd(text, lang);
      if (result.phones.length === 0) {
        throw new AppError('VALIDATION_FAILED', lang === 'en' ? 'text: nothing to read in English (no letters or digits)' : 'text: nothing to read (only marks or symbols)', 'text');
      }
      return {
        lang,
        symbolTable: 'gpt-sovits-v2',
        symbolCount: GPT_SOVITS_V2_SYMBOL_COUNT,
        segments: result.segments,
        phones: result.phones,
        phoneIds: result.phoneIds,
        unknownCount: result.phones.filter((phone) => phone === 'UNK').length,
      };
    },
  };
}
