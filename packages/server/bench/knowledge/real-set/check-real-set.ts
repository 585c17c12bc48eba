import { checkRealSet } from './real-set-problems';

/**
 * Prints the problems of the real-document set and its counts per tag; exits 1 on a problem.
 * `npx tsx packages/server/bench/knowledge/real-set/check-real-set.ts [questions-x.json]`
 */
const only = process.argv[2]?.replace(/^questions-|\.json$/g, '') ?? '';
const check = await checkRealSet(only);
console.log(`${check.questions} questions, ${check.documents} documents`);
console.log([...check.tags].map(([tag, n]) => `${tag}: ${n}`).join(', '));
for (const problem of check.problems) console.log(problem);
if (check.problems.length > 0) process.exit(1);
