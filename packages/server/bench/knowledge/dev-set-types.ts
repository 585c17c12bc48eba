export interface DevDocument {
  id: string;
  filename: string;
  /** markdown: a title, sections under headings, paragraphs */
  text: string;
}

export interface DevQuestion {
  id: string;
  lang: 'zh' | 'en';
  kind: 'direct' | 'paraphrase' | 'follow-up';
  question: string;
  /** the exact passage (a substring of one document) that answers it */
  passage: string;
  /** the same passage, under the name every labelled set uses (LabelledQuestion) */
  answer: string;
  documentId: string;
}

/** One fact in a document: the sentence written into it and the questions it answers. */
export interface Fact {
  sentence: string;
  questions: { kind: DevQuestion['kind']; question: string }[];
}

export interface DocumentPlan {
  id: string;
  filename: string;
  lang: 'zh' | 'en';
  title: string;
  sections: { heading: string; facts: Fact[]; filler: number }[];
}
