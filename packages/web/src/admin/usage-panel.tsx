import { type UsageFigures, type UsageGroup, type UsageReport, usageFormat } from '@qiao/core';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../lib/api';
import { useToast } from '../lib/toast';
import { adminApi } from './admin-api';
import { type ChartSeries, UsageChart } from './usage-chart';
import { useAdminText } from './use-admin-text';
import './admin.css';

const ranges = [7, 30, 90] as const;
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const myUsage = (days: number, tz: string) =>
  api<UsageReport>(`/api/me/usage?${new URLSearchParams({ days: String(days), tz })}`);

/**
 * Requests, tokens, cost and latency from the request log: totals, a chart per day, tables per
 * model and user. `mine`: the signed-in user's own (settings), else everyone's (admin).
 */
export function UsagePanel({ mine = false }: { mine?: boolean }) {
  const { t, locale } = useAdminText();
  const toast = useToast();
  const [days, setDays] = useState<number>(30);
  const [report, setReport] = useState<UsageReport>();
  useEffect(() => {
    let current = true;
    (mine ? myUsage : adminApi.usage)(days, timeZone)
      .then((r) => current && setReport(r))
      .catch((error: Error) => toast(t('failed') + error.message));
    return () => {
      current = false;
    };
  }, [days, mine, toast, t]);

  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const charts = useMemo(() => (report ? chartsOf(report, t) : []), [report, t]);
  return (
    <section className="settings-section usage" data-testid={mine ? 'my-usage' : 'admin-usage'}>
      <div className="row-end usage-range">
        <span className="muted small">
          {t('usageTimeZone').replace('{tz}', report?.timeZone ?? timeZone)}
        </span>
        <label>
          {t('usageRange')}{' '}
          <select value={days} onChange={(e) => setDays(Number(e.target.value))} data-testid="usage-range">
            {ranges.map((n) => (
              <option key={n} value={n}>
                {t('usageDays').replace('{n}', String(n))}
              </option>
            ))}
          </select>
        </label>
      </div>
      {report && (
        <>
          <Tiles totals={report.totals} number={number} />
          {report.totals.requests === 0 ? (
            <p className="muted">{t('usageNone')}</p>
          ) : (
            <>
              <div className="usage-charts">
                {charts.map((chart) => (
                  <UsageChart
                    key={chart.testId}
                    dayLabel={t('usageDay')}
                    days={report.days.map((d) => d.day)}
                    {...chart}
                  />
                ))}
              </div>
              <GroupTable
                title={t('usageByModel')}
                head={t('usageModel')}
                groups={report.models}
                testId="usage-models"
              />
              {!mine && (
                <GroupTable
                  title={t('usageByUser')}
                  head={t('usageUser')}
                  groups={report.users.map((u) => ({ ...u, label: u.label || t('usageNoUser') }))}
                  testId="usage-users"
                />
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

type Text = ReturnType<typeof useAdminText>['t'];

function chartsOf(
  report: UsageReport,
  t: Text,
): { title: string; series: ChartSeries[]; whole?: boolean; testId: string }[] {
  const of = (pick: (d: UsageReport['days'][number]) => number | null) => report.days.map(pick);
  return [
    {
      title: t('usageRequests'),
      testId: 'usage-chart-requests',
      whole: true,
      series: [
        { label: t('usageRequests'), values: of((d) => d.requests), color: '--accent', bars: true },
        { label: t('usageErrors'), values: of((d) => d.errors), color: '--danger' },
      ],
    },
    {
      title: t('usageTokens'),
      testId: 'usage-chart-tokens',
      whole: true,
      series: [
        { label: t('usageInput'), values: of((d) => d.inputTokens), color: '#3b82f6' },
        { label: t('usageOutput'), values: of((d) => d.outputTokens), color: '#10b981' },
      ],
    },
    {
      title: t('usageCost'),
      testId: 'usage-chart-cost',
      series: [
        { label: t('usageCost'), values: of((d) => round(d.costUsd, 4)), color: '#f59e0b', bars: true },
      ],
    },
    {
      title: t('usageLatency'),
      testId: 'usage-chart-latency',
      series: [
        { label: t('usageLatencyP50'), values: of((d) => d.latencyP50Ms), color: '#6366f1' },
        { label: t('usageLatencyP95'), values: of((d) => d.latencyP95Ms), color: '--muted' },
        { label: t('usageTtftP50'), values: of((d) => d.ttftP50Ms), color: '#14b8a6' },
      ],
    },
  ];
}

function Tiles({ totals, number }: { totals: UsageFigures; number: Intl.NumberFormat }) {
  const { t } = useAdminText();
  const tiles: [string, string, string][] = [
    ['requests', t('usageRequests'), number.format(totals.requests)],
    ['tokens', t('usageTokens'), number.format(totals.inputTokens + totals.outputTokens)],
    ['cost', t('usageCost'), usd(totals.costUsd)],
    ['errors', t('usageErrorRate'), percent(totals.errors, totals.requests)],
    ['latency', t('usageLatencyP50'), ms(totals.latencyP50Ms)],
  ];
  return (
    <ul className="usage-tiles">
      {tiles.map(([id, label, value]) => (
        <li key={id} className="admin-card" data-testid={`usage-total-${id}`}>
          <span className="muted small">{label}</span>
          <strong>{value}</strong>
        </li>
      ))}
    </ul>
  );
}

function GroupTable({
  title,
  head,
  groups,
  testId,
}: {
  title: string;
  head: string;
  groups: UsageGroup[];
  testId: string;
}) {
  const { t, locale } = useAdminText();
  const number = new Intl.NumberFormat(locale);
  const most = Math.max(1, ...groups.map((g) => g.requests));
  return (
    <div className="admin-card wide">
      <h3>{title}</h3>
      <div className="table-scroll">
        <table className="admin-table" data-testid={testId}>
          <thead>
            <tr>
              <th>{head}</th>
              <th>{t('usageRequests')}</th>
              <th>{t('usageErrorRate')}</th>
              <th>{t('usageInput')}</th>
              <th>{t('usageOutput')}</th>
              <th>{t('usageCost')}</th>
              <th>{t('usageLatencyP50')}</th>
              <th>{t('usageLatencyP95')}</th>
              <th>{t('usageTtftP50')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.key} data-key={g.key}>
                <td>{g.label}</td>
                <td className="usage-count">
                  <span>
                    <span className="bar" aria-hidden="true">
                      <i style={{ width: `${(g.requests / most) * 100}%` }} />
                    </span>
                    {number.format(g.requests)}
                  </span>
                </td>
                <td>{percent(g.errors, g.requests)}</td>
                <td>{number.format(g.inputTokens)}</td>
                <td>{number.format(g.outputTokens)}</td>
                <td>{usd(g.costUsd)}</td>
                <td>{ms(g.latencyP50Ms)}</td>
                <td>{ms(g.latencyP95Ms)}</td>
                <td>{ms(g.ttftP50Ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const { percent, usd, ms } = usageFormat('—');
