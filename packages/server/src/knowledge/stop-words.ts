/** Words too common to tell passages apart, in Chinese and English. Kept small on purpose. */
export const stopWords: ReadonlySet<string> = new Set(
  [
    // Chinese particles, pronouns and function words
    '的 了 和 与 及 或 是 在 有 也 就 都 而 之 其 这 那 个 吗 呢 吧 啊 着 过 被 把 对 从 为 以 于 并 等 中',
    '我 你 他 她 它 我们 你们 他们 什么 怎么 如何 哪 哪些 哪个 多少 几 请问 一下 是否 可以 能 会 要 需要',
    '这个 那个 一个',
    // how people ask: words of the question, not of its subject ("nullmailer 是什么样的 MTA？")
    '什么样 怎样 怎么样 怎么办 为什么 为何 干嘛 干什么 啥 咋 哪里 哪儿 是不是 有没有 能不能 可不可以',
    '要不要 什 么 怎 嘛 呀',
    // English
    'a an the and or of to in on at by for with from as is are was were be been being it its this',
    'that these those do does did what which who whom how when where why can could i you he she we',
    'they me my our your their there if then so than not no but about into any all should would will',
    'shall may might must has have had please tell',
  ]
    .join(' ')
    .split(' '),
);
