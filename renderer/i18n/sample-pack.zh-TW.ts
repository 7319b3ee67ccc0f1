import type { ModelFilesMessages, SamplePackMessages } from './sample-pack.en';

/** 範例套件（客服人員與模型）、封裝檔下載與待匯入資料夾「移除」的繁體中文字串。鍵值必須與英文版完全一致。 */
export const samplePackZhTW: SamplePackMessages = {
  title: '範例套件',
  text: '在正式模型就緒前先試用主控台。此套件會安裝一個文字情緒模型（以 400 句中英文客服範例句子當場訓練），以及三位範例客服人員，他們的聲音是為測試而合成的含糊語音。這些都不是任何人的複製語音，套件中的一切都會標示為「範例」。',
  install: '安裝範例套件',
  installing: '正在安裝範例套件…',
  again: '再次安裝時，已存在的項目會保持不變。',
  phases: {
    emotion: '情緒模型',
    training: '正在訓練情緒模型',
    member: '範例語音 {{code}}',
    done: '完成',
  },
  doneTitle: '範例套件已安裝。',
  nothingNew: '範例套件的所有項目先前都已安裝。',
  accuracy: '情緒模型的保留集準確率：',
  accuracyNote: '以模型從未訓練過的句子量測；隨機猜測約為 25 %。',
  installed_one: '已安裝（{{count}}）',
  installed_other: '已安裝（{{count}}）',
  skipped_one: '已略過（{{count}}）',
  skipped_other: '已略過（{{count}}）',
  staffBadge: '範例',
  staffBadgeHint: '範例客服人員：為測試而合成的聲音，並非任何人的複製語音。',
};

/** 下載已匯出的封裝檔、移除待匯入資料夾中的項目。 */
export const modelFilesZhTW: ModelFilesMessages = {
  download: '下載封裝檔',
  downloadHint: '透過這個瀏覽器儲存封裝檔，例如用來搬到另一台工作站。',
  incoming: {
    listLabel: '待匯入資料夾中的項目',
    folderDetail_one: '資料夾，{{count}} 個檔案，{{size}}',
    folderDetail_other: '資料夾，{{count}} 個檔案，{{size}}',
    fileDetail: '檔案，{{size}}',
    remove: '移除',
    removeLabel: '從待匯入資料夾移除 {{name}}',
    confirm: '確定要從待匯入資料夾永久移除「{{name}}」（{{size}}）嗎？',
    confirmRemove: '永久移除',
    keep: '保留',
    removing: '正在移除…',
    removed: '已移除「{{name}}」，釋出 {{size}}。',
  },
};
