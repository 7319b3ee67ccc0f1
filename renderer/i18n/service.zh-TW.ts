import type { ServiceMessages } from './service.en';

/** 「常駐服務」（issue 9）的繁體中文字串；鍵值必須與英文版完全一致。 */
export const serviceZhTW: ServiceMessages = {
  badge: '以系統服務執行',
  badgeHint: '系統服務（程序 {{pid}}，自 {{since}} 起）擁有此資料夾：即使沒有開啟視窗，備份、驗證與指標仍會持續執行。',
  owner: '資料夾擁有者',
  ownedBy: {
    'this-process': '此程序',
    service: '系統服務',
    'another-process': '其他程序',
    nobody: '無',
  },
  ownerDetail: '主機 {{hostname}} 上的程序 {{pid}}，自 {{since}} 起',
};
