/** English strings of the text front end views (the phones panel of Voice Preview). */
export const voiceTextEn = {
  phones: {
    title: 'Phones',
    subtitle: 'How a GPT-SoVITS voice reads this text: the phones and their ids in the v2 symbol table, per language segment.',
    show: 'Show phones',
    hide: 'Hide phones',
    refresh: 'Show phones again',
    languageLabel: 'Language',
    languages: {
      auto: 'Detect Chinese and English',
      zh: 'Chinese',
      en: 'English',
    },
    segmentLanguage: {
      zh: 'Chinese',
      en: 'English',
    },
    noText: 'Type a sentence above first.',
    loading: 'Working out the phones…',
    stale: 'The text has changed since these phones were shown.',
    normalized: 'Read as',
    phoneCount_one: '{{count}} phone',
    phoneCount_other: '{{count}} phones',
    unknown_one: '{{count}} phone is missing from the symbol table and is read as UNK.',
    unknown_other: '{{count}} phones are missing from the symbol table and are read as UNK.',
    idsLabel: 'All ids',
    unitLabel: '{{unit}}: {{count}} phones',
  },
};
