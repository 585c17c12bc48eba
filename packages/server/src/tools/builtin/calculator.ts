import { AppError } from '@qiao/core';
import { all, create, format } from 'mathjs';
import { z } from 'zod';
import { defineTool } from '../tool';

const math = create(all!);
const evaluate = math.evaluate.bind(math);
const blocked = (name: string) => () => {
  throw new Error(`${name} is disabled in the calculator`);
};
// An expression could otherwise define functions, import code or change units for every caller.
math.import(
  {
    import: blocked('import'),
    createUnit: blocked('createUnit'),
    evaluate: blocked('evaluate'),
    parse: blocked('parse'),
    simplify: blocked('simplify'),
    derivative: blocked('derivative'),
    compile: blocked('compile'),
    resolve: blocked('resolve'),
    reviver: blocked('reviver'),
  },
  { override: true },
);

const maxLength = 500;

/** Evaluates in a fresh scope per call, so assignments cannot leak between callers. */
export function calculate(expression: string): string {
  if (expression.length > maxLength)
    throw new AppError('bad_request', `Expressions are limited to ${maxLength} characters`);
  const value = evaluate(expression, new Map());
  if (typeof value === 'function')
    throw new AppError('bad_request', 'The expression is a function, not a value');
  return format(value, { precision: 14 });
}

export const calculatorTool = defineTool({
  name: 'calculator',
  description:
    'Evaluates a math expression exactly (mathjs syntax): arithmetic, powers, sqrt, trig, units such as "5 km to mile", percentages.',
  schema: z.object({ expression: z.string().min(1).describe('for example "(1+2)^10 / 7" or "12% * 3400"') }),
  async execute({ expression }) {
    const result = calculate(expression);
    return { text: `${expression} = ${result}`, data: { expression, result } };
  },
});
