/** English strings of the sample pack (Staff & Models), the bundle download and the incoming folder's Remove. */
export const samplePackEn = {
  title: 'Sample pack',
  text: 'Try the console before real models arrive. The pack installs a text emotion model, trained now on 400 sample customer-service sentences in English and Traditional Chinese, and three sample staff members whose voices are synthetic babble made for testing. They are not cloned voices of anyone, and everything from the pack is labelled “sample”.',
  install: 'Install sample pack',
  installing: 'Installing the sample pack…',
  again: 'Installing again leaves what is there alone.',
  phases: {
    emotion: 'Emotion model',
    training: 'Training the emotion model',
    member: 'Sample voice {{code}}',
    done: 'Done',
  },
  doneTitle: 'Sample pack installed.',
  nothingNew: 'Everything in the sample pack was installed already.',
  accuracy: 'Held-out accuracy of the emotion model:',
  accuracyNote: 'measured on sentences it was never trained on; guessing would score 25 %.',
  installed_one: 'Installed ({{count}})',
  installed_other: 'Installed ({{count}})',
  skipped_one: 'Skipped ({{count}})',
  skipped_other: 'Skipped ({{count}})',
  staffBadge: 'sample',
  staffBadgeHint: 'A sample staff member: a synthetic voice for testing, not a cloned voice of anyone.',
};

export type SamplePackMessages = typeof samplePackEn;

/** Downloading an exported bundle, removing entries of the incoming folder (Staff & Models). */
export const modelFilesEn = {
  download: 'Download bundle',
  downloadHint: 'Save the bundle file through this browser, for example to carry it to another workstation.',
  incoming: {
    listLabel: 'Entries of the incoming folder',
    folderDetail_one: 'folder, {{count}} file, {{size}}',
    folderDetail_other: 'folder, {{count}} files, {{size}}',
    fileDetail: 'file, {{size}}',
    remove: 'Remove',
    removeLabel: 'Remove {{name}} from the incoming folder',
    confirm: 'Remove “{{name}}” ({{size}}) from the incoming folder for good?',
    confirmRemove: 'Remove for good',
    keep: 'Keep',
    removing: 'Removing…',
    removed: '“{{name}}” removed: {{size}} freed.',
  },
};

export type ModelFilesMessages = typeof modelFilesEn;
