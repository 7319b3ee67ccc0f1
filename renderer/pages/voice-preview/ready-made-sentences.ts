/**
 * Ready-made customer-service sentences in both languages the voices speak. They are content,
 * not interface text: both sets are offered whichever language the console shows.
 */
export const READY_MADE_SENTENCES: readonly { language: 'zh-TW' | 'en'; text: string }[] = [
  { language: 'zh-TW', text: '您好，這裡是客服中心，請問有什麼可以幫您？' },
  { language: 'zh-TW', text: '不好意思讓您久等了，我馬上為您查詢訂單狀態。' },
  { language: 'zh-TW', text: '您的退款已經處理完成，大約三到五個工作天會入帳。' },
  { language: 'zh-TW', text: '感謝您的耐心等候。還有其他需要協助的地方嗎？祝您有美好的一天！' },
  { language: 'en', text: 'Thank you for calling. How may I help you today?' },
  { language: 'en', text: 'I am sorry for the wait. Let me check your order status right away.' },
  { language: 'en', text: 'Your refund has been processed. It should reach your account within three to five business days.' },
  { language: 'en', text: 'Is there anything else I can help you with? Have a wonderful day!' },
];
