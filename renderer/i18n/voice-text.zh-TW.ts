import type { voiceTextEn } from './voice-text.en';

/** 文字前端（語音試聽的音素面板）的繁體中文字串。 */
export const voiceTextZhTW: typeof voiceTextEn = {
  phones: {
    title: '音素',
    subtitle: 'GPT-SoVITS 語音如何念這段文字：各語言片段的音素及其在 v2 符號表中的編號。',
    show: '顯示音素',
    hide: '隱藏音素',
    refresh: '重新顯示音素',
    languageLabel: '語言',
    languages: {
      auto: '自動分辨中文與英文',
      zh: '中文',
      en: '英文',
    },
    segmentLanguage: {
      zh: '中文',
      en: '英文',
    },
    noText: '請先在上方輸入句子。',
    loading: '正在分析音素…',
    stale: '顯示這些音素之後，文字已經改過。',
    normalized: '念成',
    phoneCount_one: '{{count}} 個音素',
    phoneCount_other: '{{count}} 個音素',
    unknown_one: '有 {{count}} 個音素不在符號表中，會以 UNK 代替。',
    unknown_other: '有 {{count}} 個音素不在符號表中，會以 UNK 代替。',
    idsLabel: '全部編號',
    unitLabel: '{{unit}}：{{count}} 個音素',
  },
};
