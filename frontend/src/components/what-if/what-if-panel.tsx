import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/api-context.tsx';
import { errorMessage } from '../../api/errors.ts';
import { ProjectionChart } from '../lazy.tsx';
import { dollars, formatChance } from '../report/retirement-format.ts';
import type { WhatIfReply, WhatIfRequest } from './what-if-messages.ts';
import { initialSettings, type StoredRun, type WhatIfSettings, whatIfInput } from './what-if-model.ts';

type Ready = Extract<WhatIfReply, { ok: true }>;

/** One slider with its label and the value it stands at. */
function Slider({
  id,
  label,
  value,
  min,
  max,
  step,
  shown,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  shown: string;
  onChange: (value: number) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}: <output htmlFor={id}>{shown}</output>
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </div>
  );
}

/** One slider: the setting it moves, its range (from 0) and how its value reads beside its label. */
interface SliderSpec {
  key: keyof WhatIfSettings;
  id: string;
  label: string;
  step: number;
  /** The top of the range, from the stored run. */
  max: (run: StoredRun) => number;
  shown: (value: number, currentAge: number | null) => string;
}

/** A money slider's top: twice the stored amount (rounded up to $1,000), and at least `floor`. */
const moneyMax = (floor: number, amount: number): number => Math.max(floor, Math.ceil(amount / 1000) * 2000);

/** The sliders, in the order they are shown. */
const SLIDERS: SliderSpec[] = [
  {
    key: 'annualContribution',
    id: 'what-if-contribution',
    label: 'Yearly saving',
    step: 500,
    max: (run) => moneyMax(100_000, run.plan.annualContribution),
    shown: (value) => dollars(value),
  },
  {
    key: 'yearsToRetirement',
    id: 'what-if-years',
    label: 'Retire',
    step: 1,
    max: (run) => Math.min(60, Math.max(run.yearsToRetirement + 15, 10)),
    shown: (years, currentAge) =>
      currentAge === null ? `in ${years} years` : `at age ${currentAge + years}`,
  },
  {
    key: 'targetIncome',
    id: 'what-if-income',
    label: 'Target income a year',
    step: 1000,
    max: (run) => moneyMax(200_000, run.plan.targetIncome),
    shown: (value) => dollars(value),
  },
  {
    key: 'equityPercent',
    id: 'what-if-equity',
    label: 'Equity share',
    step: 1,
    max: () => 100,
    shown: (percent) => `${percent}%`,
  },
  {
    key: 'feePercent',
    id: 'what-if-fee',
    label: 'Fees a year',
    step: 0.05,
    max: () => 2,
    shown: (percent) => `${percent.toFixed(2)}%`,
  },
];

/**
 * Instant what-ifs: sliders for the yearly saving, retirement date, target income, equity share and
 * fees re-run the same `@alex/finance` Monte Carlo (10,000 paths, the stored seed) in a Web Worker as
 * they move, with no server call; "Save as my plan" writes the plan's fields back. The equity share is
 * not a plan field: analyses simulate the mix the user holds, and the asset-class targets on /settings
 * only steer rebalancing, so the panel says so beside the button and links there rather than save it.
 */
