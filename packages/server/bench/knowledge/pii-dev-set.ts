import { buildDevSet, type DevSet } from './dev-set';
import type { DevQuestion } from './dev-set-types';
import { seededRandom } from './seeded-random';

export interface PiiDevSet extends DevSet {
  /** questions that name a document and ask for its contact (no personal data in the question) */
  byOwner: DevQuestion[];
  /** questions that quote a phone number or an e-mail address and ask whose it is */
  byValue: DevQuestion[];
}

/**
 * The retrieval dev set with personal data in it: every document gets a contact section (a
 * mobile number and an e-mail address written into a sentence that names the document), and
 * questions that find that sentence by its owner or by the value itself. The dev set's own
 * questions stay, to see what redacting the contact sections costs everything else.
 */
export function buildPiiDevSet(seed = 20_260_401): PiiDevSet {
  const base = buildDevSet(seed);
  const random = seededRandom(seed + 1);
  const byOwner: DevQuestion[] = [];
  const byValue: DevQuestion[] = [];
  const documents = base.documents.map((document, i) => {
    const title = /^# (.+)$/m.exec(document.text)?.[1] ?? document.filename;
    const zh = /\p{Script=Han}/u.test(title);
    const phone = `1${3 + Math.floor(random() * 7)}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
    const email = `contact${i + 1}.${zh ? 'kefu' : 'desk'}@example${i + 1}.com`;
    const sentence = zh
      ? `${title}的联系人手机是${phone}，邮箱是${email}。`
      : `The contact for ${title} can be reached on ${phone} or at ${email}.`;
    const section = zh ? `## 联系方式\n\n${sentence}` : `## Contact\n\n${sentence}`;
    const question = (kind: 'owner' | 'value', id: number, text: string): DevQuestion => ({
      id: `${document.id}-pii-${kind}-${id}`,
      lang: zh ? 'zh' : 'en',
      kind: 'direct',
      question: text,
      passage: sentence,
      answer: sentence,
      documentId: document.id,
    });
    byOwner.push(
      question(
        'owner',
        1,
        zh ? `${title}的联系人手机号是多少？` : `What is the contact phone number for ${title}?`,
      ),
    );
    byValue.push(
      question('value', 1, zh ? `手机号${phone}是谁的联系方式？` : `Whose contact number is ${phone}?`),
      question('value', 2, zh ? `邮箱${email}属于哪个联系人？` : `Which contact uses the address ${email}?`),
    );
    return { ...document, text: `${document.text.trimEnd()}\n\n${section}\n` };
  });
  return { documents, questions: base.questions, byOwner, byValue };
}
