/**
 * Word lists of upstream's tone rules, reproduced as data from RVC-Boss/GPT-SoVITS (commit 48b1a01):
 * GPT_SoVITS/text/tone_sandhi.py (must_neural_tone_words, must_not_neural_tone_words) and
 * GPT_SoVITS/text/chinese2.py (must_erhua, not_erhua). Sorted; only membership matters.
 */

/** Words whose last syllable is always neutral (麻烦 ma2 fan5, 先生 xian1 sheng5). */
export const MUST_NEUTRAL_TONE_WORDS: ReadonlySet<string> = new Set(
  (
    '一辈 丈人 丈夫 上司 上头 下巴 下水 不在 不由 世故 东家 东西 两口 丧气 丫头 主意 买卖 事情 云彩 交情 ' +
    '亲家 亲戚 人家 什么 介绍 休息 伙计 似的 位置 体面 作坊 佩服 使唤 便宜 倒腾 兄弟 先生 关系 养活 冒失 ' +
    '冤家 冤枉 冷战 凉快 凑合 凤凰 出息 分析 利害 利索 利落 别扭 刺激 刺猬 前头 力气 功夫 动弹 动静 勤快 ' +
    '匀称 包涵 包袱 千斤 厉害 厚道 口袋 叫唤 吆喝 合同 吉他 名堂 名字 后头 吓唬 含糊 告示 告诉 和尚 咕噜 ' +
    '咖喱 咳嗽 哆嗦 哈欠 哑巴 唾沫 商量 喇叭 喇嘛 喉咙 喜欢 喽啰 嘀咕 嘟囔 嘱咐 嘴巴 困难 在乎 地方 地道 ' +
    '壮实 外甥 多么 多少 大人 大夫 大意 大方 大爷 太阳 头发 女婿 奴才 妖精 妥当 妯娌 姐夫 姑娘 委屈 姥爷 ' +
    '娘家 婆家 媒人 媳妇 嫁妆 字号 学生 学问 官司 实在 客气 家伙 寒碜 寡妇 对付 对头 将就 小伙 小气 少爷 ' +
    '尾巴 屁股 岁数 工夫 差事 巴掌 巴结 师傅 师父 希罕 帐篷 帮手 干事 幸福 庄稼 应酬 开通 弄堂 弟兄 张罗 ' +
    '得罪 心思 志气 忙活 快活 念叨 念头 怎么 思量 怪物 悟性 情形 惦记 意思 意识 懒得 戒指 扁担 扎实 扑腾 ' +
    '打发 打听 打扮 打点 打算 打量 扫帚 扫把 折腾 护士 报复 抬举 拖沓 招呼 招牌 拨弄 拳头 拾掇 指头 指甲 ' +
    '挑剔 挖苦 提防 收成 收拾 故事 新鲜 时候 明白 暖和 月亮 月饼 朋友 木匠 木头 本事 机灵 枇杷 枕头 架势 ' +
    '柴火 栅栏 核桃 棉花 棒槌 棺材 槟榔 模糊 欺负 正经 母亲 比方 泥鳅 活泼 浪头 消息 清楚 温和 溜达 滑溜 ' +
    '漂亮 火候 灯笼 炊帚 点心 烂糊 烟筒 烧饼 热闹 照顾 熟悉 爱人 父亲 爽快 牌楼 牙碜 牢骚 牲口 特务 状元 ' +
    '狐狸 玄乎 玫瑰 玻璃 琉璃 琢磨 琵琶 甘蔗 甜头 生意 畜生 疏忽 疙瘩 疟疾 痛快 痢疾 白净 盘算 盘缠 相声 ' +
    '眉毛 眨巴 眯缝 眼睛 知识 石匠 石头 石榴 码头 砚台 祖宗 福气 秀才 秀气 秧歌 称呼 稀罕 稳当 窗户 窝囊 ' +
    '窟窿 笑话 笑语 笤帚 答应 算盘 算计 篱笆 簸箕 粮食 精神 糊涂 糟蹋 糨糊 累赘 红火 结实 编辑 罐头 罗嗦 ' +
    '翻腾 老太 老头 老婆 老实 老爷 耳朵 耷拉 耽搁 耽误 聪明 胡同 胡琴 胡萝 胭脂 胳膊 能耐 脊梁 脑袋 脾气 ' +
    '膏药 自在 舌头 舒坦 舒服 芝麻 苍蝇 苗头 苗条 荒唐 荸荠 菩萨 萝卜 葡萄 葫芦 薄荷 蘑菇 蚂蚱 蛤蟆 蜡烛 ' +
    '行当 行李 街坊 衙门 衣服 衣裳 补丁 裁缝 见识 规矩 计划 认识 记号 记性 讲究 豆腐 财主 费用 趔趄 跟头 ' +
    '跳蚤 踏实 转悠 软和 过去 运气 这个 这么 连累 迷糊 造化 逻辑 道士 邋遢 那个 那么 部分 里头 里脊 钥匙 ' +
    '铁匠 铃铛 铺盖 锄头 门道 闺女 阔气 队伍 难为 风筝 馄饨 馒头 首饰 马虎 骆驼 骨头 高粱 鸳鸯 麻利 麻烦'
  ).split(' '),
);

/** Words that keep their tones although they look like a neutral-tone pattern (男男, 人人). */
export const MUST_NOT_NEUTRAL_TONE_WORDS: ReadonlySet<string> = new Set(
  (
    '人人 以下 佼佼 冉冉 分子 卵子 原子 吵吵 哈哈 女子 娃哈哈 学子 家家户户 局地 干嘛 幺幺 恳恳 想想 打打 攘攘 ' +
    '数数 整整 死死 熙熙 瓜子 电子 男子 留得 石子 算子 考考 耕地 花花草草 莘莘 莲子 落地 虎虎 袅袅 量子 青青'
  ).split(' '),
);

/** Words whose 儿 always takes the tone before it. */
export const MUST_ERHUA: ReadonlySet<string> = new Set('妥妥儿 媳妇儿 寻老礼儿 小院儿 撒欢儿 老汉儿 胡同儿 范儿'.split(' '));

/** Words whose 儿 is a syllable of its own (婴儿, 女儿). */
export const NOT_ERHUA: ReadonlySet<string> = new Set(
  (
    '一儿 为儿 乞儿 体弱儿 侄儿 侄孙儿 俺儿 可儿 女儿 妻儿 婴儿 婴幼儿 孙儿 孤儿 少儿 幼儿 应采儿 患儿 我儿 护儿 ' +
    '拐儿 救儿 替儿 有儿 流浪儿 混血儿 狗儿 猪儿 猫儿 男儿 瞒儿 祖儿 红孩儿 美儿 聋儿 脑瘫儿 舫儿 花儿 虐儿 虫儿 ' +
    '蜜雪儿 连体儿 马儿 鸟儿'
  ).split(' '),
);