export default function WhatIfPanel({ run, currentAge }: { run: StoredRun; currentAge: number | null }) {
  const api = useApi();
  const [settings, setSettings] = useState<WhatIfSettings>(() => initialSettings(run));
  const [result, setResult] = useState<Ready | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ kind: 'saved' } | { kind: 'error'; error: unknown } | null>(null);
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    if (typeof Worker === 'undefined') {
      setFailure('This browser cannot run what-ifs (no Web Workers).');
      return;
    }
    const created = new Worker(new URL('./what-if-worker.ts', import.meta.url), { type: 'module' });
    created.onmessage = (event: MessageEvent<WhatIfReply>) => {
      // Only the newest request's answer is shown; older ones finished after the slider moved on.
      if (event.data.id !== latest.current) return;
      if (event.data.ok) {
        setResult(event.data);
        setFailure(null);
      } else setFailure(event.data.message);
    };
    worker.current = created;
    return () => created.terminate();
  }, []);

  useEffect(() => {
    latest.current += 1;
    const request: WhatIfRequest = { id: latest.current, input: whatIfInput(run, settings), currentAge };
    worker.current?.postMessage(request);
  }, [run, settings, currentAge]);

  const set = (key: keyof WhatIfSettings) => (value: number) => {
    setSaved(null);
    setSettings((s) => ({ ...s, [key]: value }));
  };

  async function save() {
    try {
      await api.updateUser({
        annual_contribution: settings.annualContribution.toFixed(2),
        target_retirement_income: settings.targetIncome.toFixed(2),
        annual_fee_percent: settings.feePercent.toFixed(2),
        ...(currentAge === null
          ? { years_until_retirement: settings.yearsToRetirement }
          : { retirement_age: Math.min(100, Math.max(30, currentAge + settings.yearsToRetirement)) }),
      } satisfies Parameters<typeof api.updateUser>[0]);
      setSaved({ kind: 'saved' });
    } catch (error: unknown) {
      setSaved({ kind: 'error', error });
    }
  }

  return (
    <section className="card stack" aria-labelledby="what-if-heading" data-testid="what-if">
      <h3 id="what-if-heading" className="h3">
        What if…
      </h3>
      <p className="muted">
        Move a slider: your browser re-runs the same simulation ({run.paths.toLocaleString('en-US')} paths) at
        once. Amounts are in today's dollars.
      </p>
      <div className="form-grid">
        {SLIDERS.map((slider) => (
          <Slider
            key={slider.id}
            id={slider.id}
            label={slider.label}
            value={settings[slider.key]}
            min={0}
            max={slider.max(run)}
            step={slider.step}
            shown={slider.shown(settings[slider.key], currentAge)}
            onChange={set(slider.key)}
          />
        ))}
      </div>
      {failure && (
        <p className="error-text" role="alert">
          {failure}
        </p>
      )}
      {result === null ? (
        <p className="muted">Simulating…</p>
      ) : (
        <>
          <dl className="grid stats" aria-live="polite">
            <div className="stat">
              <dt>Chance your target income lasts</dt>
              <dd data-testid="what-if-chance">{formatChance(result.successRate)}</dd>
            </div>
            <div className="stat">
              <dt>Income that lasts in 9 of 10 markets (today's dollars)</dt>
              <dd data-testid="what-if-income">{dollars(result.sustainableIncome)} a year</dd>
            </div>
            <div className="stat">
              <dt>Median at retirement (today's dollars)</dt>
              <dd data-testid="what-if-median">{dollars(result.atRetirement.p50Today)}</dd>
            </div>
          </dl>
          <p className="muted" data-testid="what-if-time">
            Simulated in your browser in {Math.round(result.milliseconds)} ms.
          </p>
          <ProjectionChart chart={{ ...result.chart, title: 'What-if projection' }} />
        </>
      )}
      <div className="row">
        <button type="button" className="button" onClick={save} aria-describedby="what-if-saves">
          Save as my plan
        </button>
        <span role="status" aria-live="polite">
          {saved?.kind === 'saved' &&
            'Saved as your plan (saving, retirement, target income and fees). Run a new analysis to update the report.'}
        </span>
      </div>
      <p id="what-if-saves" className="muted small">
        Saves the yearly saving, retirement date, target income and fees as your plan. The equity share is not
        saved: analyses use the mix you hold. To aim for another mix, change your{' '}
        <Link to="/settings">asset-class targets in Settings</Link>, then rebalance.
      </p>
      {saved?.kind === 'error' && (
        <p className="error-text" role="alert">
          {errorMessage(saved.error)}
        </p>
      )}
    </section>
  );
}
