import { type FormEvent, useState } from 'react';
import { TextAndButton } from '../lib/text-and-button';
import { useToast } from '../lib/toast';
import { adminApi, type ModerationVerdict } from './admin-api';
import { useAdminText } from './use-admin-text';

/** Try a text against the live lexicon, PII detectors and injection score, without a chat. */
export function LexiconTester() {
  const { t } = useAdminText();
  const toast = useToast();
  const [text, setText] = useState('');
  const [verdict, setVerdict] = useState<ModerationVerdict>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setVerdict(await adminApi.testText(text));
    } catch (error) {
      toast(t('failed') + (error as Error).message);
    }
  };

  return (
    <form className="admin-card" onSubmit={submit} data-testid="lexicon-tester">
      <h3>{t('tester')}</h3>
      <TextAndButton
        value={text}
        onChange={setText}
        label={t('tester')}
        placeholder={t('testerPlaceholder')}
        button={t('testerRun')}
        buttonClass="ghost"
        testIds={{ input: 'tester-text', button: 'tester-run' }}
      />
      {verdict && (
        <dl className="tester-result" data-testid="tester-result" data-action={verdict.action ?? 'none'}>
          <dt>{t('action')}</dt>
          <dd>{verdict.action ? t(`action_${verdict.action}`) : t('testerPass')}</dd>
          {verdict.hits.length > 0 && (
            <>
              <dt>{t('terms')}</dt>
              <dd>{verdict.hits.map((hit) => `${hit.text} → ${hit.term} (${hit.category})`).join('; ')}</dd>
              <dt>{t('testerMasked')}</dt>
              <dd>{verdict.masked}</dd>
            </>
          )}
          {verdict.pii.length > 0 && (
            <>
              <dt>{t('testerPii')}</dt>
              <dd>{[...new Set(verdict.pii.map((p) => p.type))].join(', ')}</dd>
            </>
          )}
          <dt>{t('testerInjection')}</dt>
          <dd>{verdict.injection.score.toFixed(2)}</dd>
        </dl>
      )}
    </form>
  );
}
