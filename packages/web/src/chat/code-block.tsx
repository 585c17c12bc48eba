import { type ComponentProps, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { CheckIcon, CopyIcon } from '../layout/icons';

/** A fenced code block with its language and a copy button. */
export function CodeBlock({ children, node: _node, ...rest }: ComponentProps<'pre'> & { node?: unknown }) {
  const { t } = useI18n();
  const ref = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState(false);
  const code = ref.current?.querySelector('code');
  const language = /language-(\S+)/.exec(code?.className ?? '')?.[1];

  const copy = async () => {
    await navigator.clipboard?.writeText(ref.current?.textContent ?? '').catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  return (
    <div className="code-block">
      <div className="code-head">
        <span>{language ?? ''}</span>
        <button type="button" className="icon-button small" onClick={copy} aria-label={t('copyCode')}>
          {copied ? <CheckIcon /> : <CopyIcon />}
          <span>{copied ? t('copied') : t('copy')}</span>
        </button>
      </div>
      <pre ref={ref} {...rest}>
        {children}
      </pre>
    </div>
  );
}
