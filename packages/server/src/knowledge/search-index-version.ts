/**
 * The version of the terms `searchTerms` gives a text, and of how they are stored. Bump it
 * whenever the terms of any text change (tokenizer, stop words, stemming, weights stored in
 * the postings): knowledge bases indexed under an older version are re-indexed in the
 * background at the next start (reindex-*.ts).
 * 1: letters and digits as one run (`FFN结构…` one term); 2: Han split from Latin and digits,
 * numbers with units, compounds with their parts; 3: question words (什么样, 怎样, 啥…) are
 * stop words.
 */
export const searchIndexVersion = 3;
