import { AppError, type G2pResult } from '../../api/index.js';
import type { HandlersFor } from './handler-types.js';

type FrontEndModule = typeof import('../../../native-engine/text/gpt-sovits/index.js');
let frontEnd: Promise<FrontEndModule> | undefined;

/**
 * The front end is loaded on first use: its dictionaries (CMU, pinyin, OpenCC) take a second or
 * two and tens of MB, which every start of the app or CLI would otherwise pay.
 */
function loadFrontEnd(): Promise<FrontEndModule> {
  frontEnd ??= import('../../../native-engine/text/gpt-sovits/index.js');
  return frontEnd;
}

/**
 * The GPT-SoVITS front end runs right here: it is pure and synchronous and takes about a
 * millisecond for a preview-sized text once loaded, so it needs neither the engine worker nor a service.
 */
export function voiceTextHandlers(): HandlersFor<'voiceText.g2p'> {
  return {
    'voiceText.g2p': async ({ lang, text }): Promise<G2pResult> => {
      const { gptSovitsFrontEnd, GPT_SOVITS_V2_SYMBOL_COUNT } = await loadFrontEnd();
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
