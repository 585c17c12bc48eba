/** A seeded, generated mixed Chinese/English corpus for the knowledge benchmarks. */

const zhWords = [
  '系统',
  '用户',
  '数据',
  '安装',
  '配置',
  '服务器',
  '数据库',
  '退款',
  '发票',
  '订单',
  '物流',
  '仓库',
  '客服',
  '模型',
  '知识库',
  '检索',
  '文档',
  '权限',
  '管理员',
  '备份',
  '恢复',
  '网络',
  '安全',
  '日志',
  '性能',
  '缓存',
  '接口',
  '版本',
  '升级',
  '价格',
  '合同',
  '报销',
  '审批',
  '会议',
  '培训',
  '考勤',
  '假期',
  '预算',
  '采购',
  '供应商',
];
const enWords = [
  'server',
  'install',
  'database',
  'refund',
  'invoice',
  'order',
  'shipping',
  'warehouse',
  'support',
  'model',
  'search',
  'document',
  'permission',
  'backup',
  'restore',
  'network',
  'security',
  'logging',
  'latency',
  'cache',
  'upgrade',
  'pricing',
  'contract',
  'approval',
  'meeting',
  'training',
  'budget',
  'supplier',
  'release',
  'policy',
];

export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pick = <T>(random: () => number, list: readonly T[]) => list[Math.floor(random() * list.length)]!;

export function sentence(random: () => number): string {
  if (random() < 0.6) {
    const words = Array.from({ length: 6 + Math.floor(random() * 10) }, () => pick(random, zhWords));
    return `${words.join('')}${pick(random, ['。', '！', '？', '；'])}`;
  }
  const words = Array.from({ length: 8 + Math.floor(random() * 12) }, () => pick(random, enWords));
  return `${words.join(' ')}.`;
}

/** Markdown documents of about `docBytes` each until `totalBytes` (UTF-8) are generated. */
export function generateCorpus(
  totalBytes: number,
  docBytes = 256 * 1024,
  seed = 42,
): { name: string; text: string }[] {
  const random = seeded(seed);
  const docs: { name: string; text: string }[] = [];
  let total = 0;
  while (total < totalBytes) {
    const parts: string[] = [`# 文档 ${docs.length} Document ${docs.length}`];
    let size = 0;
    for (let section = 0; size < docBytes; section++) {
      parts.push(`## ${pick(random, zhWords)} ${pick(random, enWords)} ${section}`);
      for (let p = 0; p < 3; p++) {
        const paragraph = Array.from({ length: 3 + Math.floor(random() * 4) }, () => sentence(random)).join(
          ' ',
        );
        parts.push(paragraph);
        size += Buffer.byteLength(paragraph);
      }
    }
    const text = parts.join('\n\n');
    docs.push({ name: `doc-${docs.length}.md`, text });
    total += Buffer.byteLength(text);
  }
  return docs;
}

/** Short queries of two to four corpus words, like people type. */
export function generateQueries(count: number, seed = 7): string[] {
  const random = seeded(seed);
  return Array.from({ length: count }, () =>
    random() < 0.6
      ? Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(random, zhWords)).join('')
      : Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(random, enWords)).join(' '),
  );
}
