import { useApi } from '../api/api-context.tsx';
import { useResource } from '../api/use-resource.ts';
import { usePageTitle } from '../components/page-title.ts';
import { PlanForm } from '../components/settings/plan-form.tsx';
import { RiskRulesForm } from '../components/settings/risk-rules-form.tsx';
import { SettingsForm } from '../components/settings/settings-form.tsx';
import { ErrorState, Loading } from '../components/states.tsx';

/** The user's preferences: name, allocation targets, their retirement plan, and risk checks. */
export default function SettingsPage() {
  usePageTitle('Settings');
  const api = useApi();
  const user = useResource((signal) => api.getUser(signal), [api]);
  const risk = useResource((signal) => api.getRiskChecks(signal), [api]);
  return (
    <div className="stack-lg narrow-wide">
      <h1 className="h1">Settings</h1>
      {user.status === 'loading' && <Loading label="Loading your settings" />}
      {user.status === 'error' && <ErrorState error={user.error} onRetry={user.reload} />}
      {user.status === 'ready' && (
        <>
          <SettingsForm user={user.data} onSave={(update) => api.updateUser(update)} />
          <PlanForm user={user.data} onSave={(update) => api.updateUser(update)} />
        </>
      )}
      {risk.status === 'loading' && <Loading label="Loading your risk checks" />}
      {risk.status === 'error' && <ErrorState error={risk.error} onRetry={risk.reload} />}
      {risk.status === 'ready' && (
        <RiskRulesForm checks={risk.data.checks} onSave={(update) => api.updateRiskRules(update)} />
      )}
    </div>
  );
}
