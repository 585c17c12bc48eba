import { AhoCorasick } from './aho-corasick';

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
    "ignor|disregard|forget|forgot|set aside|put aside|throw out|throw away|discard|drop|abandon|overrid|overrul|void|null and|cancel|revok|obsolete|no longer appl|not apply|don't count|not count|pay no attention|never mind|nevermind|wipe|erase|scrap|skip|neglect|released from|invalid|reset|clear your|stop follow|stop obey|no longer|leave behind|freed from|withdr|rescind|retract|lifted|lift|delet|clear|kill|suspend|not valid|no longer valid|irrelevant|outdated|superseded|expired|deactivat|scrub|purge|on hold|paused|pause|rough draft|cross out|scratch|replace your|rewrit|not in charge|reset the conversation|fresh context|start over|start fresh|blank slate",
    '忽略|无视|忘记|忘掉|忘了|不要理会|不用理会|不用管|别管|不要管|抛|丢弃|作废|无效|失效|不算数|不算了|撤销|取消|覆盖|放在一边|脑后|清空|跳过|废除|解放|不再|不必再|当作从来没有|没有收到过|破弃|清零|清除|删除|删掉|撤回|收回|不要再遵守|停止遵守|别再|不用再|不要再|不必理|废止|过期|无须遵守|不需要遵守|归零|推翻|削除|解除|無効|無视|搁置|暂停|划掉|替换你的|重写|重置|清掉|不管你了|新的上下文|从头开始|保留',
    '忘れ|取り消|従わな|気にしな|捨て|なかったこと|リセット|従う必要はない|守らなくて|消して|書き換え|置き換え',
    '무시|잊어|잊고|잊으|무효|취소|버려|신경 쓰지|따르지|초기화|삭제|철회|없던 일|지키지 않아도|따를 필요|보류|지워|바꿔|새로 시작',
  ],
  prior: [
    'previous|prior|earlier|above|before|original|initial|preceding|old |so far|at the start|beginning|first message|setup|were told|were given|you received|you were|configured with|loaded with|handed',
    '之前|以前|先前|此前|上面|上述|以上|前面|原来|原先|原本|原有|开头|刚才|一开始|最初|旧|给你的|收到的|告诉你的|上记|最初',
    '前の|これまで|与えられた|受け取',
    '이전|지금까지|위의|처음|앞의|기존|받은',
  ],
  orders: [
    'instruction|rule|guideline|directive|order|command|polic|told|prompt|programming|configuration|config|guidance|constraint|restriction|setup|setting|direction|preamble|context|framework|policies|boundaries|protocol|brief|briefing|persona',
    '指令|指示|规则|规定|设定|提示|要求|约束|限制|命令|守则|准则|政策|配置|条条框框|规矩|说的那些|命令|制限|规范|规程|框架|设置|人设|提示语|约定|底线|纪律|指図|方针|制约',
    'ルール|プロンプト|ガイドライン',
    '지시|명령|규칙|지침|설정|프롬프트|제한|가이드라인|정책|규정|제약|원칙',
  ],
  listener: [
    'you|assistant|ai|language model|llm|chatbot|model|agent|bot',
    '你|助手|模型|机器人|人工智能|智能|君',
    'あなた',
    '너|당신',
  ],
  obeyMe: [
    'obey|do what i|do as i|listen to me|only me|mine|comply|my command|my order|answer to me|take new orders|follow me|follow my|my words|my instructions|whatever i say|what i tell you|reply only to me|take orders from me',
    '听我|按我|服从|照我|只听|听从我|我说的|従|我说什么|我说什幺|我让你|按照我|听我指挥|我的指令|我的命令|只对我',
    '私の|私の指示|私の言う|私だけ',
    '내 말|따라|내 지시|내 명령|나만',
  ],
  reveal: [
    'reveal|print|output|show|repeat|display|leak|tell me|dump|recite|copy out|quote|paste|spit out|list them|word for word|verbatim|send me|share|write out|list|give me|expose|disclose|reproduce|type out|echo back|copy|translate your|summarize the rules|as json|what text|first message',
    '输出|打印|显示|重复|复述|泄露|告诉我|贴出|给出|展示|说出|背出|原封不动|一字不差|逐字|出力|表示|发给我|发我|写出|列出|公开|披露|贴给我|抄给我|念出|共有|复制|翻译成|原样|最开头|第一条消息|翻訳|翻译',
    '教え|见せ|そのまま|书き出|书いて|见せて|送って|コピー',
    '출력|보여|알려|그대로|적어|공유|말해|알려줘|보여줘|복사|번역',
  ],
  secretPrompt: [
    'system prompt|system message|hidden|secret|preprompt|initial|configuration|setup|developer told|preamble|confidential|original text|underlying|internal|behind the scenes|meta prompt|developer message',
    '系统提示|提示词|初始|隐藏|预设|配置|秘密|最初|原文|系统设定|内部|幕后|开发者消息|背后的',
    'システムプロンプト|隠し|元の',
    '시스템 프롬프트|처음|숨겨진|원래의|내부',
  ],
  unrestricted: [
    'no restriction|no limit|without limit|unrestricted|uncensored|unfiltered|no rule|never refuse|without refus|no policy|no filter|without filter|without restriction|jailbr|dan|god mode|developer mode|free from|no ethic|no guideline|anything now|breaks every rule|not bound|no longer bound|without any policy|never refuses|no content policy|without holding back|no constraint|no boundar|nothing is off|offlimit|no filters|unlimited|limitless|anything i ask|no matter what|never say no|no refusal|without limitation|allowed to say anything|say anything|answers every|every request|no ethics|without ethics|unfiltered ai|zero restriction|no rules',
    '没有任何限制|没有限制|不受|无限制|越狱|开发者模式|无审查|没有审查|没有禁忌|不需要遵守|没有道德|任何事|所有规则|上帝模式|不会拒绝|脱狱|什么都肯|什么都能|什幺都肯|什幺都能|无所不|没有边界|不设限|无限|毫无保留|不拒绝|没有底线|无底线|百无禁忌|没有约束|不受约束|什么都回答|什幺都回答|无制限|什么话都敢|什么都敢|什幺话都敢|什幺都敢|所有请求|没有伦理|不受过滤|不受限制',
    '制限のない|制限なし|何でも|制约もない|制约のない|制约なし|何でも答|制限もない|拒否しない|何でも言える|すべての要求',
    '제한 없는|제한도 없는|탈옥|무엇이든|규칙이 없는|제약 없는|무엇이든 답|거절하지|무제한|뭐든 말할|모든 요청',
  ],
  safety: [
    'safety|filter|moderation|censorship|guardrail|content polic|safeguard|censor|protection|ethic|moral|restriction|limit|polic',
    '安全|过滤|审查|审核|防护|护栏|検阅|検閲|道德|伦理|限制|安全机制|风控|检测|保护|制限|检阅|倫理',
    'フィルター',
    '안전|필터|검열|안전장치|윤리|제한',
  ],
  disable: [
    'disabl|turn off|switch off|bypass|deactivat|suspend|remove|shut off|kill|stop|lift|drop your|lower your|get rid of',
    '关闭|关掉|绕过|禁用|解除|暂停|关上|切|停用|关停|去掉|去除|拿掉|卸下|放下|停止|无效化',
    '无效に|オフ|外して|切って',
    '끄|꺼|해제|우회|꺼 줘|끄고|비활성화|제거',
  ],
  fromNow: [
    'now|from now on|from this point|henceforth|from here on|real task|instead',
    '现在|从现在|从今以后|起|重新开始|接下来|改为|今後',
    '今から|これから',
    '이제|지금부터|새로운',
  ],
  addressAi: [
    'attention ai|note to|message for|to the ai|if you are|reading this|processing this|for the ai|for any|summarizing this|for ai|dear ai|llm|agents|dear assistant|ai agent|ai summar|model reading|for llm|to the model|ai model|ai,|assistant reading|language models that|models that index|any assistant|regardless of your instructions|when summarizing',
    '读到|看到这|正在阅读|给ai|致|处理这|如果你是|给读到|给正在|给处理|致ai|给模型|给大模型|致大模型|致模型|致助手|给助手|阅读这份|收录本页面|总结时|不管你的指令',
    '読んでいる|aiへ|aiに|モデルへ|アシスタントへ|読むaiは|読むai|要約するai',
    '읽는|ai에게|모델에게|어시스턴트에게|읽는 ai는|요약하는 ai',
  ],
  exfiltrate: [
    'send|forward|post|upload|email|append|transmit|http|url|link|@|url|webhook|post the|include the contents|in a url',
    '发送|发到|转发|上传|附上|网址|链接|送信|拼进网址|发给',
    '送って',
    '보내|전송|주소',
  ],
  secretData: [
    'password|api key|chat history|conversation|email address|phone|personal data|credential|saved passwords|address|contents of the conversation|account',
    '密码|密钥|聊天记录|对话|手机号|用户数据|个人信息|会话履歴|会話履歴|地址|对话内容|账户',
    'パスワード',
    '비밀번호|대화 기록|개인정보',
  ],
  persona: [
    'you are now|act as|pretend|roleplay|you are an|behave as|you are free|you will be|you shall be|your name is|you are called|become|you will act|play the role',
    '你现在是|扮演|假装|你是一个|你叫|你是|你就是|你将成为|你的名字|你叫做|变成',
    'として振る舞|あなたは今から|あなたは|になりきって|として',
    '너는 이제|처럼 행동|너는|너의 이름|역할',
  ],
  systemVoice: [
    'system:|system override|admin message|administrator|operator|developer|[system]|management|approved|authorized|authorizes|compliance|maintenance|override|as your admin|owner|the people who built you|your creators|your developer',
    '系统:|系统覆盖|管理员|开发者|管理者|领导|批准|授权|合规|维护模式|作为你的管理员|承認|開発者|开発者',
    'システム:|管理者として',
    '시스템:|관리자|승인|관리자로서|개발자',
  ],
};

