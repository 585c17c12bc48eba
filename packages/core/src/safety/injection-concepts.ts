/**
 * The ideas injections are made of, each with its words in English, Chinese (simplified: the
 * view folds traditional forms, and Japanese kanji, to it), Japanese and Korean. The
 * classifier sees which ideas a sentence holds and which pairs of them occur together, so an
 * order learnt in one language or wording carries over to the others: "set aside everything
 * you were told", "之前的规定全部作废" and "이전 지시는 무효" all read as cancel + prior + orders.
 * Latin entries match at a word start (so they cover inflections); the others anywhere.
 * Each concept lists its words as '|'-joined strings, one per script.
 */
const lexicon: Record<string, string[]> = {
  cancel: [
    "ignor|disregard|forget|forgot|set aside|put aside|throw out|throw away|discard|drop|abandon|overrid|overrul|void|null and|cancel|revok|obsolete|no longer appl|not apply|don't count|not count|pay no attention|never mind|nevermind|wipe|erase|scrap|skip|neglect|released from|invalid|reset|clear your|stop follow|stop obey|no longer|leave behind|freed from",
    '忽略|无视|忘记|忘掉|忘了|不要理会|不用理会|不用管|别管|不要管|抛|丢弃|作废|无效|失效|不算数|不算了|撤销|取消|覆盖|放在一边|脑后|清空|跳过|废除|解放|不再|不必再|当作从来没有|没有收到过|破弃',
    '忘れ|取り消|従わな|気にしな|捨て',
    '무시|잊어|잊고|잊으|무효|취소|버려|신경 쓰지|따르지',
  ],
  prior: [
    'previous|prior|earlier|above|before|original|initial|preceding|old |so far|at the start|beginning|first message|setup|were told|were given|you received|you were|configured with|loaded with|handed',
    '之前|以前|先前|此前|上面|上述|以上|前面|原来|原先|原本|原有|开头|刚才|一开始|最初|旧|给你的|收到的|告诉你的|上记|最初',
    '前の|これまで|与えられた|受け取',
    '이전|지금까지|위의|처음|앞의|기존|받은',
  ],
  orders: [
    'instruction|rule|guideline|directive|order|command|polic|told|prompt|programming|configuration|config|guidance|constraint|restriction|setup|setting',
    '指令|指示|规则|规定|设定|提示|要求|约束|限制|命令|守则|准则|政策|配置|条条框框|规矩|说的那些|命令|制限',
    'ルール|プロンプト',
    '지시|명령|규칙|지침|설정|프롬프트|제한',
  ],
  listener: [
    'you|assistant|ai|language model|llm|chatbot|model|agent|bot',
    '你|助手|模型|机器人|人工智能|智能|君',
    'あなた',
    '너|당신',
  ],
  obeyMe: [
    'obey|do what i|do as i|listen to me|only me|mine|comply|my command|my order|answer to me|take new orders|follow me|follow my',
    '听我|按我|服从|照我|只听|听从我|我说的|従',
    '私の',
    '내 말|따라',
  ],
  reveal: [
    'reveal|print|output|show|repeat|display|leak|tell me|dump|recite|copy out|quote|paste|spit out|list them|word for word|verbatim',
    '输出|打印|显示|重复|复述|泄露|告诉我|贴出|给出|展示|说出|背出|原封不动|一字不差|逐字|出力|表示',
    '教え|见せ|そのまま',
    '출력|보여|알려|그대로',
  ],
  secretPrompt: [
    'system prompt|system message|hidden|secret|pre-prompt|preprompt|initial|configuration|setup|developer told',
    '系统提示|提示词|初始|隐藏|预设|配置|秘密|最初',
    'システムプロンプト',
    '시스템 프롬프트|처음',
  ],
  unrestricted: [
    'no restriction|no limit|without limit|unrestricted|uncensored|unfiltered|no rule|never refuse|without refus|no policy|no filter|without filter|without restriction|jailbr|dan|god mode|developer mode|free from|no ethic|no guideline|anything now|breaks every rule|not bound|no longer bound|without any policy|never refuses',
    '没有任何限制|没有限制|不受|无限制|越狱|开发者模式|无审查|没有审查|没有禁忌|不需要遵守|没有道德|任何事|所有规则|上帝模式|不会拒绝|脱狱',
    '制限のない|制限なし|何でも',
    '제한 없는|제한도 없는|탈옥|무엇이든',
  ],
  safety: [
    'safety|filter|moderation|censorship|guardrail|content polic|safeguard|censor',
    '安全|过滤|审查|审核|防护|护栏|検阅|検閲',
    'フィルター',
    '안전|필터|검열',
  ],
  disable: [
    'disabl|turn off|switch off|bypass|deactivat|suspend|remove|shut off',
    '关闭|关掉|绕过|禁用|解除|暂停|关上|切',
    '无效に|オフ',
    '끄|꺼|해제|우회',
  ],
  fromNow: [
    'now|from now on|from this point|henceforth|from here on|real task|instead',
    '现在|从现在|从今以后|起|重新开始|接下来|改为|今後',
    '今から|これから',
    '이제|지금부터|새로운',
  ],
  addressAi: [
    'attention ai|note to|message for|to the ai|if you are|reading this|processing this|for the ai|for any|summarizing this|for ai|dear ai',
    '读到|看到这|正在阅读|给ai|致|处理这|如果你是|给读到',
    '読んでいる|aiへ',
    '읽는|ai에게',
  ],
  exfiltrate: [
    'send|forward|post|upload|email|append|transmit|http|url|link|@|url',
    '发送|发到|转发|上传|附上|网址|链接|送信',
    '送って',
    '보내|전송|주소',
  ],
  secretData: [
    'password|api key|chat history|conversation|email address|phone|personal data|credential|saved passwords',
    '密码|密钥|聊天记录|对话|手机号|用户数据|个人信息|会话履歴|会話履歴',
    'パスワード',
    '비밀번호|대화 기록|개인정보',
  ],
  persona: [
    'you are now|act as|pretend|roleplay|role-play|you are an|behave as|you are free',
    '你现在是|扮演|假装|你是一个|你叫',
    'として振る舞|あなたは今から|あなたは',
    '너는 이제|처럼 행동|너는',
  ],
  systemVoice: [
    'system:|system override|admin message|administrator|operator|developer|[system]',
    '系统:|系统覆盖|管理员|开发者|管理者',
    'システム:',
    '시스템:|관리자',
  ],
};

const concepts = Object.keys(lexicon);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const matchers = concepts.map((name) => {
  const forms = lexicon[name]!.flatMap((group) => group.split('|'));
  const latin = forms
    .filter((f) => /^[\x20-\x7e]+$/.test(f) && /^[a-z]/.test(f))
    .map((f) => `\\b${escapeRegExp(f)}`);
  const other = forms.filter((f) => !/^[\x20-\x7e]+$/.test(f) || !/^[a-z]/.test(f)).map(escapeRegExp);
  return new RegExp([...latin, ...other].join('|'));
});

/** The concepts a view-normalized sentence holds, as names ("cancel", "orders", …). */
export function conceptsOf(sentence: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < matchers.length; i++) if (matchers[i]!.test(sentence)) found.push(concepts[i]!);
  return found;
}
