import type { KeyPolicyView } from './admin-api';
import { policyFacts } from './key-policy';
import { useAdminText } from './use-admin-text';

/** A key's limits as small badges on the key list. */
export function KeyPolicySummary({ policy }: { policy: KeyPolicyView | null }) {
  const { t, locale } = useAdminText();
  const facts = policyFacts(policy);
  const n = (value: number) => value.toLocaleString(locale);
  if (facts.full)
    return (
      <span className="key-policy-summary" data-testid="key-policy-summary">
        <span className="badge">{t('fullAccess')}</span>
      </span>
    );
  const badges: string[] = [];
  if (facts.scopes) badges.push(`${t('scopes')}: ${facts.scopes.map((s) => t(`scope_${s}`)).join(', ')}`);
  if (facts.expiresAt)
    badges.push(
      `${facts.expired ? t('expired') : t('expires')} ${facts.expiresAt.toLocaleDateString(locale)}`,
    );
  if (facts.dailyRequests) badges.push(`${n(facts.dailyRequests)} ${t('requests')}${t('perDay')}`);
  if (facts.dailyTokens) badges.push(`${n(facts.dailyTokens)} ${t('tokens')}${t('perDay')}`);
  if (facts.rateLimit) badges.push(`${n(facts.rateLimit)} ${t('requests')}${t('perMinute')}`);
  if (facts.models) badges.push(`${t('modelsShort')}: ${facts.models.join(', ')}`);
  if (facts.ips) badges.push(`IP: ${facts.ips.join(', ')}`);
  return (
    <span className="key-policy-summary" data-testid="key-policy-summary">
      {badges.map((badge) => (
        <span
          key={badge}
          className={`badge ${facts.expired && badge.startsWith(t('expired')) ? 'warn' : ''}`}
        >
          {badge}
        </span>
      ))}
    </span>
  );
}