const forms: string[] = [];
/** for each form: the concepts it stands for, and whether it must start a word */
const formConcepts: number[][] = [];
const formAtWordStart: boolean[] = [];
const concepts = Object.keys(lexicon);
concepts.forEach((name, c) => {
  for (const form of lexicon[name]!.flatMap((group) => group.split('|'))) {
    let id = forms.indexOf(form);
    if (id === -1) {
      id = forms.push(form) - 1;
      formConcepts.push([]);
      formAtWordStart.push(/^[a-z]/.test(form));
    }
    if (!formConcepts[id]!.includes(c)) formConcepts[id]!.push(c);
  }
});
const automaton = new AhoCorasick(forms);
const wordUnit = /[\p{L}\p{N}]/u;

/** The concepts a view-normalized sentence holds, as names ("cancel", "orders", …). */
export function conceptsOf(sentence: string): string[] {
  const seen = new Uint8Array(concepts.length);
  let node = 0;
  for (let i = 0; i < sentence.length; i++) {
    node = automaton.step(node, sentence.charCodeAt(i));
    if (!automaton.hasOutput(node)) continue;
    automaton.emit(node, (id, length) => {
      const start = i + 1 - length;
      if (formAtWordStart[id] && start > 0 && wordUnit.test(sentence[start - 1]!)) return;
      for (const c of formConcepts[id]!) seen[c] = 1;
    });
  }
  return concepts.filter((_, c) => seen[c] === 1);
}
