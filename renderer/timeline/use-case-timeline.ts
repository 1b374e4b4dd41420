// The case timeline's facts for a case (timeline.get): the case page and the editor run the shared
// rules on them (shared/timeline/case-timeline.ts) — the editor with the content being typed.
import { useCallback, useEffect, useState } from 'react';
import type { TimelineInput } from '../../shared/timeline/timeline-api.ts';
import { useApi } from '../app/api-context.tsx';

export function useCaseTimeline(
  caseId: string,
  version?: string,
): {
  input: TimelineInput | null;
  reload: () => void;
  set: (v: TimelineInput) => void;
} {
  const { run } = useApi();
  const [input, set] = useState<TimelineInput | null>(null);
  const reload = useCallback(() => {
    void run('timeline.get', { caseId }, { quiet: true }).then((r) => r.ok && set(r.value));
  }, [caseId, run]);
  useEffect(reload, [reload, version]);
  return { input, reload, set };
}
